import { afterEach } from 'vitest';

/**
 * A list of things to undo (close a database, drop a server database, remove a folder), run
 * after each test of the file that asks for it, last registered first.
 */
export function cleanupsAfterEach(): Array<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  return cleanups;
}
