import { Checkbox, Group, Image, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ChecklistRow, Exhibition } from '../../../../shared/internarte/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';

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
  const add = useApiMutation('exhibitions.addWorks');
  // Reset only when the dialog opens.
  const { form, modal, setFormError, saved } = useRecordForm<{ search: string; chosen: number[] }>({
    opened,
    values: () => ({ search: '', chosen: [] }),
  });
  const { search, chosen } = form.values;
  const [debounced] = useDebouncedValue(search, 250);
  const list = useApiQuery('artworks.list', { search: debounced, pageSize: 50, sort: 'title', direction: 'asc' }, { enabled: opened });
  const save = (v: { chosen: number[] }) => {
    setFormError(null);
    add.mutate({ exhibitionId, artworkIds: v.chosen }, saved(t('internarte.checklist.added', { count: v.chosen.length }), onClose));
  };
  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      size={720}
      title={t('internarte.checklist.addTitle')}
      saving={add.isPending}
      saveLabel={`${t('internarte.checklist.add')} (${chosen.length})`}
      saveDisabled={chosen.length === 0}
      gap="sm"
    >
      <TextInput
        data-autofocus
        aria-label={t('internarte.checklist.searchWorks')}
        placeholder={t('internarte.checklist.searchWorks')}
        leftSection={<IconSearch size={16} />}
        {...form.getInputProps('search')}
        // The list follows what is typed: Enter here adds nothing.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
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
                form.setFieldValue('chosen', (c) => (checked ? [...c, a.id] : c.filter((x) => x !== a.id)));
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
    </FormModal>
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
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, modal, onError } = useRecordForm({
    opened: row !== null,
    recordKey: row?.artworkId,
    values: () => ({ catalogNumber: row?.catalogNumber ?? '', section: row?.section ?? '' }),
    sentenceWithFields: false,
  });
  const save = (v: { catalogNumber: string; section: string }) => {
    if (row) update.mutate({ exhibitionId: exhibition.id, artworkId: row.artworkId, ...v }, { onSuccess: onClose, onError });
  };
  return (
    <FormModal {...modal(save)} onClose={onClose} title={row?.title} saving={update.isPending} gap="sm">
      <TextInput
        data-autofocus
        required
        label={t('internarte.exhibitions.fields.catalogNumber')}
        {...form.getInputProps('catalogNumber')}
      />
      <TextInput
        label={t('internarte.checklist.columns.section')}
        description={exhibition.sectionMode === 'libre' ? undefined : t(`internarte.sectionModes.${exhibition.sectionMode}`)}
        {...form.getInputProps('section')}
      />
    </FormModal>
  );
}

/** One section for the works selected on the checklist (empty: none); their numbers stay. */
export function SectionModal({
  opened,
  onClose,
  onDone,
  exhibition,
  works,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
  exhibition: Exhibition;
  works: ChecklistRow[];
}) {
  const { t } = useTranslation();
  const save = useApiMutation('exhibitions.setSection');
  const { form, modal, onError } = useRecordForm({
    opened,
    recordKey: exhibition.id,
    values: () => ({ section: '' }),
    sentenceWithFields: false,
  });
  const apply = (v: { section: string }) =>
    save.mutate(
      { exhibitionId: exhibition.id, artworkIds: works.map((w) => w.artworkId), section: v.section },
      {
        onSuccess: () => {
          onDone();
          onClose();
        },
        onError,
      },
    );
  return (
    <FormModal
      {...modal(apply)}
      onClose={onClose}
      title={t('internarte.checklist.setSectionTitle', { count: works.length })}
      saving={save.isPending}
      gap="sm"
    >
      <Text size="sm" c="dimmed">
        {works.map((w) => w.title).join(' · ')}
      </Text>
      <TextInput
        data-autofocus
        label={t('internarte.checklist.columns.section')}
        description={
          exhibition.sectionMode === 'libre'
            ? t('internarte.checklist.sectionEmptyHint')
            : t(`internarte.sectionModes.${exhibition.sectionMode}`)
        }
        {...form.getInputProps('section')}
      />
    </FormModal>
  );
}
