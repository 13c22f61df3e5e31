/**
 * Runs `task` once the page has been idle for a moment (`delayMs`, then the browser's next
 * idle period, at the latest `delayMs` + 1 s later). Returns what cancels it (an effect's cleanup).
 */
export function whenIdle(task: () => void, delayMs: number): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(task, { timeout: 1000 });
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
