/**
 * Pure formatting and normalising rules shared by main and the renderer.
 * Money is integer céntimos (PEN); dates are ISO strings shown as dd/mm/aaaa.
 */

export type Locale = 'es-PE' | 'en';

const moneyFormatters = new Map<Locale, Intl.NumberFormat>();

export function formatMoney(centimos: number, locale: Locale = 'es-PE'): string {
  let f = moneyFormatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-PE', {
      style: 'currency',
      currency: 'PEN',
      minimumFractionDigits: 2,
    });
    moneyFormatters.set(locale, f);
  }
  return f.format(centimos / 100);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date or timestamp as dd/mm/aaaa (timestamps in Lima's time, UTC−5, no daylight saving). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
  }
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const lima = new Date(t - 5 * 3600 * 1000);
  return `${pad(lima.getUTCDate())}/${pad(lima.getUTCMonth() + 1)}/${lima.getUTCFullYear()}`;
}

/** dd/mm/aaaa hh:mm in Lima's time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const lima = new Date(t - 5 * 3600 * 1000);
  return `${formatDate(iso)} ${pad(lima.getUTCHours())}:${pad(lima.getUTCMinutes())}`;
}

/**
 * The key text is searched and sorted by: lower case, accents and extra spaces removed,
 * so that "huanuco" finds "Huánuco" and "Ñaña" sorts among the N's.
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
