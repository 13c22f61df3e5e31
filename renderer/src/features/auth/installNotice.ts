import type { SiteInstalled } from '../../../../shared/sites/schemas';

/**
 * «Instalar como sede» ends at the sign-in screen (or, if the package carried no account, at
 * the first administrator's): that screen tells what was installed and the centre's fingerprint
 * to compare. Kept in memory only, as the restore's notice (restoreNotice.ts).
 */
let last: SiteInstalled | null = null;

export const rememberInstall = (r: SiteInstalled) => {
  last = r;
};
export const lastInstall = (): SiteInstalled | null => last;
export const forgetInstall = () => {
  last = null;
};
