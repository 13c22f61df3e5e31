import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EstablishmentInput, populations, type Establishment, type Population } from '../../../../shared/establishments/schemas';
import { useApiQuery } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useRecordDialog } from '../../components/useRecordDialog';
import { schemaValidator } from '../../forms';

interface FormValues {
  code: string;
  name: string;
  regionalOfficeId: string | null;
  population: string | null;
  city: string;
  inProgramme: boolean;
  /** As typed: empty for no period. */
  loanDays: string;
}

const emptyValues: FormValues = {
  code: '',
  name: '',
  regionalOfficeId: null,
  population: null,
  city: '',
  inProgramme: false,
  loanDays: '',
};

/** The loan period as typed: null when empty, the whole number of days, or NaN when it is not one (1–3650). */
const readLoanDays = (text: string): number | null => {
  const v = text.trim();
  if (v === '') return null;
  const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
  return n >= 1 && n <= 3650 ? n : NaN;
};

const toInput = (v: FormValues) => ({
  code: v.code,
  name: v.name,
  regionalOfficeId: v.regionalOfficeId === null ? undefined : Number(v.regionalOfficeId),
  population: (v.population ?? undefined) as Population | undefined,
  city: v.city,
  inProgramme: v.inProgramme,
  loanDays: readLoanDays(v.loanDays),
});

/**
 * Create or edit one establishment. The shared schema validates as the clerk types and
 * main validates again; a refused save keeps everything typed and shows main's message.
 */
export function EstablishmentFormModal({
  opened,
  onClose,
  establishment,
}: {
  opened: boolean;
  onClose: () => void;
  establishment: Establishment | null;
}) {
  const { t } = useTranslation();
  const offices = useApiQuery('regionalOffices.list', {});
  const validate = schemaValidator(EstablishmentInput, t);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, modal, write } = useRecordDialog('establishments', establishment, {
    opened,
    onClose,
    savedMessage: (saved) => t(establishment ? 'establishments.updated' : 'establishments.created', { name: saved.name }),
    initialValues: emptyValues,
    validate: (values) => {
      const errors = validate(toInput(values));
      // The schema only says "invalid": say what the field takes.
      if (errors.loanDays) errors.loanDays = t('establishments.loanDaysInvalid');
      return errors;
    },
    values: (): FormValues =>
      establishment
        ? {
            code: establishment.code,
            name: establishment.name,
            regionalOfficeId: String(establishment.regionalOfficeId),
            population: establishment.population,
            city: establishment.city,
            inProgramme: establishment.inProgramme,
            loanDays: establishment.loanDays === null ? '' : String(establishment.loanDays),
          }
        : emptyValues,
  });

  return (
    <FormModal
      {...modal((values) => write(toInput(values) as EstablishmentInput))}
      title={establishment ? t('establishments.editTitle') : t('establishments.newTitle')}
      size="lg"
      actionsMt="sm"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          data-autofocus
          required
          label={t('establishments.code')}
          description={t('establishments.codeHint')}
          {...form.getInputProps('code')}
        />
        <Select
          required
          label={t('establishments.regionalOffice')}
          data={(offices.data ?? []).map((o) => ({ value: String(o.id), label: `${o.name} (${o.seat})` }))}
          searchable
          selectFirstOptionOnChange
          {...form.getInputProps('regionalOfficeId')}
        />
      </SimpleGrid>
      <TextInput
        required
        label={t('establishments.name')}
        placeholder={t('establishments.namePlaceholder')}
        {...form.getInputProps('name')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput required label={t('establishments.city')} {...form.getInputProps('city')} />
        <Select
          required
          label={t('establishments.population')}
          data={populations.map((p) => ({ value: p, label: t(`establishments.populations.${p}`) }))}
          {...form.getInputProps('population')}
        />
      </SimpleGrid>
      <TextInput
        label={t('establishments.loanDays')}
        description={t('establishments.loanDaysHint')}
        inputMode="numeric"
        autoComplete="off"
        // A few digits: the box stays narrow, its label and hint take the row.
        styles={{ input: { maxWidth: 180 } }}
        {...form.getInputProps('loanDays')}
      />
      <Checkbox label={t('establishments.inProgrammeLabel')} {...form.getInputProps('inProgramme', { type: 'checkbox' })} />
    </FormModal>
  );
}
