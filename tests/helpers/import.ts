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
