import { insertId } from '../../electron/main/db/writes';
import { handOver, newParticipantAt, newViolin, type TestApp } from './services';

/** Instruments already in a custodian's hands (issue 15): handed over by id, or carried over as text from before links existed. */

/** A participant of an establishment holding new violins with these codes, handed over on 1 March 2026. */
export async function participantHolding(app: TestApp, establishmentId: number, code: string, violinCodes: string[]) {
  const p = await newParticipantAt(app, establishmentId, code);
  const ids: number[] = [];
  for (const c of violinCodes) ids.push((await app.ok('instruments.create', newViolin(c, establishmentId))).id);
  if (ids.length) await app.ok('instruments.move', { instrumentIds: ids, movement: handOver('participante', p.id, '2026-03-01') });
  return { p, ids };
}

/**
 * A custodian typed as text before links existed and left "sin vincular" by the carry-over
 * (migration 20261203_0010): the hand-over in the ledger names only the text, the
 * instrument holds it without an id, and a review awaits a clerk. Written the way the old
 * app and the migration left them (the ledger is appended to, never rewritten). The
 * instrument must be assigned and free. Answers the review's id.
 */
export async function carriedOverCustodian(
  app: TestApp,
  instrumentId: number,
  custodianType: 'docente' | 'elenco' | 'participante',
  text: string,
  date = '2025-11-20',
): Promise<number> {
  return app.db.transaction(async (trx) => {
    const i = (await trx('instruments').where({ id: instrumentId }).first()) as Record<string, unknown>;
    if (i.status !== 'asignado' || i.custodian_type !== null)
      throw new Error('carriedOverCustodian: the instrument must be assigned and free');
    const seq = Number(i.movement_count) + 1;
    const now = new Date().toISOString();
    await trx('instrument_movements').insert({
      instrument_id: instrumentId,
      seq,
      kind: 'entrega',
      date,
      recorded_at: '2025-11-20T15:00:00.000Z',
      recorded_by: 'Usuario anterior',
      from_establishment_id: i.establishment_id,
      custodian_type: custodianType,
      custodian_name: text,
      status_after: 'asignado',
      establishment_after_id: i.establishment_id,
    });
    await trx('instruments')
      .where({ id: instrumentId })
      .update({ custodian_type: custodianType, custodian_name: text, custodian_id: null, custody_since: date, movement_count: seq });
    return insertId(trx('custodian_reviews'), {
      instrument_id: instrumentId,
      custodian_type: custodianType,
      original_text: text,
      status: 'pendiente',
      created_at: now,
    });
  });
}
