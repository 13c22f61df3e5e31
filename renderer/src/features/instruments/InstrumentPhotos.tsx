import { ActionIcon, Alert, Badge, Card, FileButton, Group, Image, SimpleGrid, Stack, Text, Tooltip, Button } from '@mantine/core';
import { IconPhotoPlus, IconStar, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, useApiMutation, useApiQuery, type ApiCallError } from '../../api';
import { useCan } from '../auth/session';

/** Bytes of a chosen file as base64, the way main takes files from the renderer. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const add = async (files: File[]) => {
    setBusy(true);
    const failed: string[] = [];
    for (const file of files) {
      try {
        await call('instruments.addPhoto', { id: instrumentId, fileName: file.name, dataBase64: await toBase64(file) });
      } catch (err) {
        failed.push((err as ApiCallError).message ?? String(err));
      }
    }
    setErrors(failed);
    setBusy(false);
    await photos.refetch();
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('inventory.photos.title')}
        </Text>
        {canWrite && (
          <FileButton onChange={(files) => void add(files)} accept="image/jpeg,image/png,image/webp,image/tiff,image/gif" multiple>
            {(props) => (
              <Button {...props} size="compact-sm" variant="light" loading={busy} leftSection={<IconPhotoPlus size={16} />}>
                {t('inventory.photos.add')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {errors.map((e) => (
        <Alert key={e} color="red" p="xs" role="alert">
          {e}
        </Alert>
      ))}
      {photos.data && photos.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('inventory.photos.none')}
        </Text>
      )}
      <SimpleGrid cols={3} spacing="xs">
        {(photos.data ?? []).map((p) => (
          <Card key={p.hash} withBorder padding={4}>
            <Card.Section>
              {p.thumbnail && <Image src={p.thumbnail} alt={p.originalName} h={110} fit="cover" />}
            </Card.Section>
            <Group justify="space-between" mt={4} gap={2} wrap="nowrap">
              {p.isPrimary ? (
                <Badge size="xs" variant="light" tt="none">
                  {t('inventory.photos.primary')}
                </Badge>
              ) : (
                canWrite && (
                <Tooltip label={t('inventory.photos.makePrimary')}>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    aria-label={`${t('inventory.photos.makePrimary')}: ${p.originalName}`}
                    onClick={() => setPrimary.mutate({ id: instrumentId, hash: p.hash })}
                  >
                    <IconStar size={14} />
                  </ActionIcon>
                </Tooltip>
                )
              )}
              {canWrite && (
              <Tooltip label={t('inventory.photos.remove')}>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`${t('inventory.photos.remove')}: ${p.originalName}`}
                  onClick={() => remove.mutate({ id: instrumentId, hash: p.hash })}
                >
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
