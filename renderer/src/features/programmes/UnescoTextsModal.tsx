import { Checkbox, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { culturalDomains, unescoGoals, type CulturalDomain, type UnescoGoal } from '../../../../shared/programmes/rules';
import type { UnescoTexts } from '../../../../shared/programmes/schemas';
import { useApiMutation } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';

interface Values {
  mainFeatures: string;
  evaluated: 'yes' | 'no' | 'unsaid';
  conclusions: string;
  goals: UnescoGoal[];
  domains: CulturalDomain[];
}

const fromTexts = (x: UnescoTexts | undefined): Values => ({
  mainFeatures: x?.mainFeatures ?? '',
  evaluated: x?.evaluated === true ? 'yes' : x?.evaluated === false ? 'no' : 'unsaid',
  conclusions: x?.conclusions ?? '',
  goals: x?.goals ?? [],
  domains: x?.domains ?? [],
});

/**
 * The texts of a year's UNESCO entry (issue 17, item 5): what the data cannot say. The form
 * resets only when it opens, or opens for another year; a refusal keeps what was typed.
 */
export function UnescoTextsModal({ opened, onClose, texts }: { opened: boolean; onClose: () => void; texts: UnescoTexts }) {
  const { t } = useTranslation();
  const save = useApiMutation('programmeReports.saveUnescoTexts');
  // The version the clerk saw on opening: a save over a newer one is refused, never written over.
  const [seen, setSeen] = useState(texts.version);
  const { form, saved, modal } = useRecordForm<Values>({
    opened,
    recordKey: texts.year,
    values: () => fromTexts(texts),
    onOpen: () => setSeen(texts.version),
  });
  const submit = (v: Values) =>
    save.mutate(
      {
        year: texts.year,
        mainFeatures: v.mainFeatures,
        evaluated: v.evaluated === 'yes' ? true : v.evaluated === 'no' ? false : null,
        conclusions: v.conclusions,
        goals: v.goals,
        domains: v.domains,
        version: seen,
      },
      saved(t('programmes.unescoEntry.form.saved', { year: texts.year }), onClose),
    );
  return (
    <FormModal
      {...modal(submit)}
      onClose={onClose}
      saving={save.isPending}
      size={760}
      title={t('programmes.unescoEntry.form.title', { year: texts.year })}
      gap="sm"
    >
      <Text size="sm" c="dimmed">
        {t('programmes.unescoEntry.form.hint')}
      </Text>
      <Textarea
        label={t('programmes.unescoEntry.form.mainFeatures')}
        description={t('programmes.unescoEntry.form.mainFeaturesHint')}
        autosize
        minRows={4}
        maxRows={12}
        data-autofocus
        {...form.getInputProps('mainFeatures')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('programmes.unescoEntry.form.evaluated')}
        </Text>
        <SegmentedControl
          data={[
            { value: 'yes', label: t('programmes.unescoEntry.yes') },
            { value: 'no', label: t('programmes.unescoEntry.no') },
            { value: 'unsaid', label: t('programmes.unescoEntry.notSaid') },
          ]}
          {...form.getInputProps('evaluated')}
        />
      </Stack>
      <Textarea
        label={t('programmes.unescoEntry.form.conclusions')}
        autosize
        minRows={3}
        maxRows={10}
        {...form.getInputProps('conclusions')}
      />
      <Checkbox.Group label={t('programmes.unescoEntry.form.goals')} {...form.getInputProps('goals')}>
        <Stack gap={6} mt={6}>
          {unescoGoals.map((g) => (
            <Checkbox key={g} value={g} label={t(`programmes.unescoEntry.goals.${g}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox.Group label={t('programmes.unescoEntry.form.domains')} {...form.getInputProps('domains')}>
        <Stack gap={6} mt={6}>
          {culturalDomains.map((d) => (
            <Checkbox key={d} value={d} label={t(`programmes.unescoEntry.domains.${d}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
    </FormModal>
  );
}
