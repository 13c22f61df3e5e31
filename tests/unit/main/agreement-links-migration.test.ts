import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { migrationSource } from '../../../migrations';
import { onPostgres, sqliteOnly } from '../../helpers/pg';
import { fixtureUpgrade, servicesCalls } from '../../helpers/migration';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Issue 15, item 5: events, the exhibition and donations name the agreement they happened
 * under, and donated instruments the donation they came from — carried over on the
 * demonstration database the previous version wrote (tests/fixtures/db/README.md), with a
 * few rows as a clerk may have left them, on a SQLite file and on an office server with the
 * same rows. Only what matches unambiguously is linked; every text stays as it was.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const MIGRATION = '20261204_0014_agreement_links';

const cleanups = cleanupsAfterEach();

type Row = Record<string, unknown>;

/**
 * The fixture's agreements: 1 Municipalidad (2025-03-01..2027-02-28), 2 MINEDU (2024-01-15..
 * 2027-01-12), 3 Alianza Francesa (2026-05-01..2027-04-30), 4 Museo Riva-Agüero (2025-09-01..).
 * Each event's expected agreement: its one partner's in force that day; event 2 gets the
 * Alianza, whose agreement began after it (none); event 4 gets two partners (ambiguous:
 * none); event 11's partner has no agreement.
 */
const eventAgreements: Record<number, number | null> = {
  1: 2,
  2: null,
  3: 1,
  4: null,
  5: 3,
  6: null,
  7: 1,
  8: 4,
  9: 2,
  10: 1,
  11: null,
  12: null,
  13: 2,
};

/** Donated instruments' suppliers as typed, and the donation each must name (null: none). */
const suppliers: Record<number, { funding: string; text: string; donation: number | null }> = {
  20: { funding: 'donacion', text: 'Alianza Francesa de Lima', donation: 1 },
  23: { funding: 'aliado', text: '  municipalidad metropolitana de lima ', donation: 2 },
  25: { funding: 'aliado', text: 'Ministerio de Educación (MINEDU)', donation: null },
  1: { funding: 'presupuesto_inpe', text: 'Alianza Francesa de Lima', donation: null },
};

/** The fixture, with the rows the previous version could have written, started by the app up to the migration. */
const upgraded = fixtureUpgrade(cleanups, { fixture: FIXTURE, migration: MIGRATION, addRows: addOldRows, remember: before });

async function addOldRows(db: Knex): Promise<void> {
  await db('event_partners').insert([
    { event_id: 2, partner_id: 3 },
    { event_id: 4, partner_id: 1 },
    { event_id: 4, partner_id: 3 },
  ]);
  for (const [id, s] of Object.entries(suppliers)) {
    await db('instruments')
      .where({ id: Number(id) })
      .update({ funding: s.funding, supplier: s.text });
  }
}

interface Before {
  events: Row[];
  exhibitions: Row[];
  donations: Row[];
  instruments: Row[];
}

async function before(db: Knex): Promise<Before> {
  expect(await db.schema.hasColumn('events', 'agreement_id')).toBe(false);
  return {
    events: (await db('events').orderBy('id').select('id', 'title', 'date', 'version', 'updated_at')) as Row[],
    exhibitions: (await db('exhibitions').orderBy('id').select('id', 'title', 'version')) as Row[],
    donations: (await db('partner_donations').orderBy('id').select('id', 'partner_id', 'date', 'description', 'value_centimos')) as Row[],
    instruments: (await db('instruments').orderBy('id').select('id', 'funding', 'supplier', 'version', 'updated_at')) as Row[],
  };
}

async function checkCarryOver(db: Knex, was: Before): Promise<void> {
  // Nothing that was there changed.
  expect(await db('events').orderBy('id').select('id', 'title', 'date', 'version', 'updated_at')).toEqual(was.events);
  expect(await db('exhibitions').orderBy('id').select('id', 'title', 'version')).toEqual(was.exhibitions);
  expect(await db('partner_donations').orderBy('id').select('id', 'partner_id', 'date', 'description', 'value_centimos')).toEqual(
    was.donations,
  );
  expect(await db('instruments').orderBy('id').select('id', 'funding', 'supplier', 'version', 'updated_at')).toEqual(was.instruments);

  const events = (await db('events').orderBy('id').select('id', 'agreement_id')) as Row[];
  expect(Object.fromEntries(events.map((e) => [Number(e.id), e.agreement_id == null ? null : Number(e.agreement_id)]))).toEqual(
    eventAgreements,
  );
  // The exhibition has two partners with agreements in force; the museum's is titled as the exhibition.
  expect((await db('exhibitions').where({ id: 1 }).first('agreement_id')) as Row).toEqual({ agreement_id: 4 });
  // Each donation: its partner's one agreement in force that day.
  expect(((await db('partner_donations').orderBy('id').select('id', 'agreement_id')) as Row[]).map((d) => Number(d.agreement_id))).toEqual([
    3, 1,
  ]);
  const donated = (await db('instruments').whereNotNull('donation_id').orderBy('id').select('id', 'donation_id')) as Row[];
  expect(donated.map((i) => [Number(i.id), Number(i.donation_id)])).toEqual(
    Object.entries(suppliers)
      .filter(([, s]) => s.donation !== null)
      .map(([id, s]) => [Number(id), s.donation]),
  );
  // The donations stay append-only.
  await expect(db('partner_donations').where({ id: 1 }).update({ description: 'otra' })).rejects.toThrow(/append-only/);
}

/** Today's channels on the carried-over data: the agreement's page with its sums, the instrument's donation. */
async function checkChannels(db: Knex, dir: string): Promise<void> {
  const { ok, fails } = await servicesCalls(db, dir);
  const lima = await ok('agreements.get', { id: 1 });
  expect(lima.events.map((e) => e.id)).toEqual([3, 7, 10]);
  const rows = (await db('events').whereIn('id', [3, 7, 10]).select('*')) as Row[];
  const sum = (k: string) => rows.reduce((n, r) => n + Number(r[`audience_${k}`]), 0);
  expect(lima.audiences).toEqual({
    internos: sum('internos'),
    familiares: sum('familiares'),
    personal: sum('personal'),
    externo: sum('externo'),
    autoridades: sum('autoridades'),
  });
  expect(lima.totalAudience).toBe(Object.values(lima.audiences).reduce((a, b) => a + b, 0));
  expect(lima.donations).toMatchObject([{ id: 2, valueCentimos: 1250000 }]);
  expect(lima.donatedCentimos).toBe(1250000);
  expect((await ok('agreements.get', { id: 4 })).exhibitions.map((x) => x.title)).toEqual(['InternArte: otra forma de libertad']);
  expect((await ok('events.get', { id: 5 })).agreement).toEqual({ id: 3, title: 'Fiesta de la Música en los penales' });

  // Event 4 (two partners): the clerk names the Alianza's agreement; the MINEDU's is another partner's.
  const e4 = await ok('events.get', { id: 4 });
  const values = {
    type: e4.type,
    seasonId: e4.seasonId,
    title: e4.title,
    date: e4.date,
    time: e4.time,
    venueKind: e4.venueKind,
    establishmentId: e4.establishmentId,
    venueName: e4.venueName,
    partnerIds: e4.partners.map((p) => p.id),
    ensembleIds: e4.ensembles.map((g) => g.id),
    audiences: e4.audiences,
    notes: e4.notes,
  };
  expect(await fails('events.update', { ...values, id: 4, version: e4.version, agreementId: 2 })).toMatchObject({
    fields: {
      agreementId: 'El convenio «Convenio de educación artística» es de otro aliado: elija un convenio de los aliados de este registro.',
    },
  });
  await ok('events.update', { ...values, id: 4, version: e4.version, agreementId: 3 });
  expect((await ok('agreements.get', { id: 3 })).events.map((e) => e.id)).toEqual([4, 5]);

  // The instrument's funding source, and the donations it may name.
  expect((await ok('instruments.get', { id: 20 })).donationId).toBe(1);
  expect((await ok('instruments.donations', {})).map((p) => [p.partnerName, p.donations.map((d) => d.id)])).toEqual([
    ['Alianza Francesa de Lima', [1]],
    ['Municipalidad Metropolitana de Lima', [2]],
  ]);
}

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'carry-over of agreement links, on the SQLite file the previous version wrote',
  () => {
    it('links what matches exactly one agreement or donation, leaves the rest unlinked and every text as it was', async () => {
      const { started, dir, was } = await upgraded('sqlite');
      expect(started.migrated.at(-1)).toBe(MIGRATION);
      await checkCarryOver(started.db, was);
      await started.db.migrate.latest({ migrationSource });
      await checkChannels(started.db, dir);
    });
  },
);

describe.skipIf(!onPostgres())('carry-over of agreement links, on an office server with the same data', () => {
  it('the server migrated from 0010 with the fixture rows is carried over exactly as the SQLite file is', async () => {
    const { started, dir, was } = await upgraded('server', async (_old, copied) => {
      expect(copied).toMatchObject({ events: 13, partner_donations: 2, agreements: 4 });
    });
    expect(started.migrated.at(-1)).toBe(MIGRATION);
    await checkCarryOver(started.db, was);
    await started.db.migrate.latest({ migrationSource });
    await checkChannels(started.db, dir);
  });
});
