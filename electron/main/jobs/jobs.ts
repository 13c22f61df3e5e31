import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../shared/format';
import type { ApiError } from '../../../shared/ipc';
import type { JobStatus } from '../../../shared/jobs/schemas';
import { isForeignKeyViolation, isUniqueViolation } from '../db/dialect';
import { translator } from '../i18n';
import { AppError } from '../ipc/errors';

/**
 * Long-running work (an import, later a catalog or a backup) that answers at once with a
 * job id, reports progress, and can be cancelled. The renderer polls 'jobs.status' and
 * calls 'jobs.cancel'. One in-memory registry per Services (compose.ts); it is reachable
 * from every handler as `ctx.jobs`.
 *
 * A job that writes must do so through `runAuditedWrite` (ipc/audited-write.ts), exactly
 * like a write channel: one transaction with its audit entries. Cancelling aborts
 * `job.signal`; the work notices (signal.throwIfAborted()), throws, and the transaction
 * rolls back, so a cancelled job leaves nothing behind.
 */

/** What the work of a job gets. */
export interface JobControl {
  /** Reports how far the work is; `phase` is a short name the renderer translates ("validate", "write"). */
  progress(done: number, total: number, phase?: string): void;
  /** Aborted when the user cancels: check it (signal.throwIfAborted()) between steps. */
  signal: AbortSignal;
}

export type JobWork = (job: JobControl) => Promise<unknown>;

/**
 * A refusal that also carries a result to show: an import whose rows have errors fails
 * with its report, so the clerk sees every bad row.
 */
export class JobFailure extends Error {
  constructor(
    readonly error: AppError,
    readonly result: unknown,
  ) {
    super(error.key);
  }
}

export interface JobRegistry {
  /** Starts `work` in the background and answers its id at once. */
  start(kind: string, work: JobWork): string;
  /** The job's state in the session's language, or null when unknown (or long forgotten). */
  status(id: string): JobStatus | null;
  /** Asks a running job to stop; answers its status (still 'running' until the work notices). */
  cancel(id: string): JobStatus | null;
  /** Resolves when the job has finished (tests, command-line tools). */
  wait(id: string): Promise<JobStatus | null>;
  /** Called on every progress report and state change; answers an unsubscribe function. */
  watch(listener: (status: JobStatus) => void): () => void;
}

export interface JobRegistryOptions {
  /** Whose language the errors are told in (read at each status request). */
  session: { locale: Locale };
  /** How many finished jobs are kept for their status to be read (running ones are always kept). */
  keep?: number;
  onInternalError?: (kind: string, err: unknown) => void;
}

interface JobRecord {
  id: string;
  kind: string;
  state: JobStatus['state'];
  done: number;
  total: number;
  phase: string | null;
  result: unknown;
  error: AppError | null;
  startedAt: string;
  finishedAt: string | null;
  controller: AbortController;
  finished: Promise<void>;
}

/** An AppError told in one language: the shape every channel answers. */
export function toApiError(e: AppError, locale: Locale): ApiError {
  const t = translator(locale);
  return {
    code: e.code,
    message: t(e.key, e.params),
    fields: Object.fromEntries(Object.entries(e.fields).map(([k, ref]) => [k, t(ref.key, ref.params ?? {})])),
  };
}

export function createJobRegistry(opts: JobRegistryOptions): JobRegistry {
  const keep = opts.keep ?? 20;
  const jobs = new Map<string, JobRecord>();
  const listeners = new Set<(status: JobStatus) => void>();

  const view = (j: JobRecord): JobStatus => ({
    id: j.id,
    kind: j.kind,
    state: j.state,
    done: j.done,
    total: j.total,
    phase: j.phase,
    ...(j.result === undefined ? {} : { result: j.result }),
    ...(j.error ? { error: toApiError(j.error, opts.session.locale) } : {}),
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  });

  const notify = (j: JobRecord) => {
    if (listeners.size === 0) return;
    const s = view(j);
    for (const l of listeners) l(s);
  };

  /** Forgets the oldest finished jobs beyond `keep`. */
  const prune = () => {
    const finished = [...jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(j.id);
  };

  const settle = (j: JobRecord, outcome: { value: unknown } | { err: unknown }) => {
    j.finishedAt = new Date().toISOString();
    if ('value' in outcome) {
      j.state = 'done';
      j.result = outcome.value;
    } else if (j.controller.signal.aborted) {
      j.state = 'cancelled';
      j.error = new AppError('cancelled', 'import.jobs.cancelled');
    } else {
      const err = outcome.err;
      j.state = 'failed';
      if (err instanceof JobFailure) {
        j.error = err.error;
        j.result = err.result;
      } else if (err instanceof AppError) j.error = err;
      else if (isUniqueViolation(err)) j.error = new AppError('conflict', 'errors.conflict');
      else if (isForeignKeyViolation(err)) j.error = new AppError('in_use', 'errors.inUse');
      else {
        opts.onInternalError?.(j.kind, err);
        j.error = new AppError('internal', 'errors.internal');
      }
    }
    jobs.delete(j.id); // re-insert: the Map's order is then the order jobs finished in
    jobs.set(j.id, j);
    prune();
    notify(j);
  };

  return {
    start(kind, work) {
      const controller = new AbortController();
      const j: JobRecord = {
        id: randomUUID(),
        kind,
        state: 'running',
        done: 0,
        total: 0,
        phase: null,
        result: undefined,
        error: null,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        controller,
        finished: Promise.resolve(),
      };
      const control: JobControl = {
        signal: controller.signal,
        progress(done, total, phase) {
          if (j.state !== 'running') return;
          j.done = Math.max(0, Math.floor(done));
          j.total = Math.max(0, Math.floor(total));
          if (phase !== undefined) j.phase = phase;
          notify(j);
        },
      };
      jobs.set(j.id, j);
      // Never synchronously: start() answers the id before any of the work runs.
      j.finished = Promise.resolve()
        .then(() => work(control))
        .then(
          (value) => settle(j, { value }),
          (err: unknown) => settle(j, { err }),
        );
      return j.id;
    },

    status(id) {
      const j = jobs.get(id);
      return j ? view(j) : null;
    },

    cancel(id) {
      const j = jobs.get(id);
      if (!j) return null;
      if (j.state === 'running' && !j.controller.signal.aborted) j.controller.abort();
      return view(j);
    },

    async wait(id) {
      const j = jobs.get(id);
      if (!j) return null;
      await j.finished;
      return view(j);
    },

    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
