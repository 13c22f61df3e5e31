import type { RestoreReport } from '../../../../shared/backups/schemas';

/**
 * A restore signs everyone out; what it did is told on the sign-in screen that follows
 * (the backups page is gone by then). Kept in memory only.
 */
type Restored = Extract<RestoreReport, { status: 'restored' }>;
let last: Restored | null = null;

export const rememberRestore = (r: Restored) => {
  last = r;
};
export const lastRestore = (): Restored | null => last;
export const forgetRestore = () => {
  last = null;
};
