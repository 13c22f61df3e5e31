import { Button, FileButton, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { useCan } from '../../components/session';
import { useResetOnOpen } from '../../forms';
import type { Refusal } from './partnerUi';
import { toBase64 } from './ui';

/** Register an agreement or edit one, and attach its signed document. */
export function AgreementFormModal({ opened, onClose, agreement }: { opened: boolean; onClose: () => void; agreement: Agreement | null }) {
  const { t } = useTranslation();
  const partners = useApiQuery('partners.list', { status: 'all' });
  const create = useApiMutation('agreements.create');
  const update = useApiMutation('agreements.update');
  const attach = useApiMutation('agreements.attachDocument');
  const canSave = useCan(agreement ? 'agreements.update' : 'agreements.create');
  const canAttach = useCan('agreements.attachDocument');
  const blank = {
    partnerId: null as string | null,
    title: '',
    object: '',
    documentNumber: '',
    startDate: todayIso() as string | null,
    endDate: null as string | null,
    notes: '',
  };
  const [v, setV] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attached, setAttached] = useState<string | null>(null);
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(opened, agreement?.id ?? null, () => {
    setErrors({});
    setAttached(null);
    setV(
      agreement
        ? {
            partnerId: String(agreement.partnerId),
            title: agreement.title,
            object: agreement.object,
            documentNumber: agreement.documentNumber ?? '',
            startDate: agreement.startDate,
            endDate: agreement.endDate,
            notes: agreement.notes ?? '',
          }
        : blank,
    );
  });
  const save = () => {
    const input = {
      partnerId: Number(v.partnerId ?? 0),
      title: v.title,
      object: v.object,
      documentNumber: v.documentNumber,
      startDate: v.startDate ?? '',
      endDate: v.endDate,
      notes: v.notes,
    };
    const opts = {
      onSuccess: (a: Agreement) => {
        notifications.show({
          color: 'teal',
          message: t(agreement ? 'programmes.agreements.updated' : 'programmes.agreements.created', { title: a.title }),
        });
        onClose();
      },
      onError: (err: Refusal) => {
        setErrors(err.error.fields);
        notifications.show({ color: 'red', message: err.message });
      },
    };
    if (agreement) update.mutate({ ...input, id: agreement.id, version: agreement.version }, opts);
    else create.mutate(input, opts);
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={640}
      title={t(agreement ? 'programmes.agreements.editTitle' : 'programmes.agreements.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        {/* A new agreement starts with its partner; an open one with its title (a focused list would open over the form). */}
        <Select
          label={t('programmes.agreements.partner')}
          withAsterisk
          searchable
          data={(partners.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={v.partnerId}
          onChange={(x) => setV({ ...v, partnerId: x })}
          error={errors.partnerId}
          data-autofocus={agreement ? undefined : true}
        />
        <TextInput
          label={t('programmes.agreements.titleField')}
          withAsterisk
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
          error={errors.title}
          data-autofocus={agreement ? true : undefined}
        />
        <Textarea
          label={t('programmes.agreements.object')}
          withAsterisk
          autosize
          minRows={2}
          value={v.object}
          onChange={(e) => setV({ ...v, object: e.currentTarget.value })}
          error={errors.object}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('programmes.agreements.documentNumber')}
            value={v.documentNumber}
            onChange={(e) => setV({ ...v, documentNumber: e.currentTarget.value })}
            error={errors.documentNumber}
          />
          <DateField
            label={t('programmes.agreements.startDate')}
            withAsterisk
            value={v.startDate}
            onChange={(x) => setV({ ...v, startDate: x })}
            error={errors.startDate}
          />
          <DateField
            label={t('programmes.agreements.endDate')}
            clearable
            value={v.endDate}
            onChange={(x) => setV({ ...v, endDate: x })}
            error={errors.endDate}
          />
        </SimpleGrid>
        {agreement && canAttach && (
          <Group>
            <FileButton
              accept="application/pdf,image/jpeg,image/png,image/webp,image/tiff,image/gif"
              onChange={(file) => {
                if (!file) return;
                void toBase64(file).then((dataBase64) =>
                  attach.mutate(
                    { id: agreement.id, fileName: file.name, dataBase64 },
                    {
                      onSuccess: () => {
                        setAttached(file.name);
                        notifications.show({ color: 'teal', message: t('programmes.agreements.attached') });
                      },
                      onError: (err) => notifications.show({ color: 'red', message: err.message }),
                    },
                  ),
                );
              }}
            >
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconPaperclip size={16} />} loading={attach.isPending}>
                  {t('programmes.agreements.attach')}
                </Button>
              )}
            </FileButton>
            {(attached ?? agreement.document?.name) && <Text size="sm">{attached ?? agreement.document?.name}</Text>}
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {canSave && (
            <Button onClick={save} loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
