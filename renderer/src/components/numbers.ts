import { useTranslation } from 'react-i18next';

/** One number format per language and number of decimals: making one is slow, and lists format a number in every row. */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, maximumFractionDigits: number): Intl.NumberFormat {
  const locale = language === 'en' ? 'en-US' : 'es-PE';
  const key = `${locale}:${maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits })));
  return format;
}

/** A whole count (or a number with up to `digits` decimals) in the interface's language: 1 234 / 1,234. */
export function formatNumber(value: number, language: string, digits = 0): string {
  return numberFormat(language, digits).format(value);
}

/** `formatNumber` in the interface's language, for lists that format a number in every row. */
export const useCount = () => {
  const { i18n } = useTranslation();
  return (v: number) => formatNumber(v, i18n.language);
};

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-03" → "Marzo 2026" (or "March 2026"): a monthly period as a clerk reads it. */
export function formatPeriod(period: string, language: string): string {
  const locale = language === 'en' ? 'en-US' : 'es-PE';
  let format = monthFormats.get(locale);
  if (!format) monthFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' })));
  const [y, m] = period.split('-').map(Number) as [number, number];
  const name = format.format(new Date(Date.UTC(y, m - 1, 1)));
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${y}`;
}

/** `formatPeriod` in the interface's language. */
export const usePeriodLabel = () => {
  const { i18n } = useTranslation();
  return (period: string) => formatPeriod(period, i18n.language);
};

/** A share (0..1) as a whole percentage in the interface's language; — when unknown. */
export const usePercent = () => {
  const { i18n } = useTranslation();
  return (v: number | null) => (v === null ? '—' : `${numberFormat(i18n.language, 0).format(v * 100)} %`);
};

/** A number with at most one decimal, in the interface's language. */
export const useNumber = () => {
  const { i18n } = useTranslation();
  return (v: number) => numberFormat(i18n.language, 1).format(v);
};
