import { useTranslation } from 'react-i18next';
import { centimosToText, formatMoney, parseMoneyToCentimos, type Locale } from '../../../shared/format';

/**
 * An amount as typed in a MoneyField → integer céntimos: undefined when nothing is typed,
 * NaN when it cannot be read without guessing (the shared schema then refuses to save, and
 * the field says why).
 */
export const solesToCentimos = (v: number | string | null | undefined): number | undefined =>
  v === null || v === undefined || String(v).trim() === '' ? undefined : (parseMoneyToCentimos(v) ?? Number.NaN);

/** Céntimos → the text a MoneyField shows to edit ("1,234.56"). */
export const centimosToSoles = (c: number): string => centimosToText(c);

/** Céntimos as S/ in the interface's language. */
export const useMoney = () => {
  const { i18n } = useTranslation();
  return (centimos: number) => formatMoney(centimos, i18n.language as Locale);
};
