import type ExcelJS from 'exceljs';
import { newWorkbook } from '../export/workbook';
import { formatDate, normalizeText, parseDateInput } from '../../../shared/format';
import { AppError } from '../ipc/errors';

/**
 * Reading a spreadsheet the way a clerk sees it: XLSX (exceljs) or CSV as Excel in Spanish
 * saves it (';' or ',' between fields, UTF-8 with or without a byte-order mark, or
 * Windows-1252). readSheet gives every non-empty row with its row number as Excel shows
 * it; tableAt reads them as a table whose headers are one of those rows (the engine
 * chooses which: the one that best matches the target's fields), every later non-empty
 * row being data. A totals row (TOTAL written in it, or a cell summing its own column)
 * is marked, for the engine to pass over.
 */

/** One cell as read: text, a number, a boolean, a date (exceljs gives a Date for a date cell), or empty. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number as Excel shows it (1-based, empty rows counted). */
  row: number;
  /** One cell per header, in header order. */
  cells: Cell[];
  /** A totals row: a cell whose text is TOTAL (Total general, Subtotal…) or a formula summing its own column. */
  totals?: boolean;
}

/** A non-empty row of the sheet as read. */
interface SheetLine {
  row: number;
  cells: Cell[];
  /** Some cell is a formula summing the column it is in (=SUMA(F4:F30)). */
  sums?: boolean;
}

export interface SheetTable {
  format: 'xlsx' | 'csv';
  headers: string[];
  rows: SheetRow[];
  /** The blank rows between the header row and the last row (those after it, formatting Excel keeps, are not counted). */
  blank: number[];
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

/** =SUM(F4:F30), =SUMA(...), =SUBTOTAL(9,F4:F30) over a range of the cell's own column. */
function sumsOwnColumn(v: ExcelValue, column: string): boolean {
  if (v === null || typeof v !== 'object' || v instanceof Date) return false;
  const formula = (v as unknown as { formula?: unknown }).formula;
  if (typeof formula !== 'string') return false;
  const m = /^\s*(?:SUM|SUMA|SUBTOTAL)\s*\(\s*(?:\d+\s*[,;]\s*)?\$?([A-Z]{1,3})\$?\d+\s*:\s*\$?([A-Z]{1,3})\$?\d+\s*\)\s*$/i.exec(formula);
  return !!m && m[1]!.toUpperCase() === column && m[2]!.toUpperCase() === column;
}

async function readXlsx(bytes: Buffer): Promise<SheetLine[]> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation', 'import.errors.unreadable');
  }
  const sheet = wb.worksheets.find((ws) => ws.state !== 'hidden' && ws.actualRowCount > 0) ?? wb.worksheets[0];
  const out: SheetLine[] = [];
  sheet?.eachRow({ includeEmpty: false }, (r, n) => {
    const values = r.values as ExcelValue[];
    const cells: Cell[] = [];
    let sums = false;
    for (let i = 1; i < values.length; i++) {
      cells.push(fromExcel(values[i]));
      if (sumsOwnColumn(values[i], columnLetter(i - 1))) sums = true;
    }
    out.push({ row: n, cells, ...(sums ? { sums } : {}) });
  });
  return out;
}

// ---- CSV -----------------------------------------------------------------------------

/** Windows-1252 bytes 0x80–0x9F (the rest of the code page is Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
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

function readCsv(bytes: Buffer): SheetLine[] {
  let text = decodeText(bytes);
  // Excel's "sep=;" hint line: it names the delimiter and Excel does not show it as a row.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const records = parseCsv(text, hint ? hint[1]! : detectDelimiter(text));
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

// ---- Both ----------------------------------------------------------------------------

export interface Sheet {
  format: 'xlsx' | 'csv';
  /** Every non-empty row, in order. */
  lines: SheetLine[];
}

/** Reads XLSX or CSV bytes: every non-empty row with its Excel row number. */
export async function readSheet(bytes: Buffer, fileName: string): Promise<Sheet> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  let format: Sheet['format'];
  let raw: SheetLine[];
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
  const lines = raw.filter((r) => r.cells.some((c) => !isBlank(c)));
  if (lines.length === 0) throw new AppError('validation', 'import.errors.empty');
  return { format, lines };
}

/** The words that open a totals row: "TOTAL", "Total general", "Totales", "Sub total", "Suma total". */
const totalsText = /^(sub ?)?(total|totales)(\b|$)|^suma total\b/;

/** A totals row: TOTAL written in one of its cells, or a cell summing its own column. */
export function isTotalsRow(line: Pick<SheetLine, 'cells' | 'sums'>): boolean {
  return !!line.sums || line.cells.some((c) => typeof c === 'string' && totalsText.test(textKey(c)));
}

const textKey = (s: string) =>
  normalizeText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The sheet read with its `headerIndex`-th non-empty row as the header row. Headers are
 * unique and never empty (`blankHeader(index)` names a blank one, "Columna C"); a
 * repeated one gets " (2)". Every later row is data.
 */
export function tableAt(sheet: Sheet, headerIndex: number, blankHeader: (index: number) => string): SheetTable {
  const from = sheet.lines.slice(Math.max(0, Math.min(headerIndex, sheet.lines.length - 1)));
  const [headerRow, ...dataRows] = from as [SheetLine, ...SheetLine[]];

  // Columns: as many as the widest row, less trailing ones that are blank everywhere.
  let width = Math.max(...from.map((r) => r.cells.length));
  while (width > 0 && from.every((r) => isBlank(r.cells[width - 1]))) width--;

  const seen = new Map<string, number>();
  const headers = Array.from({ length: width }, (_, i) => {
    const c = headerRow.cells[i];
    // A date as a header (an attendance sheet's sessions) reads as the clerk sees it: dd/mm/aaaa.
    const shown = c instanceof Date ? formatDate(parseDateInput(c)) || cellString(c) : cellString(c ?? null);
    const base = isBlank(c ?? null) ? blankHeader(i) : shown.replace(/\s+/g, ' ');
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
    ...(isTotalsRow(r) ? { totals: true } : {}),
  }));
  const blank: number[] = [];
  from.forEach((r, i) => {
    for (let n = i > 0 ? from[i - 1]!.row + 1 : r.row; n < r.row; n++) blank.push(n);
  });
  return { format: sheet.format, headers, rows, blank };
}

/** The first row with at least two different filled cells (a title above the table, even merged, is passed over). */
export function plainHeaderIndex(sheet: Sheet): number {
  const i = sheet.lines.findIndex((r) => new Set(r.cells.filter((c) => !isBlank(c)).map((c) => cellString(c))).size >= 2);
  return Math.max(0, i);
}

/** Reads XLSX or CSV bytes into headers and data rows, the headers being the first row with two different filled cells. */
export async function readTable(bytes: Buffer, fileName: string, blankHeader: (index: number) => string): Promise<SheetTable> {
  const sheet = await readSheet(bytes, fileName);
  return tableAt(sheet, plainHeaderIndex(sheet), blankHeader);
}

/** A cell as plain text for parsing: strings trimmed, numbers without grouping, empty as ''. */
export function cellString(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'number') return String(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return c.toISOString();
}
