import type { Knex } from 'knex';
import type { InstrumentPhoto } from '../../../shared/inventory/schemas';
import { notFound } from '../ipc/errors';
import type { HandlerContext } from '../ipc/context';
import { thumbnailDataUrl } from './attachments';
import { storeUpload, type Upload } from './uploads';
import { type Row, toBool, num } from '../db/rows';

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

export async function galleryPhotos(ctx: HandlerContext, g: Gallery, ownerId: number): Promise<InstrumentPhoto[]> {
  const rows = (await ctx
    .db(`${g.table} as p`)
    .join('attachments as a', 'a.hash', 'p.attachment_hash')
    .where(`p.${g.owner}`, ownerId)
    .orderBy([
      { column: 'p.is_primary', order: 'desc' },
      { column: 'p.id', order: 'asc' },
    ])
    .select('p.*', 'a.original_name', 'a.width', 'a.height')) as Row[];
  return Promise.all(
    rows.map(async (r) => ({
      hash: String(r.attachment_hash),
      originalName: String(r.original_name),
      isPrimary: toBool(r.is_primary),
      width: num(r.width),
      height: num(r.height),
      thumbnail: await thumbnailDataUrl(ctx.attachments, String(r.attachment_hash)),
      addedAt: String(r.added_at),
      addedBy: String(r.added_by),
    })),
  );
}

export async function addGalleryPhoto(ctx: HandlerContext, g: Gallery, ownerId: number, file: Upload): Promise<InstrumentPhoto[]> {
  const stored = await storeUpload(ctx, file, 'image');
  await linkGalleryPhoto(ctx.db, g, ownerId, stored.hash, ctx.session.actor.name, ctx.now);
  await ctx.audit({ entity: g.entity, entityId: ownerId, action: 'photo:add', after: { hash: stored.hash, name: stored.originalName } });
  return galleryPhotos(ctx, g, ownerId);
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

export async function setPrimaryGalleryPhoto(ctx: HandlerContext, g: Gallery, ownerId: number, hash: string): Promise<InstrumentPhoto[]> {
  if (
    !(await ctx
      .db(g.table)
      .where({ [g.owner]: ownerId, attachment_hash: hash })
      .first())
  )
    throw notFound();
  await ctx
    .db(g.table)
    .where({ [g.owner]: ownerId })
    .update({ is_primary: false });
  await ctx
    .db(g.table)
    .where({ [g.owner]: ownerId, attachment_hash: hash })
    .update({ is_primary: true });
  await ctx.audit({ entity: g.entity, entityId: ownerId, action: 'photo:primary', after: { hash } });
  return galleryPhotos(ctx, g, ownerId);
}

export async function removeGalleryPhoto(ctx: HandlerContext, g: Gallery, ownerId: number, hash: string): Promise<InstrumentPhoto[]> {
  const link = (await ctx
    .db(g.table)
    .where({ [g.owner]: ownerId, attachment_hash: hash })
    .first()) as Row | undefined;
  if (!link) throw notFound();
  // The link goes; the content stays in the store (nothing is lost).
  await ctx
    .db(g.table)
    .where({ [g.owner]: ownerId, attachment_hash: hash })
    .delete();
  if (toBool(link.is_primary)) {
    const next = (await ctx
      .db(g.table)
      .where({ [g.owner]: ownerId })
      .orderBy('id')
      .first('id')) as { id: number } | undefined;
    if (next) await ctx.db(g.table).where({ id: next.id }).update({ is_primary: true });
  }
  await ctx.audit({ entity: g.entity, entityId: ownerId, action: 'photo:remove', before: { hash } });
  return galleryPhotos(ctx, g, ownerId);
}
