import { notFound } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import { requireEstablishment } from '../auth/access';
import { addGalleryPhoto, galleryPhotos, removeGalleryPhoto, setPrimaryGalleryPhoto, type Gallery } from '../files/gallery';

export { MAX_PHOTO_BYTES } from '../files/gallery';

/** An instrument's photos (files/gallery.ts: the same gallery as an artwork's). */
const gallery: Gallery = { table: 'instrument_photos', owner: 'instrument_id', entity: 'instrument' };

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
    return galleryPhotos(ctx, gallery, id);
  },

  'instruments.addPhoto': async ({ id, fileName, dataBase64 }, ctx) => {
    await mustExist(ctx, id);
    return addGalleryPhoto(ctx, gallery, id, { fileName, dataBase64 });
  },

  'instruments.setPrimaryPhoto': async ({ id, hash }, ctx) => {
    await mustExist(ctx, id);
    return setPrimaryGalleryPhoto(ctx, gallery, id, hash);
  },

  'instruments.removePhoto': async ({ id, hash }, ctx) => {
    await mustExist(ctx, id);
    return removeGalleryPhoto(ctx, gallery, id, hash);
  },
};
