import { Alert, Button, Divider, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBarcode, IconInfoCircle } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { conditions, fundings } from '../../../../../shared/inventory/rules';
import {
  InstrumentCreate,
  InstrumentFields,
  type Instrument,
  type InstrumentCreate as InstrumentCreateInput,
  type InstrumentUpdate,
} from '../../../../../shared/inventory/schemas';
import { useApiMutation, useApiQuery } from '../../../api';
import { renameErrors, schemaValidator } from '../../../forms';
import { accentFilter } from '../../../components/accentFilter';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { DateField, SolesInput, todayIso, useEstablishmentOptions } from '../../../components/fields';
import { centimosToSoles, solesToCentimos } from '../../../components/money';
import { DonationFields } from './DonationFields';
import { typeOptions } from './ui';

interface FormValues {
  code: string;
  serialNumber: string;
  typeId: string | null;
  brand: string;
  model: string;
  acquisitionDate: string | null;
  cost: string;
  funding: string | null;
  supplier: string;
  supplierDocument: string;
  donationId: number | null;
  notes: string;
  condition: string | null;
  altaDate: string | null;
  establishmentId: string | null;
}

const emptyValues = (): FormValues => ({
  code: '',
  serialNumber: '',
  typeId: null,
  brand: '',
  model: '',
  acquisitionDate: null,
  cost: '',
  funding: null,
  supplier: '',
  supplierDocument: '',
  donationId: null,
  notes: '',
  condition: null,
  altaDate: todayIso(),
  establishmentId: null,
});

const fromInstrument = (i: Instrument): FormValues => ({
  code: i.code,
  serialNumber: i.serialNumber ?? '',
  typeId: String(i.typeId),
  brand: i.brand ?? '',
  model: i.model ?? '',
  acquisitionDate: i.acquisitionDate,
  cost: centimosToSoles(i.costCentimos),
  funding: i.funding,
  supplier: i.supplier ?? '',
  supplierDocument: i.supplierDocument ?? '',
  donationId: i.donationId,
  notes: i.notes ?? '',
  condition: i.condition,
  altaDate: null,
  establishmentId: null,
});

/** The descriptive fields, as the shared schema reads them. */
const toFields = (v: FormValues) => ({
  code: v.code,
  serialNumber: v.serialNumber,
  typeId: v.typeId === null ? undefined : Number(v.typeId),
  brand: v.brand,
  model: v.model,
  acquisitionDate: v.acquisitionDate,
  costCentimos: solesToCentimos(v.cost),
  funding: v.funding ?? undefined,
  supplier: v.supplier,
  supplierDocument: v.supplierDocument,
  // Only a donated instrument names the donation it came from.
  donationId: v.funding === 'donacion' || v.funding === 'aliado' ? v.donationId : null,
  notes: v.notes,
});

const toCreate = (v: FormValues) => ({
  ...toFields(v),
  condition: v.condition ?? undefined,
  altaDate: v.altaDate ?? undefined,
  establishmentId: v.establishmentId === null ? null : Number(v.establishmentId),
});

/** Schema field → form field, where they differ. */
const fieldNames = { costCentimos: 'cost' };

/**
 * Register a new instrument (its alta, and optionally its first assignment) or edit the
 * descriptive fields of one. The code field takes a barcode scanner: its Enter moves on
 * to the next field instead of submitting. A refused save keeps everything typed.
 */
export function InstrumentFormModal({
  opened,
  onClose,
  instrument,
}: {
  opened: boolean;
  onClose: () => void;
  instrument: Instrument | null;
}) {
  const { t } = useTranslation();
  const types = useApiQuery('instrumentTypes.list', {});
  const establishments = useEstablishmentOptions('active');
  const create = useApiMutation('instruments.create');
  const update = useApiMutation('instruments.update');
  const serialRef = useRef<HTMLInputElement>(null);
  const validateCreate = schemaValidator(InstrumentCreate, t);
  const validateFields = schemaValidator(InstrumentFields, t);
  // Only when it opens or turns to another instrument: a background refetch keeps what is typed.
  const { form, formError, setFormError, onError } = useRecordForm<FormValues>({
    opened,
    recordKey: instrument?.id ?? null,
    validate: (values) => renameErrors(instrument ? validateFields(toFields(values)) : validateCreate(toCreate(values)), fieldNames),
    values: () => (instrument ? fromInstrument(instrument) : emptyValues()),
    fieldNames,
  });

  const save = (values: FormValues, registerAnother: boolean) => {
    setFormError(null);
    if (instrument) {
      update.mutate(
        { ...(toFields(values) as Omit<InstrumentUpdate, 'id' | 'version'>), id: instrument.id, version: instrument.version },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: t('inventory.instruments.updated', { code: saved.code }) });
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(toCreate(values) as InstrumentCreateInput, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('inventory.instruments.created', { code: saved.code }) });
        if (registerAnother) {
          // The next one of the same purchase: keep what they share, clear what is unique.
          form.setValues({ code: '', serialNumber: '', notes: '' });
          form.setErrors({});
          form.getInputNode('code')?.focus();
        } else onClose();
      },
      onError,
    });
  };

  const saving = create.isPending || update.isPending;
  const typeData = typeOptions(types.data ?? [], t, (ty) => ty.active || ty.id === instrument?.typeId);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={instrument ? t('inventory.instruments.editTitle') : t('inventory.instruments.newTitle')}
      size={900}
      onSubmit={form.onSubmit((values) => save(values, false))}
      error={formError}
      saving={saving}
      gap="sm"
      actionsMt="sm"
      extraAction={
        !instrument && (
          <Button variant="light" loading={saving} onClick={() => form.onSubmit((values) => save(values, true))()}>
            {t('inventory.instruments.saveAndNew')}
          </Button>
        )
      }
    >
      {instrument && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
          {t('inventory.instruments.derivedHint')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          data-autofocus
          required
          label={t('inventory.instruments.code')}
          description={t('inventory.instruments.codeHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          leftSection={<IconBarcode size={16} />}
          autoComplete="off"
          onKeyDown={(e) => {
            // A scanner ends the code with Enter: go on to the next field, never submit half a form.
            if (e.key === 'Enter') {
              e.preventDefault();
              serialRef.current?.focus();
            }
          }}
          {...form.getInputProps('code')}
        />
        <TextInput
          ref={serialRef}
          label={t('inventory.instruments.serialNumber')}
          autoComplete="off"
          {...form.getInputProps('serialNumber')}
        />
        <Select
          required
          label={t('inventory.instruments.type')}
          data={typeData}
          searchable
          filter={accentFilter}
          selectFirstOptionOnChange
          maxDropdownHeight={320}
          {...form.getInputProps('typeId')}
        />
        <TextInput label={t('inventory.instruments.brand')} {...form.getInputProps('brand')} />
        <TextInput label={t('inventory.instruments.model')} {...form.getInputProps('model')} />
        <Select
          required
          label={t('inventory.instruments.funding')}
          data={fundings.map((f) => ({ value: f, label: t(`inventory.fundings.${f}`) }))}
          {...form.getInputProps('funding')}
        />
        <DateField label={t('inventory.instruments.acquisitionDate')} clearable {...form.getInputProps('acquisitionDate')} />
        <SolesInput required label={t('inventory.instruments.cost')} {...form.getInputProps('cost')} />
        <TextInput label={t('inventory.instruments.supplier')} {...form.getInputProps('supplier')} />
        <TextInput label={t('inventory.instruments.supplierDocument')} {...form.getInputProps('supplierDocument')} />
        {(form.values.funding === 'donacion' || form.values.funding === 'aliado') && (
          <DonationFields
            value={form.values.donationId}
            onChange={(id) => form.setFieldValue('donationId', id)}
            error={form.errors.donationId}
          />
        )}
        <Textarea
          style={{ gridColumn: 'span 2' }}
          label={t('inventory.instruments.notes')}
          autosize
          minRows={1}
          maxRows={5}
          {...form.getInputProps('notes')}
        />
      </SimpleGrid>
      {!instrument && (
        <>
          <Divider label={t('inventory.kinds.alta')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              required
              label={t('inventory.instruments.condition')}
              data={conditions.map((c) => ({ value: c, label: t(`inventory.conditions.${c}`) }))}
              {...form.getInputProps('condition')}
            />
            <DateField required label={t('inventory.instruments.altaDate')} {...form.getInputProps('altaDate')} />
            <Select
              label={t('inventory.instruments.initialEstablishment')}
              description={t('inventory.instruments.initialEstablishmentHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder={t('inventory.instruments.central')}
              data={establishments}
              searchable
              filter={accentFilter}
              clearable
              selectFirstOptionOnChange
              {...form.getInputProps('establishmentId')}
            />
          </SimpleGrid>
        </>
      )}
    </FormModal>
  );
}
