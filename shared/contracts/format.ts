import type { Locale } from '../format';

const formatters = new Map<Locale, Intl.NumberFormat>();

/**
 * US dollars as Peruvian reports write them: "US$ 147,058.82" (the grouping and decimals of
 * the interface's language, never the bare "$" that reads as soles to nobody).
 */
export function formatUsd(cents: number, locale: Locale = 'es-PE'): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-PE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(locale, f);
  }
  const text = f.format(Math.abs(cents) / 100);
  return cents < 0 ? `-US$ ${text}` : `US$ ${text}`;
}

/** An exchange rate as it is quoted: 3.4 → "3.4000". */
export const formatRate = (rate: number): string => rate.toFixed(4);
