import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { PartReview } from '../../../../shared/programmes/schemas';
import { whereInScope } from '../../auth/access';
import { num, type Row, str } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import type { Session } from '../../ipc/context';
import { visibleNames } from '../privacy';
import { nextVersion } from '../../db/writes';
import { openList } from './common';

/**
 * An ensemble member's part from the list (issue 15): the instrument type or voice on the
 * enrolment, and the parts typed before the list existed that wait for a clerk
 * ("sin vincular", made by migration 20261204_0011).
 */

export type PartReviewRow = Omit<PartReview, 'partTypeName'>;

const reviewQuery = (db: Knex) => {
  const q = db('ensemble_part_reviews as r')
    .join('enrolments as n', 'n.id', 'r.enrolment_id')
    .join('participants as p', 'p.id', 'n.participant_id')
    .join('ensembles as g', 'g.id', 'n.ensemble_id');
  return joinEstablishment(q, 'e', 'g.establishment_id').select(
    'r.*',
    'n.ensemble_id',
    'n.stage',
    'n.part_type_id',
    'n.part_voice',
    'p.code',
    'p.first_names',
    'p.last_names',
    'p.status as participant_status',
    'g.name as ensemble_name',
    'g.establishment_id',
    'e.name as establishment_name',
  );
};

const toReview = (session: Session, r: Row): PartReviewRow => ({
  id: Number(r.id),
  enrolmentId: Number(r.enrolment_id),
  ensembleId: Number(r.ensemble_id),
  ensembleName: String(r.ensemble_name),
  establishmentId: Number(r.establishment_id),
  establishmentName: String(r.establishment_name),
  participantCode: String(r.code),
  ...visibleNames(session, String(r.first_names), String(r.last_names)),
  participantStatus: r.participant_status as PartReview['participantStatus'],
  stage: r.stage as PartReview['stage'],
  originalText: String(r.original_text),
  status: r.status as PartReview['status'],
  partTypeId: num(r.part_type_id),
  partVoice: (str(r.part_voice) ?? null) as PartReview['partVoice'],
  resolvedAt: str(r.resolved_at),
  resolvedBy: str(r.resolved_by),
});

/** The review items with this status in the user's establishments (of one ensemble, when asked), open memberships first. */
export async function listPartReviews(
  db: Knex,
  session: Session,
  f: { status: PartReview['status']; ensembleId: number | null },
): Promise<PartReviewRow[]> {
  const q = whereInScope(session, reviewQuery(db).where('r.status', f.status), 'g.establishment_id');
  if (f.ensembleId !== null) q.where('n.ensemble_id', f.ensembleId);
  q.orderByRaw(`CASE WHEN n.stage IN (${openList()}) THEN 0 ELSE 1 END`)
    .orderBy('e.name_key')
    .orderBy('g.name_key')
    .orderBy('p.code')
    .limit(2000);
  return ((await q) as Row[]).map((r) => toReview(session, r));
}

export async function getPartReview(db: Knex, session: Session, id: number): Promise<PartReviewRow | null> {
  const r = (await reviewQuery(db).where('r.id', id).first()) as Row | undefined;
  return r ? toReview(session, r) : null;
}

/** Marks a review resolved; answers false when it was no longer pending (another clerk got there first). */
export async function resolvePartReview(
  db: Knex,
  id: number,
  status: 'vinculado' | 'descartado',
  who: string,
  now: string,
): Promise<boolean> {
  const n = await db('ensemble_part_reviews').where({ id, status: 'pendiente' }).update({ status, resolved_at: now, resolved_by: who });
  return Number(n) === 1;
}

/** The pending review of an enrolment's typed part, if any (its id). */
export async function pendingPartReviewOf(db: Knex, enrolmentId: number): Promise<number | null> {
  const r = (await db('ensemble_part_reviews').where({ enrolment_id: enrolmentId, status: 'pendiente' }).first('id')) as Row | undefined;
  return r ? Number(r.id) : null;
}

/** Links an enrolment's part to the list (the typed text stays as it is), as the enrolment's next version. */
export async function linkEnrolmentPart(
  db: Knex,
  enrolmentId: number,
  part: { typeId: number | null; voice: string | null },
  actor: Actor,
  now: string,
): Promise<void> {
  const row = (await db('enrolments').where({ id: enrolmentId }).first('version')) as Row;
  await db('enrolments')
    .where({ id: enrolmentId })
    .update({ part_type_id: part.typeId, part_voice: part.voice, ...nextVersion(Number(row.version), actor, now) });
}

/** An ensemble's open members: enrolment, participant and the part from the list. */
export async function openMembersOf(
  db: Knex,
  ensembleId: number,
): Promise<Array<{ enrolmentId: number; participantId: number; partTypeId: number | null }>> {
  const rows = (await db('enrolments')
    .where({ ensemble_id: ensembleId })
    .whereRaw(`stage IN (${openList()})`)
    .select('id', 'participant_id', 'part_type_id')) as Row[];
  return rows.map((r) => ({ enrolmentId: Number(r.id), participantId: Number(r.participant_id), partTypeId: num(r.part_type_id) }));
}
