import type { Knex } from 'knex';
import { type Row } from '../../db/rows';

/**
 * The rows of the demonstration and bench data (programmes/demo.ts, demo-releases.ts,
 * demo-season.ts and demo-initiatives.ts plan them): workshops, participants and their custody
 * ledger, sessions and attendance, enrolments, ensembles, the season's events, written as
 * planned, in bulk where the plan gives them in bulk.
 */

type DemoRow = Record<string, unknown>;

const maxId = async (db: Knex, table: string) => Number(((await db(table).max({ m: 'id' })) as Array<{ m: number | null }>)[0]?.m ?? 0);

/** The highest participant id so far (0 when none): the demonstration's codes follow it. */
export const lastParticipantId = (db: Knex): Promise<number> => maxId(db, 'participants');

/** The highest enrolment id so far (0 when none). */
export const lastEnrolmentId = (db: Knex): Promise<number> => maxId(db, 'enrolments');

/** The highest session id so far (0 when none). */
export const lastSessionId = (db: Knex): Promise<number> => maxId(db, 'workshop_sessions');

/** A planned workshop, written; its id. */
export async function insertDemoWorkshop(db: Knex, row: DemoRow): Promise<number> {
  const [r] = (await db('workshops').insert(row).returning('id')) as Array<{ id: number }>;
  return r!.id;
}

/** Planned participants (their ids given) and then their movements, in batches. */
export async function insertDemoParticipants(db: Knex, participants: DemoRow[], movements: DemoRow[]): Promise<void> {
  await db.batchInsert('participants', participants, 500);
  await db.batchInsert('participant_movements', movements, 500);
}

/** Planned sessions (their ids given), in batches. */
export async function insertDemoSessions(db: Knex, rows: DemoRow[]): Promise<void> {
  await db.batchInsert('workshop_sessions', rows, 500);
}

/** Planned attendance marks, in batches. */
export async function insertDemoAttendance(
  db: Knex,
  rows: Array<{ session_id: number; participant_id: number; present: boolean }>,
): Promise<void> {
  await db.batchInsert('attendance', rows, 500);
}

/** Planned enrolments (their ids given), in batches. */
export async function insertDemoEnrolments(db: Knex, rows: DemoRow[]): Promise<void> {
  await db.batchInsert('enrolments', rows, 500);
}

/** Planned enrolments' stages, in batches. */
export async function insertDemoStages(db: Knex, rows: DemoRow[]): Promise<void> {
  await db.batchInsert('enrolment_stages', rows, 500);
}

/** A planned ensemble, written; its id. */
export async function insertDemoEnsemble(db: Knex, row: DemoRow): Promise<number> {
  const [r] = (await db('ensembles').insert(row).returning('id')) as Array<{ id: number }>;
  return r!.id;
}

/** A participant's custody as a demonstration's transfer or release finds it. */
export async function demoParticipant(db: Knex, id: number): Promise<{ status: string; establishment_id: number; version: number }> {
  return (await db('participants').where({ id }).first()) as { status: string; establishment_id: number; version: number };
}

/** A participant's open enrolments' ids. */
export async function openDemoEnrolmentIds(db: Knex, participantId: number): Promise<number[]> {
  return (await db('enrolments').where({ participant_id: participantId }).whereIn('stage', ['inscrito', 'activo']).pluck('id')) as number[];
}

/** Open enrolments ended (withdrawn) by a transfer or release: the enrolments' rows, then their stages. */
export async function endDemoEnrolments(
  db: Knex,
  ids: number[],
  ended: { date: string; endReason: string; stageReason: string; now: string; by: string },
): Promise<void> {
  await db('enrolments').whereIn('id', ids).update({ stage: 'retirado', ended_on: ended.date, end_reason: ended.endReason });
  await db('enrolment_stages').insert(
    ids.map((id) => ({
      enrolment_id: id,
      stage: 'retirado',
      date: ended.date,
      reason: ended.stageReason,
      recorded_at: ended.now,
      recorded_by: ended.by,
    })),
  );
}

/** A participant's custody changed: the participant's row, then the movement in the ledger. */
export async function moveDemoParticipant(db: Knex, id: number, custody: DemoRow, movement: DemoRow): Promise<void> {
  await db('participants').where({ id }).update(custody);
  await db('participant_movements').insert(movement);
}

/** The planned season, written; its id. */
export async function insertDemoSeasonRow(db: Knex, row: DemoRow): Promise<number> {
  const [season] = (await db('seasons').insert(row).returning('id')) as Array<{ id: number }>;
  return season!.id;
}

/** A planned event, written; its id. */
export async function insertDemoEvent(db: Knex, row: DemoRow): Promise<number> {
  const [r] = (await db('events').insert(row).returning('id')) as Array<{ id: number }>;
  return r!.id;
}

/** An event's partner, and the partner's agreement it was held under. */
export async function linkDemoEventPartner(db: Knex, eventId: number, partnerId: number, date: string): Promise<void> {
  await db('event_partners').insert({ event_id: eventId, partner_id: partnerId });
  // Held under the partner's agreement in force that day (issue 15), when it has one.
  const agreement = (await db('agreements')
    .where({ partner_id: partnerId })
    .where('start_date', '<=', date)
    .where((w) => w.whereNull('end_date').orWhere('end_date', '>=', date))
    .orderBy('id')
    .first('id')) as { id: number } | undefined;
  if (agreement) await db('events').where({ id: eventId }).update({ agreement_id: agreement.id });
}

/** An ensemble that plays at an event. */
export async function linkDemoEventEnsemble(db: Knex, eventId: number, ensembleId: number): Promise<void> {
  await db('event_ensembles').insert({ event_id: eventId, ensemble_id: ensembleId });
}

const ids = (rows: Row[]) => rows.map((r) => Number(r.id));

/** Every partner's id by its name's key. */
export async function partnerIdsByNameKey(db: Knex): Promise<Map<string, number>> {
  return new Map(((await db('partners').select('id', 'name_key')) as Row[]).map((p) => [String(p.name_key), Number(p.id)]));
}

/** A partner's agreements' ids, in order. */
export async function agreementIdsOfPartner(db: Knex, partnerId: number): Promise<number[]> {
  return ids((await db('agreements').where({ partner_id: partnerId }).orderBy('id').select('id')) as Row[]);
}

/** The ids of a programme's workshops. */
export async function workshopIdsOfProgramme(db: Knex, programme: string): Promise<number[]> {
  return ids((await db('workshops').where({ programme }).select('id')) as Row[]);
}

/** Every ensemble's id. */
export async function allEnsembleIds(db: Knex): Promise<number[]> {
  return ids((await db('ensembles').select('id')) as Row[]);
}

/** The ids of the events held with a partner. */
export async function eventIdsWithPartner(db: Knex, partnerId: number): Promise<number[]> {
  return ((await db('event_partners').where({ partner_id: partnerId }).pluck('event_id')) as unknown[]).map(Number);
}

/** The ids of the season's events not linked to an initiative yet. */
export async function seasonEventIdsWithoutInitiative(db: Knex): Promise<number[]> {
  return ids((await db('events').whereNotNull('season_id').whereNull('initiative_id').select('id')) as Row[]);
}
