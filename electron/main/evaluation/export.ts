import {
  evaluationCharts,
  personKeys,
  type AttendanceRow,
  type BudgetRow,
  type CompletionRow,
  type EnsembleRow,
  type EvaluationChart,
  type EvaluationSummary,
  type EventRow,
  type GapRow,
  type HoursRow,
  type InstrumentRow,
  type ReachRow,
  type RetentionRow,
  type StageRow,
  type WorkshopAttendanceRow,
} from '../../../shared/evaluation/schemas';
import { cellText } from '../../../shared/evaluation/suppression';
import { addTableSheet, type Column } from '../export/table';
import { newWorkbook } from '../export/workbook';
import type { Translate } from '../i18n';

/**
 * The evaluation page's tables as XLSX: one chart's table, or every one (a sheet each), the
 * same rows the page shows. A count of fewer than 5 persons reads "< 5" (the shared rule);
 * no sheet names a person.
 */

export type Sheet = { columns: Array<Column<never>>; rows: unknown[] };
type Suppressible = { suppressed: string[] };

/** A count of persons: the number, or "< 5" when it was hidden. */
function persons<R extends Suppressible>(header: string, key: keyof R & string, width = 14): Column<R> {
  return {
    header,
    width,
    value: (r) => {
      const v = r[key] as number | null;
      return r.suppressed.includes(key) ? cellText(v, true) : v;
    },
  };
}

const percent = <R>(header: string, value: (r: R) => number | null): Column<R> => ({ header, width: 14, kind: 'percent', value });
const text = <R>(header: string, value: (r: R) => string | number | null, width = 16): Column<R> => ({ header, width, value });

type S = EvaluationSummary;

/** Each chart's table (columns and rows): what the workbook writes and the PDF prints beside its chart. */
export function evaluationSheets(s: S, t: Translate): Record<EvaluationChart, Sheet> {
  const c = (k: string) => t(`evaluation.columns.${k}`);
  const sheet = <R>(columns: Array<Column<R>>, rows: R[]): Sheet => ({ columns: columns as Array<Column<never>>, rows });
  const national: ReachRow = { establishmentId: 0, name: c('national'), regionalOfficeName: '', ...s.reach.national };
  return {
    reach: sheet<ReachRow>(
      [
        text(c('establishment'), (r) => r.name, 34),
        text(c('regionalOffice'), (r) => r.regionalOfficeName, 20),
        persons(t('evaluation.columns.participants'), personKeys.reach[0]),
        text(c('population'), (r) => r.population),
        percent(c('reach'), (r) => r.ratio),
      ],
      [...s.reach.rows, national],
    ),
    gap: sheet<GapRow>(
      [
        text(c('establishment'), (r) => r.name, 34),
        text(c('regionalOffice'), (r) => r.regionalOfficeName, 20),
        text(c('population'), (r) => r.population),
      ],
      s.gap.rows,
    ),
    stages: sheet<StageRow>(
      [text(c('stage'), (r) => t(`programmes.stages.${r.stage}`)), persons(t('evaluation.columns.enrolments'), personKeys.stages[0])],
      s.stages,
    ),
    retention: sheet<RetentionRow>(
      [
        text(c('cohort'), (r) => r.cohort, 20),
        persons(c('started'), 'started'),
        persons(c('after1'), 'after1'),
        persons(c('after3'), 'after3'),
        persons(c('after6'), 'after6'),
        percent(c('rate1'), (r) => r.rate1),
        percent(c('rate3'), (r) => r.rate3),
        percent(c('rate6'), (r) => r.rate6),
      ],
      s.retention,
    ),
    attendance: sheet<AttendanceRow>(
      [
        text(c('month'), (r) => r.month, 10),
        text(c('sessions'), (r) => r.sessions),
        persons(c('people'), 'people'),
        text(c('marks'), (r) => r.marks),
        text(c('present'), (r) => r.present),
        percent(c('rate'), (r) => r.rate),
      ],
      s.attendance,
    ),
    attendanceWorkshops: sheet<WorkshopAttendanceRow>(
      [
        text(c('workshop'), (r) => r.name, 34),
        text(c('establishment'), (r) => r.establishmentName, 30),
        text(c('sessions'), (r) => r.sessions),
        persons(c('people'), 'people'),
        percent(c('rate'), (r) => r.rate),
      ],
      s.attendanceWorkshops,
    ),
    hours: sheet<HoursRow>(
      [
        text(c('month'), (r) => r.month, 10),
        persons(c('people'), 'people'),
        text(c('hours'), (r) => r.hours),
        text(c('perParticipant'), (r) => r.perParticipant),
      ],
      s.hours,
    ),
    completions: sheet<CompletionRow>(
      [text(c('month'), (r) => r.month, 10), persons(c('completions'), 'completions'), text(c('certificates'), (r) => r.certificates)],
      s.completions,
    ),
    ensembles: sheet<EnsembleRow>(
      [
        text(c('ensembleType'), (r) => t(`programmes.ensembleTypes.${r.type}`), 24),
        text(t('evaluation.columns.ensembles'), (r) => r.ensembles),
        text(c('formed'), (r) => r.formed),
        persons(c('members'), 'members'),
      ],
      s.ensembles,
    ),
    events: sheet<EventRow>(
      [
        text(c('month'), (r) => r.month, 10),
        text(t('evaluation.columns.events'), (r) => r.events),
        persons(t('programmes.audienceGroups.internos'), 'internos'),
        persons(t('programmes.audienceGroups.familiares'), 'familiares'),
        persons(t('programmes.audienceGroups.personal'), 'personal'),
        persons(t('programmes.audienceGroups.externo'), 'externo'),
        persons(t('programmes.audienceGroups.autoridades'), 'autoridades'),
        persons(c('total'), 'total'),
      ],
      s.events,
    ),
    instruments: sheet<InstrumentRow>(
      [
        text(c('establishment'), (r) => r.name, 34),
        text(t('inventory.conditions.nuevo'), (r) => r.nuevo, 12),
        text(t('inventory.conditions.bueno'), (r) => r.bueno, 12),
        text(t('inventory.conditions.regular'), (r) => r.regular, 12),
        text(t('inventory.conditions.malo'), (r) => r.malo, 12),
        text(t('inventory.conditions.inoperativo'), (r) => r.inoperativo, 12),
        text(c('total'), (r) => r.total, 12),
      ],
      s.instruments,
    ),
    budget: sheet<BudgetRow>(
      [
        text(c('month'), (r) => r.month, 10),
        text(c('line'), (r) => t(`contracts.budgetLines.${r.line}`), 18),
        { header: c('executedPen'), width: 16, kind: 'money', value: (r) => r.pen },
        { header: c('executedUsd'), width: 16, kind: 'usd', value: (r) => r.usd },
      ],
      s.budget,
    ),
  };
}

/** The workbook of one chart's table, or of every one (chart 'all'), and how many rows it holds. */
export async function evaluationWorkbook(s: S, chart: EvaluationChart | 'all', t: Translate): Promise<{ bytes: Buffer; rows: number }> {
  const all = evaluationSheets(s, t);
  const wb = await newWorkbook();
  wb.creator = 'ArteINPE';
  wb.created = new Date();
  let rows = 0;
  const keys: readonly EvaluationChart[] = chart === 'all' ? evaluationCharts : [chart];
  for (const key of keys) {
    const { columns, rows: data } = all[key];
    addTableSheet(wb, t(`evaluation.charts.${key}`), columns, data as never[]);
    rows += data.length;
  }
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), rows };
}

/** How many rows an export of `chart` writes (what the answer reports before the file is built). */
export function exportedRows(s: S, chart: EvaluationChart | 'all', t: Translate): number {
  const all = evaluationSheets(s, t);
  const keys: readonly EvaluationChart[] = chart === 'all' ? evaluationCharts : [chart];
  return keys.reduce((a, k) => a + all[k].rows.length, 0);
}
