import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { PopulationCountInput, type PopulationCount } from '../../../../shared/establishments/population-schemas';
import { useApiMutation } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useNumber } from '../../components/numbers';
import { useRecordForm } from '../../components/useRecordForm';
import { schemaValidator } from '../../forms';

interface CountValues {
  countedOn: string | null;
  /** As typed. */
  men: string;
  women: string;
  source: string;
}

const blank = (): CountValues => ({ countedOn: todayIso(), men: '', women: '', source: '' });

/** A headcount as typed: the whole number, or NaN when it is not digits only (the schema refuses it beside the field). */
const readCount = (text: string): number | undefined => {
  const v = text.trim();
  if (v === '') return undefined;
  return /^\d{1,9}$/.test(v) ? Number(v) : NaN;
};

const toInput = (establishmentId: number, v: CountValues) => ({
  establishmentId,
  countedOn: v.countedOn ?? undefined,
  men: readCount(v.men),
  women: readCount(v.women),
  source: v.source,
});

/**
 * Records one headcount of an establishment: the day, men and women (digits as typed, never
 * rounded or guessed), the source. A count is never edited: one of the same day replaces it.
 */
export function PopulationFormModal({
  opened,
  onClose,
  establishment,
}: {
  opened: boolean;
  onClose: () => void;
  establishment: { id: number; name: string } | null;
}) {
  const { t } = useTranslation();
  const number = useNumber();
  const record = useApiMutation('population.record');
  const validate = schemaValidator(PopulationCountInput, t);
  const { form, setFormError, saved, modal } = useRecordForm<CountValues>({
    opened,
    recordKey: establishment?.id ?? null,
    initialValues: blank(),
    validate: (values) => validate(toInput(establishment?.id ?? 0, values)),
    values: blank,
  });

  const save = (values: CountValues) => {
    if (!establishment) return;
    setFormError(null);
    record.mutate(
      toInput(establishment.id, values) as PopulationCountInput,
      saved(
        (c: PopulationCount) =>
          t('establishments.headcount.saved', { name: establishment.name, date: formatDate(c.countedOn), total: number(c.total) }),
        onClose,
      ),
    );
  };

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={t('establishments.headcount.recordTitle')}
      size={560}
      saving={record.isPending}
      gap="sm"
      actionsMt="xs"
    >
      <Text size="sm" c="dimmed">
        {establishment?.name}
      </Text>
      <DateField required label={t('establishments.headcount.countedOn')} maxDate={todayIso()} {...form.getInputProps('countedOn')} />
      <SimpleGrid cols={2}>
        <TextInput
          data-autofocus
          required
          inputMode="numeric"
          autoComplete="off"
          label={t('establishments.headcount.men')}
          {...form.getInputProps('men')}
        />
        <TextInput
          required
          inputMode="numeric"
          autoComplete="off"
          label={t('establishments.headcount.women')}
          {...form.getInputProps('women')}
        />
      </SimpleGrid>
      <TextInput
        label={t('establishments.headcount.source')}
        placeholder={t('establishments.headcount.sourcePlaceholder')}
        {...form.getInputProps('source')}
      />
      <Text size="xs" c="dimmed">
        {t('establishments.headcount.recordHint')}
      </Text>
    </FormModal>
  );
}
