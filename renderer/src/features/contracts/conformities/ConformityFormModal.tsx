import { Group, Paper, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { DeliveredNotice } from './DeliveredNotice';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconReceipt } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { lastDayOf, retentionFor, suspensionCovers } from '../../../../../shared/contracts/rules';
import { ConformityCreate, type Conformity } from '../../../../../shared/contracts/schemas';
import { parseDateInput } from '../../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../../api';
import { DateField, todayIso, MoneyField } from '../../../components/fields';
import { schemaValidator, renameErrors } from '../../../forms';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { ContractPicker } from '../contracts/pickers';
import { usePeriodLabel } from '../../../components/numbers';
import { centimosToSoles, solesToCentimos, useMoney } from '../../../components/money';

interface Values {
  contractId: string | null;
  period: string | null;
  deliverable: string;
  conformityDate: string | null;
  givenBy: string;
  receiptNumber: string;
  receiptDate: string | null;
  gross: string;
  notes: string;
}

const names = { grossCentimos: 'gross' };

const toInput = (v: Values) => ({
  contractId: v.contractId === null ? undefined : Number(v.contractId),
  period: v.period ?? undefined,
  deliverable: v.deliverable,
  conformityDate: v.conformityDate ?? undefined,
  givenBy: v.givenBy,
  receiptNumber: v.receiptNumber,
  receiptDate: v.receiptDate,
  grossCentimos: solesToCentimos(v.gross),
  notes: v.notes,
});

/** The official who signs off is usually the same: remembered on this PC. */
const GIVEN_BY_KEY = 'arteinpe.conformities.givenBy';

/**
 * A month's sign-off: the deliverable, who gave the conformity and when, the receipt for fees,
 * the gross amount (the month's installment is proposed), and the withholding and net as main
 * will compute them (8% above S/ 1,500.00 unless a suspension covers the receipt's year).
 */
export function ConformityFormModal({
  opened,
  onClose,
  conformity,
  presetContractId,
  presetPeriod,
}: {
  opened: boolean;
  onClose: () => void;
  conformity: Conformity | null;
  presetContractId: number | null;
  presetPeriod: string | null;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const periodLabel = usePeriodLabel();
  const create = useApiMutation('conformities.create');
  const update = useApiMutation('conformities.update');
  const validate = schemaValidator(ConformityCreate, t);
  // Reset when it opens or turns to another record (or another preset month), never on a background refetch.
  const { form, setFormError, onError, modal } = useRecordForm<Values>({
    opened,
    recordKey: conformity ? conformity.id : `new:${presetContractId}:${presetPeriod}`,
    initialValues: {
      contractId: null,
      period: null,
      deliverable: '',
      conformityDate: todayIso(),
      givenBy: '',
      receiptNumber: '',
      receiptDate: null,
      gross: '',
      notes: '',
    },
    validate: (v) => renameErrors(validate(toInput(v)), names),
    values: (): Values =>
      conformity
        ? {
            contractId: String(conformity.contractId),
            period: conformity.period,
            deliverable: conformity.deliverable,
            conformityDate: conformity.conformityDate,
            givenBy: conformity.givenBy,
            receiptNumber: conformity.receiptNumber ?? '',
            receiptDate: conformity.receiptDate,
            gross: centimosToSoles(conformity.grossCentimos),
            notes: conformity.notes ?? '',
          }
        : {
            contractId: presetContractId === null ? null : String(presetContractId),
            period: presetPeriod,
            deliverable: '',
            conformityDate: todayIso(),
            givenBy: localStorage.getItem(GIVEN_BY_KEY) ?? '',
            receiptNumber: '',
            receiptDate: null,
            gross: '',
            notes: '',
          },
    fieldNames: names,
  });
  const contractId = form.values.contractId ? Number(form.values.contractId) : null;
  const detail = useApiQuery('contracts.get', { id: contractId ?? 0 }, { enabled: contractId !== null && opened });
  const d = detail.data;

  // The month's installment is the proposed gross, and "Informe mensual de <mes>" the deliverable.
  const month = d?.schedule.find((m) => m.period === form.values.period);
  useEffect(() => {
    if (!month || conformity) return;
    if (form.values.gross === '') form.setFieldValue('gross', centimosToSoles(month.expectedCentimos));
    if (form.values.deliverable === '')
      form.setFieldValue('deliverable', `${t('contracts.conformities.deliverablePlaceholder')} — ${periodLabel(month.period)}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the month changes
  }, [month?.period, d?.contract.id]);

  const delivered = useApiQuery(
    'conformities.delivered',
    { contractId: contractId ?? 0, period: form.values.period ?? '' },
    { enabled: opened && contractId !== null && form.values.period !== null },
  );

  const current = todayIso().slice(0, 7);
  const periods = (d?.schedule ?? [])
    .filter((m) => m.period <= current && (m.conformityId === null || m.conformityId === conformity?.id))
    .map((m) => ({ value: m.period, label: `${periodLabel(m.period)} — ${money(m.expectedCentimos)}` }));

  const gross = solesToCentimos(form.values.gross);
  const receiptDay = parseDateInput(form.values.receiptDate ?? '') ?? parseDateInput(form.values.conformityDate ?? '');
  let retentionText: string | null = null;
  if (d && gross !== undefined && Number.isInteger(gross)) {
    if (d.contract.modality !== 'orden_servicio') retentionText = t('contracts.conformities.retentionNotApplicable');
    else {
      const covered = receiptDay ? suspensionCovers(d.teacherSuspensions, receiptDay) : false;
      const r = retentionFor(gross, covered);
      retentionText =
        r.retentionCentimos > 0
          ? `${t('contracts.conformities.retentionApplies', { amount: money(r.retentionCentimos) })} · ${t('contracts.conformities.net')}: ${money(r.netCentimos)}`
          : r.suspended
            ? t('contracts.conformities.retentionSuspended', { year: receiptDay?.slice(0, 4) })
            : t('contracts.conformities.retentionNone');
    }
  }

  const save = (v: Values) => {
    setFormError(null);
    localStorage.setItem(GIVEN_BY_KEY, v.givenBy);
    const input = toInput(v) as Parameters<typeof create.mutate>[0];
    if (conformity) {
      update.mutate(
        { ...input, id: conformity.id, version: conformity.version },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('contracts.conformities.updated') });
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(input, {
      onSuccess: (f) => {
        // Signed off all the same when no session was recorded that month: said once more.
        const without = f.delivered.sessions === 0;
        notifications.show({
          color: without ? 'yellow' : 'teal',
          message: t(without ? 'contracts.workshopLinks.delivered.savedWithout' : 'contracts.conformities.created', {
            period: periodLabel(f.period),
            number: f.contractNumber,
          }),
        });
        onClose();
      },
      onError,
    });
  };

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={conformity ? t('contracts.conformities.editTitle') : t('contracts.conformities.newTitle')}
      size={820}
      saving={create.isPending || update.isPending}
      errorIcon={<IconAlertTriangle />}
      gap="sm"
      actionsMt="sm"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ContractPicker
          required
          label={t('contracts.conformities.contract')}
          disabled={conformity !== null}
          {...form.getInputProps('contractId')}
          onChange={(v) => {
            form.setFieldValue('contractId', v);
            form.setFieldValue('period', null);
            form.setFieldValue('gross', '');
            form.setFieldValue('deliverable', '');
          }}
        />
        <Select
          data-autofocus
          required
          label={t('contracts.conformities.period')}
          data={periods}
          disabled={!d}
          {...form.getInputProps('period')}
          onChange={(v) => {
            form.setFieldValue('period', v);
            form.setFieldValue('gross', '');
            form.setFieldValue('deliverable', '');
          }}
        />
        {delivered.data && d && form.values.period && (
          <DeliveredNotice
            style={{ gridColumn: '1 / -1' }}
            delivered={delivered.data}
            teacherName={d.contract.teacherName}
            period={periodLabel(form.values.period)}
          />
        )}
        <TextInput
          required
          style={{ gridColumn: '1 / -1' }}
          label={t('contracts.conformities.deliverable')}
          placeholder={t('contracts.conformities.deliverablePlaceholder')}
          {...form.getInputProps('deliverable')}
        />
        <DateField
          required
          label={t('contracts.conformities.conformityDate')}
          minDate={form.values.period ? `${form.values.period}-01` : undefined}
          maxDate={todayIso()}
          {...form.getInputProps('conformityDate')}
        />
        <TextInput
          required
          label={t('contracts.conformities.givenBy')}
          placeholder={t('contracts.conformities.givenByPlaceholder')}
          {...form.getInputProps('givenBy')}
        />
        <TextInput
          required={d?.contract.modality === 'orden_servicio'}
          label={t('contracts.conformities.receiptNumber')}
          placeholder={t('contracts.conformities.receiptPlaceholder')}
          autoComplete="off"
          {...form.getInputProps('receiptNumber')}
        />
        <DateField
          required={form.values.receiptNumber !== ''}
          label={t('contracts.conformities.receiptDate')}
          maxDate={todayIso()}
          defaultDate={form.values.period ? lastDayOf(form.values.period) : undefined}
          {...form.getInputProps('receiptDate')}
        />
        <MoneyField required label={t('contracts.conformities.grossSoles')} {...form.getInputProps('gross')} />
        <Paper withBorder p="xs" style={{ alignSelf: 'end' }} data-testid="retention-preview">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconReceipt size={18} style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm">{retentionText ?? t('contracts.conformities.retentionHint')}</Text>
          </Group>
        </Paper>
        <Textarea
          style={{ gridColumn: '1 / -1' }}
          label={t('contracts.teachers.notes')}
          autosize
          minRows={1}
          maxRows={3}
          {...form.getInputProps('notes')}
        />
      </SimpleGrid>
    </FormModal>
  );
}
