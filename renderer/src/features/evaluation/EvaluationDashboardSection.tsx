import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { budgetLines } from '../../../../shared/contracts/rules';
import type { DashboardCharts } from '../../../../shared/dashboard/schemas';
import type { EvaluationChart } from '../../../../shared/evaluation/schemas';
import { conditions } from '../../../../shared/inventory/rules';
import { useApiQuery } from '../../api';
import { DashboardSection } from '../../components/DashboardParts';
import { useCount, useNumber, usePercent, usePeriodLabel } from '../../components/numbers';
import { useMoney } from '../../components/money';
import { useCan } from '../../components/session';
import { chartAnchor } from './ChartCard';
import { evaluationPath } from './paths';

const H = 170;
type AttendanceMonth = NonNullable<DashboardCharts['attendance']>[number];
const conditionColors = ['teal.6', 'green.6', 'yellow.6', 'orange.6', 'red.6'];

/**
 * One small chart of the home page: its title, the chart (hidden from screen readers), the
 * sentence that says the same in words, and a link to the evaluation page at that chart
 * (for a role that may open the page).
 */
function SmallChart({ chart, title, summary, children }: { chart: EvaluationChart; title: string; summary: string; children: ReactNode }) {
  const { t } = useTranslation();
  const canOpen = useCan('evaluation.summary');
  return (
    <Card
      withBorder
      padding="md"
      role="region"
      aria-label={title}
      data-testid={`dashboard-chart-${chart}`}
      style={{ display: 'flex', flexDirection: 'column' }}
    >
      <Text fw={600} size="sm" mb="xs" truncate>
        {title}
      </Text>
      <div aria-hidden>{children}</div>
      <Text size="xs" c="dimmed" mt="xs" style={{ flex: 1 }}>
        {summary}
      </Text>
      {canOpen && (
        <Anchor
          component={Link}
          to={`${evaluationPath}#${chartAnchor(chart)}`}
          size="sm"
          mt="xs"
          style={{ alignSelf: 'flex-end' }}
          aria-label={t('evaluation.dashboard.seeChartInEvaluation', { chart: title })}
        >
          {t('evaluation.dashboard.seeInEvaluation')}
        </Anchor>
      )}
    </Card>
  );
}

function InstrumentsChart({ d }: { d: NonNullable<DashboardCharts['instruments']> }) {
  const { t } = useTranslation();
  const count = useCount();
  const label = (k: (typeof conditions)[number]) => t(`inventory.conditions.${k}`);
  const parts = conditions.map((k) => `${count(d[k])} ${label(k).toLowerCase()}`).join(', ');
  // One series per condition, each bar holding only its own: every bar in its condition's colour.
  return (
    <SmallChart
      chart="instruments"
      title={t('evaluation.dashboard.instruments')}
      summary={t('evaluation.dashboard.instrumentsSummary', { total: count(d.total), parts })}
    >
      <BarChart
        h={H}
        type="stacked"
        data={conditions.map((k) => ({ condition: label(k), [k]: d[k] }))}
        dataKey="condition"
        series={conditions.map((k, i) => ({ name: k, label: label(k), color: conditionColors[i]! }))}
        valueFormatter={count}
        withTooltip={false}
        withBarValueLabel
        // Each bar labels its own condition only (the other series are empty there).
        valueLabelProps={{ formatter: (v: unknown) => (typeof v === 'number' && v > 0 ? count(v) : '') }}
        gridAxis="none"
        withYAxis={false}
        tickLine="none"
      />
    </SmallChart>
  );
}

function AttendanceChart({ d }: { d: NonNullable<DashboardCharts['attendance']> }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const decimal = useNumber();
  const period = usePeriodLabel();
  const [last, current] = d as [AttendanceMonth, AttendanceMonth];
  const month = (m: AttendanceMonth, soFar: boolean) =>
    soFar ? t('evaluation.dashboard.attendanceSoFar', { month: period(m.month) }) : period(m.month);
  const rateText = (m: AttendanceMonth) =>
    m.suppressed.length > 0
      ? t('evaluation.dashboard.attendanceSmall')
      : m.rate === null
        ? t('evaluation.dashboard.attendanceNoMarks')
        : percent(m.rate);
  const summary = [last, current]
    .map((m, i) => t('evaluation.dashboard.attendanceMonth', { month: month(m, i === 1), rate: rateText(m) }))
    .join(' · ');
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return (
    <SmallChart chart="attendance" title={t('evaluation.dashboard.attendance')} summary={summary}>
      <BarChart
        h={H}
        data={[last, current].map((m) => ({ month: period(m.month), rate: pct(m.rate) }))}
        dataKey="month"
        series={[{ name: 'rate', label: t('evaluation.dashboard.attendanceRate'), color: 'blue.6' }]}
        yAxisProps={{ domain: [0, 100], width: 60 }}
        valueFormatter={(v) => `${decimal(v)} %`}
        withTooltip={false}
        withBarValueLabel
        // A month without a rate (no marks, or fewer than 5 persons) has no bar and no label: its sentence says why.
        valueLabelProps={{ formatter: (v: unknown) => (typeof v === 'number' ? `${decimal(v)} %` : '') }}
        gridAxis="x"
        tickLine="none"
        maxBarWidth={72}
      />
    </SmallChart>
  );
}

function BudgetChart({ d }: { d: NonNullable<DashboardCharts['budget']> }) {
  const { t } = useTranslation();
  const money = useMoney();
  const percent = usePercent();
  const planned = d.lines.reduce((a, l) => a + (l.planned ?? 0), 0);
  const executed = d.lines.reduce((a, l) => a + l.executed, 0);
  const summary =
    planned > 0
      ? t('evaluation.dashboard.budgetSummary', { executed: money(executed), planned: money(planned), share: percent(executed / planned) })
      : t('evaluation.dashboard.budgetNoPlan', { executed: money(executed) });
  return (
    <SmallChart chart="budget" title={t('evaluation.dashboard.budget', { year: d.year })} summary={summary}>
      <BarChart
        h={H}
        orientation="vertical"
        data={budgetLines.map((line) => {
          const l = d.lines.find((x) => x.line === line);
          return { line: t(`contracts.budgetLines.${line}`), planned: (l?.planned ?? 0) / 100, executed: (l?.executed ?? 0) / 100 };
        })}
        dataKey="line"
        series={[
          { name: 'planned', label: t('evaluation.dashboard.planned'), color: 'gray.4' },
          { name: 'executed', label: t('evaluation.dashboard.executed'), color: 'teal.6' },
        ]}
        yAxisProps={{ width: 96 }}
        withXAxis={false}
        gridAxis="none"
        tickLine="none"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 24 }}
        withTooltip={false}
        barChartProps={{ barGap: 1, barCategoryGap: 3 }}
      />
    </SmallChart>
  );
}

/**
 * The home page's small charts (issue 17, item 4): instruments by condition, attendance this
 * month against the last, the year's budget execution, each as the role may see it
 * (dashboard.charts answers null for a chart whose module the role does not read) and each a
 * link to its chart on the evaluation page. Loaded on demand with the charts' code, never with
 * the sign-in screen.
 */
export function EvaluationDashboardSection() {
  const { t } = useTranslation();
  const charts = useApiQuery('dashboard.charts', {});
  const c = charts.data;
  // A chart with nothing to compare yet (a new database, a year without budget) is left out, and so is the section.
  const instruments = c?.instruments && c.instruments.total > 0 ? c.instruments : null;
  const attendance = c?.attendance?.some((m) => m.sessions > 0) ? c.attendance : null;
  const budget = c?.budget?.lines.some((l) => (l.planned ?? 0) > 0 || l.executed > 0) ? c.budget : null;
  if (!instruments && !attendance && !budget) return null;
  return (
    <DashboardSection title={t('evaluation.dashboard.title')} testId="evaluation-dashboard">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {instruments && <InstrumentsChart d={instruments} />}
        {attendance && <AttendanceChart d={attendance} />}
        {budget && <BudgetChart d={budget} />}
      </SimpleGrid>
    </DashboardSection>
  );
}
