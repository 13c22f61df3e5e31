import { useTranslation } from 'react-i18next';
import { call, useApiMutation, useApiQuery } from '../../../api';
import { toBase64 } from '../../../components/files';
import { PhotoGallery } from '../../../components/PhotoGallery';
import { useCan } from '../../../components/session';

/**
 * An instrument's photos: thumbnails (the originals stay in the managed folder for print),
 * one primary, add several at once, remove a link (the file itself is kept).
 */
export function InstrumentPhotos({ instrumentId }: { instrumentId: number }) {
  const { t } = useTranslation();
  const photos = useApiQuery('instruments.photos', { id: instrumentId });
  const setPrimary = useApiMutation('instruments.setPrimaryPhoto');
  const remove = useApiMutation('instruments.removePhoto');
  const canWrite = useCan('instruments.addPhoto');
  return (
    <PhotoGallery
      layout="compact"
      photos={photos.data}
      canWrite={canWrite}
      upload={async (file) => call('instruments.addPhoto', { id: instrumentId, fileName: file.name, dataBase64: await toBase64(file) })}
      refetch={() => photos.refetch()}
      onSetPrimary={(hash) => setPrimary.mutate({ id: instrumentId, hash })}
      onRemove={(hash) => remove.mutate({ id: instrumentId, hash })}
      labels={{
        title: t('inventory.photos.title'),
        add: t('inventory.photos.add'),
        none: t('inventory.photos.none'),
        primary: t('inventory.photos.primary'),
        makePrimary: t('inventory.photos.makePrimary'),
        remove: t('inventory.photos.remove'),
      }}
    />
  );
}
