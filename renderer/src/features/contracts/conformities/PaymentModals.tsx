import { Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Conformity } from '../../../../../shared/contracts/schemas';
import { useApiMutation } from '../../../api';
import { DateField, todayIso } from '../../../components/fields';
import { usePeriodLabel } from '../../../components/numbers';
import { useMoney } from '../../../components/money';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';

function Summary({ f }: { f: Conformity }) {
  const { t } = useTranslation();
  const money = useMoney();
  const periodLabel = usePeriodLabel();
  return (
    <Text size="sm">
      {f.contractNumber} — {f.teacherName} — {periodLabel(f.period)}
      <br />
      {t('contracts.conformities.gross')}: {money(f.grossCentimos)} · {t('contracts.conformities.retention')}: {money(f.retentionCentimos)}{' '}
      ·{' '}
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
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, formError, onError } = useRecordForm({
    opened: conformity !== null,
    recordKey: conformity?.id,
    initialValues: { paymentDate: todayIso() as string | null, paymentReference: '' },
    values: () => ({ paymentDate: todayIso() as string | null, paymentReference: '' }),
  });
  if (!conformity) return null;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('contracts.conformities.payTitle')}
      size={520}
      onSubmit={form.onSubmit((v) =>
        pay.mutate(
          { id: conformity.id, version: conformity.version, paymentDate: v.paymentDate ?? '', paymentReference: v.paymentReference },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('contracts.conformities.paid') });
              onClose();
            },
            onError,
          },
        ),
      )}
      error={formError}
      saving={pay.isPending}
      saveLabel={t('contracts.conformities.pay')}
      gap="sm"
      header={
        <>
          <Summary f={conformity} />
        </>
      }
    >
      <DateField
        data-autofocus
        required
        label={t('contracts.conformities.paymentDate')}
        maxDate={todayIso()}
        {...form.getInputProps('paymentDate')}
      />
      <TextInput
        label={t('contracts.conformities.paymentReference')}
        placeholder={t('contracts.conformities.paymentReferencePlaceholder')}
        {...form.getInputProps('paymentReference')}
      />
    </FormModal>
  );
}

/** Voiding an unpaid sign-off: it stays on record with its reason; the month is open again. */
export function VoidModal({ conformity, onClose }: { conformity: Conformity | null; onClose: () => void }) {
  const { t } = useTranslation();
  const voidIt = useApiMutation('conformities.void');
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, formError, onError } = useRecordForm({
    opened: conformity !== null,
    recordKey: conformity?.id,
    values: () => ({ reason: '' }),
  });
  if (!conformity) return null;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('contracts.conformities.voidTitle')}
      size={520}
      onSubmit={form.onSubmit((v) =>
        voidIt.mutate(
          { id: conformity.id, version: conformity.version, reason: v.reason },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('contracts.conformities.voided') });
              onClose();
            },
            onError,
          },
        ),
      )}
      error={formError}
      saving={voidIt.isPending}
      saveLabel={t('contracts.conformities.void')}
      saveColor="red"
      gap="sm"
      header={
        <>
          <Summary f={conformity} />
          <Text size="sm" c="dimmed">
            {t('contracts.conformities.voidHint')}
          </Text>
        </>
      }
    >
      <Textarea
        data-autofocus
        required
        label={t('contracts.conformities.voidReason')}
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
