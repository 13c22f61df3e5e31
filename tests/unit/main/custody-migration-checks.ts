import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { expect } from 'vitest';
import { isPostgres } from '../../../electron/main/db/dialect';
import { servicesOver } from '../../helpers/migration';
import { HOMONYM_DNI, plan, type Row, targetId } from './custody-migration-fixture';

/**
 * What custody-migration.test.ts checks after the app's start-up carried the free-text
 * custodians over: the database before (what must not change), the carry-over row by row,
 * and the clerk's side through the channels.
 */

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

export interface Before {
  columns: Map<string, string[]>;
  digest: Record<string, string>;
  /** Every instrument's custodian as typed, by code. */
  typed: Map<string, { type: string | null; name: string | null }>;
}

export async function before(db: Knex): Promise<Before> {
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
export async function checkCarryOver(db: Knex, was: Before): Promise<void> {
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
export async function checkChannels(db: Knex, dir: string): Promise<void> {
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
