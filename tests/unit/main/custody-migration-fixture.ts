import path from 'node:path';
import type { Knex } from 'knex';
import { insertId } from '../../../electron/main/db/writes';

/**
 * The data of custody-migration.test.ts: the demonstration database of commit 0e0b28b
 * (tests/fixtures/db/README.md), the instruments this test adds to it as the previous version
 * recorded their hand-overs (free text), and the record each typed custodian must end up linked to.
 */

export const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0010.sqlite.gz');
export const MIGRATION = '20261203_0010_linked_custody';

type Kind = 'docente' | 'elenco' | 'participante';
/** The record a typed name must end up linked to, as the fixture knows it. */
export type Target = { participant: string } | { teacher: string } | { ensemble: string; at: string } | null;

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
export const HOMONYM_DNI = '40999001';
/** A second "Banda sinfónica Miguel Castro Castro", in Arequipa: that name alone names no one outside Castro Castro. */
const SECOND_BAND = { name: 'Banda sinfónica Miguel Castro Castro', at: 'EP-SUR-01' };

export const plan: Planned[] = [
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

export type Row = Record<string, unknown>;

/** The fixture's teachers named by the plan (by their first name there), and the homonym this test adds. */
const teacherFirstNames: Record<string, string> = { carmen: 'Carmen', julio: 'Julio César', victor: 'Víctor Hugo' };

/** The id a target names in this database (looked up by code, names or establishment; never by a fixed id). */
export async function targetId(db: Knex, t: Exclude<Target, null>): Promise<number> {
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
export async function addOldRows(db: Knex): Promise<void> {
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
