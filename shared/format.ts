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
 * Compares two texts as Spanish sorts them (what `a.localeCompare(b, 'es')` answers), with one
 * collator for every call: localeCompare with a locale builds a new one each time, which costs
 * more than the sorting around it (a page of 25 contracts spent 0.15 ms in it). Made on first use:
 * the window's first screen imports this module and never sorts.
 */
let spanish: Intl.Collator | undefined;
export const compareSpanish = (a: string, b: string): number => (spanish ??= new Intl.Collator('es')).compare(a, b);

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
 * Why a typed date was refused: nothing typed; day and month without a 4-digit year
 * ("12/03", "12/03/26"); a day that does not exist ("31/02/2025"); a year outside
 * 1900–2100; anything else.
 */
export type DateProblem = 'empty' | 'partial' | 'impossible' | 'outOfRange' | 'invalid';

export type DateReading = { ok: true; iso: string } | { ok: false; problem: DateProblem };

/**
 * A date as a clerk types it → ISO 'yyyy-mm-dd', or why it cannot be read. Accepts
 * dd/mm/aaaa and d/m/aaaa (also with '-' or '.') and aaaa-mm-dd. Day first, as in Peru:
 * 03/04/2026 is 3 April. Nothing is guessed: no two-digit years, no day substituted.
 */
export function readDate(input: string | null | undefined): DateReading {
  if (typeof input !== 'string') return { ok: false, problem: 'empty' };
  const s = input.trim();
  if (s === '') return { ok: false, problem: 'empty' };
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[3]), Number(dmy[4])];
  else if (/^\d{1,2}([/.-])\d{1,2}(\1\d{0,3})?\1?$/.test(s)) return { ok: false, problem: 'partial' };
  else return { ok: false, problem: 'invalid' };
  if (y < 1900 || y > 2100) return { ok: false, problem: 'outOfRange' };
  if (!isValidDay(y, m, d)) return { ok: false, problem: 'impossible' };
  return { ok: true, iso: `${y}-${pad(m)}-${pad(d)}` };
}

/**
 * A date as a clerk types it or a spreadsheet holds it → ISO 'yyyy-mm-dd', or null when it
 * is not a real date (see readDate for text), or a JS Date as exceljs reads a date cell (its
 * UTC day; a time of day is ignored).
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
  const r = readDate(input);
  return r.ok ? r.iso : null;
}

/** An ISO day 'yyyy-mm-dd' that exists (what a date field holds once it reads the text). */
export const isIsoDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && readDate(v).ok;

/**
 * Why a typed amount was refused: nothing typed; a minus where amounts cannot be negative;
 * more than two decimals ("1234.567", "1.005"); a single point or comma followed by three
 * digits ("1.234", "1,234", "12.345": thousands or decimals? we ask instead of guessing);
 * separators that do not agree ("1,234.567,00", "1.234 567"); too large to be exact;
 * anything else ("abc", "1e5", "US$ 100").
 */
export type MoneyProblem = 'empty' | 'negative' | 'decimals' | 'doubtful' | 'mixed' | 'tooLarge' | 'invalid';

export type MoneyReading = { ok: true; centimos: number } | { ok: false; problem: MoneyProblem };

const refuse = (problem: MoneyProblem): MoneyReading => ({ ok: false, problem });

/** Digits grouped in threes by `sep` ("1,234,567"); a lone group of up to 3 digits is fine too. */
const groupedBy = (s: string, sep: string): boolean => {
  const parts = s.split(sep);
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
};

/** The integer part: plain digits, or grouped by one separator (never two kinds). */
function readWhole(s: string, allowed: string[]): string | MoneyProblem {
  if (/^\d+$/.test(s)) return s;
  const used = [...new Set(s.replace(/\d/g, ''))];
  if (used.length > 1) return 'mixed';
  const sep = used[0]!;
  if (!allowed.includes(sep)) return 'mixed';
  return groupedBy(s, sep) ? s.split(sep).join('') : 'invalid';
}

/**
 * An amount in soles as a clerk types it or a spreadsheet holds it → integer céntimos, or
 * why it cannot be read without guessing. Accepts the usual Peruvian and spreadsheet forms:
 * "1234.56", "1,234.56", "1234,56", "1.234,56", "S/ 1 234,56", "S/. 1,234.56", "1234", and
 * numbers (1234.5, as a spreadsheet cell holds them). A point or comma followed by one or
 * two digits is the decimal separator; with both, the last one is. Refused, never guessed:
 * negatives (unless `allowNegative`), more than two decimals (no rounding, no cutting), one
 * separator followed by exactly three digits ("1.234": ask), separators that disagree. The
 * result is always an integer: no float arithmetic.
 */
export function readMoney(input: string | number | null | undefined, opts: { allowNegative?: boolean } = {}): MoneyReading {
  let s: string;
  let negative = false;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return refuse('invalid');
    if (input < 0) {
      if (!opts.allowNegative) return refuse('negative');
      negative = true;
    }
    // A cell holds a binary double: read it at Excel's 15 significant digits (0.1 + 0.2 is 0.3).
    s = String(Number(Math.abs(input).toPrecision(15)));
    if (/e/i.test(s)) return refuse('tooLarge');
    const frac = s.split('.')[1];
    if (frac && frac.length > 2) return refuse('decimals');
  } else if (typeof input === 'string') {
    s = input
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .replace(/\u2212/g, '-')
      .trim();
    const sign = /^-\s*/.exec(s);
    if (sign) [negative, s] = [true, s.slice(sign[0].length)];
    s = s.replace(/^S\/\.?\s*/i, '');
    const signAfter = /^-\s*/.exec(s);
    if (!negative && signAfter) [negative, s] = [true, s.slice(signAfter[0].length)];
    s = s.trim();
    if (s === '') return refuse(negative ? 'invalid' : 'empty');
  } else return refuse('empty');

  // "5." or ".5", letters, another currency, an exponent: not an amount.
  if (!/^\d[\d., ]*$/.test(s) || !/\d$/.test(s) || / {2}/.test(s)) return refuse('invalid');
  const marks = s.replace(/[\d ]/g, '');
  let whole: string;
  let fraction = '';
  if (marks === '') {
    const w = readWhole(s, [' ']);
    if (w === 'invalid' || w === 'mixed') return refuse(w as MoneyProblem);
    whole = w;
  } else {
    const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    const mark = s[last]!;
    const head = s.slice(0, last);
    const tail = s.slice(last + 1);
    if (!/^\d+$/.test(tail)) return refuse('mixed');
    const kinds = new Set(marks);
    if (kinds.size === 1 && marks.length > 1) {
      // "1,234,567" or "1.234.567": the only separator, repeated, can only group thousands.
      const w = readWhole(s, [mark]);
      if (w === 'invalid' || w === 'mixed') return refuse(w as MoneyProblem);
      whole = w;
    } else {
      if (kinds.size === 1 && tail.length === 3 && /^[1-9]\d{0,2}$/.test(head)) return refuse('doubtful');
      if (tail.length > 2) return refuse('decimals');
      const other = mark === '.' ? ',' : '.';
      if (head.includes(mark)) return refuse('mixed');
      const w = readWhole(head, [other, ' ']);
      if (w === 'invalid' || w === 'mixed') return refuse(w as MoneyProblem);
      whole = w;
      fraction = tail;
    }
  }
  const centimos = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(centimos)) return refuse('tooLarge');
  if (negative && !opts.allowNegative) return refuse('negative');
  return { ok: true, centimos: negative ? -centimos : centimos };
}

/**
 * An amount in soles → integer céntimos, or null when readMoney refuses it (non-negative
 * amounts only). Kept for imports and other callers that only need the number.
 */
export function parseMoneyToCentimos(input: string | number | null | undefined): number | null {
  const r = readMoney(input);
  return r.ok ? r.centimos : null;
}

/** Céntimos as a money field shows them to edit: "1,234.56" (es-PE grouping; readMoney reads it back). */
export function centimosToText(centimos: number): string {
  const sign = centimos < 0 ? '-' : '';
  const abs = Math.abs(centimos);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;
const dayMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** The ISO day `days` after (or before, when negative) another. */
export const addDays = (iso: string, days: number): string => new Date(dayMs(iso) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from one ISO day to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
