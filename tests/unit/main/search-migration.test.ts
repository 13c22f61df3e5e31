import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { migrationSource, migrations } from '../../../migrations';
import { normalizeText } from '../../../shared/format';
import { onPostgres, sqliteOnly } from '../../helpers/pg';
import { snapshot } from '../../helpers/services';
import { fixtureUpgrade, servicesOver } from '../../helpers/migration';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Migration 20261205_0019 (the global search's indexes, issue 16) on the data the previous
 * version wrote: the demonstration database of tests/fixtures/db, brought to the migration
 * before this one, then started by the app up to this one — on a SQLite file (trigram indexes
 * filled with the existing records) and on an office server (nothing to do). No row changes;
 * then search.global finds records written before the indexes existed, by a word's middle.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const MIGRATION = '20261205_0019_search';
const BEFORE = migrations[migrations.findIndex(([n]) => n === MIGRATION) - 1]![0];

const cleanups = cleanupsAfterEach();

interface Was {
  rows: Record<string, unknown>;
  participant: { code: string; last: string };
  instrument: string;
}

async function remember(db: Knex): Promise<Was> {
  const all = JSON.parse(await snapshot(db)) as Record<string, unknown>;
  for (const t of Object.keys(all)) if (t.startsWith('knex_migrations')) delete all[t];
  const p = (await db('participants').orderBy('id').first('code', 'last_names')) as { code: string; last_names: string };
  const i = (await db('instruments').orderBy('id', 'desc').first('code')) as { code: string };
  return { rows: all, participant: { code: p.code, last: p.last_names }, instrument: i.code };
}

/** Every row as it was; records written before the migration are found, also by the middle of a word. */
async function check(db: Knex, dir: string, was: Was): Promise<void> {
  const now = await remember(db);
  expect(now.rows).toEqual(was.rows);
  await db.migrate.latest({ migrationSource });
  const ok = await servicesOver(db, dir);
  const surname = normalizeText(was.participant.last).split(' ')[0]!;
  const byName = await ok('search.global', { q: surname.slice(1) });
  expect(byName.groups.find((g) => g.kind === 'participant')?.hits.length).toBeGreaterThan(0);
  const byCode = await ok('search.global', { q: was.instrument.toLowerCase() });
  expect(byCode.groups.find((g) => g.kind === 'instrument')?.hits.map((h) => h.title)).toEqual([was.instrument]);
  const code = await ok('search.global', { q: was.participant.code });
  expect(code.groups.find((g) => g.kind === 'participant')?.hits[0]?.detail).toContain(was.participant.code);
}

const upgraded = fixtureUpgrade(cleanups, { fixture: FIXTURE, migration: MIGRATION, stopAt: BEFORE, remember });

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'the search indexes on the SQLite file the previous version wrote',
  () => {
    it('indexes the existing records without changing a row; the search finds them', async () => {
      const { started, dir, was } = await upgraded('sqlite');
      expect(started.migrated).toEqual([MIGRATION]);
      await check(started.db, dir, was);
    });
  },
);

describe.skipIf(!onPostgres())('the search on an office server with the same data', () => {
  it('the server is left as it was (no index there) and the search finds the same records', async () => {
    const { started, dir, was } = await upgraded('server');
    expect({ migrated: started.migrated, readOnly: started.readOnly }).toEqual({ migrated: [MIGRATION], readOnly: false });
    await check(started.db, dir, was);
  });
});
