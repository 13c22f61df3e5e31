import type { Knex } from 'knex';
import type { Paper, PaperKind } from '../../../../shared/papers';
import { numOr0, type Row } from '../../db/rows';

/** The links of signed papers to their records (`record_papers`, files/papers.ts holds the channels). */

export type PaperRecordType = 'movement' | 'stocktake' | 'conformity' | 'loan' | 'participant';

/** The papers filed with a record and not removed, in the order they were filed. */
export async function papersOf(db: Knex, type: PaperRecordType, id: number): Promise<Paper[]> {
  const rows = (await db('record_papers as p')
    .join('attachments as a', 'a.hash', 'p.attachment_hash')
    .where({ 'p.record_type': type, 'p.record_id': id })
    .whereNull('p.removed_at')
    .orderBy('p.id')
    .select('p.kind', 'p.added_at', 'p.added_by', 'a.hash', 'a.original_name', 'a.mime', 'a.size_bytes')) as Row[];
  return rows.map((r) => ({
    hash: String(r.hash),
    kind: r.kind as PaperKind,
    originalName: String(r.original_name),
    mime: String(r.mime),
    sizeBytes: numOr0(r.size_bytes),
    addedAt: String(r.added_at),
    addedBy: String(r.added_by),
  }));
}

const activeLink = (db: Knex, type: PaperRecordType, id: number, hash: string) =>
  db('record_papers').where({ record_type: type, record_id: id, attachment_hash: hash }).whereNull('removed_at');

/** Links a stored paper to a record, unless it is linked already (and not removed). */
export async function linkPaper(
  db: Knex,
  link: { type: PaperRecordType; id: number; hash: string; kind: PaperKind },
  addedBy: string,
  now: string,
): Promise<void> {
  if (!(await activeLink(db, link.type, link.id, link.hash).first('id'))) {
    await db('record_papers').insert({
      record_type: link.type,
      record_id: link.id,
      attachment_hash: link.hash,
      kind: link.kind,
      added_at: now,
      added_by: addedBy,
    });
  }
}

/** Marks a paper's link removed (who, when): the file stays. */
export async function markPaperRemoved(
  db: Knex,
  type: PaperRecordType,
  id: number,
  hash: string,
  removedBy: string,
  now: string,
): Promise<void> {
  await activeLink(db, type, id, hash).update({ removed_at: now, removed_by: removedBy });
}
