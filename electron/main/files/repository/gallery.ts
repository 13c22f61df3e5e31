import type { Knex } from 'knex';
import type { InstrumentPhoto } from '../../../../shared/inventory/schemas';
import { type Row, toBool, num } from '../../db/rows';

/**
 * A record's photo gallery (an instrument's, an artwork's): photos linked to a record in a
 * table `<table>(<owner column>, attachment_hash, is_primary, added_at, added_by)`, the
 * first one primary; adding the same photo twice links it once; removing a link keeps the
 * content (nothing is lost) and passes "primary" to the oldest photo left. The caller
 * checks that the record exists and may be reached, and audits under its entity's name.
 */
export interface Gallery {
  table: string;
  owner: string;
  /** The audit log's entity name, e.g. 'instrument'. */
  entity: string;
}

/** A record's photos, the primary one first, then in the order they were added (without their thumbnails). */
export async function galleryRows(db: Knex, g: Gallery, ownerId: number): Promise<Array<Omit<InstrumentPhoto, 'thumbnail'>>> {
  const rows = (await db(`${g.table} as p`)
    .join('attachments as a', 'a.hash', 'p.attachment_hash')
    .where(`p.${g.owner}`, ownerId)
    .orderBy([
      { column: 'p.is_primary', order: 'desc' },
      { column: 'p.id', order: 'asc' },
    ])
    .select('p.*', 'a.original_name', 'a.width', 'a.height')) as Row[];
  return rows.map((r) => ({
    hash: String(r.attachment_hash),
    originalName: String(r.original_name),
    isPrimary: toBool(r.is_primary),
    width: num(r.width),
    height: num(r.height),
    addedAt: String(r.added_at),
    addedBy: String(r.added_by),
  }));
}

/** Links a stored photo to the record (once; the first one primary), in the caller's transaction. */
export async function linkGalleryPhoto(db: Knex, g: Gallery, ownerId: number, hash: string, addedBy: string, now: string): Promise<void> {
  const existing = (await db(g.table).where({ [g.owner]: ownerId })) as Row[];
  if (existing.some((r) => r.attachment_hash === hash)) return;
  await db(g.table).insert({
    [g.owner]: ownerId,
    attachment_hash: hash,
    is_primary: existing.length === 0,
    added_at: now,
    added_by: addedBy,
  });
}

/** The link of that photo to the record; null when it is not linked. */
export async function galleryLink(db: Knex, g: Gallery, ownerId: number, hash: string): Promise<{ isPrimary: boolean } | null> {
  const link = (await db(g.table)
    .where({ [g.owner]: ownerId, attachment_hash: hash })
    .first()) as Row | undefined;
  return link ? { isPrimary: toBool(link.is_primary) } : null;
}

/** Makes that photo the record's primary one (and no other). */
export async function makePrimaryGalleryPhoto(db: Knex, g: Gallery, ownerId: number, hash: string): Promise<void> {
  await db(g.table)
    .where({ [g.owner]: ownerId })
    .update({ is_primary: false });
  await db(g.table)
    .where({ [g.owner]: ownerId, attachment_hash: hash })
    .update({ is_primary: true });
}

/** Removes the photo's link (the content stays); `passPrimary`: the oldest photo left becomes the primary one. */
export async function unlinkGalleryPhoto(db: Knex, g: Gallery, ownerId: number, hash: string, passPrimary: boolean): Promise<void> {
  await db(g.table)
    .where({ [g.owner]: ownerId, attachment_hash: hash })
    .delete();
  if (passPrimary) {
    const next = (await db(g.table)
      .where({ [g.owner]: ownerId })
      .orderBy('id')
      .first('id')) as { id: number } | undefined;
    if (next) await db(g.table).where({ id: next.id }).update({ is_primary: true });
  }
}
