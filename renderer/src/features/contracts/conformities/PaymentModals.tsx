import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conformity } from '../../../../../shared/contracts/schemas';
import { useApiMutation, type ApiCallError } from '../../../api';
import { DateField, todayIso } from '../../../components/fields';
import { useMoney, usePeriodLabel } from '../ui';
import { useResetOnOpen } from '../../../forms';

function Summary({ f }: { f: Conformity }) {
  const { t } = useTranslation();
  const money = useMoney();
  const periodLabel = usePeriodLabel();
  return (
    <Text size="sm">
      {f.contractNumber} — {f.teacherName} — {periodLabel(f.period)}
      <br />
      {t('contracts.conformities.gross')}: {money(f.grossCentimos)} · {t('contracts.conformities.retention')}: {money(f.retentionCentimos)} ·{' '}
      <b>
        {t('contracts.conformities.net')}: {money(f.netCentimos)}
      </b>
    </Text>
  );
}

/** The payment of a signed-off month: its date and voucher. */
export function PayModal({ conformity, onClose }: { conformity: Conformity | null; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = useApiMutation('conformities.pay');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { paymentDate: todayIso() as string | null, paymentReference: '' } });
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(conformity !== null, conformity?.id, () => {
    if (!conformity) return;
    setFormError(null);
    form.setErrors({});
    form.setValues({ paymentDate: todayIso(), paymentReference: '' });
  });
  if (!conformity) return null;
  return (
    <Modal opened onClose={onClose} title={t('contracts.conformities.payTitle')} size={520} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          pay.mutate(
            { id: conformity.id, version: conformity.version, paymentDate: v.paymentDate ?? '', paymentReference: v.paymentReference },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('contracts.conformities.paid') });
                onClose();
              },
              onError: (err: ApiCallError) => {
                setFormError(err.error.message);
                form.setErrors(err.error.fields);
              },
            },
          ),
        )}
      >
        <Stack gap="sm">
          <Summary f={conformity} />
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <DateField data-autofocus required label={t('contracts.conformities.paymentDate')} maxDate={todayIso()} {...form.getInputProps('paymentDate')} />
          <TextInput
            label={t('contracts.conformities.paymentReference')}
            placeholder={t('contracts.conformities.paymentReferencePlaceholder')}
            {...form.getInputProps('paymentReference')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pay.isPending}>
              {t('contracts.conformities.pay')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Voiding an unpaid sign-off: it stays on record with its reason; the month is open again. */
export function VoidModal({ conformity, onClose }: { conformity: Conformity | null; onClose: () => void }) {
  const { t } = useTranslation();
  const voidIt = useApiMutation('conformities.void');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(conformity !== null, conformity?.id, () => {
    if (!conformity) return;
    setFormError(null);
    form.setErrors({});
    form.setValues({ reason: '' });
  });
  if (!conformity) return null;
  return (
    <Modal opened onClose={onClose} title={t('contracts.conformities.voidTitle')} size={520} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          voidIt.mutate(
            { id: conformity.id, version: conformity.version, reason: v.reason },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('contracts.conformities.voided') });
                onClose();
              },
              onError: (err: ApiCallError) => {
                setFormError(err.error.message);
                form.setErrors(err.error.fields);
              },
            },
          ),
        )}
      >
        <Stack gap="sm">
          <Summary f={conformity} />
          <Text size="sm" c="dimmed">
            {t('contracts.conformities.voidHint')}
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Textarea data-autofocus required label={t('contracts.conformities.voidReason')} autosize minRows={2} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={voidIt.isPending}>
              {t('contracts.conformities.void')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
