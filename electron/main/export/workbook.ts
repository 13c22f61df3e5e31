import type ExcelJS from 'exceljs';

let excel: Promise<typeof ExcelJS> | undefined;

/**
 * A new, empty ExcelJS workbook (to write a sheet, or to load one read from a file).
 * ExcelJS, with the zip and CSV libraries it brings, is loaded the first time a spreadsheet is
 * read or written, not when the app starts: importing it costs about a second and a half of
 * processor on a 2-core PC, which every start of the app (and every test process) paid before.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  excel ??= import('exceljs').then((m) => m.default);
  return new (await excel).Workbook();
}
