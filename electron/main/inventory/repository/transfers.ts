import type { Knex } from 'knex';
import type { MovementKind } from '../../../../shared/inventory/rules';
import { num, type Row, str } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';

/**
 * A transfer as the ledger records it: a dispatch (despacho: one movement per instrument, one
 * batch for the instruments sent together) and each instrument's receipt (its next
 * recepción). What the transfer acta prints and what a movement's papers are filed with.
 */

/** One movement, as much as is needed to file a paper with it: what it is and where it happened. */
export interface MovementPlace {
  id: number;
  instrumentId: number;
  kind: MovementKind;
  date: string;
  fromEstablishmentId: number | null;
  toEstablishmentId: number | null;
  documentNumber: string | null;
}

export async function movementPlace(db: Knex, id: number): Promise<MovementPlace | null> {
  const r = (await db('instrument_movements').where({ id }).first()) as Row | undefined;
  if (!r) return null;
  return {
    id: Number(r.id),
    instrumentId: Number(r.instrument_id),
    kind: r.kind as MovementKind,
    date: String(r.date),
    fromEstablishmentId: num(r.from_establishment_id),
    toEstablishmentId: num(r.to_establishment_id),
    documentNumber: str(r.document_number),
  };
}

export interface TransferLine {
  code: string;
  typeName: string;
  brand: string | null;
  condition: string | null;
  receivedOn: string | null;
  receivedBy: string | null;
  receivedCondition: string | null;
}

export interface Transfer {
  date: string;
  documentNumber: string | null;
  person: string | null;
  description: string | null;
  recordedBy: string;
  fromEstablishmentId: number | null;
  toEstablishmentId: number | null;
  fromName: string | null;
  toName: string | null;
  lines: TransferLine[];
}

/** The transfer a dispatch or a receipt belongs to (every instrument dispatched with it and its receipt); null for another movement. */
export async function transferOf(db: Knex, movementId: number): Promise<Transfer | null> {
  const m = (await db('instrument_movements').where({ id: movementId }).first()) as Row | undefined;
  if (!m || (m.kind !== 'despacho' && m.kind !== 'recepcion')) return null;
  const dispatch =
    m.kind === 'despacho'
      ? m
      : ((await db('instrument_movements')
          .where({ instrument_id: m.instrument_id, kind: 'despacho' })
          .andWhere('seq', '<', Number(m.seq))
          .orderBy('seq', 'desc')
          .first()) as Row | undefined);
  if (!dispatch) return null;
  const q = db('instrument_movements as m')
    .join('instruments as i', 'i.id', 'm.instrument_id')
    .join('instrument_types as ty', 'ty.id', 'i.type_id')
    .where('m.kind', 'despacho');
  if (dispatch.batch_id) q.where('m.batch_id', String(dispatch.batch_id));
  else q.where('m.id', Number(dispatch.id));
  joinEstablishment(q, 'f', 'm.from_establishment_id', 'left');
  joinEstablishment(q, 't', 'm.to_establishment_id', 'left');
  const rows = (await q
    .orderBy('i.code')
    .select(
      'm.*',
      'i.code',
      'i.brand',
      'i.condition as instrument_condition',
      'ty.name as type_name',
      'f.name as from_name',
      't.name as to_name',
    )) as Row[];
  const lines: TransferLine[] = [];
  for (const r of rows) {
    const receipt = (await db('instrument_movements')
      .where({ instrument_id: r.instrument_id, kind: 'recepcion' })
      .andWhere('seq', '>', Number(r.seq))
      .orderBy('seq')
      .first()) as Row | undefined;
    lines.push({
      code: String(r.code),
      typeName: String(r.type_name),
      brand: str(r.brand),
      condition: str(r.condition) ?? str(r.instrument_condition),
      receivedOn: receipt ? String(receipt.date) : null,
      receivedBy: receipt ? (str(receipt.person) ?? String(receipt.recorded_by)) : null,
      receivedCondition: receipt ? str(receipt.condition) : null,
    });
  }
  const first = rows.find((r) => Number(r.id) === Number(dispatch.id)) ?? rows[0]!;
  return {
    date: String(first.date),
    documentNumber: str(first.document_number),
    person: str(first.person),
    description: str(first.description),
    recordedBy: String(first.recorded_by),
    fromEstablishmentId: num(first.from_establishment_id),
    toEstablishmentId: num(first.to_establishment_id),
    fromName: str(first.from_name),
    toName: str(first.to_name),
    lines,
  };
}
