import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetLines, penToUsdCents, rateToScaled } from '../../../../../shared/contracts/rules';
import { BudgetSave, type BudgetSummary } from '../../../../../shared/contracts/schemas';
import { useApiMutation, type ApiCallError } from '../../../api';
import { schemaValidator, useResetOnOpen } from '../../../forms';
import { centimosToSoles, solesToCentimos, useMoney, useUsd } from '../ui';
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
  const [formError, setFormError] = useState<string | null>(null);
  const validate = schemaValidator(BudgetSave, t);
  const initial = (): Values => ({
    exchangeRate: summary.exchangeRate ?? '',
    notes: summary.notes ?? '',
    ...(Object.fromEntries(summary.lines.map((l) => [l.line, summary.defined ? centimosToSoles(l.budgetCentimos) : ''])) as Record<(typeof budgetLines)[number], string>),
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial(),
    validate: (v) => {
      const errors = validate(toInput(summary.year, summary.version, v));
      return Object.fromEntries(Object.entries(errors).map(([k, m]) => [k.replace(/^lines\./, ''), m]));
    },
  });
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(opened, summary.year, () => {
    setFormError(null);
    form.setErrors({});
    form.setValues(initial());
  });

  const total = budgetLines.reduce((a, l) => a + (solesToCentimos(form.values[l]) || 0), 0);
  const rate = Number(form.values.exchangeRate);

  return (
    <Modal opened={opened} onClose={onClose} title={t('contracts.budget.editTitle', { year: summary.year })} size={620} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          save.mutate(toInput(summary.year, summary.version, v) as never, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('contracts.budget.saved', { year: summary.year }) });
              onClose();
            },
            onError: (err: ApiCallError) => {
              setFormError(err.error.message);
              form.setErrors(Object.fromEntries(Object.entries(err.error.fields).map(([k, m]) => [k.replace(/^lines\./, ''), m])));
            },
          });
        })}
      >
        <Stack gap="sm">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('contracts.budget.linesHint')}
          </Text>
          <SimpleGrid cols={2}>
            {budgetLines.map((l, i) => (
              <MoneyField key={l} data-autofocus={i === 0 ? true : undefined} required label={t(`contracts.budgetLines.${l}`)} {...form.getInputProps(l)} />
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
