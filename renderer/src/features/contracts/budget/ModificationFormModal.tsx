import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { budgetLines, modificationKinds } from '../../../../../shared/contracts/rules';
import { ModificationCreate } from '../../../../../shared/contracts/schemas';
import { useApiMutation } from '../../../api';
import { DateField, MoneyField } from '../../../components/fields';
import { FormModal } from '../../../components/FormModal';
import { useOptions } from '../../../components/ListTools';
import { solesToCentimos } from '../../../components/money';
import { useRecordForm } from '../../../components/useRecordForm';
import { schemaValidator } from '../../../forms';

interface Values {
  kind: string;
  line: string;
  toLine: string;
  amount: string;
  resolutionNumber: string;
  resolutionDate: string;
  reason: string;
}

const toInput = (year: number, v: Values) => ({
  year,
  kind: v.kind || undefined,
  line: v.line || undefined,
  toLine: v.kind === 'transferencia' ? v.toLine || undefined : null,
  amountCentimos: solesToCentimos(v.amount),
  resolutionNumber: v.resolutionNumber,
  resolutionDate: v.resolutionDate,
  reason: v.reason,
});

/** An increase, a decrease or a transfer between lines of the year's budget, with its resolution. */
export function ModificationFormModal({ opened, onClose, year }: { opened: boolean; onClose: () => void; year: number }) {
  const { t } = useTranslation();
  const modify = useApiMutation('budget.modify');
  const validate = schemaValidator(ModificationCreate, t);
  const kindOptions = useOptions(modificationKinds, 'contracts.modificationKinds');
  const lineOptions = useOptions(budgetLines, 'contracts.budgetLines');
  const { form, modal, saved } = useRecordForm<Values>({
    opened,
    recordKey: year,
    values: () => ({ kind: 'incremento', line: '', toLine: '', amount: '', resolutionNumber: '', resolutionDate: '', reason: '' }),
    validate: (v) => {
      const errors = validate(toInput(year, v));
      if (errors.amountCentimos) errors.amount = errors.amountCentimos;
      return errors;
    },
    fieldNames: { amountCentimos: 'amount' },
  });
  const transfer = form.values.kind === 'transferencia';

  return (
    <FormModal
      {...modal((v) => modify.mutate(toInput(year, v) as never, saved(t('contracts.modifications.saved'), onClose)))}
      onClose={onClose}
      title={t('contracts.modifications.recordTitle', { year })}
      size={600}
      saving={modify.isPending}
      gap="sm"
      header={
        <Text size="sm" c="dimmed">
          {t('contracts.modifications.hint')}
        </Text>
      }
    >
      <SimpleGrid cols={2}>
        <Select
          data-autofocus
          required
          label={t('contracts.modifications.kind')}
          data={kindOptions}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <MoneyField required label={t('contracts.modifications.amount')} {...form.getInputProps('amount')} />
        <Select
          required
          label={transfer ? t('contracts.modifications.fromLine') : t('contracts.modifications.line')}
          data={lineOptions}
          allowDeselect={false}
          {...form.getInputProps('line')}
        />
        {transfer ? (
          <Select
            required
            label={t('contracts.modifications.toLine')}
            data={lineOptions}
            allowDeselect={false}
            {...form.getInputProps('toLine')}
          />
        ) : (
          <div />
        )}
        <TextInput
          required
          label={t('contracts.modifications.resolutionNumber')}
          description={t('contracts.modifications.resolutionNumberHint')}
          {...form.getInputProps('resolutionNumber')}
        />
        <DateField required label={t('contracts.modifications.resolutionDate')} {...form.getInputProps('resolutionDate')} />
      </SimpleGrid>
      <Textarea required label={t('contracts.modifications.reason')} autosize minRows={2} maxRows={4} {...form.getInputProps('reason')} />
    </FormModal>
  );
}
