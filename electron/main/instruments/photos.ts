import type { InstrumentPhoto } from '../../../shared/instruments/schemas';
import { toBool } from '../db/dialect';
import { storeAttachment, thumbnailDataUrl } from '../files/attachments';
import { notFound } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/dispatcher';
import { requireEstablishment } from '../auth/access';

/** Photos up to 20 MB: the original is kept for print, a thumbnail is made for the screen. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

type Row = Record<string, unknown>;

async function photosOf(ctx: HandlerContext, instrumentId: number): Promise<InstrumentPhoto[]> {
  const rows = (await ctx.db('instrument_photos as p')
    .join('attachments as a', 'a.hash', 'p.attachment_hash')
    .where('p.instrument_id', instrumentId)
    .orderBy([{ column: 'p.is_primary', order: 'desc' }, { column: 'p.id', order: 'asc' }])
    .select('p.*', 'a.original_name', 'a.width', 'a.height')) as Row[];
  return rows.map((r) => ({
    hash: String(r.attachment_hash),
    originalName: String(r.original_name),
    isPrimary: toBool(r.is_primary),
    width: r.width === null ? null : Number(r.width),
    height: r.height === null ? null : Number(r.height),
    thumbnail: thumbnailDataUrl(ctx.platform.paths.attachmentsDir, String(r.attachment_hash)),
    addedAt: String(r.added_at),
    addedBy: String(r.added_by),
  }));
}

async function mustExist(ctx: HandlerContext, id: number): Promise<void> {
  const i = (await ctx.db('instruments').where({ id }).first('id', 'establishment_id', 'transit_to_establishment_id')) as
    | { establishment_id: number | null; transit_to_establishment_id: number | null }
    | undefined;
  if (!i) throw notFound();
  requireEstablishment(ctx, i.establishment_id, i.transit_to_establishment_id);
}

type PhotoHandlers = Pick<Handlers, 'instruments.photos' | 'instruments.addPhoto' | 'instruments.setPrimaryPhoto' | 'instruments.removePhoto'>;

export const photoHandlers: PhotoHandlers = {
  'instruments.photos': async ({ id }, ctx) => {
    await mustExist(ctx, id);
    return photosOf(ctx, id);
  },

  'instruments.addPhoto': async ({ id, fileName, dataBase64 }, ctx) => {
    await mustExist(ctx, id);
    const stored = await storeAttachment(
      ctx.db,
      ctx.platform.paths.attachmentsDir,
      { name: fileName, bytes: Buffer.from(dataBase64, 'base64') },
      { kind: 'image', maxBytes: MAX_PHOTO_BYTES },
      ctx.session.actor,
      ctx.now,
    );
    const existing = (await ctx.db('instrument_photos').where({ instrument_id: id })) as Row[];
    if (!existing.some((r) => r.attachment_hash === stored.hash)) {
      await ctx.db('instrument_photos').insert({
        instrument_id: id,
        attachment_hash: stored.hash,
        is_primary: existing.length === 0,
        added_at: ctx.now,
        added_by: ctx.session.actor.name,
      });
    }
    await ctx.audit({ entity: 'instrument', entityId: id, action: 'photo:add', after: { hash: stored.hash, name: stored.originalName } });
    return photosOf(ctx, id);
  },

  'instruments.setPrimaryPhoto': async ({ id, hash }, ctx) => {
    await mustExist(ctx, id);
    if (!(await ctx.db('instrument_photos').where({ instrument_id: id, attachment_hash: hash }).first())) throw notFound();
    await ctx.db('instrument_photos').where({ instrument_id: id }).update({ is_primary: false });
    await ctx.db('instrument_photos').where({ instrument_id: id, attachment_hash: hash }).update({ is_primary: true });
    await ctx.audit({ entity: 'instrument', entityId: id, action: 'photo:primary', after: { hash } });
    return photosOf(ctx, id);
  },

  'instruments.removePhoto': async ({ id, hash }, ctx) => {
    await mustExist(ctx, id);
    const link = (await ctx.db('instrument_photos').where({ instrument_id: id, attachment_hash: hash }).first()) as Row | undefined;
    if (!link) throw notFound();
    // The link goes; the file stays in the managed folder (nothing is lost).
    await ctx.db('instrument_photos').where({ instrument_id: id, attachment_hash: hash }).delete();
    if (toBool(link.is_primary)) {
      const next = (await ctx.db('instrument_photos').where({ instrument_id: id }).orderBy('id').first('id')) as { id: number } | undefined;
      if (next) await ctx.db('instrument_photos').where({ id: next.id }).update({ is_primary: true });
    }
    await ctx.audit({ entity: 'instrument', entityId: id, action: 'photo:remove', before: { hash } });
    return photosOf(ctx, id);
  },
};
