import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { EvaluationFilters, FollowUpRow } from '../../../../shared/evaluation/schemas';
import { useApiQuery } from '../../api';
import { formatDate } from '../../../../shared/format';
import { useCount, usePercent, usePeriodLabel } from '../../components/numbers';
import { ChartCard, ChartTable, type Column } from './ChartCard';

const counts = ['released', 'continuing', 'referred', 'reentered12', 'reentered24'] as const;
const colors = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'red.6'];

/**
 * Follow-up after release (aggregate only): releases per year (or per month when the period is
 * one year), those who wish to continue their practice, those referred, and re-entries within
 * 12 and 24 months among the releases whose months have passed. Counts of 1 to 4 persons read
 * "< 5"; never a name, never a row per person, no export.
 */
export function FollowUpCard({ filters, enabled }: { filters: EvaluationFilters; enabled: boolean }) {
  const { t } = useTranslation();
  const count = useCount();
  const percent = usePercent();
  const month = usePeriodLabel();
  const follow = useApiQuery('evaluation.followUp', filters, { enabled });
  const f = follow.data;
  if (!f) return null;
  const k = (key: string) => t(`evaluation.page.followUp.${key}`);
  const rows = f.years.length > 1 ? f.years : f.months;
  const label = (r: FollowUpRow) => (r.period.length === 7 ? month(r.period) : r.period);
  const countCol = (key: string): Column<object> => ({ key, label: k(key), format: count });
  const rateCol = (key: string): Column<object> => ({ key, label: k(key), format: (v) => percent(v) });
  return (
    <ChartCard
      title={t('evaluation.page.followUp.title')}
      hint={t('evaluation.page.followUp.hint', { date: formatDate(f.asOf) })}
      empty={rows.length === 0}
      chart={
        <BarChart
          h={260}
          data={rows.map((r) => ({ period: label(r), ...Object.fromEntries(counts.map((c) => [c, r[c]])) }))}
          dataKey="period"
          withLegend
          series={counts.map((c, i) => ({ name: c, label: k(c), color: colors[i]! }))}
          valueFormatter={count}
        />
      }
      table={
        <ChartTable
          label={t('evaluation.page.followUp.title')}
          rows={rows}
          total={{ ...f.total, period: k('total') }}
          columns={[
            { key: 'period', label: k('period'), text: (r) => (r.period === k('total') ? r.period : label(r)) },
            countCol('released'),
            countCol('continuing'),
            rateCol('continuingRate'),
            countCol('referred'),
            rateCol('referredRate'),
            countCol('due12'),
            countCol('reentered12'),
            rateCol('reentry12Rate'),
            countCol('due24'),
            countCol('reentered24'),
            rateCol('reentry24Rate'),
          ]}
        />
      }
    />
  );
}
