import { Button, Checkbox, Group, Image, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/fields';
import type { ChecklistRow, Exhibition } from '../../../../shared/internarte/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { useResetOnOpen } from '../../forms';

/** Adding artworks to the checklist, and a checklist row's number and section. */
export function AddWorksModal({
  opened,
  onClose,
  exhibitionId,
  present,
}: {
  opened: boolean;
  onClose: () => void;
  exhibitionId: number;
  present: Set<number>;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<number[]>([]);
  const list = useApiQuery('artworks.list', { search: debounced, pageSize: 50, sort: 'title', direction: 'asc' }, { enabled: opened });
  const add = useApiMutation('exhibitions.addWorks');
  useEffect(() => {
    if (opened) {
      setChosen([]);
      setSearch('');
    }
  }, [opened]);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={720}
      title={t('internarte.checklist.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          aria-label={t('internarte.checklist.searchWorks')}
          placeholder={t('internarte.checklist.searchWorks')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <ScrollArea h={380}>
          <Stack gap={4}>
            {(list.data?.rows ?? []).map((a) => (
              <Checkbox
                key={a.id}
                disabled={present.has(a.id)}
                checked={present.has(a.id) || chosen.includes(a.id)}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setChosen((c) => (checked ? [...c, a.id] : c.filter((x) => x !== a.id)));
                }}
                label={
                  <Group gap="xs" wrap="nowrap">
                    {a.thumbnail && <Image src={a.thumbnail} alt="" w={32} h={32} fit="cover" radius="sm" />}
                    <div>
                      <Text size="sm" fs="italic">
                        {a.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.artistLabel} · {a.establishmentName}
                        {present.has(a.id) ? ` · ${t('internarte.checklist.alreadyIn')}` : ''}
                      </Text>
                    </div>
                  </Group>
                }
              />
            ))}
          </Stack>
        </ScrollArea>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={chosen.length === 0}
            loading={add.isPending}
            onClick={() =>
              add.mutate(
                { exhibitionId, artworkIds: chosen },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('internarte.checklist.added', { count: chosen.length }) });
                    onClose();
                  },
                  onError: (err) => notifications.show({ color: 'red', message: err.message }),
                },
              )
            }
          >
            {t('internarte.checklist.add')} ({chosen.length})
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ChecklistItemModal({
  row,
  onClose,
  exhibition,
}: {
  row: ChecklistRow | null;
  onClose: () => void;
  exhibition: Exhibition;
}) {
  const { t } = useTranslation();
  const update = useApiMutation('exhibitions.updateWork');
  const [number, setNumber] = useState('');
  const [section, setSection] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(row !== null, row?.artworkId, () => {
    if (!row) return;
    setNumber(row.catalogNumber);
    setSection(row.section ?? '');
    setErrors({});
  });
  return (
    <Modal opened={row !== null} onClose={onClose} title={row?.title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <TextInput
          data-autofocus
          required
          label={t('internarte.exhibitions.fields.catalogNumber')}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={errors.catalogNumber}
        />
        <TextInput
          label={t('internarte.checklist.columns.section')}
          description={exhibition.sectionMode === 'libre' ? undefined : t(`internarte.sectionModes.${exhibition.sectionMode}`)}
          value={section}
          onChange={(e) => setSection(e.currentTarget.value)}
          error={errors.section}
        />
        <FormActions
          onCancel={onClose}
          saving={update.isPending}
          onSave={() =>
            row &&
            update.mutate(
              { exhibitionId: exhibition.id, artworkId: row.artworkId, catalogNumber: number, section },
              { onSuccess: onClose, onError: (err) => setErrors(err.error.fields) },
            )
          }
        />
      </Stack>
    </Modal>
  );
}
