import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { applyCustody, type CustodyEffect, type CustodyStatus } from '../../../../shared/internarte/rules';
import type { ConditionReport, CustodyEntry } from '../../../../shared/internarte/schemas';
import { type Row, str, num, recordedOf } from '../../db/rows';
import { joinAttachment } from '../../files/repository/attachments';
import type { AttachmentStore } from '../../files/store';
import { AppError } from '../../ipc/errors';
import { smallPhoto } from './view';
import { insertId } from '../../db/writes';

/** An artwork's two ledgers of its physical life: custody (where it is) and condition reports (how it is). */

export interface CustodyRecord {
  date: string;
  place: string | null;
  notes: string | null;
  exhibitionId?: number | null;
  loanId?: number | null;
}

/**
 * Appends one custody entry after the state machine allowed it, and updates the cached
 * status in the same transaction. A refusal is an AppError with the rule's sentence.
 */
export async function appendCustody(
  db: Knex,
  artworkId: number,
  effect: CustodyEffect,
  rec: CustodyRecord,
  actor: Actor,
  now: string,
): Promise<CustodyStatus> {
  const current = (await db('artworks').where({ id: artworkId }).first('custody_status', 'custody_count')) as Row | undefined;
  if (!current) throw new AppError('not_found', 'errors.notFound');
  const count = Number(current.custody_count);
  const last = (await db('artwork_custody').where({ artwork_id: artworkId }).orderBy('seq', 'desc').first('date')) as Row | undefined;
  if (last && rec.date < String(last.date)) {
    throw new AppError('validation', 'internarte.errors.dateBeforeLast', {}, { date: { key: 'internarte.errors.dateBeforeLast' } });
  }
  const result = applyCustody(count === 0 ? null : (current.custody_status as CustodyStatus), effect);
  if (!result.ok) {
    throw new AppError(
      'conflict',
      `internarte.custodyRules.${result.refusal}`,
      {},
      { to: { key: `internarte.custodyRules.${result.refusal}` } },
    );
  }
  await db('artwork_custody').insert({
    artwork_id: artworkId,
    seq: count + 1,
    status: result.status,
    date: rec.date,
    place: rec.place,
    notes: rec.notes,
    exhibition_id: rec.exhibitionId ?? null,
    loan_id: rec.loanId ?? null,
    recorded_at: now,
    recorded_by: actor.name,
  });
  const updated = await db('artworks')
    .where({ id: artworkId, custody_count: count })
    .update({ custody_status: result.status, custody_count: count + 1 });
  if (updated !== 1) throw new AppError('stale', 'errors.stale');
  return result.status;
}

/** The custody ledger, newest first, with the exhibition an entry belongs to. */
export async function custodyLedger(db: Knex, artworkId: number): Promise<CustodyEntry[]> {
  const rows = (await db('artwork_custody as k')
    .leftJoin('exhibitions as x', 'x.id', 'k.exhibition_id')
    .where('k.artwork_id', artworkId)
    .orderBy('k.seq', 'desc')
    .select('k.*', 'x.title as exhibition_title')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    seq: Number(r.seq),
    status: r.status as CustodyEntry['status'],
    date: String(r.date),
    place: str(r.place),
    notes: str(r.notes),
    exhibitionId: num(r.exhibition_id),
    exhibitionTitle: str(r.exhibition_title),
    loanId: num(r.loan_id),
    ...recordedOf(r),
  }));
}

/** The condition reports, newest first, each with its photos' thumbnails. */
export async function conditionReports(db: Knex, attachments: AttachmentStore, artworkId: number): Promise<ConditionReport[]> {
  const reports = (await db('artwork_condition_reports')
    .where({ artwork_id: artworkId })
    .orderBy([
      { column: 'date', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])) as Row[];
  const photos = (await joinAttachment(db('artwork_condition_photos as cp'), 'a', 'cp.attachment_hash')
    .whereIn(
      'cp.report_id',
      reports.map((r) => Number(r.id)),
    )
    .select('cp.report_id', 'cp.attachment_hash', 'a.original_name')) as Row[];
  const small = await Promise.all(photos.map(async (p) => ({ reportId: Number(p.report_id), photo: await smallPhoto(attachments, p) })));
  return reports.map((r) => ({
    id: Number(r.id),
    date: String(r.date),
    examinedBy: String(r.examined_by),
    grade: r.grade as ConditionReport['grade'],
    text: String(r.text),
    photos: small.filter((p) => p.reportId === Number(r.id)).map((p) => p.photo),
    ...recordedOf(r),
  }));
}

/** Appends a condition report with its (already stored) photos, each linked once. */
export async function insertConditionReport(
  db: Knex,
  artworkId: number,
  v: { date: string; examinedBy: string; grade: string; text: string },
  photoHashes: readonly string[],
  actor: Actor,
  now: string,
): Promise<void> {
  const reportId = await insertId(db('artwork_condition_reports'), {
    artwork_id: artworkId,
    date: v.date,
    examined_by: v.examinedBy,
    grade: v.grade,
    text: v.text,
    recorded_at: now,
    recorded_by: actor.name,
  });
  for (const hash of new Set(photoHashes)) {
    await db('artwork_condition_photos').insert({ report_id: reportId, attachment_hash: hash });
  }
}
