import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { formatDate, formatDateTime } from '../../../shared/format';
import type { ExportFormat, ExportResult } from '../../../shared/ipc';
import { AppError } from '../ipc/errors';
import type { HandlerContext } from '../ipc/context';
import { newWorkbook } from './workbook';

/**
 * What a column holds, so that each format writes it the way the office uses it:
 * - text, number: as they are (a number stays a number);
 * - date, dateTime: an ISO date or timestamp. XLSX: an Excel date shown dd/mm/aaaa (and hh:mm,
 *   Lima's time), which sorts and filters as a date; CSV: the text dd/mm/aaaa (hh:mm).
 * - money, usd: integer céntimos (or US cents). XLSX: a number with two decimals and the
 *   "S/" (or "US$") format, which Excel sums; CSV: the amount as 1234.50, point decimals, no
 *   symbol, exact (no float arithmetic), which Excel in Peru and the app's own import read.
 * - percent: a fraction (0.998). XLSX: shown 99.8 %; CSV: the number.
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'dateTime' | 'money' | 'usd' | 'percent';

interface ColumnBase {
  header: string;
  width: number;
}

export type Column<T> = ColumnBase &
  (
    | { kind?: 'text' | 'number'; value: (row: T) => string | number | null }
    | { kind: 'date' | 'dateTime'; value: (row: T) => string | null }
    | { kind: 'money' | 'usd' | 'percent'; value: (row: T) => number | null }
  );

/** Excel's own number formats (stored in the file in this invariant form; Excel shows them in the user's language). */
export const cellFormats = {
  date: 'dd/mm/yyyy',
  dateTime: 'dd/mm/yyyy hh:mm',
  money: '"S/" #,##0.00',
  usd: '"US$" #,##0.00',
  percent: '0.0%',
} as const;

const LIMA_OFFSET_MS = 5 * 3600 * 1000;

/**
 * An ISO date ('2026-03-05') or timestamp as the Date exceljs writes as an Excel date: Excel
 * dates have no time zone, so the Date carries Lima's wall clock in UTC fields (a timestamp is
 * moved to UTC−5; `withTime` false keeps only its Lima day). null for an empty value; the text
 * itself when it is not a date (kept, never guessed).
 */
export function excelDate(iso: string | null | undefined, withTime = false): Date | string | null {
  if (iso === null || iso === undefined || iso === '') return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const lima = new Date(t - LIMA_OFFSET_MS);
  if (withTime) return new Date(Math.floor(lima.getTime() / 60_000) * 60_000);
  return new Date(Date.UTC(lima.getUTCFullYear(), lima.getUTCMonth(), lima.getUTCDate()));
}

/** Integer céntimos as soles for a spreadsheet cell (the one place money becomes a float, for Excel). */
export const excelMoney = (centimos: number | null | undefined): number | null =>
  centimos === null || centimos === undefined ? null : centimos / 100;

/** Integer céntimos as exact text with two decimals and a point: -1250 → "-12.50". */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A text cell of a CSV that Excel would run as a formula (it begins with =, +, -, @, a tab or
 * a carriage return: CSV injection) gets a leading apostrophe, so Excel shows it as text. Only
 * text: a number, a date or an amount the app writes itself (-12.50) is data and stays as it is.
 */
export function neutraliseCsvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function xlsxValue<T>(c: Column<T>, row: T): ExcelJS.CellValue {
  switch (c.kind) {
    case 'date':
    case 'dateTime':
      return excelDate(c.value(row), c.kind === 'dateTime');
    case 'money':
    case 'usd':
      return excelMoney(c.value(row));
    default:
      return c.value(row);
  }
}

function csvValue<T>(c: Column<T>, row: T): string | number | null {
  switch (c.kind) {
    case 'date':
    case 'dateTime': {
      const iso = c.value(row);
      if (!iso) return null;
      const shown = c.kind === 'date' ? formatDate(iso) : formatDateTime(iso);
      return shown || neutraliseCsvText(iso);
    }
    case 'money':
    case 'usd': {
      const cents = c.value(row);
      return cents === null ? null : centsText(cents);
    }
    case 'percent':
      return c.value(row);
    default: {
      const v = c.value(row);
      return typeof v === 'string' ? neutraliseCsvText(v) : v;
    }
  }
}

/** Column widths and, for dates, money and percentages, Excel's number format. */
export function sheetColumns<T>(columns: Column<T>[]): Array<Partial<ExcelJS.Column>> {
  return columns.map((c) => {
    const numFmt = c.kind && c.kind !== 'text' && c.kind !== 'number' ? cellFormats[c.kind] : undefined;
    return { header: c.header, width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
}

/**
 * A workbook of one sheet: bold frozen header, auto-filter, column widths; dates as Excel
 * dates and amounts as numbers with their format (see ColumnKind).
 */
export async function tableWorkbook<T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook();
  wb.creator = 'ArteINPE';
  wb.created = new Date();
  addTableSheet(wb, sheetName, columns, rows);
  return wb;
}

/** One more sheet of the same kind in a workbook (a report of several tables). */
export function addTableSheet<T>(wb: ExcelJS.Workbook, sheetName: string, columns: Column<T>[], rows: T[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheetColumns(columns);
  for (const row of rows) ws.addRow(columns.map((c) => xlsxValue(c, row)));
  ws.getRow(1).font = { bold: true };
  if (columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/**
 * XLSX as Excel writes it, or CSV the way Excel in a Spanish-speaking office opens it
 * directly: semicolons between fields and a UTF-8 byte-order mark for the accents; dates and
 * amounts as text (dd/mm/aaaa, 1234.50), and no text cell Excel would run as a formula.
 */
export async function tableBytes<T>(format: ExportFormat, sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  if (format === 'xlsx') return Buffer.from(await (await tableWorkbook(sheetName, columns, rows)).xlsx.writeBuffer());
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(columns.map((c) => neutraliseCsvText(c.header)));
  for (const row of rows) ws.addRow(columns.map((c) => csvValue(c, row)));
  const csv = await wb.csv.writeBuffer({ formatterOptions: { delimiter: ';', writeBOM: true } });
  return Buffer.from(csv);
}

/** Writes next to the target and renames, so a failure never leaves half a file behind. */
export function writeFileAtomic(target: string, bytes: Buffer): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, target);
}

const filterKeys: Record<string, string> = {
  xlsx: 'export.xlsxFilter',
  csv: 'export.csvFilter',
  pdf: 'export.pdfFilter',
  docx: 'export.docxFilter',
  txt: 'export.txtFilter',
};

/**
 * The save step shared by every export, report and PDF: ask where (save dialog), build
 * the bytes only then, write atomically, and remember the file so the renderer may ask to
 * show it in its folder.
 */
export async function saveExport(
  ctx: HandlerContext,
  opts: { baseName: string; extension: 'xlsx' | 'csv' | 'pdf' | 'docx' | 'txt'; rows: number; build: () => Promise<Buffer> },
): Promise<ExportResult> {
  const date = ctx.now.slice(0, 10);
  const target = await ctx.platform.chooseSavePath({
    defaultName: `${opts.baseName}-${date}.${opts.extension}`,
    filterName: ctx.t(filterKeys[opts.extension]!),
    extensions: [opts.extension],
  });
  if (!target) return { status: 'cancelled' };
  const bytes = await opts.build();
  try {
    writeFileAtomic(target, bytes);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('internal', 'errors.exportFailed', { reason });
  }
  ctx.session.writtenFiles.add(path.resolve(target));
  return { status: 'saved', path: target, rows: opts.rows };
}

/** A list exported as it is shown: XLSX or CSV of the filtered rows. */
export function exportTable<T>(
  ctx: HandlerContext,
  opts: { baseName: string; sheetName: string; format: ExportFormat; columns: Column<T>[]; rows: T[] },
): Promise<ExportResult> {
  return saveExport(ctx, {
    baseName: opts.baseName,
    extension: opts.format,
    rows: opts.rows.length,
    build: () => tableBytes(opts.format, opts.sheetName, opts.columns, opts.rows),
  });
}
