import {
  Card,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { audienceGroups, eventTypes, totalAudience, type Audiences, type EventType } from '../../../../shared/programmes/rules';
import type { ProgrammeEvent } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { PhotoGallery } from '../../components/PhotoGallery';
import { useRecordDialog } from '../../components/useRecordDialog';
import { EstablishmentField } from './recordForms';
import { accentFilter } from '../../components/accentFilter';
import { AgreementSelect } from '../../components/AgreementSelect';
import { toBase64 } from '../../components/files';
import { useNumber } from '../../components/numbers';
import { useOptions } from '../../components/ListTools';
import { useCan } from '../../components/session';

const zero = (): Audiences => ({ internos: 0, familiares: 0, personal: 0, externo: 0, autoridades: 0 });

/**
 * An event's photos, in the app's one gallery (compact, as an instrument's): several added at
 * once, a refused file told on its own line, a link removed. An event has no primary photo.
 * Each photo goes through events.addPhoto as a write, so what depends on the event refreshes.
 */
function EventPhotos({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const photos = useApiQuery('events.photos', { id: eventId });
  const add = useApiMutation('events.addPhoto');
  const remove = useApiMutation('events.removePhoto');
  // events.addPhoto and events.removePhoto are open to the same roles (one module, both writes).
  const canWrite = useCan('events.addPhoto');
  return (
    <PhotoGallery
      layout="compact"
      photos={photos.data}
      canWrite={canWrite}
      upload={async (file) => {
        await add.mutateAsync({ id: eventId, fileName: file.name, dataBase64: await toBase64(file) });
        notifications.show({ color: 'teal', message: t('programmes.events.photoAdded') });
      }}
      refetch={() => photos.refetch()}
      onRemove={(hash) => remove.mutate({ id: eventId, hash })}
      labels={{
        title: t('programmes.events.photos'),
        add: t('programmes.events.addPhoto'),
        remove: t('programmes.events.removePhoto'),
      }}
    />
  );
}

interface Values {
  type: string | null;
  seasonId: string | null;
  title: string;
  date: string | null;
  time: string;
  venueKind: string;
  establishmentId: string | null;
  venueName: string;
  partnerIds: string[];
  agreementId: number | null;
  ensembleIds: string[];
  audiences: Audiences;
  notes: string;
}

const blank = (seasonId: number | null): Values => ({
  type: null,
  seasonId: seasonId === null ? null : String(seasonId),
  title: '',
  date: todayIso(),
  time: '',
  venueKind: 'establecimiento',
  establishmentId: null,
  venueName: '',
  partnerIds: [],
  agreementId: null,
  ensembleIds: [],
  audiences: zero(),
  notes: '',
});

const fromEvent = (e: ProgrammeEvent): Values => ({
  type: e.type,
  seasonId: e.seasonId === null ? null : String(e.seasonId),
  title: e.title,
  date: e.date,
  time: e.time ?? '',
  venueKind: e.venueKind,
  establishmentId: e.establishmentId === null ? null : String(e.establishmentId),
  venueName: e.venueName ?? '',
  partnerIds: e.partners.map((p) => String(p.id)),
  agreementId: e.agreement?.id ?? null,
  ensembleIds: e.ensembles.map((g) => String(g.id)),
  audiences: { ...e.audiences },
  notes: e.notes ?? '',
});

const toInput = (v: Values) => ({
  ...v,
  type: (v.type ?? '') as EventType,
  seasonId: v.seasonId ? Number(v.seasonId) : null,
  date: v.date ?? '',
  venueKind: v.venueKind as 'establecimiento' | 'externo',
  establishmentId: v.venueKind === 'establecimiento' && v.establishmentId ? Number(v.establishmentId) : null,
  partnerIds: v.partnerIds.map(Number),
  ensembleIds: v.ensembleIds.map(Number),
});

/** An event with its venue, partners, performing ensembles and audiences as head counts by group. */
export function EventFormModal({
  opened,
  onClose,
  event,
  seasonId,
}: {
  opened: boolean;
  onClose: () => void;
  event: ProgrammeEvent | null;
  seasonId: number | null;
}) {
  // The read-only role opens an event to read it: no save.
  const canSave = useCan(event ? 'events.update' : 'events.create');
  const { t } = useTranslation();
  const num = useNumber();
  const typeOptions = useOptions(eventTypes, 'programmes.eventTypes');
  const seasons = useApiQuery('seasons.list', {});
  const partners = useApiQuery('partners.list', { status: 'all' });
  const agreements = useApiQuery('agreements.list', {});
  const ensembles = useApiQuery('ensembles.list', { status: 'all' });
  // Reset when it opens or turns to another event, never on a background refetch.
  const { form, write, modal } = useRecordDialog('events', event, {
    opened,
    onClose,
    savedMessage: (e) => t(event ? 'programmes.events.updated' : 'programmes.events.created', { title: e.title }),
    values: (): Values => (event ? fromEvent(event) : blank(seasonId)),
  });
  const v = form.values;

  return (
    <FormModal
      {...modal((values) => write(toInput(values)))}
      size={820}
      title={t(event ? 'programmes.events.editTitle' : 'programmes.events.newTitle')}
      readOnly={!canSave}
      gap="sm"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('programmes.events.type')} withAsterisk data={typeOptions} {...form.getInputProps('type')} data-autofocus />
        <Select
          label={t('programmes.seasons.season')}
          placeholder={t('programmes.seasons.none')}
          clearable
          data={(seasons.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          {...form.getInputProps('seasonId')}
        />
      </SimpleGrid>
      <TextInput label={t('programmes.events.titleField')} withAsterisk {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('programmes.events.date')} withAsterisk {...form.getInputProps('date')} />
        <TextInput
          label={t('programmes.events.time')}
          placeholder={t('programmes.events.timePlaceholder')}
          {...form.getInputProps('time')}
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('programmes.events.venueKind')}
        </Text>
        <SegmentedControl
          aria-label={t('programmes.events.venueKind')}
          data={[
            { value: 'establecimiento', label: t('programmes.venueKinds.establecimiento') },
            { value: 'externo', label: t('programmes.venueKinds.externo') },
          ]}
          value={v.venueKind}
          onChange={(x) => form.setFieldValue('venueKind', x)}
        />
      </Stack>
      {v.venueKind === 'establecimiento' ? (
        <EstablishmentField status="all" {...form.getInputProps('establishmentId')} />
      ) : (
        <TextInput
          label={t('programmes.events.venueName')}
          withAsterisk
          placeholder={t('programmes.events.venueNamePlaceholder')}
          {...form.getInputProps('venueName')}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('programmes.events.partners')}
          searchable
          filter={accentFilter}
          data={(partners.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          {...form.getInputProps('partnerIds')}
        />
        <MultiSelect
          label={t('programmes.events.ensembles')}
          searchable
          filter={accentFilter}
          data={(ensembles.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
          {...form.getInputProps('ensembleIds')}
        />
      </SimpleGrid>
      <AgreementSelect
        agreements={agreements.data ?? []}
        partnerIds={v.partnerIds.map(Number)}
        date={v.date}
        value={v.agreementId}
        onChange={(id) => form.setFieldValue('agreementId', id)}
        error={form.errors.agreementId}
        readOnly={!canSave}
      />
      <Card withBorder padding="sm">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            {t('programmes.events.audiences')}
          </Text>
          <Text size="sm" data-testid="audience-total">
            {t('programmes.events.audienceTotal')}: <b>{num(totalAudience(v.audiences))}</b>
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {audienceGroups.map((g) => (
            <NumberInput
              key={g}
              label={t(`programmes.audienceGroups.${g}`)}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps(`audiences.${g}`)}
              onChange={(x) => form.setFieldValue(`audiences.${g}`, x === '' ? 0 : Number(x))}
            />
          ))}
        </SimpleGrid>
      </Card>
      <Textarea label={t('programmes.events.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
      {event && <EventPhotos eventId={event.id} />}
    </FormModal>
  );
}
