import { ActionIcon, CloseButton, Popover, Text, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  centimosToText,
  formatDate,
  formatMoney,
  isIsoDay,
  readDate,
  readMoney,
  type DateReading,
  type Locale,
  type MoneyReading,
} from '../../../shared/format';
import { useApiQuery } from '../api';

/** Today as ISO yyyy-mm-dd, on this PC's calendar (Lima). */
export const todayIso = () => dayjs().format('YYYY-MM-DD');

/** The Spanish (or English) sentence for a date the field cannot take; null when it can. */
export function dateMessage(
  t: TFunction,
  text: string,
  reading: DateReading,
  range: { minDate?: string; maxDate?: string } = {},
): string | null {
  if (reading.ok) {
    if (range.maxDate && reading.iso > range.maxDate) return t('errors.dateAfter', { date: formatDate(range.maxDate) });
    if (range.minDate && reading.iso < range.minDate) return t('errors.dateBefore', { date: formatDate(range.minDate) });
    return null;
  }
  switch (reading.problem) {
    case 'empty':
      return null;
    case 'impossible':
      return t('errors.dateImpossible', { text: text.trim() });
    case 'partial':
      return t('errors.datePartial');
    case 'outOfRange':
      return t('errors.dateOutOfRange');
    default:
      return t('errors.invalidDate');
  }
}

type DateFieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** ISO yyyy-mm-dd; or, while the clerk's text is not a date, that text (so the form refuses to save). */
  value?: string | null;
  onChange?: (value: string | null) => void;
  clearable?: boolean;
  minDate?: string;
  maxDate?: string;
  /** The month the calendar shows while the field is empty (ISO). */
  defaultDate?: string;
};

/**
 * A day typed as dd/mm/aaaa (day first, as in Peru) or picked from the calendar; the value
 * is ISO yyyy-mm-dd. What the clerk types stays as typed: a text that is not a date (31/02,
 * 12/03, a two-digit year) is kept, gets a message under the field once they leave it, and
 * reaches the form as the text itself, which every date schema refuses — so the form cannot
 * be saved with a date nobody typed. Nothing is emptied or substituted on blur.
 */
export function DateField({
  value,
  onChange,
  clearable,
  minDate,
  maxDate,
  defaultDate,
  error,
  onBlur,
  rightSection,
  ...props
}: DateFieldProps) {
  const { t } = useTranslation();
  const shown = (v: string | null | undefined) => (isIsoDay(v) ? formatDate(v) : (v ?? ''));
  const [text, setText] = useState(() => shown(value));
  const [touched, setTouched] = useState(false);
  const [opened, setOpened] = useState(false);
  const emitted = useRef(value ?? null);

  // A value set from outside (a form reset, another record): show it. Our own echo is ignored.
  useEffect(() => {
    if ((value ?? null) === emitted.current) return;
    emitted.current = value ?? null;
    setText(shown(value));
    setTouched(false);
  }, [value]);

  const emit = (next: string | null) => {
    emitted.current = next;
    onChange?.(next);
  };
  const take = (typed: string) => {
    setText(typed);
    const r = readDate(typed);
    if (!r.ok && r.problem === 'empty') return emit(null);
    emit(r.ok && !dateMessage(t, typed, r, { minDate, maxDate }) ? r.iso : typed);
  };

  const reading = readDate(text);
  const own = dateMessage(t, text, reading, { minDate, maxDate });
  const shownError = own && (touched || error) ? own : error;
  const picked = reading.ok ? reading.iso : null;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" trapFocus={false} withinPortal>
      <Popover.Target>
        <TextInput
          placeholder={t('common.datePlaceholder')}
          autoComplete="off"
          inputMode="numeric"
          {...props}
          value={text}
          error={shownError}
          onChange={(e) => take(e.currentTarget.value)}
          onClick={() => setOpened(true)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && opened) {
              e.stopPropagation();
              setOpened(false);
            }
            props.onKeyDown?.(e);
          }}
          onBlur={(e: FocusEvent<HTMLInputElement>) => {
            setTouched(true);
            setOpened(false);
            onBlur?.(e);
          }}
          rightSectionPointerEvents="all"
          rightSection={
            rightSection ??
            (clearable && text ? (
              <CloseButton size="sm" aria-label={t('common.clearDate')} onClick={() => take('')} />
            ) : (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                tabIndex={-1}
                aria-label={t('common.openCalendar')}
                onClick={() => setOpened((o) => !o)}
              >
                <IconCalendar size={16} />
              </ActionIcon>
            ))
          }
        />
      </Popover.Target>
      <Popover.Dropdown onMouseDown={(e) => e.preventDefault()}>
        <DatePicker
          value={picked}
          defaultDate={picked ?? defaultDate}
          minDate={minDate}
          maxDate={maxDate}
          onChange={(d) => {
            if (!d) return;
            const iso = dayjs(d).format('YYYY-MM-DD');
            setText(formatDate(iso));
            emit(iso);
            setOpened(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

/** The sentence for an amount the field cannot take; null when it can (or nothing is typed). */
export function moneyMessage(t: TFunction, text: string, reading: MoneyReading): string | null {
  if (reading.ok) return null;
  switch (reading.problem) {
    case 'empty':
      return null;
    case 'negative':
      return t('errors.moneyNegative');
    case 'decimals':
      return t('errors.moneyDecimals');
    case 'doubtful': {
      const plain = text.replace(/[^\d]/g, '');
      return t('errors.moneyDoubtful', { text: text.trim(), plain, full: centimosToText(Number(plain) * 100) });
    }
    case 'mixed':
      return t('errors.moneyMixed');
    case 'tooLarge':
      return t('errors.moneyTooLarge');
    default:
      return t('errors.moneyInvalid');
  }
}

type MoneyFieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** The text as the clerk typed it (a number is shown as it is). */
  value?: string | number | null;
  onChange?: (text: string) => void;
  allowNegative?: boolean;
};

/**
 * An amount in soles, kept exactly as typed. It reads the usual Peruvian and spreadsheet
 * forms ("1,234.56", "1234,56", "1.234,56", "S/ 1 234,56") and says under the field what it
 * understood ("= S/ 1,234.56"); what it cannot read without guessing (three decimals, a
 * negative, "1.234" alone, mixed separators) gets a message once the clerk leaves the field,
 * and the form's céntimos become NaN so the shared schema refuses to save. Never rounded,
 * never cut, never reformatted.
 */
export function MoneyField({ value, onChange, allowNegative, error, onBlur, description, ...props }: MoneyFieldProps) {
  const { t, i18n } = useTranslation();
  const [touched, setTouched] = useState(false);
  const text = value === null || value === undefined ? '' : String(value);
  const reading = readMoney(text, { allowNegative });
  const own = moneyMessage(t, text, reading);
  const understood =
    reading.ok && text.trim() !== ''
      ? t('errors.moneyUnderstood', { amount: formatMoney(reading.centimos, i18n.language as Locale) })
      : null;
  return (
    <TextInput
      leftSection={<Soles />}
      autoComplete="off"
      inputMode="decimal"
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...props}
      description={
        understood || description ? (
          <>
            {understood && <span data-testid="money-understood">{understood}</span>}
            {understood && description ? ' · ' : null}
            {description}
          </>
        ) : undefined
      }
      value={text}
      error={own && (touched || error) ? own : error}
      onChange={(e) => onChange?.(e.currentTarget.value)}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        setTouched(true);
        onBlur?.(e);
      }}
    />
  );
}

/**
 * Establishments by name for a Select (INPE has about 69: one page of 100). Every picker and
 * filter reads the same list (one call per page, whatever each asks for); `active` keeps the
 * active ones.
 */
export function useEstablishmentOptions(status: 'active' | 'all' = 'active') {
  const list = useApiQuery('establishments.list', { pageSize: 100, status: 'all', sort: 'name', direction: 'asc' });
  return (list.data?.rows ?? []).filter((e) => status === 'all' || e.active).map((e) => ({ value: String(e.id), label: e.name }));
}

/** A money input's left section. */
export const Soles = () => (
  <Text size="sm" c="dimmed">
    S/
  </Text>
);

/** An amount in soles as typed: S/ before it; see MoneyField. */
export const SolesInput = MoneyField;
