import { Divider, NumberInput, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { amountTypes, budgetLines, contractSchedule, modalities } from '../../../../../shared/contracts/rules';
import {
  ContractCreate,
  ContractUpdate,
  type Contract,
  type ContractCreate as ContractCreateInput,
  type ContractWarning,
} from '../../../../../shared/contracts/schemas';
import { parseDateInput } from '../../../../../shared/format';
import { useApiMutation } from '../../../api';
import { DateField, useEstablishmentOptions, MoneyField } from '../../../components/fields';
import { schemaValidator, renameErrors } from '../../../forms';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { accentFilter } from '../../../components/accentFilter';
import { centimosToSoles, solesToCentimos, useMoney } from '../../../components/money';
import { TeacherPicker, WorkshopsPicker } from './pickers';
import { FormRows } from '../ui';

interface Values {
  teacherId: string | null;
  modality: string | null;
  number: string;
  object: string;
  startDate: string | null;
  endDate: string | null;
  amountType: string;
  amount: string;
  hoursPerWeek: number | string;
  budgetLine: string;
  /** Each establishment, the workshops of it chosen by id, and the text typed before links existed (read-only, never sent). */
  establishments: Array<{ establishmentId: string | null; workshopIds: string[]; typed: string | null }>;
  notes: string;
}

const empty = (teacherId: string | null): Values => ({
  teacherId,
  modality: 'orden_servicio',
  number: '',
  object: '',
  startDate: null,
  endDate: null,
  amountType: 'mensual',
  amount: '',
  hoursPerWeek: '',
  budgetLine: 'docentes',
  establishments: [{ establishmentId: null, workshopIds: [], typed: null }],
  notes: '',
});

const fromContract = (c: Contract): Values => ({
  teacherId: String(c.teacherId),
  modality: c.modality,
  number: c.number,
  object: c.object,
  startDate: c.startDate,
  endDate: c.endDate,
  amountType: c.amountType,
  amount: centimosToSoles(c.amountCentimos),
  hoursPerWeek: c.hoursPerWeek,
  budgetLine: c.budgetLine,
  establishments: c.establishments.map((e) => ({
    establishmentId: String(e.establishmentId),
    workshopIds: e.linkedWorkshops.map((w) => String(w.id)),
    typed: e.workshops,
  })),
  notes: c.notes ?? '',
});

const toInput = (v: Values) => ({
  teacherId: v.teacherId === null ? undefined : Number(v.teacherId),
  modality: v.modality ?? undefined,
  number: v.number,
  object: v.object,
  startDate: v.startDate ?? undefined,
  endDate: v.endDate ?? undefined,
  amountType: v.amountType,
  amountCentimos: solesToCentimos(v.amount),
  hoursPerWeek: v.hoursPerWeek === '' ? undefined : Number(v.hoursPerWeek),
  budgetLine: v.budgetLine,
  establishments: v.establishments.map((e) => ({
    establishmentId: e.establishmentId === null ? undefined : Number(e.establishmentId),
    workshopIds: e.workshopIds.map(Number),
  })),
  notes: v.notes,
});

const names = { amountCentimos: 'amount' };

/**
 * A contract as a draft: teacher, modality, number, object, period, fee, hours, budget line,
 * and the establishments with their workshops. The total and the monthly installments show
 * as they are typed. Drafts commit nothing; activation (when signed) does.
 */
export function ContractFormModal({
  opened,
  onClose,
  contract,
  presetTeacherId,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  contract: Contract | null;
  presetTeacherId: string | null;
  onSaved: (c: Contract, warnings: ContractWarning[]) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const create = useApiMutation('contracts.create');
  const update = useApiMutation('contracts.update');
  const establishments = useEstablishmentOptions('active');
  const validateCreate = schemaValidator(ContractCreate, t);
  const validateUpdate = schemaValidator(ContractUpdate, t);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, setFormError, onError, modal } = useRecordForm<Values>({
    opened,
    recordKey: contract?.id ?? null,
    initialValues: empty(presetTeacherId),
    validate: (v) =>
      renameErrors(
        contract ? validateUpdate({ ...toInput(v), id: contract.id, version: contract.version }) : validateCreate(toInput(v)),
        names,
      ),
    values: () => (contract ? fromContract(contract) : empty(presetTeacherId)),
    fieldNames: names,
  });
  const done = (r: { contract: Contract; warnings: ContractWarning[] }, key: string) => {
    notifications.show({ color: 'teal', message: t(key, { number: r.contract.number }) });
    onSaved(r.contract, r.warnings);
    onClose();
  };
  const save = (v: Values) => {
    setFormError(null);
    const input = toInput(v) as ContractCreateInput;
    if (contract)
      update.mutate(
        { ...input, id: contract.id, version: contract.version },
        { onSuccess: (r) => done(r, 'contracts.contracts.updated'), onError },
      );
    else create.mutate(input, { onSuccess: (r) => done(r, 'contracts.contracts.created'), onError });
  };

  // The schedule as typed: how many installments and the total.
  const v = form.values;
  const amount = solesToCentimos(v.amount);
  const start = v.startDate ? parseDateInput(v.startDate) : null;
  const end = v.endDate ? parseDateInput(v.endDate) : null;
  const preview =
    start &&
    end &&
    end >= start &&
    amount !== undefined &&
    Number.isInteger(amount) &&
    Date.parse(end) - Date.parse(start) < 3 * 366 * 86_400_000
      ? contractSchedule({
          startDate: start,
          endDate: end,
          resolvedOn: null,
          amountType: v.amountType as 'mensual' | 'total',
          amountCentimos: amount,
        })
      : null;
  const chosen = new Set(v.establishments.map((e) => e.establishmentId));

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={contract ? t('contracts.contracts.editTitle') : t('contracts.contracts.newTitle')}
      size={900}
      saving={create.isPending || update.isPending}
      errorIcon={<IconAlertTriangle />}
      gap="sm"
      actionsMt="sm"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TeacherPicker
          data-autofocus
          required
          style={{ gridColumn: 'span 2' }}
          label={t('contracts.contracts.teacher')}
          {...form.getInputProps('teacherId')}
        />
        <Select
          required
          label={t('contracts.contracts.modality')}
          data={modalities.map((m) => ({ value: m, label: t(`contracts.modalities.${m}`) }))}
          allowDeselect={false}
          {...form.getInputProps('modality')}
        />
        <TextInput
          required
          label={t('contracts.contracts.number')}
          placeholder={t('contracts.contracts.numberPlaceholder')}
          {...form.getInputProps('number')}
        />
        <DateField required label={t('contracts.contracts.startDate')} {...form.getInputProps('startDate')} />
        <DateField required label={t('contracts.contracts.endDate')} {...form.getInputProps('endDate')} />
        <Textarea
          required
          style={{ gridColumn: '1 / -1' }}
          label={t('contracts.contracts.object')}
          placeholder={t('contracts.contracts.objectPlaceholder')}
          autosize
          minRows={2}
          maxRows={4}
          {...form.getInputProps('object')}
        />
        <Select
          required
          label={t('contracts.contracts.amountType')}
          data={amountTypes.map((a) => ({ value: a, label: t(`contracts.amountTypes.${a}`) }))}
          allowDeselect={false}
          {...form.getInputProps('amountType')}
        />
        <MoneyField
          required
          label={v.amountType === 'mensual' ? t('contracts.contracts.amountMonthly') : t('contracts.contracts.amountTotal')}
          {...form.getInputProps('amount')}
        />
        <NumberInput
          required
          label={t('contracts.contracts.hoursPerWeek')}
          min={1}
          max={48}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('hoursPerWeek')}
        />
        <Select
          required
          label={t('contracts.contracts.budgetLine')}
          data={budgetLines.map((l) => ({ value: l, label: t(`contracts.budgetLines.${l}`) }))}
          allowDeselect={false}
          {...form.getInputProps('budgetLine')}
        />
        <Text size="sm" style={{ gridColumn: 'span 2', alignSelf: 'end' }} c="dimmed" data-testid="total-preview">
          {preview && preview.length > 0
            ? t('contracts.contracts.totalPreview', {
                total: money(preview.reduce((a, m) => a + m.expectedCentimos, 0)),
                count: preview.length,
              })
            : ''}
        </Text>
      </SimpleGrid>

      <Divider label={t('contracts.contracts.establishments')} labelPosition="left" mt="xs" />
      {form.errors.establishments && (
        <Text c="red" size="sm">
          {form.errors.establishments}
        </Text>
      )}
      <FormRows
        form={form}
        path="establishments"
        rows={v.establishments}
        min={1}
        blank={() => ({ establishmentId: null, workshopIds: [], typed: null })}
        removeLabel={t('contracts.contracts.removeEstablishment')}
        addLabel={t('contracts.contracts.addEstablishment')}
      >
        {(e, i) => (
          <>
            <Select
              required
              style={{ flex: 1.2 }}
              label={t('contracts.contracts.establishment')}
              data={establishments.filter((o) => o.value === e.establishmentId || !chosen.has(o.value))}
              searchable
              filter={accentFilter}
              selectFirstOptionOnChange
              {...form.getInputProps(`establishments.${i}.establishmentId`)}
              onChange={(id) => {
                // The workshops are the establishment's: another establishment starts with none chosen.
                if (id !== e.establishmentId) form.setFieldValue(`establishments.${i}.workshopIds`, []);
                form.setFieldValue(`establishments.${i}.establishmentId`, id);
              }}
            />
            <WorkshopsPicker
              style={{ flex: 1.5 }}
              establishmentId={e.establishmentId}
              description={e.typed ? t('contracts.workshopLinks.typed', { text: e.typed }) : undefined}
              {...form.getInputProps(`establishments.${i}.workshopIds`)}
            />
          </>
        )}
      </FormRows>
      <Textarea label={t('contracts.contracts.notes')} autosize minRows={1} maxRows={3} {...form.getInputProps('notes')} />
    </FormModal>
  );
}
