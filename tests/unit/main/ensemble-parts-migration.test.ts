import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { migrationSource, migrations } from '../../../migrations';
import { onPostgres, sqliteOnly } from '../../helpers/pg';
import { fixtureUpgrade, servicesOver } from '../../helpers/migration';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Issue 15's carry-over of the ensemble members' parts, on the data the previous version
 * wrote: the demonstration database of commit 4086b78 (tests/fixtures/db/README.md), with a
 * few more members whose part was typed with other accents and case, upgraded to migration
 * 20261204_0011 — on a SQLite file, and on an office server that holds the same rows. A part
 * that is exactly one instrument type or one voice becomes that link; any other becomes one
 * "sin vincular" item for a clerk; the typed text stays as it was on every member.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const LAST_OLD = '20261203_0010_linked_custody';
const MIGRATION = '20261204_0011_ensemble_parts';

const cleanups = cleanupsAfterEach();

type Row = Record<string, unknown>;

/** What each typed part must become: an instrument type (by name), a voice, or a review (null). */
const expected: Record<string, { type: string } | { voice: string } | null> = {
  Trompeta: { type: 'Trompeta' },
  Clarinete: { type: 'Clarinete' },
  Trombón: { type: 'Trombón' },
  Tuba: { type: 'Tuba' },
  'Saxofón alto': { type: 'Saxofón alto' },
  'Cajón peruano': { type: 'Cajón peruano' },
  Congas: { type: 'Congas' },
  Viola: { type: 'Viola' },
  Violonchelo: { type: 'Violonchelo' },
  Contrabajo: { type: 'Contrabajo' },
  Soprano: { voice: 'soprano' },
  Contralto: { voice: 'contralto' },
  Tenor: { voice: 'tenor' },
  Bajo: { voice: 'bajo' },
  Percusión: null,
  Bombo: null,
  Redoblante: null,
  Quijada: null,
  'Violín I': null,
  'Violín II': null,
  Flauta: null,
  // Added by this test, as a clerk typed them: other case and accents, extra spaces.
  'saxofon  ALTO': { type: 'Saxofón alto' },
  BARÍTONO: { voice: 'baritono' },
  'Mezzo soprano': { voice: 'mezzosoprano' },
  Guitarra: null,
};

/** Members added to the fixture's first ensemble, with the parts typed above (and one blank part, which stays without one). */
async function addOldRows(db: Knex): Promise<void> {
  const ensemble = (await db('ensembles').orderBy('id').first('id', 'establishment_id')) as Row;
  const taken = (await db('enrolments').where({ ensemble_id: ensemble.id }).pluck('participant_id')) as number[];
  const people = (await db('participants')
    .where({ establishment_id: ensemble.establishment_id, status: 'activo' })
    .whereNotIn('id', taken)
    .orderBy('id')
    .limit(5)
    .pluck('id')) as number[];
  const texts = ['saxofon  ALTO', 'BARÍTONO', 'Mezzo soprano', 'Guitarra', '  '];
  const stamp = {
    created_at: '2026-11-01T15:00:00.000Z',
    created_by: 'Administrador',
    updated_at: '2026-11-01T15:00:00.000Z',
    updated_by: 'Administrador',
  };
  await db('enrolments').insert(
    texts.map((part, i) => ({
      participant_id: people[i],
      workshop_id: null,
      ensemble_id: ensemble.id,
      stage: 'activo',
      part,
      enrolled_on: '2026-11-01',
      ended_on: null,
      end_reason: null,
      absence_run: 0,
      version: 1,
      ...stamp,
    })),
  );
}

/** Every enrolment's id and part as typed, before the migration. */
async function typedParts(db: Knex): Promise<Map<number, string | null>> {
  const rows = (await db('enrolments').select('id', 'part')) as Row[];
  return new Map(rows.map((r) => [Number(r.id), (r.part ?? null) as string | null]));
}

async function checkCarryOver(db: Knex, was: Map<number, string | null>): Promise<void> {
  const rows = (await db('enrolments as n')
    .leftJoin('instrument_types as t', 't.id', 'n.part_type_id')
    .select('n.id', 'n.ensemble_id', 'n.part', 'n.part_voice', 't.name as type_name')) as Row[];
  expect(rows).toHaveLength(was.size);
  const reviews = (await db('ensemble_part_reviews').select('enrolment_id', 'original_text', 'status', 'resolved_at')) as Row[];
  const reviewOf = new Map(reviews.map((r) => [Number(r.enrolment_id), r]));
  expect(reviewOf.size).toBe(reviews.length);
  const seen = new Set<string>();
  for (const r of rows) {
    const id = Number(r.id);
    // The part stays exactly as it was typed.
    expect(r.part ?? null, `enrolment ${id}`).toBe(was.get(id));
    const text = (r.part ?? null) as string | null;
    const link = { type: (r.type_name ?? null) as string | null, voice: (r.part_voice ?? null) as string | null };
    if (r.ensemble_id === null || text === null || text.trim() === '') {
      expect({ link, review: reviewOf.has(id) }, `enrolment ${id}`).toEqual({ link: { type: null, voice: null }, review: false });
      continue;
    }
    expect(text in expected, `a part the test does not expect: ${text}`).toBe(true);
    seen.add(text);
    const want = expected[text]!;
    if (want === null) {
      expect(link, text).toEqual({ type: null, voice: null });
      expect(reviewOf.get(id), text).toEqual({ enrolment_id: id, original_text: text, status: 'pendiente', resolved_at: null });
    } else {
      expect(link, text).toEqual({ type: 'type' in want ? want.type : null, voice: 'voice' in want ? want.voice : null });
      expect(reviewOf.has(id), text).toBe(false);
    }
  }
  expect([...seen].sort()).toEqual(Object.keys(expected).sort());
}

/** The clerk's side, through today's channels: the list "sin vincular", a link and a dismissal; the members' parts. */
async function checkChannels(db: Knex, dir: string): Promise<void> {
  const ok = await servicesOver(db, dir);
  const pending = await ok('ensembles.partReviews', { status: 'pendiente' });
  const stored = (await db('ensemble_part_reviews').pluck('original_text')) as string[];
  expect(pending.map((r) => r.originalText).sort()).toEqual([...stored].sort());
  expect(new Set(pending.map((r) => r.originalText))).toEqual(
    new Set(
      Object.entries(expected)
        .filter(([, v]) => v === null)
        .map(([k]) => k),
    ),
  );

  const guitar = pending.find((r) => r.originalText === 'Guitarra')!;
  const types = await ok('ensembles.partTypes', {});
  const classical = types.find((t) => t.name === 'Guitarra clásica')!.id;
  expect(await ok('ensembles.linkPart', { id: guitar.id, partTypeId: classical })).toMatchObject({
    status: 'vinculado',
    originalText: 'Guitarra',
    partTypeName: 'Guitarra clásica',
  });
  const percussion = pending.find((r) => r.originalText === 'Percusión')!;
  expect(await ok('ensembles.dismissPart', { id: percussion.id })).toMatchObject({ status: 'descartado', originalText: 'Percusión' });
  expect(await ok('ensembles.partReviews', { status: 'pendiente' })).toHaveLength(pending.length - 2);

  const members = await ok('enrolments.list', { ensembleId: guitar.ensembleId, openOnly: true });
  const byText = new Map(members.map((e) => [e.part, e]));
  expect(byText.get('Guitarra')).toMatchObject({ partTypeName: 'Guitarra clásica', partPending: false });
  expect(byText.get('BARÍTONO')).toMatchObject({ partVoice: 'baritono', partTypeId: null, partPending: false });
  expect(byText.get('saxofon  ALTO')).toMatchObject({ partTypeName: 'Saxofón alto' });
  // The ensemble's page answers, from the parts now linked.
  const instruments = await ok('ensembles.instruments', { id: guitar.ensembleId });
  expect(instruments.inventory).toBe(true);
}

/** The fixture, with the rows the previous version could have written, started by the app up to the migration. */
const upgraded = fixtureUpgrade(cleanups, { fixture: FIXTURE, migration: MIGRATION, addRows: addOldRows, remember: typedParts });

const upTo = (name: string) => migrations.slice(0, migrations.findIndex(([n]) => n === name) + 1).map(([n]) => n);

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'carry-over of the typed ensemble parts, on the SQLite file the previous version wrote',
  () => {
    it('links the parts that are exactly one instrument type or voice, lists the rest "sin vincular" and keeps every text', async () => {
      const { started, dir, was } = await upgraded('sqlite', async (old) => {
        expect(await old('knex_migrations').orderBy('id').pluck('name')).toEqual(upTo(LAST_OLD));
      });
      expect(started.migrated).toEqual([MIGRATION]);
      await checkCarryOver(started.db, was);
      await started.db.migrate.latest({ migrationSource });
      await checkChannels(started.db, dir);
    });
  },
);

describe.skipIf(!onPostgres())('carry-over of the typed ensemble parts, on an office server with the same data', () => {
  it('the server migrated to 0010 with the fixture rows is carried over exactly as the SQLite file is', async () => {
    const { started, dir, was } = await upgraded('server', async (_old, copied) => {
      expect(copied).toMatchObject({ ensembles: 11, participants: 523 });
    });
    expect({ migrated: started.migrated, readOnly: started.readOnly }).toEqual({ migrated: [MIGRATION], readOnly: false });
    await checkCarryOver(started.db, was);
    await started.db.migrate.latest({ migrationSource });
    await checkChannels(started.db, dir);
  });
});
