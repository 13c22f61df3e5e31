import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { ImportReport, ImportResult, type ImportMapping, type ImportMode, type ImportTarget } from '../../shared/import/schemas';
import { importJob, type ImportJobName } from './import';
import { snapshot, type TestApp } from './services';

/**
 * A register as clerks keep it, for the import tests: a merged title and a subtitle above
 * the headers (so the header row is row 3 and data starts on row 4), then the rows as given
 * (an empty array is a blank row; a TOTAL row is written like any other). Base64, as
 * import.inspect takes it.
 */
export async function messyXlsx(title: string, headers: string[], rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hoja1');
  ws.getRow(1).values = [title];
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getRow(2).values = ['Instituto Nacional Penitenciario — Programa de arte y cultura'];
  ws.getRow(3).values = headers;
  rows.forEach((r, i) => (ws.getRow(i + 4).values = r as ExcelJS.CellValue[]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/**
 * The steps of an import test on a fresh app (`current` answers the test's app): inspect a
 * messy file, run a job, dry-run it, and check that a dry run and a refused run wrote nothing.
 */
export function sheetImport(current: () => TestApp) {
  const job = (name: ImportJobName, uploadId: string, mapping: ImportMapping, mode: ImportMode = 'create') =>
    importJob(current(), name, uploadId, mapping, { mode });
  return {
    job,
    async inspect(target: ImportTarget, headers: string[], rows: unknown[][]) {
      const dataBase64 = await messyXlsx(`Registro de ${target}`, headers, rows);
      const up = await current().ok('import.inspect', { target, fileName: `${target}.xlsx`, dataBase64 });
      return { up, mapping: up.suggestedMapping as ImportMapping };
    },
    dryRun: async (uploadId: string, mapping: ImportMapping, mode: ImportMode = 'create') =>
      ImportReport.parse((await job('import.dryRun', uploadId, mapping, mode)).result),
    /** The run's result: how many were created and updated. */
    run: async (uploadId: string, mapping: ImportMapping, mode: ImportMode = 'create') =>
      ImportResult.parse((await job('import.run', uploadId, mapping, mode)).result),
    /** The dry run left the database as it was (`before`), and the run is refused without writing either. */
    async expectNothingWritten(uploadId: string, mapping: ImportMapping, before: string) {
      const db = current().db;
      expect(await snapshot(db)).toBe(before);
      expect((await job('import.run', uploadId, mapping)).state).toBe('failed');
      expect(await snapshot(db)).toBe(before);
    },
  };
}

/** A report's errors as the clerk reads them: row, field, message. */
export const errorsOf = (r: ImportReport) => r.errors.map((e) => [e.row, e.field, e.message]);
