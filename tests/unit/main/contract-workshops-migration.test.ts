import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { migrationSource } from '../../../migrations';
import { onPostgres, sqliteOnly } from '../../helpers/pg';
import { fixtureUpgrade, servicesOver } from '../../helpers/migration';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Issue 15, item 4: the workshops each contract names as text, carried over on the data the
 * previous version wrote (tests/fixtures/db/demo-before-0011.sqlite.gz, with a few more texts
 * as that version stored them), on a SQLite file and on an office server with the same rows.
 * A name that is exactly one workshop of that establishment becomes a link; every other name
 * is listed "sin vincular" for a clerk; the typed text stays as it was.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const MIGRATION = '20261204_0013_contract_workshops';

type Row = Record<string, unknown>;

const cleanups = cleanupsAfterEach();

/** The ids the fixture gives what the texts below name (the demonstration's contracts and workshops). */
const CONTRACT = { band: 2, ceramics: 6, choir: 4 };
const WORKSHOP = { band: 1, strings: 2, ceramics: 14, choirAtChorrillos: 13 };

/**
 * What the previous version could have stored: several names in one text (separated by ";"
 * and ","), in other case and spacing, one name of no workshop, and a name that two workshops
 * of the establishment bear.
 */
async function addOldRows(db: Knex): Promise<void> {
  await db('contract_establishments')
    .where({ contract_id: CONTRACT.band })
    .update({ workshops: 'Banda sinfónica — vientos y percusión; cuerdas frotadas (VIOLÍN  y viola),  Taller inexistente ,' });
  const choir = (await db('workshops').where({ id: WORKSHOP.choirAtChorrillos }).first()) as Row;
  await db('workshops').insert({ ...choir, id: 500, notes: 'Segundo grupo' });
  await db('contract_establishments')
    .where({ contract_id: CONTRACT.ceramics })
    .update({ workshops: 'Cerámica de alta temperatura; Canto coral' });
}

/** Each contract's establishments with the text as typed. */
const typedTexts = async (db: Knex) =>
  ((await db('contract_establishments').orderBy(['contract_id', 'establishment_id']).select()) as Row[]).map((r) => [
    Number(r.contract_id),
    Number(r.establishment_id),
    r.workshops === null ? null : String(r.workshops),
  ]);

async function checkCarryOver(db: Knex, typed: Array<Array<number | string | null>>): Promise<void> {
  // The texts stay exactly as they were typed.
  expect(await typedTexts(db)).toEqual(typed);
  const links = ((await db('contract_workshops').orderBy(['contract_id', 'workshop_id']).select()) as Row[]).map((r) => [
    Number(r.contract_id),
    Number(r.workshop_id),
  ]);
  expect(links).toEqual([
    [CONTRACT.band, WORKSHOP.band],
    [CONTRACT.band, WORKSHOP.strings],
    [CONTRACT.ceramics, WORKSHOP.ceramics],
  ]);
  const reviews = ((await db('contract_workshop_reviews').orderBy('id').select()) as Row[]).map((r) => ({
    contract: Number(r.contract_id),
    at: Number(r.establishment_id),
    text: String(r.original_text),
    status: String(r.status),
    workshop: r.workshop_id,
  }));
  // Every other name, one item each, as typed (without the spaces around it), pending.
  const expected = typed.flatMap(([contract, at, text]) =>
    String(text ?? '')
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .filter(
        (s) => !['Banda sinfónica — vientos y percusión', 'cuerdas frotadas (VIOLÍN  y viola)', 'Cerámica de alta temperatura'].includes(s),
      )
      .map((s) => ({ contract: Number(contract), at: Number(at), text: s, status: 'pendiente', workshop: null })),
  );
  expect(reviews).toEqual(expected);
  expect(reviews).toContainEqual({ contract: CONTRACT.band, at: 1, text: 'Taller inexistente', status: 'pendiente', workshop: null });
  expect(reviews).toContainEqual({ contract: CONTRACT.ceramics, at: 5, text: 'Canto coral', status: 'pendiente', workshop: null });
  expect(reviews).toContainEqual({ contract: CONTRACT.choir, at: 3, text: 'Coro polifónico', status: 'pendiente', workshop: null });
  expect(reviews).toHaveLength(14);
}

/** Today's channels on the upgraded data: the contracts show their workshops, the clerk's list, what a month delivered. */
async function checkChannels(db: Knex, dir: string): Promise<void> {
  const ok = await servicesOver(db, dir);
  const band = (await ok('contracts.get', { id: CONTRACT.band })).contract;
  expect(band.establishments).toMatchObject([
    {
      workshops: 'Banda sinfónica — vientos y percusión; cuerdas frotadas (VIOLÍN  y viola),  Taller inexistente ,',
      linkedWorkshops: [
        { id: WORKSHOP.band, name: 'Banda sinfónica — vientos y percusión' },
        { id: WORKSHOP.strings, name: 'Cuerdas frotadas (violín y viola)' },
      ],
    },
  ]);
  const pending = await ok('contracts.workshopReviews', {});
  expect(pending).toHaveLength(14);
  const ambiguous = pending.find((r) => r.originalText === 'Canto coral')!;
  expect(ambiguous).toMatchObject({ contractId: CONTRACT.ceramics, contractNumber: 'OS N° 0162-2026', status: 'pendiente' });
  await ok('contracts.linkWorkshop', { id: ambiguous.id, workshopId: 500 });
  expect((await ok('contracts.get', { id: CONTRACT.ceramics })).contract.establishments[0]!.linkedWorkshops.map((w) => w.id)).toEqual([
    500,
    WORKSHOP.ceramics,
  ]);

  // The ceramics workshop names its teacher: the month's sessions, all with attendance, count for the contract's conformity.
  if (!(await db('workshop_teachers').where({ workshop_id: WORKSHOP.ceramics, teacher_id: 5 }).first()))
    await db('workshop_teachers').insert({ workshop_id: WORKSHOP.ceramics, teacher_id: 5 });
  expect(await ok('conformities.delivered', { contractId: CONTRACT.ceramics, period: '2026-09' })).toEqual({
    workshops: 2,
    sessions: 4,
    attendedSessions: 4,
    minutes: 480,
  });
  const signed = await ok('conformities.list', { contractId: CONTRACT.ceramics, sort: 'period', direction: 'asc' });
  expect(signed.rows.map((r) => [r.period, r.delivered.sessions, r.delivered.minutes])).toEqual([
    ['2026-07', 0, 0],
    ['2026-08', 5, 570],
    ['2026-09', 4, 480],
    ['2026-10', 4, 510],
  ]);
}

/** The fixture, with the rows the previous version could have written, started by the app up to the migration. */
const upgraded = fixtureUpgrade(cleanups, { fixture: FIXTURE, migration: MIGRATION, addRows: addOldRows, remember: typedTexts });

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'carry-over of the contracts’ workshops typed as text, on the SQLite file the previous version wrote',
  () => {
    it('links the names one workshop of the establishment bears, lists the rest "sin vincular" and keeps every text', async () => {
      const { started, dir, was: typed } = await upgraded('sqlite');
      expect(started.migrated.at(-1)).toBe(MIGRATION);
      await checkCarryOver(started.db, typed);
      await started.db.migrate.latest({ migrationSource });
      await checkChannels(started.db, dir);
    });
  },
);

describe.skipIf(!onPostgres())('carry-over of the contracts’ workshops typed as text, on an office server with the same data', () => {
  it('the server migrated from 0010 with the fixture rows is carried over exactly as the SQLite file is', async () => {
    const {
      started,
      dir,
      was: typed,
    } = await upgraded('server', async (_old, copied) => {
      expect(copied).toMatchObject({ contracts: 13, contract_establishments: 14, workshops: 21 });
    });
    expect(started.migrated.at(-1)).toBe(MIGRATION);
    await checkCarryOver(started.db, typed);
    await started.db.migrate.latest({ migrationSource });
    await checkChannels(started.db, dir);
  });
});
