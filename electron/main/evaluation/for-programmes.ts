import type { Knex } from 'knex';
import { evaluationCharts, type EvaluationChart } from '../../../shared/evaluation/schemas';
import type { Locale } from '../../../shared/format';
import type { Translate } from '../i18n';
import { chartCss, chartSectionsHtml } from './print';
import { evaluationSummary } from './summary';

/**
 * What the evaluation domain offers the programmes' annual report (issue 17): the evaluation
 * page's charts for the report's period, drawn by the same code as the page's PDF, within the
 * establishments the user works with. Aggregates only, small cells "< 5".
 */

/** The charts the annual report prints (object keys: chart names that are also tables' names stay out of quotes). */
const inAnnualReport: Partial<Record<EvaluationChart, true>> = {
  reach: true,
  gap: true,
  stages: true,
  retention: true,
  attendance: true,
  events: true,
  instruments: true,
  budget: true,
};
export const annualReportCharts: readonly EvaluationChart[] = evaluationCharts.filter((k) => inAnnualReport[k]);

export async function annualReportChartsHtml(
  db: Knex,
  period: { from: string; to: string },
  userScope: number[] | null,
  t: Translate,
  locale: Locale,
): Promise<{ html: string; css: string }> {
  const summary = await evaluationSummary(db, period, userScope);
  return { html: chartSectionsHtml(summary, annualReportCharts, t, locale, 'h3'), css: chartCss };
}
