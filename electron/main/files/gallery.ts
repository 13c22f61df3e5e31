import type { InstrumentPhoto } from '../../../shared/inventory/schemas';
import { notFound } from '../ipc/errors';
import type { HandlerContext } from '../ipc/context';
import { thumbnailDataUrl } from './attachments';
import { storeUpload, type Upload } from './uploads';
import {
  galleryLink,
  galleryRows,
  linkGalleryPhoto,
  makePrimaryGalleryPhoto,
  unlinkGalleryPhoto,
  type Gallery,
} from './repository/gallery';

/** A record's photo gallery: the links are files/repository/gallery.ts's; here the channels' steps, thumbnails and audit. */

export async function galleryPhotos(ctx: HandlerContext, g: Gallery, ownerId: number): Promise<InstrumentPhoto[]> {
  const rows = await galleryRows(ctx.db, g, ownerId);
  return Promise.all(rows.map(async (r) => ({ ...r, thumbnail: await thumbnailDataUrl(ctx.attachments, r.hash) })));
}

export async function addGalleryPhoto(ctx: HandlerContext, g: Gallery, ownerId: number, file: Upload): Promise<InstrumentPhoto[]> {
  const stored = await storeUpload(ctx, file, 'image');
  await linkGalleryPhoto(ctx.db, g, ownerId, stored.hash, ctx.session.actor.name, ctx.now);
  await ctx.audit({ entity: g.entity, entityId: ownerId, action: 'photo:add', after: { hash: stored.hash, name: stored.originalName } });
  return galleryPhotos(ctx, g, ownerId);
}

export async function setPrimaryGalleryPhoto(ctx: HandlerContext, g: Gallery, ownerId: number, hash: string): Promise<InstrumentPhoto[]> {
  if (!(await galleryLink(ctx.db, g, ownerId, hash))) throw notFound();
  await makePrimaryGalleryPhoto(ctx.db, g, ownerId, hash);
  await ctx.audit({ entity: g.entity, entityId: ownerId, action: 'photo:primary', after: { hash } });
  return galleryPhotos(ctx, g, ownerId);
}

export async function removeGalleryPhoto(ctx: HandlerContext, g: Gallery, ownerId: number, hash: string): Promise<InstrumentPhoto[]> {
  const link = await galleryLink(ctx.db, g, ownerId, hash);
  if (!link) throw notFound();
  // The link goes; the content stays in the store (nothing is lost), and "primary" passes to the oldest photo left.
  await unlinkGalleryPhoto(ctx.db, g, ownerId, hash, link.isPrimary);
  await ctx.audit({ entity: g.entity, entityId: ownerId, action: 'photo:remove', before: { hash } });
  return galleryPhotos(ctx, g, ownerId);
}
