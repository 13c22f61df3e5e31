import { Alert, Checkbox, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, periodOf } from '../../../../../shared/contracts/rules';
import { ContractRenew, ContractTerminate, type Contract, type ContractWarning } from '../../../../../shared/contracts/schemas';
import { useApiMutation, type ApiCallError } from '../../../api';
import { DateField, todayIso, MoneyField, FormActions } from '../../../components/fields';
import { schemaValidator, useResetOnOpen } from '../../../forms';
import { centimosToSoles, renameErrors, solesToCentimos } from '../ui';

type Done = (c: Contract, warnings: ContractWarning[]) => void;

function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" icon={<IconAlertTriangle />}>
      {message}
    </Alert>
  );
}

/**
 * Activation: the date it was signed. Beyond the budget line's available amount, main asks
 * for an explicit confirmation; the reason shows here and a box must be ticked.
 */
export function ActivateModal({ contract, onClose, onDone }: { contract: Contract | null; onClose: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const activate = useApiMutation('contracts.activate');
  const [formError, setFormError] = useState<string | null>(null);
  const [overBudget, setOverBudget] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { signedOn: todayIso() as string | null, confirm: false } });
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(contract !== null, contract?.id, () => {
    if (!contract) return;
    setFormError(null);
    setOverBudget(null);
    form.setErrors({});
    form.setValues({ signedOn: todayIso(), confirm: false });
  });
  if (!contract) return null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${t('contracts.contracts.activateTitle')}: ${contract.number}`}
      size={560}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          if (overBudget && !v.confirm) {
            form.setFieldError('confirm', t('errors.required'));
            return;
          }
          activate.mutate(
            { id: contract.id, version: contract.version, signedOn: v.signedOn ?? '', confirmOverBudget: v.confirm },
            {
              onSuccess: (r) => {
                notifications.show({ color: 'teal', message: t('contracts.contracts.activated', { number: r.contract.number }) });
                onDone(r.contract, r.warnings);
                onClose();
              },
              onError: (err: ApiCallError) => {
                const { confirmOverBudget, ...fields } = err.error.fields;
                if (confirmOverBudget) setOverBudget(confirmOverBudget);
                else setFormError(err.error.message);
                form.setErrors(fields);
              },
            },
          );
        })}
      >
        <Stack gap="sm">
          <Text size="sm">{t('contracts.contracts.activateHint')}</Text>
          <FormError message={formError} />
          <DateField data-autofocus required label={t('contracts.contracts.signedOn')} {...form.getInputProps('signedOn')} />
          {overBudget && (
            <Alert color="orange" icon={<IconAlertTriangle />} data-testid="over-budget">
              <Stack gap="xs">
                <Text size="sm">{overBudget}</Text>
                <Checkbox label={t('contracts.contracts.confirmOverBudget')} {...form.getInputProps('confirm', { type: 'checkbox' })} />
              </Stack>
            </Alert>
          )}
          <FormActions
            onCancel={onClose}
            saving={activate.isPending}
            color={overBudget ? 'orange' : undefined}
            label={t('contracts.contracts.activate')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Resolution: the date and the reason; months after it stop being committed. */
export function TerminateModal({ contract, onClose, onDone }: { contract: Contract | null; onClose: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const terminate = useApiMutation('contracts.terminate');
  const [formError, setFormError] = useState<string | null>(null);
  const validate = schemaValidator(ContractTerminate, t);
  const form = useForm({
    mode: 'controlled',
    initialValues: { date: todayIso() as string | null, reason: '' },
    validate: (v) => validate({ id: contract?.id ?? 1, version: contract?.version ?? 0, date: v.date ?? undefined, reason: v.reason }),
  });
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(contract !== null, contract?.id, () => {
    if (!contract) return;
    setFormError(null);
    form.setErrors({});
    form.setValues({ date: todayIso(), reason: '' });
  });
  if (!contract) return null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${t('contracts.contracts.terminateTitle')}: ${contract.number}`}
      size={560}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          terminate.mutate(
            { id: contract.id, version: contract.version, date: v.date ?? '', reason: v.reason },
            {
              onSuccess: (r) => {
                notifications.show({ color: 'teal', message: t('contracts.contracts.terminated', { number: r.contract.number }) });
                onDone(r.contract, r.warnings);
                onClose();
              },
              onError: (err: ApiCallError) => {
                setFormError(err.error.message);
                form.setErrors(err.error.fields);
              },
            },
          );
        })}
      >
        <Stack gap="sm">
          <Text size="sm">{t('contracts.contracts.terminateHint')}</Text>
          <FormError message={formError} />
          <DateField data-autofocus required label={t('contracts.contracts.terminateDate')} {...form.getInputProps('date')} />
          <Textarea
            required
            label={t('contracts.contracts.terminateReason')}
            autosize
            minRows={2}
            maxRows={4}
            {...form.getInputProps('reason')}
          />
          <FormActions onCancel={onClose} color="red" saving={terminate.isPending} label={t('contracts.contracts.terminate')} />
        </Stack>
      </form>
    </Modal>
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

/** Renewal: a new number and period; the rest is copied into a new draft linked to this one. */
export function RenewModal({ contract, onClose, onDone }: { contract: Contract | null; onClose: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const renew = useApiMutation('contracts.renew');
  const [formError, setFormError] = useState<string | null>(null);
  const validate = schemaValidator(ContractRenew, t);
  const toInput = (v: { number: string; startDate: string | null; endDate: string | null; amount: number | string }) => ({
    id: contract?.id ?? 1,
    number: v.number,
    startDate: v.startDate ?? undefined,
    endDate: v.endDate ?? undefined,
    amountCentimos: solesToCentimos(v.amount),
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { number: '', startDate: null as string | null, endDate: null as string | null, amount: '' as string },
    validate: (v) => renameErrors(validate(toInput(v)), { amountCentimos: 'amount' }),
  });
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(contract !== null, contract?.id, () => {
    if (!contract) return;
    setFormError(null);
    form.setErrors({});
    form.setValues({ number: '', ...followingPeriod(contract), amount: centimosToSoles(contract.amountCentimos) });
  });
  if (!contract) return null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${t('contracts.contracts.renewTitle')}: ${contract.number}`}
      size={640}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          renew.mutate(toInput(v) as never, {
            onSuccess: (r) => {
              notifications.show({ color: 'teal', message: t('contracts.contracts.renewed', { number: r.contract.number }) });
              onDone(r.contract, r.warnings);
              onClose();
            },
            onError: (err: ApiCallError) => {
              setFormError(err.error.message);
              form.setErrors(renameErrors(err.error.fields, { amountCentimos: 'amount' }));
            },
          });
        })}
      >
        <Stack gap="sm">
          <Text size="sm">{t('contracts.contracts.renewHint', { number: contract.number })}</Text>
          <FormError message={formError} />
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
          <FormActions onCancel={onClose} saving={renew.isPending} label={t('contracts.contracts.renew')} />
        </Stack>
      </form>
    </Modal>
  );
}
