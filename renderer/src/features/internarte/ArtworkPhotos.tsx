import { ActionIcon, Alert, Badge, Card, FileButton, Group, Image, Paper, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconPhotoUp, IconStar, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, useApiMutation, useApiQuery, type ApiCallError } from '../../api';
import { useCan } from '../auth/session';
import { uploadOf } from './ui';

const accept = 'image/jpeg,image/png,image/webp,image/tiff,image/gif';

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
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const add = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    const failed: string[] = [];
    for (const file of files) {
      try {
        await call('artworks.addPhoto', { id: artworkId, ...(await uploadOf(file)) });
      } catch (err) {
        failed.push((err as ApiCallError).message ?? String(err));
      }
    }
    setErrors(failed);
    setBusy(false);
    await photos.refetch();
  };

  return (
    <Stack gap="sm">
      {canWrite && (
        <FileButton onChange={(files) => void add(files)} accept={accept} multiple>
          {(props) => (
            <UnstyledButton {...props} aria-label={t('internarte.photos.drop')} data-testid="photo-dropzone">
              <Paper
                withBorder
                p="lg"
                style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-primary-color-light)' : undefined, opacity: busy ? 0.6 : 1 }}
                onDragOver={(e) => {
                  e.preventDefault();
                  setOver(true);
                }}
                onDragLeave={() => setOver(false)}
                onDrop={(e) => {
                  e.preventDefault();
                  setOver(false);
                  void add(Array.from(e.dataTransfer.files));
                }}
              >
                <Group justify="center" gap="sm">
                  <IconPhotoUp size={32} color="var(--mantine-color-dimmed)" aria-hidden />
                  <Stack gap={0}>
                    <Text fw={500}>{t('internarte.photos.drop')}</Text>
                    <Text size="xs" c="dimmed">
                      {t('internarte.photos.dropHint')}
                    </Text>
                  </Stack>
                </Group>
              </Paper>
            </UnstyledButton>
          )}
        </FileButton>
      )}
      {errors.map((e) => (
        <Alert key={e} color="red" p="xs" role="alert">
          {e}
        </Alert>
      ))}
      {photos.data && photos.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('internarte.photos.empty')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 5 }} spacing="sm">
        {(photos.data ?? []).map((p) => (
          <Card key={p.hash} withBorder padding={4} data-testid="artwork-photo">
            <Card.Section>{p.thumbnail && <Image src={p.thumbnail} alt={p.originalName} h={140} fit="contain" bg="gray.1" />}</Card.Section>
            <Text size="xs" c="dimmed" truncate mt={4} title={p.originalName}>
              {p.originalName}
              {p.width && p.height ? ` · ${p.width}×${p.height}` : ''}
            </Text>
            <Group justify="space-between" gap={2} wrap="nowrap">
              {p.isPrimary ? (
                <Badge size="xs" variant="light" tt="none">
                  {t('internarte.photos.primary')}
                </Badge>
              ) : (
                canWrite && (
                  <Tooltip label={t('internarte.photos.makePrimary')}>
                    <ActionIcon size="sm" variant="subtle" aria-label={`${t('internarte.photos.makePrimary')}: ${p.originalName}`} onClick={() => setPrimary.mutate({ id: artworkId, hash: p.hash })}>
                      <IconStar size={14} />
                    </ActionIcon>
                  </Tooltip>
                )
              )}
              {canWrite && (
                <Tooltip label={t('internarte.photos.remove')}>
                  <ActionIcon size="sm" variant="subtle" color="red" aria-label={`${t('internarte.photos.remove')}: ${p.originalName}`} onClick={() => remove.mutate({ id: artworkId, hash: p.hash })}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
