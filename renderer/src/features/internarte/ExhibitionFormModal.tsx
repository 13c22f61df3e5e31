import { Group, MultiSelect, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionModes, type SectionMode } from '../../../../shared/internarte/rules';
import { ExhibitionCreate, type Exhibition } from '../../../../shared/internarte/schemas';
import { useApiMutation, useApiQuery, type ApiCallError } from '../../api';
import { DateField } from '../../components/fields';
import { schemaValidator, useResetOnOpen } from '../../forms';
import { FormModal } from '../../components/FormModal';

interface Values {
  title: string;
  subtitle: string;
  venue: string;
  startsOn: string | null;
  endsOn: string | null;
  curators: string;
  presentation: string;
  curatorialText: string;
  credits: string;
  sectionMode: SectionMode;
  partnerIds: string[];
}

const fromExhibition = (x: Exhibition | null): Values => ({
  title: x?.title ?? '',
  subtitle: x?.subtitle ?? '',
  venue: x?.venue ?? '',
  startsOn: x?.startsOn ?? null,
  endsOn: x?.endsOn ?? null,
  curators: x?.curators.join('\n') ?? '',
  presentation: x?.presentation ?? '',
  curatorialText: x?.curatorialText ?? '',
  credits: x?.credits ?? '',
  sectionMode: x?.sectionMode ?? 'ninguna',
  partnerIds: x?.partners.map((p) => String(p.id)) ?? [],
});

const toInput = (v: Values) => ({
  title: v.title,
  subtitle: v.subtitle,
  venue: v.venue,
  startsOn: v.startsOn,
  endsOn: v.endsOn,
  curators: v.curators
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean),
  presentation: v.presentation,
  curatorialText: v.curatorialText,
  credits: v.credits,
  sectionMode: v.sectionMode,
  partnerIds: v.partnerIds.map(Number),
});

/** Create an exhibition or edit its data, partners and texts. A refused save keeps everything typed. */
export function ExhibitionFormModal({
  opened,
  onClose,
  exhibition,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  exhibition: Exhibition | null;
  onSaved?: (x: Exhibition) => void;
}) {
  const { t } = useTranslation();
  const options = useApiQuery('exhibitions.options', {}, { enabled: opened });
  const create = useApiMutation('exhibitions.create');
  const update = useApiMutation('exhibitions.update');
  const [v, setV] = useState<Values>(fromExhibition(null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(opened, exhibition?.id ?? null, () => {
    setV(fromExhibition(exhibition));
    setErrors({});
    setFormError(null);
  });
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((p) => ({ ...p, [k]: value }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const input = toInput(v);
    const local = schemaValidator(ExhibitionCreate, t)(input);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const onError = (err: ApiCallError) => {
      setFormError(err.error.message);
      setErrors(err.error.fields);
    };
    const done = (x: Exhibition) => {
      notifications.show({ color: 'teal', message: t(exhibition ? 'internarte.exhibitions.saved' : 'internarte.exhibitions.created') });
      onSaved?.(x);
      onClose();
    };
    if (exhibition) update.mutate({ ...input, id: exhibition.id, version: exhibition.version }, { onSuccess: done, onError });
    else create.mutate(input, { onSuccess: done, onError });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size={860}
      title={t(exhibition ? 'internarte.exhibitions.edit' : 'internarte.exhibitions.new')}
      onSubmit={submit}
      error={formError}
      saving={create.isPending || update.isPending}
      gap="sm"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          data-autofocus
          required
          label={t('internarte.exhibitions.fields.title')}
          value={v.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
        />
        <TextInput
          label={t('internarte.exhibitions.fields.subtitle')}
          value={v.subtitle}
          onChange={(e) => set('subtitle', e.currentTarget.value)}
          error={errors.subtitle}
        />
        <TextInput
          label={t('internarte.exhibitions.fields.venue')}
          value={v.venue}
          onChange={(e) => set('venue', e.currentTarget.value)}
          error={errors.venue}
        />
        <Group grow align="flex-start">
          <DateField
            label={t('internarte.exhibitions.fields.startsOn')}
            clearable
            value={v.startsOn}
            onChange={(x) => set('startsOn', x)}
            error={errors.startsOn}
          />
          <DateField
            label={t('internarte.exhibitions.fields.endsOn')}
            clearable
            value={v.endsOn}
            onChange={(x) => set('endsOn', x)}
            error={errors.endsOn}
          />
        </Group>
        <MultiSelect
          label={t('internarte.exhibitions.fields.partners')}
          searchable
          data={(options.data?.partners ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={v.partnerIds}
          onChange={(x) => set('partnerIds', x)}
          error={errors.partnerIds}
        />
        <Select
          label={t('internarte.exhibitions.fields.sectionMode')}
          data={sectionModes.map((m) => ({ value: m, label: t(`internarte.sectionModes.${m}`) }))}
          value={v.sectionMode}
          onChange={(x) => set('sectionMode', (x ?? 'ninguna') as SectionMode)}
          error={errors.sectionMode}
        />
      </SimpleGrid>
      <Textarea
        label={t('internarte.exhibitions.fields.curators')}
        autosize
        minRows={2}
        value={v.curators}
        onChange={(e) => set('curators', e.currentTarget.value)}
        error={errors.curators ?? Object.entries(errors).find(([k]) => k.startsWith('curators.'))?.[1]}
      />
      <Textarea
        label={t('internarte.exhibitions.fields.presentation')}
        autosize
        minRows={3}
        maxRows={10}
        value={v.presentation}
        onChange={(e) => set('presentation', e.currentTarget.value)}
        error={errors.presentation}
      />
      <Textarea
        label={t('internarte.exhibitions.fields.curatorialText')}
        autosize
        minRows={3}
        maxRows={10}
        value={v.curatorialText}
        onChange={(e) => set('curatorialText', e.currentTarget.value)}
        error={errors.curatorialText}
      />
      <Textarea
        label={t('internarte.exhibitions.fields.credits')}
        autosize
        minRows={2}
        maxRows={8}
        value={v.credits}
        onChange={(e) => set('credits', e.currentTarget.value)}
        error={errors.credits}
      />
    </FormModal>
  );
}
