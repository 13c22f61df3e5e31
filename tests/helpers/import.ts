import ExcelJS from 'exceljs';
import type { ImportMapping, ImportRequest } from '../../shared/import/schemas';
import type { JobStatus } from '../../shared/jobs/schemas';
import type { TestApp } from './services';

/** The import's two jobs on an inspected file: the dry run (writes nothing) and the run. */
export type ImportJobName = 'import.dryRun' | 'import.run';

/** An import job on an inspected upload, waited for to its end: new records only ('create') unless `more` says otherwise. */
export async function importJob(
  app: TestApp,
  name: ImportJobName,
  uploadId: string,
  mapping: ImportMapping,
  more: Partial<Pick<ImportRequest, 'mode' | 'values' | 'headerRow'>> = {},
): Promise<JobStatus> {
  const { jobId } = await app.ok(name, { uploadId, mapping, mode: 'create', ...more });
  return (await app.jobs.wait(jobId)) as JobStatus;
}

/**
 * A clerk's workbook as base64: title rows above the table (the first merged across
 * `mergeTo`, e.g. 'H1'), then `rows` (the header row first; [] is a blank row).
 */
export async function titledSheet(sheet: string, titles: string[], rows: unknown[][], mergeTo?: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  titles.forEach((t, i) => (ws.getRow(i + 1).values = [t]));
  if (mergeTo) ws.mergeCells(`A1:${mergeTo}`);
  rows.forEach((r, i) => (ws.getRow(titles.length + i + 1).values = r as ExcelJS.CellValue[]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
