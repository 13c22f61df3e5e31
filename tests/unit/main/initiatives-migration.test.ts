import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { fixtureUpgrade, type UpgradeTarget } from '../../helpers/migration';
import { migrationsUpTo, onPostgres, sqliteOnly } from '../../helpers/pg';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Migration 20261206_0022 (initiatives, issue 17, item 1) on the demonstration database an
 * earlier version wrote (tests/fixtures/db/README.md), started by the app up to 0022 and rolled
 * back — on a SQLite file and on an office server with the same rows. The new column is added
 * without rebuilding the tables: the expenses stay append-only, the workshops' search index
 * keeps following their names, and nothing of the records changes either way.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const MIGRATION = '20261206_0022_initiatives';
const linked = ['workshops', 'ensembles', 'events', 'exhibitions', 'budget_expenses'];

const cleanups = cleanupsAfterEach();

type Row = Record<string, unknown>;

const upgraded = fixtureUpgrade(cleanups, {
  fixture: FIXTURE,
  migration: MIGRATION,
  remember: async (old) => ({ workshops: (await old('workshops').orderBy('id').select()) as Row[] }),
});

const at = '2026-12-06T10:00:00.000Z';
const who = { created_at: at, created_by: 'prueba', updated_at: at, updated_by: 'prueba' };

async function anExpense(db: Knex): Promise<number> {
  const [row] = (await db('budget_expenses')
    .insert({
      date: '2026-03-02',
      budget_line: 'materiales',
      supplier_name: 'Proveedor',
      supplier_ruc: '20123456789',
      document_type: 'factura',
      document_number: 'F001-1',
      amount_centimos: 12_000,
      description: 'Arcilla',
      ...who,
    })
    .returning('id')) as Array<{ id: number } | number>;
  return typeof row === 'object' ? row!.id : row!;
}

async function stillAppendOnly(db: Knex, expense: number): Promise<void> {
  await expect(db('budget_expenses').where({ id: expense }).del()).rejects.toThrow(/append-only/);
  await expect(db('budget_expenses').where({ id: expense }).update({ amount_centimos: 1 })).rejects.toThrow(/append-only/);
}

async function checkUpgrade(target: UpgradeTarget): Promise<void> {
  const { started, was } = await upgraded(target);
  const db = started.db;
  expect(started.migrated.at(-1)).toBe(MIGRATION);
  for (const table of linked) expect(await db.schema.hasColumn(table, 'initiative_id'), table).toBe(true);
  // Nothing is linked yet, and every workshop is as it was (with the new column empty).
  expect(await db('workshops').orderBy('id').select()).toEqual(was.workshops.map((w) => ({ ...w, initiative_id: null })));

  const [first] = (await db('initiatives')
    .insert({ name: 'INPE Orquestando', name_key: 'inpe orquestando', start_year: 2019, description: 'Música', ...who })
    .returning('id')) as Array<{ id: number } | number>;
  const id = typeof first === 'object' ? first!.id : first!;
  // One name per initiative, whatever its case or accents (the key is written by the code).
  await expect(
    db('initiatives').insert({ name: 'INPE ORQUESTANDO', name_key: 'inpe orquestando', start_year: 2020, description: '', ...who }),
  ).rejects.toThrow();

  // A record names an initiative that exists, and no other.
  const workshop = Number(was.workshops[0]!.id);
  await db('workshops').where({ id: workshop }).update({ initiative_id: id });
  await expect(
    db('workshops')
      .where({ id: workshop })
      .update({ initiative_id: id + 100 }),
  ).rejects.toThrow(/foreign key/i);

  // The expenses' triggers were kept: linking is allowed, rewriting or deleting is not.
  const expense = await anExpense(db);
  await db('budget_expenses').where({ id: expense }).update({ initiative_id: id });
  expect(await db('budget_expenses').where({ id: expense }).first('initiative_id')).toEqual({ initiative_id: id });
  await stillAppendOnly(db, expense);

  // The workshops' search index still follows a renamed workshop (SQLite only: PostgreSQL reads the key).
  if (target === 'sqlite') {
    await db('workshops').where({ id: workshop }).update({ name_key: 'taller renombrado zzqx' });
    const hits = (await db.raw(`SELECT rowid FROM workshops_search WHERE workshops_search MATCH 'zzqx'`)) as Row[];
    expect(hits.map((h) => Number(h.rowid))).toEqual([workshop]);
  }
}

async function checkRollback(target: UpgradeTarget): Promise<void> {
  const { started, was } = await upgraded(target);
  const db = started.db;
  const expense = await anExpense(db);
  await db.migrate.down({ migrationSource: migrationsUpTo(MIGRATION) });
  for (const table of linked) expect(await db.schema.hasColumn(table, 'initiative_id'), table).toBe(false);
  for (const table of ['initiatives', 'initiative_partners', 'initiative_agreements']) {
    expect(await db.schema.hasTable(table), table).toBe(false);
  }
  expect(await db('workshops').orderBy('id').select()).toEqual(was.workshops);
  await stillAppendOnly(db, expense);
}

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'initiatives, on the SQLite file the previous version wrote',
  () => {
    it('adds the initiatives and the column on the five registers, keeping their triggers', () => checkUpgrade('sqlite'));
    it('rolled back, the tables and columns go, the records and triggers stay', () => checkRollback('sqlite'));
  },
);

describe.skipIf(!onPostgres())('initiatives, on an office server with the same data', () => {
  it('adds the initiatives and the column on the five registers, keeping their triggers', () => checkUpgrade('server'));
  it('rolled back, the tables and columns go, the records and triggers stay', () => checkRollback('server'));
});
