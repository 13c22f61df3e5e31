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

const isValidDay = (y: number, m: number, d: number): boolean =>
  y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A date as a clerk types it or a spreadsheet holds it → ISO 'yyyy-mm-dd', or null when it
 * is not a real date. Accepts dd/mm/aaaa and d/m/aaaa (also with '-' or '.'), aaaa-mm-dd,
 * and a JS Date as exceljs reads a date cell (its UTC day; a time of day is ignored).
 * Day first, as in Peru: 03/04/2026 is 3 April. Two-digit years are refused (ambiguous),
 * and so is a day that does not exist (31/02/2026).
 */
export function parseDateInput(input: string | Date | null | undefined): string | null {
  if (input instanceof Date) {
    const t = input.getTime();
    if (Number.isNaN(t)) return null;
    // Excel stores days as floats: 46086.9999999 is still the 46087th day.
    const d = new Date(Math.round(t / 1000) * 1000);
    const y = d.getUTCFullYear();
    if (!isValidDay(y, d.getUTCMonth() + 1, d.getUTCDate())) return null;
    return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (typeof input !== 'string') return null;
  const s = input.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[3]), Number(dmy[4])];
  else return null;
  return isValidDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * An amount in soles → integer céntimos, or null when it is not a plain non-negative
 * amount with at most 2 decimals. Accepts "1234.5", "1,234.50", "S/ 1 234.50",
 * "S/. 1,234.50", "1234" and numbers (1234.5, as a spreadsheet cell holds them). The
 * decimal separator is the point (Peru); commas or spaces group thousands in threes.
 * Refused, never guessed: negatives, "1,5", "1.234,50", "12.345" with 3 decimals (no
 * rounding), anything else. The result is always an integer: no float arithmetic.
 */
export function parseMoneyToCentimos(input: string | number | null | undefined): number | null {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) return null;
    // A cell holds a binary double: read it at Excel's 15 significant digits (0.1 + 0.2 is 0.3).
    s = String(Number(input.toPrecision(15)));
    if (/e/i.test(s)) return null;
  } else if (typeof input === 'string') {
    s = input
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .trim()
      .replace(/^S\/\.?\s*/i, '')
      .trim();
  } else return null;
  const plain = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  const grouped = /^(\d{1,3}(?:([, ])\d{3})(?:\2\d{3})*)(?:\.(\d{1,2}))?$/.exec(s);
  let whole: string;
  let fraction: string;
  if (plain) [whole, fraction] = [plain[1]!, plain[2] ?? ''];
  else if (grouped) [whole, fraction] = [grouped[1]!.replace(/[, ]/g, ''), grouped[3] ?? ''];
  else return null;
  const centimos = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(centimos) ? centimos : null;
}
