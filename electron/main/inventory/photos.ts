import { orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { requireEstablishment } from '../auth/access';
import { addGalleryPhoto, galleryPhotos, removeGalleryPhoto, setPrimaryGalleryPhoto } from '../files/gallery';
import { instrumentGallery as gallery, instrumentPlace } from './repository';

async function mustExist(ctx: HandlerContext, id: number): Promise<void> {
  const i = orNotFound(await instrumentPlace(ctx.db, id));
  requireEstablishment(ctx, i.establishmentId, i.transitToEstablishmentId);
}

type PhotoChannel = 'instruments.photos' | 'instruments.addPhoto' | 'instruments.setPrimaryPhoto' | 'instruments.removePhoto';

/** An instrument's photos (files/gallery.ts: the same gallery as an artwork's). */
export const photoHandlers: DomainHandlers<PhotoChannel> = {
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
