import { Alert, Button, Group, NumberInput, Text, type NumberInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { parseDateInput } from '../../../shared/format';
import { useApiQuery } from '../api';

/** Today as ISO yyyy-mm-dd, on this PC's calendar (Lima). */
export const todayIso = () => dayjs().format('YYYY-MM-DD');

/**
 * A day typed as dd/mm/aaaa (day first, as in Peru) or picked from the calendar; the
 * value is ISO yyyy-mm-dd.
 */
export function DateField(
  props: Omit<DateInputProps, 'value' | 'onChange'> & { value?: string | null; onChange?: (value: string | null) => void },
) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder={t('common.datePlaceholder')}
      dateParser={(s) => parseDateInput(s)}
      popoverProps={{ withinPortal: true }}
      {...props}
      value={props.value ?? null}
    />
  );
}

/** Establishments by name for a Select (INPE has about 69: one page of 100). */
export function useEstablishmentOptions(status: 'active' | 'all' = 'active') {
  const list = useApiQuery('establishments.list', { pageSize: 100, status, sort: 'name', direction: 'asc' });
  return (list.data?.rows ?? []).map((e) => ({ value: String(e.id), label: e.name }));
}

/**
 * The buttons at the foot of a form: "Cancelar" and the one that saves ("Guardar" unless
 * `label` says otherwise). Without `onSave` the save button submits the form.
 */
export function FormActions({ onCancel, saving, onSave, label }: { onCancel: () => void; saving: boolean; onSave?: () => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type={onSave ? 'button' : 'submit'} loading={saving} onClick={onSave}>
        {label ?? t('common.save')}
      </Button>
    </Group>
  );
}

/** A money input's left section. */
export const Soles = () => (
  <Text size="sm" c="dimmed">
    S/
  </Text>
);

/** Number input props for an amount in soles with 2 decimals (the caller turns it into céntimos). */
export const solesInputProps = {
  decimalScale: 2,
  fixedDecimalScale: true,
  thousandSeparator: ',',
  decimalSeparator: '.',
  allowNegative: false,
  hideControls: true,
} as const;

/** An amount in soles as typed: S/ before it, two decimals. */
export function SolesInput(props: NumberInputProps) {
  return <NumberInput leftSection={<Soles />} {...solesInputProps} {...props} />;
}

/** A form's refusal that belongs to no single field, above the fields; nothing when there is none. */
export function FormErrorAlert({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {error}
    </Alert>
  );
}
