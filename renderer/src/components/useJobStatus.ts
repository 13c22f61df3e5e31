import { useEffect, useState } from 'react';
import type { JobStatus } from '../../../shared/jobs/schemas';
import { ApiCallError, call } from '../api';

/** How often a running job is asked where it is. */
export const JOB_POLL_MS = 200;

/**
 * The status of a long-running job in main ('jobs.status'), polled every ~200 ms while it
 * runs and no longer once it has finished. A refused poll (the job is gone) is reported
 * as a failed status with main's message.
 */
export function useJobStatus(jobId: string | null): JobStatus | null {
  const [status, setStatus] = useState<JobStatus | null>(null);
  useEffect(() => {
    setStatus(null);
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const s = await call('jobs.status', { id: jobId });
        if (stopped) return;
        setStatus(s);
        if (s.state === 'running') timer = setTimeout(() => void poll(), JOB_POLL_MS);
      } catch (err) {
        if (stopped) return;
        const now = new Date().toISOString();
        setStatus({
          id: jobId,
          kind: '',
          state: 'failed',
          done: 0,
          total: 0,
          phase: null,
          error:
            err instanceof ApiCallError
              ? err.error
              : { code: 'internal', message: err instanceof Error ? err.message : String(err), fields: {} },
          startedAt: now,
          finishedAt: now,
        });
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  return status;
}
