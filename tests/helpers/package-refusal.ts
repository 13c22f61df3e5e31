import { PackageError, type PackageRefusal } from '../../electron/main/sites/sealed';

/** Why opening a data package was refused (sealed.ts PackageError's reason), or 'opened'. */
export function refusal(fn: () => unknown): PackageRefusal | 'opened' {
  try {
    fn();
    return 'opened';
  } catch (err) {
    if (err instanceof PackageError) return err.reason;
    throw err;
  }
}
