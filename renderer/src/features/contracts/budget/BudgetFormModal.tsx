import { NumberInput, SimpleGrid, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { budgetLines, penToUsdCents, rateToScaled } from '../../../../../shared/contracts/rules';
import { BudgetSave, type BudgetSummary } from '../../../../../shared/contracts/schemas';
import { useApiMutation, type ApiCallError } from '../../../api';
import { schemaValidator } from '../../../forms';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { useUsd } from '../ui';
import { centimosToSoles, solesToCentimos, useMoney } from '../../../components/money';
import { MoneyField } from '../../../components/fields';

type Values = { exchangeRate: number | string; notes: string } & Record<(typeof budgetLines)[number], string>;

const toInput = (year: number, version: number | null, v: Values) => ({
  year,
  exchangeRate: v.exchangeRate === '' ? undefined : Number(v.exchangeRate),
  lines: Object.fromEntries(budgetLines.map((l) => [l, solesToCentimos(v[l])])),
  notes: v.notes,
  version,
});

/** A year's budget: the amount of each line in soles and the exchange rate to report in dollars. */
export function BudgetFormModal({ opened, onClose, summary }: { opened: boolean; onClose: () => void; summary: BudgetSummary }) {
  const { t } = useTranslation();
  const money = useMoney();
  const usd = useUsd();
  const save = useApiMutation('budget.save');
  const validate = schemaValidator(BudgetSave, t);
  const initial = (): Values => ({
    exchangeRate: summary.exchangeRate ?? '',
    notes: summary.notes ?? '',
    ...(Object.fromEntries(summary.lines.map((l) => [l.line, summary.defined ? centimosToSoles(l.initialCentimos) : ''])) as Record<
      (typeof budgetLines)[number],
      string
    >),
  });
  const fromLines = (fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).map(([k, m]) => [k.replace(/^lines\./, ''), m]));
  // Reset when it opens or turns to another year, never on a background refetch.
  const { form, formError, setFormError } = useRecordForm<Values>({
    opened,
    recordKey: summary.year,
    validate: (v) => fromLines(validate(toInput(summary.year, summary.version, v))),
    values: initial,
  });

  const total = budgetLines.reduce((a, l) => a + (solesToCentimos(form.values[l]) || 0), 0);
  const rate = Number(form.values.exchangeRate);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('contracts.budget.editTitle', { year: summary.year })}
      size={620}
      onSubmit={form.onSubmit((v) => {
        setFormError(null);
        save.mutate(toInput(summary.year, summary.version, v) as never, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('contracts.budget.saved', { year: summary.year }) });
            onClose();
          },
          onError: (err: ApiCallError) => {
            setFormError(err.error.message);
            form.setErrors(fromLines(err.error.fields));
          },
        });
      })}
      error={formError}
      saving={save.isPending}
      gap="sm"
    >
      <Text size="sm" c="dimmed">
        {t('contracts.budget.linesHint')}
      </Text>
      <SimpleGrid cols={2}>
        {budgetLines.map((l, i) => (
          <MoneyField
            key={l}
            data-autofocus={i === 0 ? true : undefined}
            required
            label={t(`contracts.budgetLines.${l}`)}
            {...form.getInputProps(l)}
          />
        ))}
        <NumberInput
          required
          label={t('contracts.budget.exchangeRate')}
          decimalSeparator="."
          allowNegative={false}
          hideControls
          {...form.getInputProps('exchangeRate')}
        />
      </SimpleGrid>
      <Text size="sm" fw={600} data-testid="budget-total">
        {t('contracts.budget.total')}: {money(total)}
        {rate > 0 && ` · ${t('contracts.budget.totalUsd', { usd: usd(penToUsdCents(total, rateToScaled(rate))), rate: rate.toFixed(4) })}`}
      </Text>
      <Textarea label={t('contracts.budget.notes')} autosize minRows={1} maxRows={3} {...form.getInputProps('notes')} />
    </FormModal>
  );
}
