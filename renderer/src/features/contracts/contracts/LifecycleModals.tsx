import { Alert, Checkbox, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { periodOf } from '../../../../../shared/contracts/rules';
import { addDays } from '../../../../../shared/format';
import { ContractRenew, ContractTerminate, type Contract, type ContractWarning } from '../../../../../shared/contracts/schemas';
import { useApiMutation, type ApiCallError } from '../../../api';
import { DateField, todayIso, MoneyField } from '../../../components/fields';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm, type RecordFormOptions } from '../../../components/useRecordForm';
import { schemaValidator, renameErrors } from '../../../forms';
import { centimosToSoles, solesToCentimos } from '../../../components/money';

type Done = (c: Contract, warnings: ContractWarning[]) => void;

/** The dialogs of a step in a contract's life: which contract (null while closed), and what follows. */
interface StepProps {
  contract: Contract | null;
  onClose: () => void;
  onDone: Done;
}

/**
 * A step's form, reset when it opens for a contract (never on a background refetch), and
 * what follows a step main took (`done`): the notification (`doneKey`), the drawer told, the dialog closed.
 */
function useStepForm<V extends Record<string, unknown>>(
  { contract, onClose, onDone }: StepProps,
  doneKey: string,
  options: Omit<RecordFormOptions<V>, 'opened' | 'recordKey' | 'values'> & { initialValues: V; values: (c: Contract) => V },
) {
  const { t } = useTranslation();
  const { values, initialValues } = options;
  const record = useRecordForm<V>({
    ...options,
    opened: contract !== null,
    recordKey: contract?.id,
    values: () => (contract ? values(contract) : initialValues),
  });
  const done = record.saved<{ contract: Contract; warnings: ContractWarning[] }>(
    (r) => t(doneKey, { number: r.contract.number }),
    (r) => {
      onDone(r.contract, r.warnings);
      onClose();
    },
  );
  return { ...record, done };
}

/** A step's dialog: "<title>: <number>", a sentence on what the step does, then its fields. */
function StepModal({
  contract,
  title,
  hint,
  size = 560,
  ...props
}: Omit<ComponentProps<typeof FormModal>, 'opened' | 'title' | 'header' | 'errorIcon' | 'gap'> & {
  contract: Contract;
  title: string;
  hint: string;
}) {
  return (
    <FormModal
      opened
      title={`${title}: ${contract.number}`}
      size={size}
      header={<Text size="sm">{hint}</Text>}
      errorIcon={<IconAlertTriangle />}
      gap="sm"
      {...props}
    />
  );
}

/**
 * Activation: the date it was signed. Beyond the budget line's available amount, main asks
 * for an explicit confirmation; the reason shows here and a box must be ticked.
 */
export function ActivateModal(step: StepProps) {
  const { contract, onClose } = step;
  const { t } = useTranslation();
  const activate = useApiMutation('contracts.activate');
  const [overBudget, setOverBudget] = useState<string | null>(null);
  const { form, formError, setFormError, onError, done } = useStepForm(step, 'contracts.contracts.activated', {
    initialValues: { signedOn: todayIso() as string | null, confirm: false },
    values: () => ({ signedOn: todayIso(), confirm: false }),
    onOpen: () => setOverBudget(null),
  });
  if (!contract) return null;
  const submit = form.onSubmit((v) => {
    setFormError(null);
    if (overBudget && !v.confirm) {
      form.setFieldError('confirm', t('errors.required'));
      return;
    }
    activate.mutate(
      { id: contract.id, version: contract.version, signedOn: v.signedOn ?? '', confirmOverBudget: v.confirm },
      {
        onSuccess: done.onSuccess,
        onError: (err: ApiCallError) => {
          const { confirmOverBudget, ...fields } = err.error.fields;
          if (!confirmOverBudget) return onError(err);
          setOverBudget(confirmOverBudget);
          form.setErrors(fields);
        },
      },
    );
  });
  return (
    <StepModal
      contract={contract}
      title={t('contracts.contracts.activateTitle')}
      hint={t('contracts.contracts.activateHint')}
      onClose={onClose}
      onSubmit={submit}
      error={formError}
      saving={activate.isPending}
      saveColor={overBudget ? 'orange' : undefined}
      saveLabel={t('contracts.contracts.activate')}
    >
      <DateField data-autofocus required label={t('contracts.contracts.signedOn')} {...form.getInputProps('signedOn')} />
      {overBudget && (
        <Alert color="orange" icon={<IconAlertTriangle />} data-testid="over-budget">
          <Stack gap="xs">
            <Text size="sm">{overBudget}</Text>
            <Checkbox label={t('contracts.contracts.confirmOverBudget')} {...form.getInputProps('confirm', { type: 'checkbox' })} />
          </Stack>
        </Alert>
      )}
    </StepModal>
  );
}

/** Resolution: the date and the reason; months after it stop being committed. */
export function TerminateModal(step: StepProps) {
  const { contract, onClose } = step;
  const { t } = useTranslation();
  const terminate = useApiMutation('contracts.terminate');
  const validate = schemaValidator(ContractTerminate, t);
  const { form, formError, setFormError, done } = useStepForm(step, 'contracts.contracts.terminated', {
    initialValues: { date: todayIso() as string | null, reason: '' },
    values: () => ({ date: todayIso(), reason: '' }),
    validate: (v) => validate({ id: contract?.id ?? 1, version: contract?.version ?? 0, date: v.date ?? undefined, reason: v.reason }),
  });
  if (!contract) return null;
  const submit = form.onSubmit((v) => {
    setFormError(null);
    terminate.mutate({ id: contract.id, version: contract.version, date: v.date ?? '', reason: v.reason }, done);
  });
  return (
    <StepModal
      contract={contract}
      title={t('contracts.contracts.terminateTitle')}
      hint={t('contracts.contracts.terminateHint')}
      onClose={onClose}
      onSubmit={submit}
      error={formError}
      saving={terminate.isPending}
      saveColor="red"
      saveLabel={t('contracts.contracts.terminate')}
    >
      <DateField data-autofocus required label={t('contracts.contracts.terminateDate')} {...form.getInputProps('date')} />
      <Textarea
        required
        label={t('contracts.contracts.terminateReason')}
        autosize
        minRows={2}
        maxRows={4}
        {...form.getInputProps('reason')}
      />
    </StepModal>
  );
}

/** The day after, the same length again: what a renewal usually is. */
function followingPeriod(c: Contract): { startDate: string; endDate: string } {
  const startDate = addDays(c.endDate, 1);
  const [sy, sm] = c.startDate.split('-').map(Number) as [number, number];
  const [ey, em] = c.endDate.split('-').map(Number) as [number, number];
  const months = (ey - sy) * 12 + (em - sm) + 1;
  const [ny, nm] = periodOf(startDate).split('-').map(Number) as [number, number];
  const endMonth = nm - 1 + months; // zero-based month index of the month after the last one
  const end = new Date(Date.UTC(ny + Math.floor(endMonth / 12), endMonth % 12, 0));
  return { startDate, endDate: end.toISOString().slice(0, 10) };
}

type RenewValues = {
  number: string;
  startDate: string | null;
  endDate: string | null;
  amount: number | string;
};

/** Renewal: a new number and period; the rest is copied into a new draft linked to this one. */
export function RenewModal(step: StepProps) {
  const { contract, onClose } = step;
  const { t } = useTranslation();
  const renew = useApiMutation('contracts.renew');
  const validate = schemaValidator(ContractRenew, t);
  const toInput = (v: RenewValues) => ({
    id: contract?.id ?? 1,
    number: v.number,
    startDate: v.startDate ?? undefined,
    endDate: v.endDate ?? undefined,
    amountCentimos: solesToCentimos(v.amount),
  });
  const fieldNames = { amountCentimos: 'amount' };
  const { form, formError, setFormError, done } = useStepForm<RenewValues>(step, 'contracts.contracts.renewed', {
    initialValues: { number: '', startDate: null, endDate: null, amount: '' },
    values: (c) => ({ number: '', ...followingPeriod(c), amount: centimosToSoles(c.amountCentimos) }),
    validate: (v) => renameErrors(validate(toInput(v)), fieldNames),
    fieldNames,
  });
  if (!contract) return null;
  const submit = form.onSubmit((v) => {
    setFormError(null);
    renew.mutate(toInput(v) as never, done);
  });
  return (
    <StepModal
      contract={contract}
      title={t('contracts.contracts.renewTitle')}
      hint={t('contracts.contracts.renewHint', { number: contract.number })}
      size={640}
      onClose={onClose}
      onSubmit={submit}
      error={formError}
      saving={renew.isPending}
      saveLabel={t('contracts.contracts.renew')}
    >
      <TextInput
        data-autofocus
        required
        label={t('contracts.contracts.number')}
        placeholder={t('contracts.contracts.numberPlaceholder')}
        {...form.getInputProps('number')}
      />
      <SimpleGrid cols={3}>
        <DateField required label={t('contracts.contracts.startDate')} {...form.getInputProps('startDate')} />
        <DateField required label={t('contracts.contracts.endDate')} {...form.getInputProps('endDate')} />
        <MoneyField
          required
          label={contract.amountType === 'mensual' ? t('contracts.contracts.amountMonthly') : t('contracts.contracts.amountTotal')}
          {...form.getInputProps('amount')}
        />
      </SimpleGrid>
    </StepModal>
  );
}
