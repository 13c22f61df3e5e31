import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saleStatuses, techniques } from '../../../../shared/internarte/rules';
import {
  ArtworkCreate,
  ArtworkFields,
  type Artwork,
  type ArtworkCreate as ArtworkCreateInput,
  type ArtworkUpdate,
} from '../../../../shared/internarte/schemas';
import { useApiMutation, useApiQuery, type ApiCallError } from '../../api';
import { DateField, SolesInput, todayIso, useEstablishmentOptions } from '../../components/fields';
import { schemaValidator, useResetOnOpen } from '../../forms';
import { FormModal } from '../../components/FormModal';
import { accentFilter } from '../../components/accentFilter';
import { centimosToSoles, solesToCentimos } from '../../components/money';
import { cmInputToMm, mmToCmInput, useSeesArtists } from './ui';
import { useHasPermission } from '../../components/session';

interface Values {
  title: string;
  artistKind: 'participant' | 'typed';
  artistParticipantId: string | null;
  artistName: string;
  establishmentId: string | null;
  workshopId: string | null;
  technique: string | null;
  materials: string;
  height: number | string;
  width: number | string;
  depth: number | string;
  year: number | string;
  price: number | string;
  saleStatus: string;
  notes: string;
  receivedOn: string | null;
}

const blank = (): Values => ({
  title: '',
  artistKind: 'typed',
  artistParticipantId: null,
  artistName: '',
  establishmentId: null,
  workshopId: null,
  technique: null,
  materials: '',
  height: '',
  width: '',
  depth: '',
  year: new Date().getFullYear(),
  price: '',
  saleStatus: 'no_a_la_venta',
  notes: '',
  receivedOn: todayIso(),
});

const fromArtwork = (a: Artwork): Values => ({
  title: a.title,
  artistKind: a.artistParticipantId !== null ? 'participant' : 'typed',
  artistParticipantId: a.artistParticipantId === null ? null : String(a.artistParticipantId),
  artistName: a.artistParticipantId === null ? (a.artistName ?? '') : '',
  establishmentId: String(a.establishmentId),
  workshopId: a.workshopId === null ? null : String(a.workshopId),
  technique: a.technique,
  materials: a.materials ?? '',
  height: mmToCmInput(a.heightMm),
  width: mmToCmInput(a.widthMm),
  depth: mmToCmInput(a.depthMm),
  year: a.year ?? '',
  price: a.priceCentimos === null ? '' : centimosToSoles(a.priceCentimos),
  saleStatus: a.saleStatus,
  notes: a.notes ?? '',
  receivedOn: null,
});

const toFields = (v: Values) => ({
  title: v.title,
  artistParticipantId: v.artistKind === 'participant' && v.artistParticipantId ? Number(v.artistParticipantId) : null,
  artistName: v.artistKind === 'typed' ? v.artistName : null,
  establishmentId: v.establishmentId === null ? undefined : Number(v.establishmentId),
  workshopId: v.workshopId === null ? null : Number(v.workshopId),
  technique: v.technique ?? undefined,
  materials: v.materials,
  heightMm: cmInputToMm(v.height),
  widthMm: cmInputToMm(v.width),
  depthMm: cmInputToMm(v.depth) ?? null,
  year: v.year === '' ? null : Number(v.year),
  priceCentimos: solesToCentimos(v.price) ?? null,
  saleStatus: v.saleStatus,
  notes: v.notes,
});

/** Schema field → form field. */
const rename: Record<string, string> = { heightMm: 'height', widthMm: 'width', depthMm: 'depth', priceCentimos: 'price' };
const renamed = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, m]) => [rename[k] ?? k, m]));

/**
 * Register an artwork or edit one: dimensions typed in centimetres with one decimal (kept
 * in millimetres), the artist chosen from the participants (for the roles that see their
 * names) or typed in. A refused save keeps everything typed.
 */
export function ArtworkFormModal({
  opened,
  onClose,
  artwork,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  artwork: Artwork | null;
  onSaved?: (a: Artwork) => void;
}) {
  const { t } = useTranslation();
  const seesNames = useSeesArtists();
  // Without the personal-data permission only participants already linked as artists are offered (main decides).
  const searchesRegister = useHasPermission('personalData');
  const [v, setV] = useState<Values>(blank());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [artistSearch, setArtistSearch] = useState('');
  const [debouncedArtist] = useDebouncedValue(artistSearch, 250);
  const establishments = useEstablishmentOptions('active');
  const options = useApiQuery('artworks.options', {}, { enabled: opened });
  const artists = useApiQuery(
    'artworks.artistOptions',
    { search: debouncedArtist },
    { enabled: opened && seesNames && v.artistKind === 'participant' },
  );
  const create = useApiMutation('artworks.create');
  const update = useApiMutation('artworks.update');

  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(opened, artwork?.id ?? null, () => {
    setV(artwork ? fromArtwork(artwork) : blank());
    setErrors({});
    setFormError(null);
  });

  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((p) => ({ ...p, [k]: value }));
  const onError = (err: ApiCallError) => {
    setFormError(err.error.message);
    setErrors(renamed(err.error.fields));
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const fields = toFields(v);
    const local = renamed(
      artwork ? schemaValidator(ArtworkFields, t)(fields) : schemaValidator(ArtworkCreate, t)({ ...fields, receivedOn: v.receivedOn }),
    );
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const done = (a: Artwork) => {
      notifications.show({ color: 'teal', message: t(artwork ? 'internarte.artworks.saved' : 'internarte.artworks.created') });
      onSaved?.(a);
      onClose();
    };
    if (artwork)
      update.mutate({ ...fields, id: artwork.id, version: artwork.version } as unknown as ArtworkUpdate, { onSuccess: done, onError });
    else create.mutate({ ...fields, receivedOn: v.receivedOn } as unknown as ArtworkCreateInput, { onSuccess: done, onError });
  };

  const workshops = (options.data?.workshops ?? [])
    .filter((w) => v.establishmentId === null || String(w.establishmentId) === v.establishmentId)
    .map((w) => ({ value: String(w.id), label: w.name }));
  const artistData = [
    ...(artists.data ?? []).map((a) => ({ value: String(a.id), label: `${a.name} · ${a.code}` })),
    ...(artwork?.artistParticipantId && !(artists.data ?? []).some((a) => a.id === artwork.artistParticipantId)
      ? [{ value: String(artwork.artistParticipantId), label: artwork.artistName ?? '' }]
      : []),
  ];
  const cm = { allowNegative: false, hideControls: true, decimalSeparator: '.', min: 0 } as const;

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size={860}
      title={t(artwork ? 'internarte.artworks.edit' : 'internarte.artworks.new')}
      onSubmit={submit}
      error={formError}
      saving={create.isPending || update.isPending}
      gap="sm"
    >
      <TextInput
        data-autofocus
        required
        label={t('internarte.artworks.fields.title')}
        value={v.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.title}
      />
      {seesNames ? (
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('internarte.artworks.fields.artistKind')}
          </Text>
          <SegmentedControl
            value={v.artistKind}
            onChange={(x) => set('artistKind', x as Values['artistKind'])}
            data={[
              { value: 'typed', label: t('internarte.artworks.fields.artistTyped') },
              { value: 'participant', label: t('internarte.artworks.fields.artistParticipant') },
            ]}
          />
          {v.artistKind === 'participant' ? (
            <Select
              label={t('internarte.artworks.fields.artist')}
              required
              searchable
              data={artistData}
              searchValue={artistSearch}
              onSearchChange={setArtistSearch}
              value={v.artistParticipantId}
              onChange={(x) => set('artistParticipantId', x)}
              error={errors.artistParticipantId ?? errors.artistName}
              description={searchesRegister ? undefined : t('internarte.artworks.artistLinkedOnly')}
              filter={({ options: o }) => o}
            />
          ) : (
            <TextInput
              required
              label={t('internarte.artworks.fields.artistName')}
              value={v.artistName}
              onChange={(e) => set('artistName', e.currentTarget.value)}
              error={errors.artistName}
            />
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('internarte.artworks.fields.artist')}: {artwork?.artistLabel} — {t('internarte.artworks.artistHidden')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          required
          searchable
          filter={accentFilter}
          label={t('internarte.artworks.fields.establishment')}
          data={establishments}
          value={v.establishmentId}
          onChange={(x) => setV((p) => ({ ...p, establishmentId: x, workshopId: null }))}
          error={errors.establishmentId}
        />
        <Select
          clearable
          label={t('internarte.artworks.fields.workshop')}
          placeholder={t('internarte.artworks.noWorkshop')}
          data={workshops}
          value={v.workshopId}
          onChange={(x) => set('workshopId', x)}
          error={errors.workshopId}
        />
        <Select
          required
          label={t('internarte.artworks.fields.technique')}
          data={techniques.map((x) => ({ value: x, label: t(`internarte.techniques.${x}`) }))}
          value={v.technique}
          onChange={(x) => set('technique', x)}
          error={errors.technique}
        />
        <TextInput
          style={{ gridColumn: 'span 2' }}
          label={t('internarte.artworks.fields.materials')}
          value={v.materials}
          onChange={(e) => set('materials', e.currentTarget.value)}
          error={errors.materials}
        />
        <NumberInput
          label={t('internarte.artworks.fields.year')}
          value={v.year}
          onChange={(x) => set('year', x)}
          error={errors.year}
          allowDecimal={false}
          hideControls
        />
        <NumberInput
          required
          label={t('internarte.artworks.fields.height')}
          value={v.height}
          onChange={(x) => set('height', x)}
          error={errors.height}
          {...cm}
        />
        <NumberInput
          required
          label={t('internarte.artworks.fields.width')}
          value={v.width}
          onChange={(x) => set('width', x)}
          error={errors.width}
          {...cm}
        />
        <NumberInput
          label={t('internarte.artworks.fields.depth')}
          value={v.depth}
          onChange={(x) => set('depth', x)}
          error={errors.depth}
          {...cm}
        />
        <Select
          label={t('internarte.artworks.fields.saleStatus')}
          data={saleStatuses.map((x) => ({ value: x, label: t(`internarte.saleStatuses.${x}`) }))}
          value={v.saleStatus}
          onChange={(x) => set('saleStatus', x ?? 'no_a_la_venta')}
          error={errors.saleStatus}
        />
        <SolesInput label={t('internarte.artworks.fields.price')} value={v.price} onChange={(x) => set('price', x)} error={errors.price} />
        {!artwork && (
          <DateField
            label={t('internarte.custody.fields.date')}
            description={t('internarte.custodyStatuses.en_taller')}
            value={v.receivedOn}
            onChange={(x) => set('receivedOn', x)}
            error={errors.receivedOn}
          />
        )}
      </SimpleGrid>
      <Textarea
        label={t('internarte.artworks.fields.notes')}
        autosize
        minRows={1}
        maxRows={4}
        value={v.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={errors.notes}
      />
    </FormModal>
  );
}
