import { Select, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionMode } from '../../../../shared/internarte/rules';
import { useApiQuery } from '../../api';
import type { RecordForm } from '../../components/useRecordForm';

/** The exhibition form's catalog part: its texts in Spanish and English side by side (tabs), and the cover. */

/** The exhibition form's values (ExhibitionFormModal), the catalog's among them. */
export interface ExhibitionFormValues {
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
  agreementId: number | null;
  titleEn: string;
  subtitleEn: string;
  presentationEn: string;
  curatorialTextEn: string;
  creditsEn: string;
  /** The cover's work (its id as the Select holds it), or null: the first with a publishable photo. */
  coverArtworkId: string | null;
}

type Form = RecordForm<ExhibitionFormValues>['form'];

/** The texts: «Español» (the record's own) and «English» (for an English catalog). */
export function ExhibitionTexts({ form, spanish }: { form: Form; spanish: React.ReactNode }) {
  const { t } = useTranslation();
  const en = (field: string) => t('internarte.choices.form.inEnglish', { field: t(`internarte.exhibitions.fields.${field}`) });
  return (
    <Tabs defaultValue="es" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="es">{t('internarte.choices.form.spanish')}</Tabs.Tab>
        <Tabs.Tab value="en">{t('internarte.choices.form.english')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="es" pt="sm">
        <Stack gap="sm">{spanish}</Stack>
      </Tabs.Panel>
      <Tabs.Panel value="en" pt="sm">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('internarte.choices.form.englishHint')}
          </Text>
          <TextInput label={en('title')} placeholder={form.values.title} {...form.getInputProps('titleEn')} />
          <TextInput label={en('subtitle')} placeholder={form.values.subtitle} {...form.getInputProps('subtitleEn')} />
          <Textarea label={en('presentation')} autosize minRows={3} maxRows={10} {...form.getInputProps('presentationEn')} />
          <Textarea label={en('curatorialText')} autosize minRows={3} maxRows={10} {...form.getInputProps('curatorialTextEn')} />
          <Textarea label={en('credits')} autosize minRows={2} maxRows={8} {...form.getInputProps('creditsEn')} />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

/**
 * The catalog's cover: one of the checklist's works whose author allowed its photo to be
 * published (main checks it again when it prints), or the default, the first such work.
 */
export function CoverSelect({ form, exhibitionId, opened }: { form: Form; exhibitionId: number | null; opened: boolean }) {
  const { t } = useTranslation();
  const checklist = useApiQuery('exhibitions.checklist', { id: exhibitionId ?? 0 }, { enabled: opened && exhibitionId !== null });
  const works = (checklist.data ?? []).filter((w) => w.mayBeCover || String(w.artworkId) === form.values.coverArtworkId);
  return (
    <Select
      label={t('internarte.choices.form.cover')}
      description={t('internarte.choices.form.coverHint')}
      placeholder={t('internarte.choices.form.coverDefault')}
      clearable
      disabled={exhibitionId === null}
      data={works.map((w) => ({ value: String(w.artworkId), label: `${w.catalogNumber}. ${w.title}` }))}
      {...form.getInputProps('coverArtworkId')}
    />
  );
}
