import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { verifyBackup } from '../../../electron/main/backups/archive';
import { createKnex } from '../../../electron/main/db/connection';
import { isPostgres } from '../../../electron/main/db/dialect';
import { insertId } from '../../../electron/main/db/writes';
import { migrationSource, migrations } from '../../../migrations';
import { onPostgres, sqliteOnly } from '../../helpers/pg';
import { fixtureUpgrade, servicesOver } from '../../helpers/migration';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Issue 15's carry-over on the data the previous version wrote: the demonstration database
 * of commit 0e0b28b (tests/fixtures/db/README.md), with a few more instruments handed over
 * as that version recorded them (free text), upgraded by the app's own start-up — on a
 * SQLite file, and on an office server that holds the same rows. Each custodian typed as
 * text becomes a link where exactly one record answers to it, or one "sin vincular" item
 * for a clerk; the names stay as they were typed and nothing else in the database changes.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0010.sqlite.gz');
const MIGRATION = '20261203_0010_linked_custody';

const cleanups = cleanupsAfterEach();

type Kind = 'docente' | 'elenco' | 'participante';
/** The record a typed name must end up linked to, as the fixture knows it. */
type Target = { participant: string } | { teacher: string } | { ensemble: string; at: string } | null;

interface Planned {
  code: string;
  /** The establishment (its code) the instrument is assigned to. */
  at: string;
  type: Kind;
  /** Each hand-over as the old form recorded it: the text typed, its date and, when it came back, the return's date. */
  handovers: Array<{ text: string; on: string; back?: string; target: Target }>;
  /** The recovery the carry-over opens for a participant who already left, with the release's reason and date. */
  recovery?: { reason: 'egreso' | 'traslado'; openedOn: string };
}

/** A second teacher with Rosa Elena Quispe Mamani's names (another DNI): her name alone names no one. */
const HOMONYM_DNI = '40999001';
/** A second "Banda sinfónica Miguel Castro Castro", in Arequipa: that name alone names no one outside Castro Castro. */
const SECOND_BAND = { name: 'Banda sinfónica Miguel Castro Castro', at: 'EP-SUR-01' };

const plan: Planned[] = [
  {
    code: 'MIG-PAR-ACTIVO',
    at: 'EP-SUR-01',
    type: 'participante',
    handovers: [{ text: 'Julio Chávez Torres (DEMO-000001)', on: '2026-04-15', target: { participant: 'DEMO-000001' } }],
  },
  {
    code: 'MIG-PAR-EGRESO',
    at: 'EP-LIM-01',
    type: 'participante',
    handovers: [{ text: 'Luis Torres Quispe (DEMO-000344)', on: '2026-04-16', target: { participant: 'DEMO-000344' } }],
    recovery: { reason: 'egreso', openedOn: '2026-11-21' },
  },
  {
    code: 'MIG-PAR-TRASLADO',
    at: 'EP-LIM-03',
    type: 'participante',
    handovers: [{ text: 'Miguel José Ticona Condori (DEMO-000371)', on: '2026-04-17', target: { participant: 'DEMO-000371' } }],
    recovery: { reason: 'traslado', openedOn: '2026-11-12' },
  },
  {
    code: 'MIG-PAR-SIN-CODIGO',
    at: 'EP-LIM-01',
    type: 'participante',
    handovers: [{ text: 'Pedro Pérez Díaz (DEMO-999999)', on: '2026-04-18', target: null }],
  },
  {
    code: 'MIG-DOC-EXACTO',
    at: 'EP-LIM-02',
    type: 'docente',
    handovers: [
      { text: 'Prof. Carmen Rojas', on: '2026-04-15', back: '2026-05-20', target: null },
      { text: 'Carmen Rojas Salas', on: '2026-06-10', target: { teacher: 'carmen' } },
    ],
  },
  {
    code: 'MIG-DOC-APELLIDOS',
    at: 'EP-LIM-05',
    type: 'docente',
    handovers: [{ text: 'Ramos Huamán, Julio César', on: '2026-04-20', target: { teacher: 'julio' } }],
  },
  {
    code: 'MIG-DOC-HOMONIMO',
    at: 'EP-LIM-05',
    type: 'docente',
    handovers: [{ text: 'Rosa Elena Quispe Mamani', on: '2026-04-21', target: null }],
  },
  {
    code: 'MIG-DOC-DEVUELTO',
    at: 'EP-SUR-01',
    type: 'docente',
    handovers: [{ text: 'Víctor Hugo Flores Condori', on: '2026-04-22', back: '2026-06-01', target: { teacher: 'victor' } }],
  },
  {
    code: 'MIG-ELE-AQUI',
    at: 'EP-LIM-01',
    type: 'elenco',
    handovers: [
      { text: 'Banda sinfónica de Lurigancho', on: '2026-04-23', target: { ensemble: 'Banda sinfónica de Lurigancho', at: 'EP-LIM-01' } },
    ],
  },
  {
    code: 'MIG-ELE-AQUI-HOMONIMO',
    at: 'EP-LIM-02',
    type: 'elenco',
    handovers: [{ text: SECOND_BAND.name, on: '2026-04-24', target: { ensemble: SECOND_BAND.name, at: 'EP-LIM-02' } }],
  },
  {
    code: 'MIG-ELE-OTRO-PENAL',
    at: 'EP-LIM-05',
    type: 'elenco',
    handovers: [
      {
        text: 'Coro polifónico Virgen de Fátima',
        on: '2026-04-25',
        target: { ensemble: 'Coro polifónico Virgen de Fátima', at: 'EP-LIM-08' },
      },
    ],
  },
  {
    code: 'MIG-ELE-AMBIGUO',
    at: 'EP-LIM-06',
    type: 'elenco',
    handovers: [{ text: SECOND_BAND.name, on: '2026-04-26', target: null }],
  },
];

type Row = Record<string, unknown>;

/** The fixture's teachers named by the plan (by their first name there), and the homonym this test adds. */
const teacherFirstNames: Record<string, string> = { carmen: 'Carmen', julio: 'Julio César', victor: 'Víctor Hugo' };

/** The id a target names in this database (looked up by code, names or establishment; never by a fixed id). */
async function targetId(db: Knex, t: Exclude<Target, null>): Promise<number> {
  let row: Row | undefined;
  if ('participant' in t) row = (await db('participants').where({ code: t.participant }).first('id')) as Row | undefined;
  else if ('teacher' in t) row = (await db('teachers').where({ first_names: teacherFirstNames[t.teacher] }).first('id')) as Row | undefined;
  else {
    row = (await db('ensembles as x')
      .join('establishments as e', 'e.id', 'x.establishment_id')
      .where({ 'x.name': t.ensemble, 'e.code': t.at })
      .first('x.id')) as Row | undefined;
  }
  if (!row) throw new Error(`the fixture has no ${JSON.stringify(t)}`);
  return Number(row.id);
}

const establishmentId = async (db: Knex, code: string) => Number(((await db('establishments').where({ code }).first('id')) as Row).id);

/**
 * What the version before linked custody wrote for these hand-overs, in its own schema: the
 * homonyms, then each instrument with its ledger (alta, asignación, each entrega and
 * devolución with the custodian as typed) and the cached state the ledger leads to.
 */
async function addOldRows(db: Knex): Promise<void> {
  const stamp = {
    created_at: '2026-03-01T15:00:00.000Z',
    created_by: 'Administrador',
    updated_at: '2026-03-01T15:00:00.000Z',
    updated_by: 'Administrador',
  };
  await db('teachers').insert({
    dni: HOMONYM_DNI,
    ruc: null,
    first_names: 'Rosa Elena',
    last_names: 'Quispe Mamani',
    name_key: 'quispe mamani rosa elena',
    search_text: `quispe mamani rosa elena ${HOMONYM_DNI} percusion`,
    sex: 'F',
    phone: null,
    email: null,
    address: null,
    specialties_json: '["Percusión"]',
    notes: null,
    active: true,
    version: 1,
    ...stamp,
  });
  await db('ensembles').insert({
    name: SECOND_BAND.name,
    name_key: 'banda sinfonica miguel castro castro',
    type: 'banda_sinfonica',
    establishment_id: await establishmentId(db, SECOND_BAND.at),
    director: null,
    formed_on: null,
    active: true,
    notes: null,
    version: 1,
    ...stamp,
  });
  const typeId = Number(((await db('instrument_types').where({ name_key: 'violin' }).first('id')) as Row).id);
  for (const p of plan) {
    const est = await establishmentId(db, p.at);
    const moves: Row[] = [
      {
        kind: 'alta',
        date: '2026-03-02',
        from_establishment_id: null,
        to_establishment_id: null,
        condition: 'nuevo',
        status_after: 'en_almacen',
        establishment_after_id: null,
      },
      {
        kind: 'asignacion',
        date: '2026-03-09',
        from_establishment_id: null,
        to_establishment_id: est,
        document_number: `PECOSA-${p.code}`,
        status_after: 'asignado',
        establishment_after_id: est,
      },
    ];
    let holder: string | null = null;
    for (const h of p.handovers) {
      const common = {
        from_establishment_id: est,
        to_establishment_id: null,
        custodian_type: p.type,
        custodian_name: h.text,
        status_after: 'asignado',
        establishment_after_id: est,
      };
      moves.push({ kind: 'entrega', date: h.on, ...common });
      holder = h.text;
      if (h.back) {
        moves.push({ kind: 'devolucion', date: h.back, condition: null, ...common });
        holder = null;
      }
    }
    const last = moves[moves.length - 1]!.date as string;
    const id = await insertId(db('instruments'), {
      code: p.code,
      serial_number: null,
      type_id: typeId,
      brand: 'Stentor',
      model: null,
      acquisition_date: '2026-03-02',
      cost_centimos: 85000,
      funding: 'presupuesto_inpe',
      supplier: null,
      supplier_document: null,
      notes: null,
      search_text: `${p.code.toLowerCase()} stentor`,
      status: 'asignado',
      condition: 'nuevo',
      establishment_id: est,
      transit_to_establishment_id: null,
      custodian_type: holder === null ? null : p.type,
      custodian_name: holder,
      movement_count: moves.length,
      version: 1,
      created_at: '2026-03-02T15:00:00.000Z',
      created_by: 'Administrador',
      updated_at: `${last}T15:00:00.000Z`,
      updated_by: 'Administrador',
    });
    await db('instrument_movements').insert(
      moves.map((m, k) => ({
        instrument_id: id,
        seq: k + 1,
        recorded_at: `${String(m.date)}T15:00:00.000Z`,
        recorded_by: 'Administrador',
        custodian_type: null,
        custodian_name: null,
        condition: null,
        document_number: null,
        person: null,
        provider: null,
        cost_centimos: null,
        description: null,
        batch_id: null,
        stocktake_id: null,
        ...m,
      })),
    );
  }
}

/** The tables and columns of the old schema (knex's own bookkeeping aside). */
async function oldColumns(db: Knex): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (isPostgres(db)) {
    const rows = (await db('information_schema.columns')
      .where({ table_schema: db.raw('current_schema()') })
      .whereNot('table_name', 'like', 'knex_migrations%')
      .orderBy(['table_name', 'ordinal_position'])
      .select('table_name', 'column_name')) as Array<{ table_name: string; column_name: string }>;
    for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
    return out;
  }
  const tables = (await db('sqlite_master')
    .where({ type: 'table' })
    .whereNot('name', 'like', 'sqlite_%')
    .whereNot('name', 'like', 'knex_migrations%')
    .pluck('name')) as string[];
  for (const t of tables)
    out.set(
      t,
      ((await db.raw(`PRAGMA table_info("${t}")`)) as Array<{ name: string }>).map((c) => c.name),
    );
  return out;
}

/** Each old table's rows (its old columns only) as one SHA-256, order aside: what must not change. */
async function digest(db: Knex, columns: Map<string, string[]>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [t, cols] of [...columns].sort(([a], [b]) => a.localeCompare(b))) {
    const rows = (await db(t).select(cols)) as Row[];
    const each = rows
      .map((r) =>
        createHash('sha256')
          .update(JSON.stringify(cols.map((c) => r[c] ?? null)))
          .digest('hex'),
      )
      .sort();
    out[t] = `${rows.length}:${createHash('sha256').update(each.join('\n')).digest('hex')}`;
  }
  return out;
}

/** The fixture, with the rows the previous version could have written, started by the app up to the migration. */
const upgraded = fixtureUpgrade(cleanups, { fixture: FIXTURE, migration: MIGRATION, addRows: addOldRows, remember: before });

interface Before {
  columns: Map<string, string[]>;
  digest: Record<string, string>;
  /** Every instrument's custodian as typed, by code. */
  typed: Map<string, { type: string | null; name: string | null }>;
}

async function before(db: Knex): Promise<Before> {
  const columns = await oldColumns(db);
  expect(columns.has('custodian_reviews')).toBe(false);
  const rows = (await db('instruments').select('code', 'custodian_type', 'custodian_name')) as Row[];
  return {
    columns,
    digest: await digest(db, columns),
    typed: new Map(
      rows.map((r) => [
        String(r.code),
        { type: (r.custodian_type ?? null) as string | null, name: (r.custodian_name ?? null) as string | null },
      ]),
    ),
  };
}

/** The carry-over's result, checked row by row against the plan and the state before. */
async function checkCarryOver(db: Knex, was: Before): Promise<void> {
  // Nothing that was there changed: every old column of every old table, row for row.
  expect(await digest(db, was.columns)).toEqual(was.digest);

  const instruments = (await db('instruments as i')
    .join('establishments as e', 'e.id', 'i.establishment_id')
    .select(
      'i.id',
      'i.code',
      'i.custodian_type',
      'i.custodian_name',
      'i.custodian_id',
      'i.custody_since',
      'i.custody_due',
      'e.code as at',
    )) as Row[];
  const byCode = new Map(instruments.map((r) => [String(r.code), r]));
  expect(instruments).toHaveLength(was.typed.size);
  // The names stay exactly as they were typed.
  for (const r of instruments) {
    expect({ type: r.custodian_type ?? null, name: r.custodian_name ?? null }, String(r.code)).toEqual(was.typed.get(String(r.code)));
  }

  const movements = (await db('instrument_movements')
    .orderBy(['instrument_id', 'seq'])
    .select('instrument_id', 'seq', 'kind', 'date', 'custodian_name', 'custodian_id', 'due_date')) as Row[];
  const ledgerOf = (id: unknown) => movements.filter((m) => m.instrument_id === id);
  const lastEntrega = (id: unknown) =>
    ledgerOf(id)
      .filter((m) => m.kind === 'entrega')
      .at(-1)?.date ?? null;

  // What each instrument of the plan must carry now.
  const expectedLink = new Map<string, number | null>();
  for (const p of plan) {
    const current = p.handovers.at(-1)!;
    if (current.back) continue;
    expectedLink.set(p.code, current.target === null ? null : await targetId(db, current.target));
  }
  const held = instruments.filter((r) => r.custodian_type !== null && r.custodian_type !== undefined);
  // The demonstration's own custodians ("Prof. Carmen Rojas", "Banda sinfónica"…) name no record: all left for review.
  const demoHeld = held.filter((r) => !String(r.code).startsWith('MIG-'));
  expect(demoHeld.length).toBeGreaterThan(0);
  for (const r of demoHeld) expectedLink.set(String(r.code), null);
  expect([...expectedLink.keys()].sort()).toEqual(held.map((r) => String(r.code)).sort());

  for (const r of instruments) {
    const code = String(r.code);
    if (!expectedLink.has(code)) {
      expect({ id: r.custodian_id ?? null, since: r.custody_since ?? null }, code).toEqual({ id: null, since: null });
      continue;
    }
    expect({ id: r.custodian_id ?? null, since: r.custody_since, due: r.custody_due ?? null }, code).toEqual({
      id: expectedLink.get(code),
      since: lastEntrega(r.id),
      due: null,
    });
  }
  expect(byCode.get('MIG-DOC-EXACTO')!.custody_since).toBe('2026-06-10');

  // Each instrument left unlinked is exactly one pending review, with the text as it was typed.
  const reviews = (await db('custodian_reviews as r')
    .join('instruments as i', 'i.id', 'r.instrument_id')
    .select('i.code', 'r.custodian_type', 'r.original_text', 'r.status', 'r.custodian_id')) as Row[];
  const unlinked = [...expectedLink].filter(([, id]) => id === null).map(([code]) => code);
  expect(unlinked).toEqual(expect.arrayContaining(['MIG-PAR-SIN-CODIGO', 'MIG-DOC-HOMONIMO', 'MIG-ELE-AMBIGUO']));
  expect(reviews.map((r) => String(r.code)).sort()).toEqual(unlinked.sort());
  for (const r of reviews) {
    const typed = was.typed.get(String(r.code))!;
    expect({ type: r.custodian_type, text: r.original_text, status: r.status, id: r.custodian_id ?? null }).toEqual({
      type: typed.type,
      text: typed.name,
      status: 'pendiente',
      id: null,
    });
  }
  expect(reviews.map((r) => r.original_text)).toEqual(expect.arrayContaining(['Prof. Carmen Rojas', 'Banda sinfónica']));

  // The ledger: each hand-over and return that names a record carries its id; the rest none.
  for (const p of plan) {
    const id = byCode.get(p.code)!.id;
    const expected: Array<number | null> = [null, null];
    for (const h of p.handovers) {
      const link = h.target === null ? null : await targetId(db, h.target);
      expected.push(link, ...(h.back ? [link] : []));
    }
    expect(
      ledgerOf(id).map((m) => m.custodian_id ?? null),
      p.code,
    ).toEqual(expected);
  }
  const planned = new Set(plan.map((p) => byCode.get(p.code)!.id));
  const demoLedger = movements.filter((m) => !planned.has(m.instrument_id));
  expect(demoLedger.filter((m) => m.custodian_name !== null).length).toBeGreaterThan(0);
  expect(demoLedger.filter((m) => m.custodian_id !== null)).toEqual([]);
  expect(movements.filter((m) => m.due_date !== null)).toEqual([]);

  // The ledger stays append-only: a movement's custodian may be linked once, from none; nothing else changes.
  const linkedMove = movements.find((m) => m.custodian_id !== null && m.custodian_id !== undefined)!;
  const move = () => db('instrument_movements').where({ instrument_id: linkedMove.instrument_id, seq: linkedMove.seq });
  for (const change of [
    { custodian_name: 'Otro nombre' },
    { date: '2026-01-01' },
    { custodian_id: Number(linkedMove.custodian_id) + 1 },
    { custodian_id: null },
  ]) {
    await expect(move().update(change), JSON.stringify(change)).rejects.toThrow(/instrument_movements is append-only/);
  }
  await expect(move().del()).rejects.toThrow(/instrument_movements is append-only/);
  expect(await move().first('custodian_name', 'custodian_id', 'date')).toEqual({
    custodian_name: linkedMove.custodian_name,
    custodian_id: linkedMove.custodian_id,
    date: linkedMove.date,
  });

  // A participant who had already left when this version came: the recovery their departure never opened.
  const recoveries = (await db('instrument_recoveries as r')
    .join('instruments as i', 'i.id', 'r.instrument_id')
    .join('participants as p', 'p.id', 'r.participant_id')
    .leftJoin('establishments as e', 'e.id', 'r.establishment_id')
    .orderBy('i.code')
    .select('i.code', 'p.code as participant', 'e.code as at', 'r.reason', 'r.opened_on', 'r.closed_on')) as Row[];
  expect(recoveries).toEqual(
    plan
      .filter((p) => p.recovery)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => ({
        code: p.code,
        participant: (p.handovers[0]!.target as { participant: string }).participant,
        at: p.at,
        reason: p.recovery!.reason,
        opened_on: p.recovery!.openedOn,
        closed_on: null,
      })),
  );
}

/** The clerk's side, through the real channels: the list "sin vincular", a link, what a teacher holds and held. */
async function checkChannels(db: Knex, dir: string): Promise<void> {
  const ok = await servicesOver(db, dir);
  const pending = await ok('custody.reviews', { status: 'pendiente' });
  const stored = (await db('custodian_reviews as r')
    .join('instruments as i', 'i.id', 'r.instrument_id')
    .select('i.code', 'r.custodian_type', 'r.original_text')) as Row[];
  expect(
    pending.map((r) => ({ code: r.code, type: r.custodianType, text: r.originalText })).sort((a, b) => a.code.localeCompare(b.code)),
  ).toEqual(
    stored
      .map((r) => ({ code: r.code, type: r.custodian_type, text: r.original_text }))
      .sort((a, b) => String(a.code).localeCompare(String(b.code))),
  );
  expect(await ok('custody.summary', {})).toMatchObject({ pendingReviews: pending.length, openRecoveries: 2 });
  const recoveries = await ok('custody.recoveries', { open: true });
  expect(recoveries.map((r) => [r.code, r.reason, r.openedOn, r.stillHeld]).sort()).toEqual([
    ['MIG-PAR-EGRESO', 'egreso', '2026-11-21', true],
    ['MIG-PAR-TRASLADO', 'traslado', '2026-11-12', true],
  ]);

  // Rosa Elena Quispe Mamani was two teachers: the clerk says which one.
  const homonym = pending.find((r) => r.code === 'MIG-DOC-HOMONIMO')!;
  const rosa = Number(((await db('teachers').where({ first_names: 'Rosa Elena' }).whereNot({ dni: HOMONYM_DNI }).first('id')) as Row).id);
  const homonymId = Number(((await db('teachers').where({ dni: HOMONYM_DNI }).first('id')) as Row).id);
  // A teacher who does not work at the instrument's establishment is refused, and nothing is linked.
  await expect(ok('custody.link', { id: homonym.id, custodianId: homonymId })).rejects.toThrow(/no pertenece a/);
  expect((await ok('custody.reviews', { status: 'pendiente' })).map((r) => r.code)).toContain('MIG-DOC-HOMONIMO');
  // The clerk records the right Rosa's authorisation there first, then links her.
  const at = Number(((await db('instruments').where({ code: 'MIG-DOC-HOMONIMO' }).first('establishment_id')) as Row).establishment_id);
  await db('teacher_authorisations').insert({
    teacher_id: rosa,
    establishment_id: at,
    valid_from: '2026-01-01',
    valid_to: '2026-12-31',
    document_number: 'AUT-MIG-001',
    notes: null,
    recorded_at: '2026-12-01T15:00:00.000Z',
    recorded_by: 'Administrador',
  });
  const linked = await ok('custody.link', { id: homonym.id, custodianId: rosa });
  expect(linked).toMatchObject({ status: 'vinculado', custodianId: rosa, originalText: 'Rosa Elena Quispe Mamani' });
  expect((await ok('custody.reviews', { status: 'pendiente' })).map((r) => r.code)).not.toContain('MIG-DOC-HOMONIMO');
  expect((await ok('custody.reviews', { status: 'vinculado' })).map((r) => r.code)).toEqual(['MIG-DOC-HOMONIMO']);
  const instrument = (await db('instruments').where({ code: 'MIG-DOC-HOMONIMO' }).first('id', 'custodian_id', 'custodian_name')) as Row;
  expect({ id: instrument.custodian_id, name: instrument.custodian_name }).toEqual({ id: rosa, name: 'Rosa Elena Quispe Mamani' });
  const ledger = (await db('instrument_movements')
    .where({ instrument_id: instrument.id })
    .orderBy('seq')
    .pluck('custodian_id')) as unknown[];
  expect(ledger.map((id) => id ?? null)).toEqual([null, null, rosa]);
  const rosaHolds = await ok('custody.holdings', { custodianType: 'docente', custodianId: rosa });
  expect(rosaHolds.current.map((h) => [h.code, h.since])).toEqual([['MIG-DOC-HOMONIMO', '2026-04-21']]);

  // Víctor Hugo Flores Condori returned his: it is in what he held before, found by the ledger's link.
  const victor = await targetId(db, { teacher: 'victor' });
  const victorHolds = await ok('custody.holdings', { custodianType: 'docente', custodianId: victor });
  expect(victorHolds.current).toEqual([]);
  expect(victorHolds.past.map((h) => [h.code, h.since, h.until, h.endedBy])).toEqual([
    ['MIG-DOC-DEVUELTO', '2026-04-22', '2026-06-01', 'devolucion'],
  ]);
}

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'carry-over of the free-text custodians, on the SQLite file the previous version wrote',
  () => {
    it('links what one record answers to, lists the rest "sin vincular", keeps every name and changes nothing else; a backup comes first', async () => {
      const { started, dir, was } = await upgraded('sqlite', async (old) => {
        expect(await old('knex_migrations').orderBy('id').pluck('name')).toEqual(migrations.slice(0, 9).map(([n]) => n));
      });
      expect(started.migrated).toEqual([MIGRATION]);
      // The app's start-up backed the old data up before migrating it.
      expect(started.backup).not.toBeNull();
      const manifest = await verifyBackup(started.backup!);
      expect(manifest).toMatchObject({ reason: 'antes-de-migrar', migrations: migrations.slice(0, 9).map(([n]) => n) });
      const copy = createKnex(path.join(started.backup!, 'arteinpe.sqlite'), { inspect: true });
      try {
        expect(await before(copy).then((b) => b.digest)).toEqual(was.digest);
      } finally {
        await copy.destroy();
      }

      await checkCarryOver(started.db, was);
      // Today's channels, on the schema of today (the migrations after this one too).
      await started.db.migrate.latest({ migrationSource });
      await checkChannels(started.db, dir);
    });
  },
);

if (!onPostgres())
  console.info('[custody migration] the office server variant is skipped: it needs ARTEINPE_TEST_PG (.ci/pg-server.sh start prints one)');

describe.skipIf(!onPostgres())('carry-over of the free-text custodians, on an office server with the same data', () => {
  it('the server migrated from 0009 with the fixture rows is carried over exactly as the SQLite file is', async () => {
    // As a PC of the office starts: under the migration lock, the pending migration.
    const { started, dir, was } = await upgraded('server', async (_old, copied) => {
      expect(copied).toMatchObject({ instruments: 140, instrument_movements: 594, participants: 523, teachers: 12, ensembles: 11 });
    });
    expect({ migrated: started.migrated, readOnly: started.readOnly }).toEqual({ migrated: [MIGRATION], readOnly: false });

    await checkCarryOver(started.db, was);
    // Today's channels, on the schema of today (the migrations after this one too).
    await started.db.migrate.latest({ migrationSource });
    await checkChannels(started.db, dir);
  });
});
