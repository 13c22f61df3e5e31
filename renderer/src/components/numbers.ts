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
