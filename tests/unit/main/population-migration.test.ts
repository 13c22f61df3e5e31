import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { migrationSource, migrations } from '../../../migrations';
import { onPostgres, sqliteOnly } from '../../helpers/pg';
import { snapshot } from '../../helpers/services';
import { fixtureUpgrade, servicesOver } from '../../helpers/migration';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Migration 20261204_0015 (establishments' population over time, issue 15) on the data the
 * previous version wrote: the demonstration database of commit 4086b78
 * (tests/fixtures/db/README.md), brought to the migration before this one, then started by the
 * app up to this one — on a SQLite file and on an office server with the same rows. Nothing was
 * typed to carry over: the migration adds the empty ledger of counts and changes no other row;
 * then today's channels record a count on a fixture establishment and its reach is computed.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const LAST_OLD = '20261203_0010_linked_custody';
const MIGRATION = '20261204_0015_establishment_population';
const BEFORE = migrations[migrations.findIndex(([n]) => n === MIGRATION) - 1]![0];

const cleanups = cleanupsAfterEach();

/** Every row of every table but the migrations' bookkeeping and the new ledger. */
async function otherRows(db: Knex): Promise<Record<string, unknown>> {
  const all = JSON.parse(await snapshot(db)) as Record<string, unknown>;
  for (const t of Object.keys(all)) if (t.startsWith('knex_migrations') || t === 'population_counts') delete all[t];
  return all;
}

/** The upgraded database: an empty ledger, every other row as it was; then a count recorded through today's channels. */
async function check(db: Knex, dir: string, was: Record<string, unknown>): Promise<void> {
  expect(Number(((await db('population_counts').count({ n: '*' })) as Array<{ n: unknown }>)[0]!.n)).toBe(0);
  expect(await otherRows(db)).toEqual(was);
  await db.migrate.latest({ migrationSource });
  const ok = await servicesOver(db, dir);
  const before = await ok('population.reach', {});
  expect(before.rows.length).toBeGreaterThan(0);
  expect(before.national).toMatchObject({ population: null, reachPercent: null, counted: 0 });
  const lurigancho = before.rows.find((r) => r.name === 'E.P. de Lurigancho')!;
  expect(lurigancho).toMatchObject({ population: null, reachPercent: null });
  expect(lurigancho.participants.total).toBeGreaterThan(0);
  await ok('population.record', { establishmentId: lurigancho.establishmentId, countedOn: '2026-11-30', men: 10150, women: 0 });
  const after = (await ok('population.reach', {})).rows.find((r) => r.establishmentId === lurigancho.establishmentId)!;
  expect(after.population).toEqual({ men: 10150, women: 0, total: 10150, countedOn: '2026-11-30' });
  expect(after.reachPercent).toBe(Math.round((lurigancho.participants.total * 1000) / 10150) / 10);
}

/** The fixture, with the rows the previous version could have written, started by the app up to the migration. */
const upgraded = fixtureUpgrade(cleanups, { fixture: FIXTURE, migration: MIGRATION, stopAt: BEFORE, remember: otherRows });

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'the population ledger on the SQLite file the previous version wrote',
  () => {
    it('adds an empty ledger of counts and changes no other row; a count then gives the reach', async () => {
      const { started, dir, was } = await upgraded('sqlite', async (old) => {
        expect((await old('knex_migrations').orderBy('id').pluck('name')).at(-1)).toBe(LAST_OLD);
      });
      expect(started.migrated).toEqual([MIGRATION]);
      await check(started.db, dir, was);
    });
  },
);

describe.skipIf(!onPostgres())('the population ledger on an office server with the same data', () => {
  it('the server with the fixture rows is upgraded exactly as the SQLite file is', async () => {
    const { started, dir, was } = await upgraded('server', async (_old, copied) => {
      expect(copied).toMatchObject({ participants: 523 });
    });
    expect({ migrated: started.migrated, readOnly: started.readOnly }).toEqual({ migrated: [MIGRATION], readOnly: false });
    await check(started.db, dir, was);
  });
});
