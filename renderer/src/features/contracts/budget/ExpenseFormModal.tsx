import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { expenseDocumentTypes, expenseLines } from '../../../../../shared/contracts/rules';
import { ExpenseCreate, type Expense } from '../../../../../shared/contracts/schemas';
import { formatDate } from '../../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../../api';
import { DateField, MoneyField } from '../../../components/fields';
import { FormModal } from '../../../components/FormModal';
import { useOptions } from '../../../components/ListTools';
import { solesToCentimos, useMoney } from '../../../components/money';
import { useRecordForm } from '../../../components/useRecordForm';
import { schemaValidator } from '../../../forms';

interface Values {
  date: string;
  line: string;
  supplierName: string;
  supplierRuc: string;
  documentType: string;
  documentNumber: string;
  amount: string;
  description: string;
  /** "kind:id" of the event, workshop or exhibition, or ''. */
  link: string;
}

const toInput = (v: Values) => {
  const [kind, id] = v.link ? v.link.split(':') : [];
  return {
    date: v.date,
    line: v.line || undefined,
    supplierName: v.supplierName,
    supplierRuc: v.supplierRuc,
    documentType: v.documentType || undefined,
    documentNumber: v.documentNumber,
    amountCentimos: solesToCentimos(v.amount),
    description: v.description,
    link: kind && id ? { kind, id: Number(id) } : null,
  };
};

/** Main's field names → the form's. */
const fieldNames = { amountCentimos: 'amount', 'link.id': 'link', 'link.kind': 'link' };

/** A new expense of the year: its document, supplier with RUC, line, amount and what it was for. */
export function ExpenseFormModal({ opened, onClose, year }: { opened: boolean; onClose: () => void; year: number }) {
  const { t } = useTranslation();
  const money = useMoney();
  const record = useApiMutation('budget.recordExpense');
  const validate = schemaValidator(ExpenseCreate, t);
  const links = useApiQuery('budget.expenseLinks', { year }, { enabled: opened });
  const lineOptions = useOptions(expenseLines, 'contracts.budgetLines');
  const documentOptions = useOptions(expenseDocumentTypes, 'contracts.expenseDocumentTypes');
  const { form, modal, saved } = useRecordForm<Values>({
    opened,
    recordKey: year,
    values: () => ({
      date: '',
      line: '',
      supplierName: '',
      supplierRuc: '',
      documentType: 'factura',
      documentNumber: '',
      amount: '',
      description: '',
      link: '',
    }),
    validate: (v) => {
      const errors = validate(toInput(v));
      if (errors.amountCentimos) errors.amount = errors.amountCentimos;
      return errors;
    },
    fieldNames,
  });
  const linkGroups = (['evento', 'taller', 'exposicion'] as const)
    .map((kind) => ({
      group: t(`contracts.expenseLinkKinds.${kind}`),
      items: (links.data ?? [])
        .filter((l) => l.kind === kind)
        .map((l) => ({ value: `${l.kind}:${l.id}`, label: l.date ? `${l.name} (${formatDate(l.date)})` : l.name })),
    }))
    .filter((g) => g.items.length > 0);

  return (
    <FormModal
      {...modal((v) =>
        record.mutate(
          toInput(v) as never,
          saved((e: Expense) => t('contracts.expenses.saved', { amount: money(e.amountCentimos) }), onClose),
        ),
      )}
      onClose={onClose}
      title={t('contracts.expenses.recordTitle')}
      size={640}
      saving={record.isPending}
      gap="sm"
    >
      <SimpleGrid cols={2}>
        <DateField data-autofocus required label={t('contracts.expenses.date')} {...form.getInputProps('date')} />
        <Select required label={t('contracts.expenses.line')} data={lineOptions} allowDeselect={false} {...form.getInputProps('line')} />
        <TextInput required label={t('contracts.expenses.supplierName')} {...form.getInputProps('supplierName')} />
        <TextInput required label={t('contracts.expenses.supplierRuc')} inputMode="numeric" {...form.getInputProps('supplierRuc')} />
        <Select
          required
          label={t('contracts.expenses.documentType')}
          data={documentOptions}
          allowDeselect={false}
          {...form.getInputProps('documentType')}
        />
        <TextInput
          required
          label={t('contracts.expenses.documentNumber')}
          description={t('contracts.expenses.documentNumberHint')}
          {...form.getInputProps('documentNumber')}
        />
        <MoneyField required label={t('contracts.expenses.amount')} {...form.getInputProps('amount')} />
        <Select
          clearable
          searchable
          label={t('contracts.expenses.link')}
          placeholder={t('contracts.expenses.linkPlaceholder')}
          data={linkGroups}
          {...form.getInputProps('link')}
          onChange={(v) => form.setFieldValue('link', v ?? '')}
        />
      </SimpleGrid>
      <Textarea
        required
        label={t('contracts.expenses.description')}
        autosize
        minRows={2}
        maxRows={4}
        {...form.getInputProps('description')}
      />
      <Text size="xs" c="dimmed">
        {t('contracts.expenses.how')}
      </Text>
    </FormModal>
  );
}
