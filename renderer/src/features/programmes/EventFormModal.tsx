import {
  ActionIcon,
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { audienceGroups, eventTypes, totalAudience, type Audiences, type EventType } from '../../../../shared/programmes/rules';
import type { ProgrammeEvent } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso, useEstablishmentOptions } from '../../components/fields';
import { accentFilter } from '../../components/accentFilter';
import { toBase64, useNumber, useOptions } from './ui';
import { useCan } from '../../components/session';

const zero = (): Audiences => ({ internos: 0, familiares: 0, personal: 0, externo: 0, autoridades: 0 });

function EventPhotos({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const photos = useApiQuery('events.photos', { id: eventId });
  const add = useApiMutation('events.addPhoto');
  const remove = useApiMutation('events.removePhoto');
  const canAdd = useCan('events.addPhoto');
  const canRemove = useCan('events.removePhoto');
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={5}>{t('programmes.events.photos')}</Title>
        {canAdd && (
          <FileButton
            accept="image/jpeg,image/png,image/webp,image/tiff,image/gif"
            onChange={(file) => {
              if (!file) return;
              void toBase64(file).then((dataBase64) =>
                add.mutate(
                  { id: eventId, fileName: file.name, dataBase64 },
                  {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('programmes.events.photoAdded') }),
                    onError: (err) => notifications.show({ color: 'red', message: err.message }),
                  },
                ),
              );
            }}
          >
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconPhotoPlus size={14} />} loading={add.isPending}>
                {t('programmes.events.addPhoto')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <SimpleGrid cols={4}>
        {(photos.data ?? []).map((p) => (
          <Card key={p.hash} withBorder padding={4}>
            {p.thumbnail && <Image src={p.thumbnail} alt={p.originalName} h={80} fit="cover" />}
            <Group justify="space-between" gap={2} wrap="nowrap">
              <Text size="xs" truncate>
                {p.originalName}
              </Text>
              {canRemove && (
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`${t('programmes.events.removePhoto')}: ${p.originalName}`}
                  onClick={() => remove.mutate({ id: eventId, hash: p.hash })}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              )}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

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
  const establishments = useEstablishmentOptions('all');
  const typeOptions = useOptions(eventTypes, 'programmes.eventTypes');
  const seasons = useApiQuery('seasons.list', {});
  const partners = useApiQuery('partners.list', { status: 'all' });
  const ensembles = useApiQuery('ensembles.list', { status: 'all' });
  const create = useApiMutation('events.create');
  const update = useApiMutation('events.update');
  const [v, setV] = useState({
    type: null as string | null,
    seasonId: null as string | null,
    title: '',
    date: todayIso() as string | null,
    time: '',
    venueKind: 'establecimiento',
    establishmentId: null as string | null,
    venueName: '',
    partnerIds: [] as string[],
    ensembleIds: [] as string[],
    audiences: zero(),
    notes: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setFormError(null);
    setV(
      event
        ? {
            type: event.type,
            seasonId: event.seasonId === null ? null : String(event.seasonId),
            title: event.title,
            date: event.date,
            time: event.time ?? '',
            venueKind: event.venueKind,
            establishmentId: event.establishmentId === null ? null : String(event.establishmentId),
            venueName: event.venueName ?? '',
            partnerIds: event.partners.map((p) => String(p.id)),
            ensembleIds: event.ensembles.map((g) => String(g.id)),
            audiences: { ...event.audiences },
            notes: event.notes ?? '',
          }
        : {
            type: null,
            seasonId: seasonId === null ? null : String(seasonId),
            title: '',
            date: todayIso(),
            time: '',
            venueKind: 'establecimiento',
            establishmentId: null,
            venueName: '',
            partnerIds: [],
            ensembleIds: [],
            audiences: zero(),
            notes: '',
          },
    );
  }, [opened, event, seasonId]);

  const save = () => {
    const input = {
      type: (v.type ?? '') as EventType,
      seasonId: v.seasonId ? Number(v.seasonId) : null,
      title: v.title,
      date: v.date ?? '',
      time: v.time,
      venueKind: v.venueKind as 'establecimiento' | 'externo',
      establishmentId: v.venueKind === 'establecimiento' && v.establishmentId ? Number(v.establishmentId) : null,
      venueName: v.venueName,
      partnerIds: v.partnerIds.map(Number),
      ensembleIds: v.ensembleIds.map(Number),
      audiences: v.audiences,
      notes: v.notes,
    };
    const opts = {
      onSuccess: (e: ProgrammeEvent) => {
        notifications.show({
          color: 'teal',
          message: t(event ? 'programmes.events.updated' : 'programmes.events.created', { title: e.title }),
        });
        onClose();
      },
      onError: (err: { error: { fields: Record<string, string> }; message: string }) => {
        setErrors(err.error.fields);
        setFormError(err.message);
      },
    };
    if (event) update.mutate({ ...input, id: event.id, version: event.version }, opts);
    else create.mutate(input, opts);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={820}
      title={t(event ? 'programmes.events.editTitle' : 'programmes.events.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('programmes.events.type')}
            withAsterisk
            data={typeOptions}
            value={v.type}
            onChange={(x) => setV({ ...v, type: x })}
            error={errors.type}
            data-autofocus
          />
          <Select
            label={t('programmes.seasons.season')}
            placeholder={t('programmes.seasons.none')}
            clearable
            data={(seasons.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={v.seasonId}
            onChange={(x) => setV({ ...v, seasonId: x })}
            error={errors.seasonId}
          />
        </SimpleGrid>
        <TextInput
          label={t('programmes.events.titleField')}
          withAsterisk
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
          error={errors.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('programmes.events.date')}
            withAsterisk
            value={v.date}
            onChange={(x) => setV({ ...v, date: x })}
            error={errors.date}
          />
          <TextInput
            label={t('programmes.events.time')}
            placeholder={t('programmes.events.timePlaceholder')}
            value={v.time}
            onChange={(e) => setV({ ...v, time: e.currentTarget.value })}
            error={errors.time}
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
            onChange={(x) => setV({ ...v, venueKind: x })}
          />
        </Stack>
        {v.venueKind === 'establecimiento' ? (
          <Select
            label={t('programmes.common.establishment')}
            withAsterisk
            searchable
            filter={accentFilter}
            data={establishments}
            value={v.establishmentId}
            onChange={(x) => setV({ ...v, establishmentId: x })}
            error={errors.establishmentId}
          />
        ) : (
          <TextInput
            label={t('programmes.events.venueName')}
            withAsterisk
            placeholder={t('programmes.events.venueNamePlaceholder')}
            value={v.venueName}
            onChange={(e) => setV({ ...v, venueName: e.currentTarget.value })}
            error={errors.venueName}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('programmes.events.partners')}
            searchable
            filter={accentFilter}
            data={(partners.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={v.partnerIds}
            onChange={(x) => setV({ ...v, partnerIds: x })}
            error={errors.partnerIds}
          />
          <MultiSelect
            label={t('programmes.events.ensembles')}
            searchable
            filter={accentFilter}
            data={(ensembles.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
            value={v.ensembleIds}
            onChange={(x) => setV({ ...v, ensembleIds: x })}
            error={errors.ensembleIds}
          />
        </SimpleGrid>
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
                value={v.audiences[g]}
                onChange={(x) => setV({ ...v, audiences: { ...v.audiences, [g]: x === '' ? 0 : Number(x) } })}
                error={errors[`audiences.${g}`]}
              />
            ))}
          </SimpleGrid>
        </Card>
        <Textarea
          label={t('programmes.events.notes')}
          autosize
          minRows={2}
          value={v.notes}
          onChange={(e) => setV({ ...v, notes: e.currentTarget.value })}
        />
        {event && <EventPhotos eventId={event.id} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {canSave && (
            <Button onClick={save} loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
