import '@mantine/charts/styles.css';
import { Alert, Button, Card, Center, Group, Loader, Select, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconFileSpreadsheet, IconPrinter, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationChart, EvaluationFilters } from '../../../../shared/evaluation/schemas';
import { sexes } from '../../../../shared/evaluation/schemas';
import { isIsoDay } from '../../../../shared/format';
import { call, useApiQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { DateField, useEstablishmentOptions } from '../../components/fields';
import { SavedFileNote, useSaveFile } from '../../components/files';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../components/session';
import { EvaluationCharts } from './EvaluationCharts';
import { FollowUpCard } from './FollowUpCard';

type Choice = string | null;

/**
 * Evaluación: the figures the programme is judged by, as charts with their tables, for a
 * period and filters (establishment, regional office, initiative, discipline, sex).
 * Aggregates only: counts of fewer than 5 persons read "< 5" (shared/evaluation/suppression.ts).
 */
export function EvaluationPage() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState<string | null>(`${year}-01-01`);
  const [to, setTo] = useState<string | null>(`${year}-12-31`);
  const [establishmentId, setEstablishmentId] = useState<Choice>(null);
  const [regionalOfficeId, setRegionalOfficeId] = useState<Choice>(null);
  const [initiativeId, setInitiativeId] = useState<Choice>(null);
  const [discipline, setDiscipline] = useState<Choice>(null);
  const [sex, setSex] = useState<Choice>(null);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saveFile = useSaveFile();
  const canExport = useCan('evaluation.export');
  const canPrint = useCan('evaluation.print');

  const establishments = useEstablishmentOptions('all');
  const offices = useApiQuery('regionalOffices.list', {});
  const initiatives = useApiQuery('initiatives.options', {});
  // A date still being typed is not a period yet: nothing is asked of main until both are whole days in order.
  const valid = isIsoDay(from) && isIsoDay(to) && from <= to;
  const filters: EvaluationFilters = {
    from: from ?? '',
    to: to ?? '',
    establishmentId: establishmentId === null ? null : Number(establishmentId),
    regionalOfficeId: regionalOfficeId === null ? null : Number(regionalOfficeId),
    initiativeId: initiativeId === null ? null : Number(initiativeId),
    discipline,
    sex: sex as EvaluationFilters['sex'],
  };
  const summary = useApiQuery('evaluation.summary', filters, { enabled: valid, placeholderData: keepPreviousData });

  const saved = (p: Promise<{ path: string } | null | undefined>) =>
    void p
      .then((r) => {
        setErrors({});
        if (r) setSavedPath(r.path);
      })
      .catch((err: { error?: { fields: Record<string, string> } }) => setErrors(err.error?.fields ?? {}));
  const exportChart = (chart: EvaluationChart | 'all') =>
    saved(saveFile(() => call('evaluation.export', { ...filters, chart }), { inline: true }));
  // The page printed: main draws every chart from the same filters (never the page's own markup).
  const printPdf = () => saved(saveFile(() => call('evaluation.print', filters), { inline: true }));

  const select = (label: string, value: Choice, onChange: (v: Choice) => void, data: Array<{ value: string; label: string }>) => (
    <Select
      label={label}
      value={value}
      onChange={onChange}
      data={data}
      clearable
      searchable
      placeholder={t('evaluation.page.all')}
      w={220}
    />
  );
  const periodError = isIsoDay(from) && isIsoDay(to) && from > to ? t('evaluation.errors.periodOrder') : undefined;

  return (
    <>
      <PageHeader
        title={t('evaluation.title')}
        subtitle={t('evaluation.page.subtitle')}
        actions={
          <Group gap="xs">
            {canPrint && (
              <Button leftSection={<IconPrinter size={16} />} variant="default" disabled={!valid} onClick={printPdf}>
                {t('evaluation.print.button')}
              </Button>
            )}
            {canExport && (
              <Button
                leftSection={<IconFileSpreadsheet size={16} />}
                variant="default"
                disabled={!valid}
                onClick={() => exportChart('all')}
              >
                {t('evaluation.page.exportAll')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder padding="sm" mb="md" role="search" aria-label={t('evaluation.page.filters')}>
        <Group align="flex-end" gap="sm">
          <DateField label={t('evaluation.page.from')} value={from} onChange={setFrom} error={errors.from} w={150} />
          <DateField label={t('evaluation.page.to')} value={to} onChange={setTo} error={errors.to ?? periodError} w={150} />
          {select(t('evaluation.columns.establishment'), establishmentId, setEstablishmentId, establishments)}
          {select(
            t('evaluation.columns.regionalOffice'),
            regionalOfficeId,
            setRegionalOfficeId,
            (offices.data ?? []).map((o) => ({ value: String(o.id), label: o.name })),
          )}
          {select(
            t('evaluation.page.initiative'),
            initiativeId,
            setInitiativeId,
            (initiatives.data ?? []).map((i) => ({ value: String(i.id), label: i.name })),
          )}
          {select(
            t('evaluation.page.discipline'),
            discipline,
            setDiscipline,
            (summary.data?.disciplines ?? []).map((d) => ({ value: d, label: d })),
          )}
          {select(
            t('evaluation.page.sex'),
            sex,
            setSex,
            sexes.map((s) => ({ value: s, label: t(`programmes.sexes.${s}`) })),
          )}
        </Group>
      </Card>
      <Alert variant="light" color="gray" icon={<IconShieldLock size={18} />} mb="md" p="xs">
        <Text size="sm">{t('evaluation.smallCellNote')}</Text>
      </Alert>
      {savedPath && (
        <div style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
          <SavedFileNote path={savedPath} />
        </div>
      )}
      {summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        valid && (
          <Center py="xl">
            <Loader aria-label={t('app.loading')} />
          </Center>
        )
      ) : (
        <EvaluationCharts s={summary.data} onExport={canExport ? exportChart : undefined}>
          <FollowUpCard filters={filters} enabled={valid} />
        </EvaluationCharts>
      )}
    </>
  );
}
