import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
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
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, SolesInput, todayIso, useEstablishmentOptions } from '../../components/fields';
import { renameErrors, schemaValidator } from '../../forms';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';
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
const fieldNames: Record<string, string> = { heightMm: 'height', widthMm: 'width', depthMm: 'depth', priceCentimos: 'price' };

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
  const [artistSearch, setArtistSearch] = useState('');
  const [debouncedArtist] = useDebouncedValue(artistSearch, 250);
  const establishments = useEstablishmentOptions('active');
  const create = useApiMutation('artworks.create');
  const update = useApiMutation('artworks.update');
  const validateFields = schemaValidator(ArtworkFields, t);
  const validateCreate = schemaValidator(ArtworkCreate, t);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, modal, setFormError, saved } = useRecordForm<Values>({
    opened,
    recordKey: artwork?.id ?? null,
    initialValues: blank(),
    validate: (v) =>
      renameErrors(artwork ? validateFields(toFields(v)) : validateCreate({ ...toFields(v), receivedOn: v.receivedOn }), fieldNames),
    values: () => (artwork ? fromArtwork(artwork) : blank()),
    fieldNames,
  });
  const v = form.values;
  const options = useApiQuery('artworks.options', {}, { enabled: opened });
  const artists = useApiQuery(
    'artworks.artistOptions',
    { search: debouncedArtist },
    { enabled: opened && seesNames && v.artistKind === 'participant' },
  );

  const save = (values: Values) => {
    setFormError(null);
    const fields = toFields(values);
    const done = saved(t(artwork ? 'internarte.artworks.saved' : 'internarte.artworks.created'), (a: Artwork) => {
      onSaved?.(a);
      onClose();
    });
    if (artwork) update.mutate({ ...fields, id: artwork.id, version: artwork.version } as unknown as ArtworkUpdate, done);
    else create.mutate({ ...fields, receivedOn: values.receivedOn } as unknown as ArtworkCreateInput, done);
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
      {...modal(save)}
      onClose={onClose}
      size={860}
      title={t(artwork ? 'internarte.artworks.edit' : 'internarte.artworks.new')}
      saving={create.isPending || update.isPending}
      gap="sm"
    >
      <TextInput data-autofocus required label={t('internarte.artworks.fields.title')} {...form.getInputProps('title')} />
      {seesNames ? (
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('internarte.artworks.fields.artistKind')}
          </Text>
          <SegmentedControl
            data={[
              { value: 'typed', label: t('internarte.artworks.fields.artistTyped') },
              { value: 'participant', label: t('internarte.artworks.fields.artistParticipant') },
            ]}
            value={v.artistKind}
            onChange={(x) => form.setFieldValue('artistKind', x as Values['artistKind'])}
          />
          {v.artistKind === 'participant' ? (
            <Select
              label={t('internarte.artworks.fields.artist')}
              required
              searchable
              data={artistData}
              searchValue={artistSearch}
              onSearchChange={setArtistSearch}
              description={searchesRegister ? undefined : t('internarte.artworks.artistLinkedOnly')}
              filter={({ options: o }) => o}
              {...form.getInputProps('artistParticipantId')}
              error={form.errors.artistParticipantId ?? form.errors.artistName}
            />
          ) : (
            <TextInput required label={t('internarte.artworks.fields.artistName')} {...form.getInputProps('artistName')} />
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
          {...form.getInputProps('establishmentId')}
          onChange={(x) => {
            form.setFieldValue('establishmentId', x);
            form.setFieldValue('workshopId', null);
          }}
        />
        <Select
          clearable
          label={t('internarte.artworks.fields.workshop')}
          placeholder={t('internarte.artworks.noWorkshop')}
          data={workshops}
          {...form.getInputProps('workshopId')}
        />
        <Select
          required
          label={t('internarte.artworks.fields.technique')}
          data={techniques.map((x) => ({ value: x, label: t(`internarte.techniques.${x}`) }))}
          {...form.getInputProps('technique')}
        />
        <TextInput
          style={{ gridColumn: 'span 2' }}
          label={t('internarte.artworks.fields.materials')}
          {...form.getInputProps('materials')}
        />
        <NumberInput label={t('internarte.artworks.fields.year')} allowDecimal={false} hideControls {...form.getInputProps('year')} />
        <NumberInput required label={t('internarte.artworks.fields.height')} {...cm} {...form.getInputProps('height')} />
        <NumberInput required label={t('internarte.artworks.fields.width')} {...cm} {...form.getInputProps('width')} />
        <NumberInput label={t('internarte.artworks.fields.depth')} {...cm} {...form.getInputProps('depth')} />
        <Select
          label={t('internarte.artworks.fields.saleStatus')}
          data={saleStatuses.map((x) => ({ value: x, label: t(`internarte.saleStatuses.${x}`) }))}
          {...form.getInputProps('saleStatus')}
          onChange={(x) => form.setFieldValue('saleStatus', x ?? 'no_a_la_venta')}
        />
        <SolesInput label={t('internarte.artworks.fields.price')} {...form.getInputProps('price')} />
        {!artwork && (
          <DateField
            label={t('internarte.custody.fields.date')}
            description={t('internarte.custodyStatuses.en_taller')}
            {...form.getInputProps('receivedOn')}
          />
        )}
      </SimpleGrid>
      <Textarea label={t('internarte.artworks.fields.notes')} autosize minRows={1} maxRows={4} {...form.getInputProps('notes')} />
    </FormModal>
  );
}
