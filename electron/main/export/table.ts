import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ExportFormat, ExportResult } from '../../../shared/ipc';
import { AppError } from '../ipc/errors';
import type { HandlerContext } from '../ipc/dispatcher';

export interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

/** A workbook of one sheet: bold frozen header, auto-filter, column widths. */
export function tableWorkbook<T>(sheetName: string, columns: Column<T>[], rows: T[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ArteINPE';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row)));
  ws.getRow(1).font = { bold: true };
  if (columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return wb;
}

/**
 * XLSX as Excel writes it, or CSV the way Excel in a Spanish-speaking office opens it
 * directly: semicolons between fields and a UTF-8 byte-order mark for the accents.
 */
export async function tableBytes<T>(
  format: ExportFormat,
  sheetName: string,
  columns: Column<T>[],
  rows: T[],
): Promise<Buffer> {
  const wb = tableWorkbook(sheetName, columns, rows);
  if (format === 'xlsx') return Buffer.from(await wb.xlsx.writeBuffer());
  const csv = await wb.csv.writeBuffer({ formatterOptions: { delimiter: ';', writeBOM: true } });
  return Buffer.from(csv);
}

/** Writes next to the target and renames, so a failure never leaves half a file behind. */
export function writeFileAtomic(target: string, bytes: Buffer): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, target);
}

const filterKeys: Record<string, string> = { xlsx: 'export.xlsxFilter', csv: 'export.csvFilter', pdf: 'export.pdfFilter' };

/**
 * The save step shared by every export, report and PDF: ask where (save dialog), build
 * the bytes only then, write atomically, and remember the file so the renderer may ask to
 * show it in its folder.
 */
export async function saveExport(
  ctx: HandlerContext,
  opts: { baseName: string; extension: 'xlsx' | 'csv' | 'pdf'; rows: number; build: () => Promise<Buffer> },
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
