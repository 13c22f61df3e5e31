import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { AttachedDocument } from '../../../../shared/contracts/schemas';
import { joinAttachment } from '../../files/repository/attachments';
import { numOr0, type Row } from '../../db/rows';

/** The links between teachers or contracts and their attached documents (the files live in files/). */

export type DocTable = { table: 'teacher_documents' | 'contract_documents'; owner: 'teacher_id' | 'contract_id' };
export const teacherDocs: DocTable = { table: 'teacher_documents', owner: 'teacher_id' };
export const contractDocs: DocTable = { table: 'contract_documents', owner: 'contract_id' };

export async function documentsOf(db: Knex, t: DocTable, ownerId: number): Promise<AttachedDocument[]> {
  const rows = (await joinAttachment(db(`${t.table} as d`), 'a', 'd.attachment_hash')
    .where(`d.${t.owner}`, ownerId)
    .orderBy('d.id')
    .select('d.kind', 'd.added_at', 'd.added_by', 'a.hash', 'a.original_name', 'a.mime', 'a.size_bytes')) as Row[];
  return rows.map((r) => ({
    hash: String(r.hash),
    kind: String(r.kind),
    originalName: String(r.original_name),
    mime: String(r.mime),
    sizeBytes: numOr0(r.size_bytes),
    addedAt: String(r.added_at),
    addedBy: String(r.added_by),
  }));
}

/** Links a stored file to its owner; the same file twice is one link (its kind is updated). */
export async function linkDocument(
  db: Knex,
  t: DocTable,
  ownerId: number,
  hash: string,
  kind: string,
  actor: Actor,
  now: string,
): Promise<void> {
  const existing = await db(t.table)
    .where({ [t.owner]: ownerId, attachment_hash: hash })
    .first();
  if (existing)
    await db(t.table)
      .where({ [t.owner]: ownerId, attachment_hash: hash })
      .update({ kind });
  else
    await db(t.table).insert({
      [t.owner]: ownerId,
      attachment_hash: hash,
      kind,
      added_at: now,
      added_by: actor.name,
    });
}

/** Removes the link; answers whether there was one. */
export async function unlinkDocument(db: Knex, t: DocTable, ownerId: number, hash: string): Promise<boolean> {
  return (
    (await db(t.table)
      .where({ [t.owner]: ownerId, attachment_hash: hash })
      .delete()) > 0
  );
}

/** The file linked to an owner under this hash, if it is linked. */
export async function linkedFile(
  db: Knex,
  t: DocTable,
  ownerId: number,
  hash: string,
): Promise<{ hash: string; mime: string; originalName: string } | null> {
  const row = (await joinAttachment(db(`${t.table} as d`), 'a', 'd.attachment_hash')
    .where({ [`d.${t.owner}`]: ownerId, 'd.attachment_hash': hash })
    .first('a.hash', 'a.mime', 'a.original_name')) as Row | undefined;
  return row ? { hash: String(row.hash), mime: String(row.mime), originalName: String(row.original_name) } : null;
}
