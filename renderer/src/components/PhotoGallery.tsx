import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconPhotoPlus, IconPhotoUp, IconStar, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiCallError } from '../api';

const accept = 'image/jpeg,image/png,image/webp,image/tiff,image/gif';

/** A photo as the gallery shows it. */
export interface GalleryPhoto {
  hash: string;
  originalName: string;
  thumbnail: string | null;
  /** Absent where the record has no primary photo (an event's). */
  isPrimary?: boolean;
  width?: number | null;
  height?: number | null;
}

/** The sentences of a gallery, from the feature's catalog area. */
export interface GalleryLabels {
  /** Above the grid, with the add button beside it (layout "compact"). */
  title?: string;
  /** The add button (layout "compact"). */
  add?: string;
  /** The drop zone and its hint (layout "dropzone"). */
  drop?: string;
  dropHint?: string;
  /** Said when there are none; absent: nothing is said. */
  none?: string;
  /** The primary photo's badge and the button that makes one primary (with onSetPrimary). */
  primary?: string;
  makePrimary?: string;
  remove: string;
}

/**
 * A record's photos: thumbnails (the originals stay in the managed folder for print), one
 * primary, several added at once (a refused file gets its own sentence and the rest are still
 * added), a link removed (the file itself is kept). "compact" puts a title and an add button
 * above a small grid (an instrument's drawer); "dropzone" offers a zone to drop or choose
 * files and a wider grid with each file's name and size (an artwork's page). Without
 * onSetPrimary the record has no primary photo (an event's): no badge and no star, and in the
 * compact layout each photo's file name takes their place under it.
 */
export function PhotoGallery({
  photos,
  canWrite,
  upload,
  refetch,
  onSetPrimary,
  onRemove,
  labels,
  layout,
}: {
  photos: GalleryPhoto[] | undefined;
  canWrite: boolean;
  /** Sends one file to main; a refusal is thrown. */
  upload: (file: File) => Promise<unknown>;
  refetch: () => Promise<unknown>;
  /** Absent: the record has no primary photo. */
  onSetPrimary?: (hash: string) => void;
  onRemove: (hash: string) => void;
  labels: GalleryLabels;
  layout: 'compact' | 'dropzone';
}) {
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const wide = layout === 'dropzone';

  const add = async (files: File[]) => {
    if (wide && files.length === 0) return;
    setBusy(true);
    const failed: string[] = [];
    for (const file of files) {
      try {
        await upload(file);
      } catch (err) {
        failed.push((err as ApiCallError).message ?? String(err));
      }
    }
    setErrors(failed);
    setBusy(false);
    await refetch();
  };

  const compactHeader = (
    <Group justify="space-between">
      <Text fw={600} size="sm">
        {labels.title}
      </Text>
      {canWrite && (
        <FileButton onChange={(files) => void add(files)} accept={accept} multiple>
          {(props) => (
            <Button {...props} size="compact-sm" variant="light" loading={busy} leftSection={<IconPhotoPlus size={16} />}>
              {labels.add}
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );

  const dropzone = canWrite && (
    <FileButton onChange={(files) => void add(files)} accept={accept} multiple>
      {(props) => (
        <UnstyledButton {...props} aria-label={labels.drop} data-testid="photo-dropzone">
          <Paper
            withBorder
            p="lg"
            style={{
              borderStyle: 'dashed',
              borderWidth: 2,
              background: over ? 'var(--mantine-primary-color-light)' : undefined,
              opacity: busy ? 0.6 : 1,
            }}
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
                <Text fw={500}>{labels.drop}</Text>
                <Text size="xs" c="dimmed">
                  {labels.dropHint}
                </Text>
              </Stack>
            </Group>
          </Paper>
        </UnstyledButton>
      )}
    </FileButton>
  );

  return (
    <Stack gap={wide ? 'sm' : 'xs'}>
      {wide ? dropzone : compactHeader}
      {errors.map((e) => (
        <Alert key={e} color="red" p="xs" role="alert">
          {e}
        </Alert>
      ))}
      {photos && photos.length === 0 && labels.none && (
        <Text size="sm" c="dimmed">
          {labels.none}
        </Text>
      )}
      <SimpleGrid cols={wide ? { base: 2, sm: 4, lg: 5 } : 3} spacing={wide ? 'sm' : 'xs'}>
        {(photos ?? []).map((p) => (
          <Card key={p.hash} withBorder padding={4} data-testid={wide ? 'artwork-photo' : undefined}>
            <Card.Section>
              {p.thumbnail &&
                (wide ? (
                  <Image src={p.thumbnail} alt={p.originalName} h={140} fit="contain" bg="gray.1" />
                ) : (
                  <Image src={p.thumbnail} alt={p.originalName} h={110} fit="cover" />
                ))}
            </Card.Section>
            {wide && (
              <Text size="xs" c="dimmed" truncate mt={4} title={p.originalName}>
                {p.originalName}
                {p.width && p.height ? ` · ${p.width}×${p.height}` : ''}
              </Text>
            )}
            <Group justify="space-between" mt={wide ? undefined : 4} gap={2} wrap="nowrap">
              {!onSetPrimary ? (
                !wide && (
                  <Text size="xs" truncate title={p.originalName}>
                    {p.originalName}
                  </Text>
                )
              ) : p.isPrimary ? (
                <Badge size="xs" variant="light" tt="none">
                  {labels.primary}
                </Badge>
              ) : (
                canWrite && (
                  <Tooltip label={labels.makePrimary}>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      aria-label={`${labels.makePrimary}: ${p.originalName}`}
                      onClick={() => onSetPrimary(p.hash)}
                    >
                      <IconStar size={14} />
                    </ActionIcon>
                  </Tooltip>
                )
              )}
              {canWrite && (
                <Tooltip label={labels.remove}>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    aria-label={`${labels.remove}: ${p.originalName}`}
                    onClick={() => onRemove(p.hash)}
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
