import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two projects, the two database tiers of tier 1:
 * - "sqlite": every unit test, the database ones on throwaway SQLite files;
 * - "postgres" (office mode): the tests that open a database, each on a fresh database of the
 *   PostgreSQL server named by ARTEINPE_TEST_PG; present only when that variable is set
 *   (`npm test` starts a throwaway server with .ci/pg-server.sh where PostgreSQL is installed).
 * The main-process tests that never open a database are listed here by name.
 */
const withoutDatabase = [
  'catalog-electron-print',
  'catalog',
  'notification-electron',
  'pdf',
  'plurals',
  'preload',
  'register',
  'security',
  'window-security',
].map((name) => `tests/unit/main/${name}.test.ts`);

/**
 * SQLite: two test files at a time at least. Vitest's default (one fewer than the processors)
 * runs the files one by one on the 2-processor machines CI and the office PCs have, leaving a
 * processor idle whenever a test waits for Chromium, a child process or the disk.
 * PostgreSQL: Vitest's default. There the server is a third busy process on the same two
 * processors: with two files at a time, one test's fresh database with the demonstration data
 * (demo.load, 6–10 s there) once took over its hook's 30 s while the other file loaded its own.
 */
const sqliteWorkers = Math.max(2, os.availableParallelism() - 1);

const common = { environment: 'node', testTimeout: 30000, hookTimeout: 30000, pool: 'forks' } as const;

/**
 * The test files that replace modules (vi.mock), fake the clock, stub globals or change the
 * password hashing cost run each in a fresh process of its own (Vitest's isolation), so
 * nothing they change reaches another file; they are found by what they call (below), so a
 * new one is never missed. Every other file shares its worker process with the files before
 * it (isolate: false): the app's modules are imported, and the migrated SQLite template
 * (helpers/migrated-template.ts) or the PostgreSQL databases (helpers/pg.ts) made, once per
 * worker instead of once per file (the imports alone cost about 2 s of processor per file).
 * Run both with `--project 'sqlite*'` (or `'postgres*'`), as `npm test` does.
 */
const changesTheProcess =
  /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|useFakeTimers|resetModules)\(|setHashCostForTests\(|process\.env\.\w+\s*=[^=]|process\.chdir\(/;
export const isolatedFiles = fs
  .readdirSync(path.join(import.meta.dirname, 'tests/unit'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `tests/unit/${name.split(path.sep).join('/')}`)
  .filter((file) => changesTheProcess.test(fs.readFileSync(path.join(import.meta.dirname, file), 'utf8')))
  .sort();

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...common,
          maxWorkers: sqliteWorkers,
          name: 'sqlite',
          isolate: false,
          include: ['tests/unit/**/*.test.ts'],
          exclude: isolatedFiles,
          env: { ARTEINPE_TEST_PG: '' },
        },
      },
      {
        test: { ...common, maxWorkers: sqliteWorkers, name: 'sqlite-isolated', include: isolatedFiles, env: { ARTEINPE_TEST_PG: '' } },
      },
      ...(process.env.ARTEINPE_TEST_PG
        ? [
            {
              test: {
                ...common,
                name: 'postgres',
                isolate: false,
                include: ['tests/unit/main/**/*.test.ts'],
                exclude: [...withoutDatabase, ...isolatedFiles],
              },
            },
            { test: { ...common, name: 'postgres-isolated', include: isolatedFiles.filter((f) => !withoutDatabase.includes(f)) } },
          ]
        : []),
    ],
  },
});
