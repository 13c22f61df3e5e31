import { Group, MultiSelect, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sectionModes, type SectionMode } from '../../../../shared/internarte/rules';
import { ExhibitionCreate, type Exhibition } from '../../../../shared/internarte/schemas';
import { useApiQuery } from '../../api';
import { AgreementSelect } from '../../components/AgreementSelect';
import { DateField } from '../../components/fields';
import { schemaValidator } from '../../forms';
import { FormModal } from '../../components/FormModal';
import { useRecordDialog } from '../../components/useRecordDialog';
import { CoverSelect, ExhibitionTexts, type ExhibitionFormValues } from './ExhibitionCatalogFields';

type Values = ExhibitionFormValues;

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
  agreementId: x?.agreement?.id ?? null,
  titleEn: x?.titleEn ?? '',
  subtitleEn: x?.subtitleEn ?? '',
  presentationEn: x?.presentationEn ?? '',
  curatorialTextEn: x?.curatorialTextEn ?? '',
  creditsEn: x?.creditsEn ?? '',
  coverArtworkId: x?.coverArtworkId == null ? null : String(x.coverArtworkId),
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
  agreementId: v.agreementId,
  titleEn: v.titleEn,
  subtitleEn: v.subtitleEn,
  presentationEn: v.presentationEn,
  curatorialTextEn: v.curatorialTextEn,
  creditsEn: v.creditsEn,
  coverArtworkId: v.coverArtworkId === null ? null : Number(v.coverArtworkId),
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
  const validate = schemaValidator(ExhibitionCreate, t);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, write, modal } = useRecordDialog('exhibitions', exhibition, {
    opened,
    onClose,
    onSaved,
    savedMessage: () => t(exhibition ? 'internarte.exhibitions.saved' : 'internarte.exhibitions.created'),
    initialValues: fromExhibition(null),
    validate: (v) => validate(toInput(v)),
    values: (): Values => fromExhibition(exhibition),
  });

  return (
    <FormModal
      {...modal((v) => write(toInput(v)))}
      size={860}
      title={t(exhibition ? 'internarte.exhibitions.edit' : 'internarte.exhibitions.new')}
      gap="sm"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput data-autofocus required label={t('internarte.exhibitions.fields.title')} {...form.getInputProps('title')} />
        <TextInput label={t('internarte.exhibitions.fields.subtitle')} {...form.getInputProps('subtitle')} />
        <TextInput label={t('internarte.exhibitions.fields.venue')} {...form.getInputProps('venue')} />
        <Group grow align="flex-start">
          <DateField label={t('internarte.exhibitions.fields.startsOn')} clearable {...form.getInputProps('startsOn')} />
          <DateField label={t('internarte.exhibitions.fields.endsOn')} clearable {...form.getInputProps('endsOn')} />
        </Group>
        <MultiSelect
          label={t('internarte.exhibitions.fields.partners')}
          searchable
          data={(options.data?.partners ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          {...form.getInputProps('partnerIds')}
        />
        <Select
          label={t('internarte.exhibitions.fields.sectionMode')}
          data={sectionModes.map((m) => ({ value: m, label: t(`internarte.sectionModes.${m}`) }))}
          {...form.getInputProps('sectionMode')}
          onChange={(x) => form.setFieldValue('sectionMode', (x ?? 'ninguna') as SectionMode)}
        />
        <AgreementSelect
          agreements={options.data?.agreements ?? []}
          partnerIds={form.values.partnerIds.map(Number)}
          date={form.values.startsOn}
          value={form.values.agreementId}
          onChange={(id) => form.setFieldValue('agreementId', id)}
          error={form.errors.agreementId}
        />
        <CoverSelect form={form} exhibitionId={exhibition?.id ?? null} opened={opened} />
      </SimpleGrid>
      <Textarea
        label={t('internarte.exhibitions.fields.curators')}
        autosize
        minRows={2}
        {...form.getInputProps('curators')}
        error={form.errors.curators ?? Object.entries(form.errors).find(([k]) => k.startsWith('curators.'))?.[1]}
      />
      <ExhibitionTexts
        form={form}
        spanish={
          <>
            <Textarea
              label={t('internarte.exhibitions.fields.presentation')}
              autosize
              minRows={3}
              maxRows={10}
              {...form.getInputProps('presentation')}
            />
            <Textarea
              label={t('internarte.exhibitions.fields.curatorialText')}
              autosize
              minRows={3}
              maxRows={10}
              {...form.getInputProps('curatorialText')}
            />
            <Textarea
              label={t('internarte.exhibitions.fields.credits')}
              autosize
              minRows={2}
              maxRows={8}
              {...form.getInputProps('credits')}
            />
          </>
        }
      />
    </FormModal>
  );
}
