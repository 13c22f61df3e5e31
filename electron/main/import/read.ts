import ExcelJS from 'exceljs';
import { AppError } from '../ipc/errors';

/**
 * Reading a spreadsheet the way a clerk sees it: XLSX (exceljs) or CSV as Excel in Spanish
 * saves it (';' or ',' between fields, UTF-8 with or without a byte-order mark, or
 * Windows-1252). The headers are the first row with at least two filled cells (a title
 * above the table, in one cell, is passed over; a one-column file uses its first non-empty
 * row); every later non-empty row is data and keeps its row number as Excel shows it.
 */

/** One cell as read: text, a number, a boolean, a date (exceljs gives a Date for a date cell), or empty. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number as Excel shows it (1-based, empty rows counted). */
  row: number;
  /** One cell per header, in header order. */
  cells: Cell[];
}

export interface SheetTable {
  format: 'xlsx' | 'csv';
  headers: string[];
  rows: SheetRow[];
}

const isBlank = (c: Cell | undefined): boolean => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The spreadsheet column letter of a 0-based index (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---- XLSX ----------------------------------------------------------------------------

type ExcelValue = ExcelJS.CellValue | undefined;

/** exceljs's many cell shapes (rich text, formulas, hyperlinks, errors) → a plain Cell. */
function fromExcel(v: ExcelValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) return fromExcel(o.result as ExcelValue);
    if ('hyperlink' in o || 'text' in o) return fromExcel(o.text as ExcelValue);
    if ('error' in o) return String(o.error);
  }
  return null;
}

async function readXlsx(bytes: Buffer): Promise<Array<{ row: number; cells: Cell[] }>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation', 'import.errors.unreadable');
  }
  const sheet = wb.worksheets.find((ws) => ws.state !== 'hidden' && ws.actualRowCount > 0) ?? wb.worksheets[0];
  const out: Array<{ row: number; cells: Cell[] }> = [];
  sheet?.eachRow({ includeEmpty: false }, (r, n) => {
    const values = r.values as ExcelValue[];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(fromExcel(values[i]));
    out.push({ row: n, cells });
  });
  return out;
}

// ---- CSV -----------------------------------------------------------------------------

/** Windows-1252 bytes 0x80–0x9F (the rest of the code page is Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    s += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return s;
}

/**
 * Text of a CSV file: UTF-8 (its byte-order mark removed), UTF-16 with a byte-order mark
 * (Excel's "Unicode text"), or, when the bytes are not valid UTF-8, Windows-1252: what
 * Excel in Spanish on Windows writes for "CSV (delimitado por comas)".
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** The delimiter of the first non-empty line: the most frequent of ';', ',' and tab outside quotes (';' wins ties). */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  let seen = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (seen) break;
    } else if (!inQuotes) {
      if (c in counts) counts[c]!++;
      if (c.trim() !== '') seen = true;
    }
  }
  const best = ([';', ',', '\t'] as const).reduce((a, b) => (counts[b]! > counts[a]! ? b : a));
  return counts[best]! > 0 ? best : ',';
}

/** RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoted = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
      quoted = false;
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      quoted = false;
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0 || quoted) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function readCsv(bytes: Buffer): Array<{ row: number; cells: Cell[] }> {
  let text = decodeText(bytes);
  // Excel's "sep=;" hint line: it names the delimiter and Excel does not show it as a row.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const records = parseCsv(text, hint ? hint[1]! : detectDelimiter(text));
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

// ---- Both ----------------------------------------------------------------------------

/**
 * Reads XLSX or CSV bytes into headers and data rows. Headers are unique and never empty
 * (`blankHeader(index)` names a blank one, "Columna C"); a repeated one gets " (2)".
 */
export async function readTable(bytes: Buffer, fileName: string, blankHeader: (index: number) => string): Promise<SheetTable> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  let format: SheetTable['format'];
  let raw: Array<{ row: number; cells: Cell[] }>;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    format = 'xlsx';
    raw = await readXlsx(bytes);
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError('validation', 'import.errors.legacyXls');
  } else if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    format = 'csv';
    raw = readCsv(bytes);
  } else {
    throw new AppError('validation', ext === 'xlsx' ? 'import.errors.unreadable' : 'import.errors.unsupported');
  }

  const filled = (r: { cells: Cell[] }) => r.cells.filter((c) => !isBlank(c)).length;
  let nonEmpty = raw.filter((r) => filled(r) > 0);
  if (nonEmpty.length === 0) throw new AppError('validation', 'import.errors.empty');
  const headerAt = nonEmpty.findIndex((r) => filled(r) >= 2);
  nonEmpty = nonEmpty.slice(Math.max(0, headerAt));
  const [headerRow, ...dataRows] = nonEmpty as [SheetRow, ...SheetRow[]];

  // Columns: as many as the widest row, less trailing ones that are blank everywhere.
  let width = Math.max(...nonEmpty.map((r) => r.cells.length));
  while (width > 0 && nonEmpty.every((r) => isBlank(r.cells[width - 1]))) width--;

  const seen = new Map<string, number>();
  const headers = Array.from({ length: width }, (_, i) => {
    const c = headerRow.cells[i];
    const base = isBlank(c ?? null) ? blankHeader(i) : cellString(c ?? null).replace(/\s+/g, ' ');
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
  const rows = dataRows.map((r) => ({
    row: r.row,
    cells: Array.from({ length: width }, (_, i) => {
      const c = r.cells[i] ?? null;
      return isBlank(c) ? null : c;
    }),
  }));
  return { format, headers, rows };
}

/** A cell as plain text for parsing: strings trimmed, numbers without grouping, empty as ''. */
export function cellString(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'number') return String(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return c.toISOString();
}
