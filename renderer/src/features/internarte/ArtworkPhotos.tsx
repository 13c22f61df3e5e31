import { useTranslation } from 'react-i18next';
import { call, useApiMutation, useApiQuery } from '../../api';
import { PhotoGallery } from '../../components/PhotoGallery';
import { useCan } from '../../components/session';
import { uploadOf } from './ui';

/**
 * An artwork's photos: drop them on the zone or choose them from disk (several at once);
 * the originals stay in the managed folder for print, thumbnails show here; one is the
 * primary photo (the one a catalog prints). A file that is not an image, or too big, is
 * refused with its own sentence and the rest are still added.
 */
export function ArtworkPhotos({ artworkId }: { artworkId: number }) {
  const { t } = useTranslation();
  const photos = useApiQuery('artworks.photos', { id: artworkId });
  const setPrimary = useApiMutation('artworks.setPrimaryPhoto');
  const remove = useApiMutation('artworks.removePhoto');
  const canWrite = useCan('artworks.addPhoto');
  return (
    <PhotoGallery
      layout="dropzone"
      photos={photos.data}
      canWrite={canWrite}
      upload={async (file) => call('artworks.addPhoto', { id: artworkId, ...(await uploadOf(file)) })}
      refetch={() => photos.refetch()}
      onSetPrimary={(hash) => setPrimary.mutate({ id: artworkId, hash })}
      onRemove={(hash) => remove.mutate({ id: artworkId, hash })}
      labels={{
        drop: t('internarte.photos.drop'),
        dropHint: t('internarte.photos.dropHint'),
        none: t('internarte.photos.empty'),
        primary: t('internarte.photos.primary'),
        makePrimary: t('internarte.photos.makePrimary'),
        remove: t('internarte.photos.remove'),
      }}
    />
  );
}
