import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { fixtureUpgrade, type UpgradeTarget } from '../../helpers/migration';
import { migrationsUpTo, onPostgres, sqliteOnly } from '../../helpers/pg';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Migration 20261206_0024 (follow-up after release, issue 17, item 3) on the demonstration
 * database an earlier version wrote, started by the app up to 0024 and rolled back. The three
 * columns are added to the custody ledger without rebuilding it: it stays append-only, and no
 * movement changes either way.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const MIGRATION = '20261206_0024_release_follow_up';
const columns = ['continues_practice', 'referral_partner_id', 'referral_note'];

const cleanups = cleanupsAfterEach();

type Row = Record<string, unknown>;

const upgraded = fixtureUpgrade(cleanups, {
  fixture: FIXTURE,
  migration: MIGRATION,
  remember: async (old) => ({ movements: (await old('participant_movements').orderBy('id').select()) as Row[] }),
});

async function stillAppendOnly(db: Knex): Promise<void> {
  const first = (await db('participant_movements').min({ id: 'id' }).first()) as { id: number };
  await expect(db('participant_movements').where({ id: first.id }).del()).rejects.toThrow(/append-only/);
  await expect(db('participant_movements').where({ id: first.id }).update({ notes: 'x' })).rejects.toThrow(/append-only/);
}

async function aRelease(db: Knex, partnerId: number | null): Promise<unknown> {
  const p = (await db('participants').first('id', 'establishment_id')) as { id: number; establishment_id: number };
  return db('participant_movements').insert({
    participant_id: p.id,
    kind: 'egreso',
    date: '2026-12-01',
    from_establishment_id: p.establishment_id,
    status_after: 'egresado',
    enrolments_ended: 0,
    continues_practice: true,
    referral_partner_id: partnerId,
    referral_note: 'Taller de cerámica del aliado',
    recorded_at: '2026-12-06T10:00:00.000Z',
    recorded_by: 'prueba',
  });
}

async function checkUpgrade(target: UpgradeTarget): Promise<void> {
  const { started, was } = await upgraded(target);
  const db = started.db;
  expect(started.migrated.at(-1)).toBe(MIGRATION);
  for (const c of columns) expect(await db.schema.hasColumn('participant_movements', c), c).toBe(true);
  // Every movement is as it was, with the new columns empty.
  expect(was.movements.length).toBeGreaterThan(0);
  expect(await db('participant_movements').orderBy('id').select()).toEqual(
    was.movements.map((m) => ({ ...m, continues_practice: null, referral_partner_id: null, referral_note: null })),
  );
  // A referral names a partner that exists, and no other.
  const partner = (await db('partners').max({ id: 'id' }).first()) as { id: number };
  await aRelease(db, partner.id);
  await expect(aRelease(db, partner.id + 100)).rejects.toThrow(/foreign key/i);
  await stillAppendOnly(db);
}

async function checkRollback(target: UpgradeTarget): Promise<void> {
  const { started, was } = await upgraded(target);
  const db = started.db;
  await db.migrate.down({ migrationSource: migrationsUpTo(MIGRATION) });
  for (const c of columns) expect(await db.schema.hasColumn('participant_movements', c), c).toBe(false);
  expect(await db('participant_movements').orderBy('id').select()).toEqual(was.movements);
  await stillAppendOnly(db);
}

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'release follow-up, on the SQLite file the previous version wrote',
  () => {
    it('adds the three columns to the custody ledger, keeping it append-only', () => checkUpgrade('sqlite'));
    it('rolled back, the columns go, the movements and triggers stay', () => checkRollback('sqlite'));
  },
);

describe.skipIf(!onPostgres())('release follow-up, on an office server with the same data', () => {
  it('adds the three columns to the custody ledger, keeping it append-only', () => checkUpgrade('server'));
  it('rolled back, the columns go, the movements and triggers stay', () => checkRollback('server'));
});
