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

const common = { environment: 'node', testTimeout: 30000, hookTimeout: 30000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'sqlite', include: ['tests/unit/**/*.test.ts'], env: { ARTEINPE_TEST_PG: '' } } },
      ...(process.env.ARTEINPE_TEST_PG
        ? [{ test: { ...common, name: 'postgres', include: ['tests/unit/main/**/*.test.ts'], exclude: withoutDatabase } }]
        : []),
    ],
  },
});
