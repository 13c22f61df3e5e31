import type { Knex } from 'knex';
import { joinAs, type JoinKind } from '../../db/join';
import { numOr0 } from '../../db/rows';

/** The `attachments` table: one row per stored content (files/attachments.ts stores and checks the files). */

export interface StoredAttachment {
  hash: string;
  mime: string;
  width: number | null;
  height: number | null;
  sizeBytes: number;
  originalName: string;
}

export interface AttachmentRow {
  hash: string;
  original_name: string;
  mime: string;
  size_bytes: number;
  width: number | null;
  height: number | null;
  created_at: string;
  created_by: string;
}

/** An attachment's row as the app names it. */
export const fromRow = (r: AttachmentRow): StoredAttachment => ({
  hash: r.hash,
  mime: r.mime,
  width: r.width ?? null,
  height: r.height ?? null,
  sizeBytes: Number(r.size_bytes),
  originalName: r.original_name,
});

/** The attachment of that content (by its hash); null when no row names it. */
export async function findAttachment(db: Knex, hash: string): Promise<StoredAttachment | null> {
  const existing = (await db('attachments').where({ hash }).first()) as AttachmentRow | undefined;
  return existing ? fromRow(existing) : null;
}

/** Adds an attachment's row (a row of the same content already there stays). */
export async function insertAttachment(db: Knex, row: AttachmentRow): Promise<void> {
  await db('attachments').insert(row).onConflict('hash').ignore();
}

/** The type of a stored attachment (by its hash); null when no row names it. */
export async function attachmentMime(db: Knex, hash: string): Promise<string | null> {
  const row = (await db('attachments').where({ hash }).first('mime')) as { mime: string } | undefined;
  return row?.mime ?? null;
}

/** Every attachment's hash and type, by hash (moving the office's attachments). */
export async function attachmentHashes(db: Knex): Promise<Array<{ hash: string; mime: string }>> {
  return (await db('attachments').select('hash', 'mime').orderBy('hash')) as Array<{ hash: string; mime: string }>;
}

/** How many attachments the database references. */
export async function countAttachments(db: Knex): Promise<number> {
  const counted = (await db('attachments').count({ n: '*' }).first()) as { n: number | string } | undefined;
  return numOr0(counted?.n);
}

/**
 * Another domain's query naming the attached file of its rows: joins the attachments table
 * as `alias` on `column` (`alias.hash = column`). Other domains reach this table only through here.
 */
export const joinAttachment = <Q extends Knex.QueryBuilder>(q: Q, alias: string, column: string, how: JoinKind = 'inner'): Q =>
  joinAs(q, how, 'attachments', alias, column, 'hash');
