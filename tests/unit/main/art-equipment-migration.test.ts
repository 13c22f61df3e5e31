import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { fixtureDb, fixtureUpgrade, type UpgradeTarget } from '../../helpers/migration';
import { migrationsUpTo, onPostgres, sqliteOnly } from '../../helpers/pg';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Migration 20261204_0016 (art equipment and materials, issue 15, item 6) on the data the
 * previous version wrote: the demonstration database of commit 4086b78
 * (tests/fixtures/db/README.md) brought to 20261204_0015, with a type and a material a clerk
 * had already typed under an art name, then started by the app up to 0016 — on a SQLite file
 * and on an office server with the same rows. Every consumable so far is music's; the art
 * materials and the equipment types are added once; the consumables' ledger keeps every
 * movement as it was and stays append-only, after the migration and after its rollback.
 */

const MIGRATION = '20261204_0016_art_equipment_materials';
const BEFORE = '20261204_0015_establishment_population';

type Row = Record<string, unknown>;

/** Already there before the migration, in other case and without accents: neither is added again. */
const TYPED_TYPE = 'TORNO DE ALFARERO';
const TYPED_MATERIAL = 'arcilla ROJA';

/** What the migration adds (its names as it writes them), but the two typed above. */
const newTypes = [
  ['Balanza de esmaltes', 'herramientas_arte'],
  ['Caballete', 'equipo_artes_plasticas'],
  ['Extrusora de arcilla', 'equipo_ceramica'],
  ['Horno cerámico de alta temperatura', 'equipo_ceramica'],
  ['Juego de espátulas', 'herramientas_arte'],
  ['Juego de herramientas de modelado', 'herramientas_arte'],
  ['Laminadora de arcilla', 'equipo_ceramica'],
  ['Mesa de dibujo', 'equipo_artes_plasticas'],
  ['Mesa de modelado', 'equipo_ceramica'],
  ['Prensa de grabado', 'equipo_artes_plasticas'],
];
const newMaterials = [
  ['Arcilla de alta temperatura (gres)', 'kg'],
  ['Engobe', 'kg'],
  ['Esmalte cerámico', 'kg'],
  ['Lienzo', 'unidad'],
  ['Óxidos colorantes', 'kg'],
  ['Papel para dibujo', 'pliego'],
  ['Pinceles', 'juego'],
  ['Pintura acrílica', 'frasco'],
  ['Pintura al óleo', 'tubo'],
];

const cleanups = cleanupsAfterEach();

interface Before {
  types: Row[];
  items: Row[];
  movements: Row[];
}

const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]), 'es');

/** A type and a material a clerk typed under an art name before the migration. */
async function addTyped(old: Knex): Promise<void> {
  expect(await old.schema.hasColumn('consumable_items', 'category')).toBe(false);
  const family = ((await old('instrument_types').orderBy('id').first('family')) as Row).family;
  await old('instrument_types').insert({ name: TYPED_TYPE, name_key: 'torno de alfarero', family, active: true, version: 1 });
  await old('consumable_items').insert({ name: TYPED_MATERIAL, unit: 'kg', active: true });
}

async function before(old: Knex): Promise<Before> {
  return {
    types: (await old('instrument_types').orderBy('id').select()) as Row[],
    items: (await old('consumable_items').orderBy('id').select()) as Row[],
    movements: (await old('consumable_movements').orderBy('id').select()) as Row[],
  };
}

/** An UPDATE and a DELETE of the consumables' ledger are refused, and its rows stay. */
async function appendOnly(db: Knex, movements: Row[]): Promise<void> {
  const first = Number(movements[0]!.id);
  await expect(db('consumable_movements').where({ id: first }).update({ quantity: 999 })).rejects.toThrow(/append-only/);
  await expect(db('consumable_movements').where({ id: first }).delete()).rejects.toThrow(/append-only/);
  expect(await db('consumable_movements').orderBy('id').select(Object.keys(movements[0]!))).toEqual(movements);
}

const start = fixtureUpgrade(cleanups, {
  fixture: fixtureDb('demo-before-0011.sqlite.gz'),
  stopAt: BEFORE,
  migration: MIGRATION,
  addRows: addTyped,
  remember: before,
});

/** The fixture at 0015 with the typed type and material, started by the app up to 0016. */
async function upgraded(target: UpgradeTarget) {
  const { started, was } = await start(target);
  expect(started.migrated).toEqual([MIGRATION]);
  expect(was.movements.length).toBeGreaterThan(0);
  return { db: started.db, was };
}

async function checkUpgrade(target: UpgradeTarget): Promise<void> {
  const { db, was } = await upgraded(target);
  // Every consumable so far is music's, and otherwise as it was (the material typed as "arcilla ROJA" too).
  const oldItems = was.items.map((r) => Number(r.id));
  expect(await db('consumable_items').whereIn('id', oldItems).orderBy('id').select()).toEqual(
    was.items.map((r) => ({ ...r, category: 'musica' })),
  );
  const added = (await db('consumable_items').whereNotIn('id', oldItems).select('name', 'unit', 'category', 'active')) as Row[];
  expect(added.map((r) => [r.name, r.unit, r.category, Boolean(r.active)]).sort(byName)).toEqual(
    newMaterials.map(([name, unit]) => [name, unit, 'arte', true]),
  );

  // The equipment types under their families; the type typed before is neither changed nor added again.
  const oldTypes = was.types.map((r) => Number(r.id));
  expect(await db('instrument_types').whereIn('id', oldTypes).orderBy('id').select()).toEqual(was.types);
  const types = (await db('instrument_types').whereNotIn('id', oldTypes).select('name', 'family', 'active')) as Row[];
  expect(types.map((r) => [r.name, r.family]).sort(byName)).toEqual(newTypes);
  expect(types.every((r) => Boolean(r.active))).toBe(true);

  // The ledger: every movement with its quantity, no unit cost; still appended, never rewritten.
  const movements = was.movements.map((m) => ({ ...m, unit_cost_centimos: null }));
  expect(await db('consumable_movements').orderBy('id').select()).toEqual(movements);
  await appendOnly(db, movements);
}

/** Rolled back: the columns and what was added go, the ledger keeps its rows and stays append-only. */
async function checkRollback(target: UpgradeTarget): Promise<void> {
  const { db, was } = await upgraded(target);
  await db.migrate.down({ migrationSource: migrationsUpTo(MIGRATION) });
  expect(await db.schema.hasColumn('consumable_movements', 'unit_cost_centimos')).toBe(false);
  expect(await db.schema.hasColumn('consumable_items', 'category')).toBe(false);
  expect(await db('consumable_items').orderBy('id').select()).toEqual(was.items);
  expect(await db('instrument_types').orderBy('id').select()).toEqual(was.types);
  await appendOnly(db, was.movements);
}

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'art equipment and materials, on the SQLite file the previous version wrote',
  () => {
    it('every consumable so far is music’s, art materials and equipment types are added once, the ledger stays append-only', () =>
      checkUpgrade('sqlite'));
    it('rolled back, the columns go and the ledger keeps its rows, still append-only', () => checkRollback('sqlite'));
  },
);

describe.skipIf(!onPostgres())('art equipment and materials, on an office server with the same data', () => {
  it('the server with the fixture rows is upgraded exactly as the SQLite file is', () => checkUpgrade('server'));
  it('rolled back, the columns go and the ledger keeps its rows, still append-only', () => checkRollback('server'));
});
