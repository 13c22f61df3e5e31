import { Button, FileButton, Group, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useCan } from '../../components/session';
import { useRecordDialog } from '../../components/useRecordDialog';
import { toBase64 } from '../../components/files';

interface Values {
  partnerId: string | null;
  title: string;
  object: string;
  documentNumber: string;
  startDate: string | null;
  endDate: string | null;
  notes: string;
}

const blank = (): Values => ({
  partnerId: null,
  title: '',
  object: '',
  documentNumber: '',
  startDate: todayIso(),
  endDate: null,
  notes: '',
});

const fromAgreement = (a: Agreement): Values => ({
  partnerId: String(a.partnerId),
  title: a.title,
  object: a.object,
  documentNumber: a.documentNumber ?? '',
  startDate: a.startDate,
  endDate: a.endDate,
  notes: a.notes ?? '',
});

/** The signed document of a saved agreement: attach it, see its name. */
function AgreementDocument({
  agreement,
  attached,
  onAttached,
}: {
  agreement: Agreement;
  attached: string | null;
  onAttached: (name: string) => void;
}) {
  const { t } = useTranslation();
  const attach = useApiMutation('agreements.attachDocument');
  return (
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
                  onAttached(file.name);
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
  );
}

/** Register an agreement or edit one, and attach its signed document. */
export function AgreementFormModal({ opened, onClose, agreement }: { opened: boolean; onClose: () => void; agreement: Agreement | null }) {
  const { t } = useTranslation();
  const partners = useApiQuery('partners.list', { status: 'all' });
  const canSave = useCan(agreement ? 'agreements.update' : 'agreements.create');
  const canAttach = useCan('agreements.attachDocument');
  const [attached, setAttached] = useState<string | null>(null);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, write, modal } = useRecordDialog('agreements', agreement, {
    opened,
    onClose,
    savedMessage: (a) => t(agreement ? 'programmes.agreements.updated' : 'programmes.agreements.created', { title: a.title }),
    values: (): Values => (agreement ? fromAgreement(agreement) : blank()),
    onOpen: () => setAttached(null),
  });
  const save = (v: Values) => write({ ...v, partnerId: Number(v.partnerId ?? 0), startDate: v.startDate ?? '' });
  return (
    <FormModal
      {...modal(save)}
      size={640}
      title={t(agreement ? 'programmes.agreements.editTitle' : 'programmes.agreements.newTitle')}
      readOnly={!canSave}
      gap="sm"
    >
      {/* A new agreement starts with its partner; an open one with its title (a focused list would open over the form). */}
      <Select
        label={t('programmes.agreements.partner')}
        withAsterisk
        searchable
        data={(partners.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
        {...form.getInputProps('partnerId')}
        data-autofocus={agreement ? undefined : true}
      />
      <TextInput
        label={t('programmes.agreements.titleField')}
        withAsterisk
        {...form.getInputProps('title')}
        data-autofocus={agreement ? true : undefined}
      />
      <Textarea label={t('programmes.agreements.object')} withAsterisk autosize minRows={2} {...form.getInputProps('object')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('programmes.agreements.documentNumber')} {...form.getInputProps('documentNumber')} />
        <DateField label={t('programmes.agreements.startDate')} withAsterisk {...form.getInputProps('startDate')} />
        <DateField label={t('programmes.agreements.endDate')} clearable {...form.getInputProps('endDate')} />
      </SimpleGrid>
      {agreement && canAttach && <AgreementDocument agreement={agreement} attached={attached} onAttached={setAttached} />}
    </FormModal>
  );
}
