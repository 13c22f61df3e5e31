import { z } from 'zod';
import { requiredOr } from '../ipc';

/** A job's id as main hands it out (a UUID); anything else is refused before it reaches the registry. */
export const JobId = z
  .string({ error: requiredOr('errors.invalid') })
  .min(1, 'errors.required')
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'errors.invalid');

export const JobRef = z.object({ id: JobId }).strict();

export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const;
export const JobState = z.enum(jobStates);
export type JobState = z.infer<typeof JobState>;

export const JobError = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()),
});

/**
 * Where a long-running job is. `result` is what the work answered (done), or what it
 * failed with (an import's report of bad rows); its shape depends on `kind` and is
 * parsed with that kind's schema (e.g. ImportReport, ImportResult in shared/import).
 * `error` is in the user's language.
 */
export const JobStatus = z.object({
  id: z.string(),
  kind: z.string(),
  state: JobState,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  phase: z.string().nullable(),
  result: z.unknown().optional(),
  error: JobError.optional(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

/** The answer of a channel that starts a job. */
export const JobStarted = z.object({ jobId: z.string() });
export type JobStarted = z.infer<typeof JobStarted>;
