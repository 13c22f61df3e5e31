import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { AuthorisationInput, type Authorisation } from '../../../../../shared/contracts/schemas';
import { useApiMutation } from '../../../api';
import { DateField, todayIso, useEstablishmentOptions } from '../../../components/fields';
import { schemaValidator } from '../../../forms';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { accentFilter } from '../../../components/accentFilter';

interface Values {
  establishmentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  documentNumber: string;
  notes: string;
}

/** Give or correct a teacher's access authorisation to one establishment, with its validity. */
export function AuthorisationModal({
  teacherId,
  authorisation,
  opened,
  onClose,
}: {
  teacherId: number;
  authorisation: Authorisation | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useApiMutation('teachers.saveAuthorisation');
  const establishments = useEstablishmentOptions('active');
  const toInput = (v: Values) => ({
    teacherId,
    id: authorisation?.id ?? null,
    establishmentId: v.establishmentId === null ? undefined : Number(v.establishmentId),
    validFrom: v.validFrom ?? undefined,
    validTo: v.validTo ?? undefined,
    documentNumber: v.documentNumber,
    notes: v.notes,
  });
  const validate = schemaValidator(AuthorisationInput, t);
  // Reset when it opens or turns to another authorisation, never on a background refetch.
  const { form, formError, setFormError, onError } = useRecordForm<Values>({
    opened,
    recordKey: authorisation?.id ?? null,
    validate: (v) => validate(toInput(v)),
    values: () =>
      authorisation
        ? {
            establishmentId: String(authorisation.establishmentId),
            validFrom: authorisation.validFrom,
            validTo: authorisation.validTo,
            documentNumber: authorisation.documentNumber,
            notes: authorisation.notes ?? '',
          }
        : { establishmentId: null, validFrom: todayIso(), validTo: null, documentNumber: '', notes: '' },
  });

  const options =
    authorisation && !establishments.some((e) => e.value === String(authorisation.establishmentId))
      ? [...establishments, { value: String(authorisation.establishmentId), label: authorisation.establishmentName }]
      : establishments;

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={authorisation ? t('contracts.authorisations.editTitle') : t('contracts.authorisations.newTitle')}
      size={640}
      onSubmit={form.onSubmit((v) => {
        setFormError(null);
        save.mutate(toInput(v) as never, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('contracts.authorisations.saved') });
            onClose();
          },
          onError,
        });
      })}
      error={formError}
      saving={save.isPending}
      gap="sm"
    >
      <Select
        data-autofocus
        required
        label={t('contracts.authorisations.establishment')}
        data={options}
        searchable
        filter={accentFilter}
        selectFirstOptionOnChange
        {...form.getInputProps('establishmentId')}
      />
      <SimpleGrid cols={2}>
        <DateField required label={t('contracts.authorisations.validFrom')} {...form.getInputProps('validFrom')} />
        <DateField required label={t('contracts.authorisations.validTo')} {...form.getInputProps('validTo')} />
      </SimpleGrid>
      <TextInput
        required
        label={t('contracts.authorisations.documentNumber')}
        placeholder={t('contracts.authorisations.documentPlaceholder')}
        {...form.getInputProps('documentNumber')}
      />
      <Textarea label={t('contracts.authorisations.notes')} autosize minRows={1} maxRows={3} {...form.getInputProps('notes')} />
    </FormModal>
  );
}
