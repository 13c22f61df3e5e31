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
