import { Badge, Button, FileButton, Group, Table, Text, type MantineColor } from '@mantine/core';
import { IconPhotoPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { CustodyStatus } from '../../../../shared/internarte/rules';
import type { ConsentNow } from '../../../../shared/internarte/schemas';
import { whole } from '../../components/badges';
import { toBase64 } from '../../components/files';
import { useHasPermission } from '../../components/session';

/** Whether this role sees artists' real names (administrador, exposiciones; main decides the same). */
export function useSeesArtists(): boolean {
  const artists = useHasPermission('artists');
  const personal = useHasPermission('personalData');
  return artists || personal;
}

export const uploadOf = async (file: File) => ({ fileName: file.name, dataBase64: await toBase64(file) });

/** Millimetres → the centimetres a form shows (one decimal). */
export const mmToCmInput = (mm: number | null): number | string => (mm === null ? '' : mm / 10);
/** Centimetres as typed (one decimal) → integer millimetres; undefined when empty, NaN when not a number. */
export const cmInputToMm = (v: number | string): number | undefined => {
  if (v === '' || v === null || v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
  // Millimetres are whole: a second decimal is refused (the schema's message), never rounded away.
  const mm = n * 10;
  return Number.isFinite(mm) && Math.abs(mm - Math.round(mm)) < 1e-6 ? Math.round(mm) : Number.NaN;
};

/** One number format per language: making one is slow, and a list prints dimensions in every row. */
const cmFormats = new Map<string, Intl.NumberFormat>();

/** "32 × 21 × 21" in centimetres, as labels print it. */
export function dimensionsCm(h: number, w: number, d: number | null, locale: string): string {
  let format = cmFormats.get(locale);
  if (!format) cmFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  const cm = (mm: number) => format.format(mm / 10);
  return [h, w, d]
    .filter((n): n is number => n !== null)
    .map(cm)
    .join(' × ');
}

const custodyColors: Record<CustodyStatus, MantineColor> = {
  en_taller: 'gray',
  en_transito: 'yellow',
  en_sala: 'teal',
  prestada: 'indigo',
  vendida: 'grape',
  devuelta_al_autor: 'orange',
};

export function CustodyBadge({ status }: { status: CustodyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={custodyColors[status]} variant="light" tt="none" styles={whole}>
      {t(`internarte.custodyStatuses.${status}`)}
    </Badge>
  );
}

/** What the artist allowed, as small badges; "Sin consentimiento" when nothing is recorded or all was revoked. */
export function ConsentBadges({ consent }: { consent: Pick<ConsentNow, 'mayExhibit' | 'mayCatalog' | 'mayPhotograph' | 'maySell'> }) {
  const { t } = useTranslation();
  const items = [
    ['exhibit', consent.mayExhibit],
    ['catalog', consent.mayCatalog],
    ['photo', consent.mayPhotograph],
    ['sale', consent.maySell],
  ] as const;
  if (!items.some(([, v]) => v)) {
    return (
      <Badge color="red" variant="light" tt="none" styles={whole}>
        {t('internarte.artworks.consentNone')}
      </Badge>
    );
  }
  return (
    <Group gap={4} wrap="wrap">
      {items
        .filter(([, v]) => v)
        .map(([k]) => (
          <Badge key={k} size="sm" color="teal" variant="dot" tt="none" styles={whole}>
            {t(`internarte.artworks.consentBadges.${k}`)}
          </Badge>
        ))}
    </Group>
  );
}

export function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children ?? '—'}</Text>
    </div>
  );
}

/** Photos to go with a report (condition, loan out, return): a button to choose them and how many are chosen. */
export function PhotosPicker({ files, onChange }: { files: File[]; onChange: (f: File[]) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <FileButton onChange={onChange} accept="image/jpeg,image/png,image/webp,image/tiff,image/gif" multiple>
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconPhotoPlus size={16} />}>
            {t('internarte.condition.choosePhotos')}
          </Button>
        )}
      </FileButton>
      <Text size="sm" c="dimmed">
        {t('internarte.condition.photosChosen', { count: files.length })}
      </Text>
    </Group>
  );
}

/** A ledger row's last cell: who recorded the entry, and when. */
export function RecordedCell({ entry }: { entry: { recordedBy: string; recordedAt: string } }) {
  return (
    <Table.Td>
      <Text size="xs">{entry.recordedBy}</Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(entry.recordedAt)}
      </Text>
    </Table.Td>
  );
}
