import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { budgetLines } from '../../../../shared/contracts/rules';
import type { EvaluationChart, EvaluationSummary } from '../../../../shared/evaluation/schemas';
import { conditions } from '../../../../shared/inventory/rules';
import { audienceGroups } from '../../../../shared/programmes/rules';
import { formatNumber, useCount, useNumber, usePercent, usePeriodLabel } from '../../components/numbers';
import { useMoney } from '../../components/money';
import { chartAnchor, ChartCard, ChartTable, type Column } from './ChartCard';

const H = 260;
const palette = ['teal.6', 'blue.6', 'grape.6', 'orange.6', 'red.6', 'gray.6'];
/** A rate (0…1) as a percentage for a chart's axis; null stays a gap. */
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/**
 * Every chart of the evaluation page, from one summary: what each draws and the table of the
 * same rows. Counts of persons below 5 arrive null (shared/evaluation/suppression.ts) and
 * read "< 5" in the tables; a chart leaves them out.
 */
export function EvaluationCharts({
  s,
  onExport,
  children,
}: {
  s: EvaluationSummary;
  onExport?: (chart: EvaluationChart) => void;
  /** Further cards, after the summary's (the follow-up after release). */
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const count = useCount();
  const percent = usePercent();
  const decimal = useNumber();
  const money = useMoney();
  const month = usePeriodLabel();
  const c = (k: string) => t(`evaluation.columns.${k}`);
  const usd = (cents: number) => `US$ ${formatNumber(cents / 100, i18n.language, 2)}`;
  const rateCol = (key: string, label = c(key)): Column<object> => ({ key, label, format: (v) => percent(v) });
  const countCol = (key: string, label = c(key)): Column<object> => ({ key, label, format: count });
  const card = (chart: EvaluationChart, empty: boolean, view: React.ReactNode, table: React.ReactNode, hint?: string) => (
    <ChartCard
      key={chart}
      id={chartAnchor(chart)}
      title={t(`evaluation.charts.${chart}`)}
      hint={hint}
      empty={empty}
      chart={view}
      table={table}
      onExport={onExport && (() => onExport(chart))}
    />
  );
  const percentAxis = { valueFormatter: (v: number) => `${decimal(v)} %` };
  const stageLabel = (k: string) => t(`programmes.stages.${k}`);

  const national = { name: c('national'), regionalOfficeName: '', establishmentId: 0, ...s.reach.national };
  const servedPopulation = s.reach.rows.reduce((n, r) => n + (r.population ?? 0), 0);
  // Establishments never counted add nothing to the unserved population: the hint says how many.
  const uncounted = s.gap.rows.filter((r) => r.population === null).length;
  const budgetByMonth = [...new Set(s.budget.map((b) => b.month))].map((m) => ({
    month: month(m),
    ...Object.fromEntries(s.budget.filter((b) => b.month === m).map((b) => [b.line, b.pen / 100])),
  }));
  const events = s.events.map((e) => ({ ...e, label: month(e.month) }));

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      {card(
        'reach',
        s.reach.rows.length === 0,
        <BarChart
          h={Math.max(H, s.reach.rows.length * 30)}
          orientation="vertical"
          data={s.reach.rows.map((r) => ({ name: r.name, reach: pct(r.ratio) }))}
          dataKey="name"
          yAxisProps={{ width: 160 }}
          series={[{ name: 'reach', label: c('reach'), color: 'teal.6' }]}
          {...percentAxis}
        />,
        <ChartTable
          label={t('evaluation.charts.reach')}
          rows={s.reach.rows}
          total={national}
          columns={[
            { key: 'name', label: c('establishment'), text: (r) => r.name },
            { key: 'regionalOfficeName', label: c('regionalOffice'), text: (r) => r.regionalOfficeName },
            countCol('participants'),
            countCol('population'),
            rateCol('ratio', c('reach')),
          ]}
        />,
      )}
      {card(
        'gap',
        s.gap.establishments === 0,
        <DonutChart
          h={H}
          mx="auto"
          withLabelsLine
          withLabels
          valueFormatter={count}
          data={[
            { name: t('evaluation.page.servedPopulation'), value: servedPopulation, color: 'teal.6' },
            { name: t('evaluation.page.unservedPopulation'), value: s.gap.unservedPopulation, color: 'gray.5' },
          ]}
        />,
        <ChartTable
          label={t('evaluation.charts.gap')}
          rows={s.gap.rows}
          columns={[
            { key: 'name', label: c('establishment'), text: (r) => r.name },
            { key: 'regionalOfficeName', label: c('regionalOffice'), text: (r) => r.regionalOfficeName },
            countCol('population'),
          ]}
        />,
        [
          t('evaluation.gapSummary', {
            served: s.gap.served,
            total: s.gap.establishments,
            population: count(s.gap.unservedPopulation),
          }),
          uncounted > 0 ? t('evaluation.page.uncounted', { count: uncounted }) : '',
        ].join(' '),
      )}
      {card(
        'stages',
        s.stages.every((r) => r.enrolments === 0),
        <BarChart
          h={H}
          data={s.stages.map((r) => ({ stage: stageLabel(r.stage), enrolments: r.enrolments }))}
          dataKey="stage"
          series={[{ name: 'enrolments', label: c('enrolments'), color: 'blue.6' }]}
          valueFormatter={count}
        />,
        <ChartTable
          label={t('evaluation.charts.stages')}
          rows={s.stages}
          columns={[{ key: 'stage', label: c('stage'), text: (r) => stageLabel(r.stage) }, countCol('enrolments')]}
        />,
      )}
      {card(
        'retention',
        s.retention.length === 0,
        <LineChart
          h={H}
          data={s.retention.map((r) => ({ cohort: month(r.cohort), rate1: pct(r.rate1), rate3: pct(r.rate3), rate6: pct(r.rate6) }))}
          dataKey="cohort"
          withLegend
          series={(['rate1', 'rate3', 'rate6'] as const).map((k, i) => ({ name: k, label: c(k), color: palette[i]! }))}
          {...percentAxis}
        />,
        <ChartTable
          label={t('evaluation.charts.retention')}
          rows={s.retention}
          columns={[
            { key: 'cohort', label: c('cohort'), text: (r) => month(r.cohort) },
            countCol('started'),
            countCol('after1'),
            countCol('after3'),
            countCol('after6'),
            rateCol('rate1'),
            rateCol('rate3'),
            rateCol('rate6'),
          ]}
        />,
      )}
      {card(
        'attendance',
        s.attendance.length === 0,
        <LineChart
          h={H}
          data={s.attendance.map((r) => ({ month: month(r.month), rate: pct(r.rate) }))}
          dataKey="month"
          series={[{ name: 'rate', label: c('rate'), color: 'teal.6' }]}
          {...percentAxis}
        />,
        <ChartTable
          label={t('evaluation.charts.attendance')}
          rows={s.attendance}
          columns={[
            { key: 'month', label: c('month'), text: (r) => month(r.month) },
            countCol('sessions'),
            countCol('people'),
            countCol('marks'),
            countCol('present'),
            rateCol('rate'),
          ]}
        />,
      )}
      {card(
        'attendanceWorkshops',
        s.attendanceWorkshops.length === 0,
        <BarChart
          h={Math.max(H, s.attendanceWorkshops.length * 34)}
          orientation="vertical"
          data={s.attendanceWorkshops.map((r) => ({ name: `${r.name} (${r.establishmentName})`, rate: pct(r.rate) }))}
          dataKey="name"
          yAxisProps={{ width: 230 }}
          series={[{ name: 'rate', label: c('rate'), color: 'blue.6' }]}
          {...percentAxis}
        />,
        <ChartTable
          label={t('evaluation.charts.attendanceWorkshops')}
          rows={s.attendanceWorkshops}
          columns={[
            { key: 'name', label: c('workshop'), text: (r) => r.name },
            { key: 'establishmentName', label: c('establishment'), text: (r) => r.establishmentName },
            countCol('sessions'),
            countCol('people'),
            rateCol('rate'),
          ]}
        />,
      )}
      {card(
        'hours',
        s.hours.length === 0,
        <BarChart
          h={H}
          data={s.hours.map((r) => ({ month: month(r.month), perParticipant: r.perParticipant }))}
          dataKey="month"
          series={[{ name: 'perParticipant', label: c('perParticipant'), color: 'grape.6' }]}
          valueFormatter={decimal}
        />,
        <ChartTable
          label={t('evaluation.charts.hours')}
          rows={s.hours}
          columns={[
            { key: 'month', label: c('month'), text: (r) => month(r.month) },
            { key: 'hours', label: c('hours'), format: decimal },
            countCol('people'),
            { key: 'perParticipant', label: c('perParticipant'), format: decimal },
          ]}
        />,
      )}
      {card(
        'completions',
        s.completions.length === 0,
        <BarChart
          h={H}
          data={s.completions.map((r) => ({ month: month(r.month), completions: r.completions, certificates: r.certificates }))}
          dataKey="month"
          withLegend
          series={[
            { name: 'completions', label: c('completions'), color: 'teal.6' },
            { name: 'certificates', label: c('certificates'), color: 'orange.6' },
          ]}
          valueFormatter={count}
        />,
        <ChartTable
          label={t('evaluation.charts.completions')}
          rows={s.completions}
          columns={[{ key: 'month', label: c('month'), text: (r) => month(r.month) }, countCol('completions'), countCol('certificates')]}
        />,
      )}
      {card(
        'ensembles',
        s.ensembles.every((r) => r.ensembles === 0),
        <BarChart
          h={H}
          data={s.ensembles.map((r) => ({ type: t(`programmes.ensembleTypes.${r.type}`), ensembles: r.ensembles, members: r.members }))}
          dataKey="type"
          withLegend
          series={[
            { name: 'ensembles', label: c('ensembles'), color: 'blue.6' },
            { name: 'members', label: c('members'), color: 'teal.6' },
          ]}
          valueFormatter={count}
        />,
        <ChartTable
          label={t('evaluation.charts.ensembles')}
          rows={s.ensembles}
          columns={[
            { key: 'type', label: c('ensembleType'), text: (r) => t(`programmes.ensembleTypes.${r.type}`) },
            countCol('ensembles'),
            countCol('formed'),
            countCol('members'),
          ]}
        />,
      )}
      {card(
        'events',
        s.events.length === 0,
        <BarChart
          h={H}
          type="stacked"
          data={events}
          dataKey="label"
          withLegend
          series={audienceGroups.map((g, i) => ({ name: g, label: t(`programmes.audienceGroups.${g}`), color: palette[i]! }))}
          valueFormatter={count}
        />,
        <ChartTable
          label={t('evaluation.charts.events')}
          rows={events}
          columns={[
            { key: 'label', label: c('month'), text: (r) => r.label },
            countCol('events'),
            ...audienceGroups.map((g) => countCol(g, t(`programmes.audienceGroups.${g}`))),
            countCol('total'),
          ]}
        />,
      )}
      {card(
        'instruments',
        s.instruments.length === 0,
        <BarChart
          h={Math.max(H, s.instruments.length * 30)}
          orientation="vertical"
          type="stacked"
          data={s.instruments}
          dataKey="name"
          yAxisProps={{ width: 160 }}
          withLegend
          series={conditions.map((k, i) => ({ name: k, label: t(`inventory.conditions.${k}`), color: palette[i]! }))}
          valueFormatter={count}
        />,
        <ChartTable
          label={t('evaluation.charts.instruments')}
          rows={s.instruments}
          columns={[
            { key: 'name', label: c('establishment'), text: (r) => r.name },
            ...conditions.map((k) => countCol(k, t(`inventory.conditions.${k}`))),
            countCol('total'),
          ]}
        />,
      )}
      {card(
        'budget',
        s.budget.length === 0,
        <BarChart
          h={H}
          type="stacked"
          data={budgetByMonth}
          dataKey="month"
          withLegend
          series={budgetLines.map((l, i) => ({ name: l, label: t(`contracts.budgetLines.${l}`), color: palette[i]! }))}
          valueFormatter={(v) => money(Math.round(v * 100))}
        />,
        <ChartTable
          label={t('evaluation.charts.budget')}
          rows={s.budget}
          columns={[
            { key: 'month', label: c('month'), text: (r) => month(r.month) },
            { key: 'line', label: c('line'), text: (r) => t(`contracts.budgetLines.${r.line}`) },
            { key: 'pen', label: c('executedPen'), format: money },
            { key: 'usd', label: c('executedUsd'), format: usd },
          ]}
        />,
      )}
      {children}
    </SimpleGrid>
  );
}
