import { z } from 'zod';
import { Id, IsoDate } from '../ipc';
import { EstablishmentId } from '../marks';

/**
 * The evaluation page (issue 17, item 2): its filters and every chart's rows. Aggregates only:
 * no row names a person. Counts of persons below 5 are null and named in the row's
 * `suppressed` (shared/evaluation/suppression.ts); the renderer shows them as "< 5".
 */

export const sexes = ['masculino', 'femenino'] as const;

/** The charts of the page, each one table (and one sheet of the export). */
export const evaluationCharts = [
  'reach',
  'gap',
  'stages',
  'retention',
  'attendance',
  'attendanceWorkshops',
  'hours',
  'completions',
  'ensembles',
  'events',
  'instruments',
  'budget',
] as const;
export type EvaluationChart = (typeof evaluationCharts)[number];

/** The longest period the page compares, in years (its rows stay small). */
export const MAX_PERIOD_YEARS = 10;

const filterShape = {
  from: IsoDate,
  to: IsoDate,
  establishmentId: EstablishmentId.nullish(),
  regionalOfficeId: Id.nullish(),
  initiativeId: Id.nullish(),
  discipline: z.string({ error: 'errors.invalid' }).trim().min(1, 'errors.required').max(120).nullish(),
  sex: z.enum(sexes, { error: 'errors.choose' }).nullish(),
};

type Period = { from: string; to: string };
const inOrder = (p: Period) => p.from <= p.to;
const notTooLong = (p: Period) => Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) < MAX_PERIOD_YEARS;

export const EvaluationFilters = z
  .object(filterShape)
  .strict()
  .refine(inOrder, { path: ['to'], message: 'evaluation.errors.periodOrder' })
  .refine(notTooLong, { path: ['to'], message: 'evaluation.errors.periodTooLong' });
export type EvaluationFilters = z.output<typeof EvaluationFilters>;

export const EvaluationExport = z
  .object({ ...filterShape, chart: z.enum([...evaluationCharts, 'all'], { error: 'errors.choose' }) })
  .strict()
  .refine(inOrder, { path: ['to'], message: 'evaluation.errors.periodOrder' })
  .refine(notTooLong, { path: ['to'], message: 'evaluation.errors.periodTooLong' });
export type EvaluationExport = z.output<typeof EvaluationExport>;

const Count = z.number().int().nonnegative();
/** A count of persons: null when it was 1 to 4 (named in the row's `suppressed`). */
const Persons = Count.nullable();
const Rate = z.number().nonnegative().nullable();
const Month = z.string().regex(/^\d{4}-\d{2}$/);
const Suppressed = z.array(z.string());

const ReachRow = z.object({
  establishmentId: z.number().int(),
  name: z.string(),
  regionalOfficeName: z.string(),
  participants: Persons,
  /** The latest count on or before the period's end (of the sex filtered, if any); null: never counted. */
  population: Count.nullable(),
  ratio: Rate,
  suppressed: Suppressed,
});

const GapRow = z.object({
  establishmentId: z.number().int(),
  name: z.string(),
  regionalOfficeName: z.string(),
  population: Count.nullable(),
});

export const EvaluationSummary = z.object({
  from: IsoDate,
  to: IsoDate,
  reach: z.object({
    /** The establishments served: with a participant in the period. */
    rows: z.array(ReachRow),
    national: z.object({ participants: Persons, population: Count.nullable(), ratio: Rate, suppressed: Suppressed }),
  }),
  /** The access gap: active establishments of the filter without a participant in the period. */
  gap: z.object({
    served: Count,
    establishments: Count,
    unservedPopulation: Count,
    rows: z.array(GapRow),
  }),
  /** Enrolments overlapping the period by their stage. */
  stages: z.array(z.object({ stage: z.string(), enrolments: Persons, suppressed: Suppressed })),
  /** Cohorts by the month of each participant's first enrolment in the period; afterN null (not suppressed) until N months have passed by the period's end. */
  retention: z.array(
    z.object({
      cohort: Month,
      started: Persons,
      after1: Persons,
      after3: Persons,
      after6: Persons,
      rate1: Rate,
      rate3: Rate,
      rate6: Rate,
      suppressed: Suppressed,
    }),
  ),
  /** Present marks ÷ marks, per month; `people`: participants marked. */
  attendance: z.array(
    z.object({
      month: Month,
      sessions: Count,
      people: Persons,
      marks: Count.nullable(),
      present: Count.nullable(),
      rate: Rate,
      suppressed: Suppressed,
    }),
  ),
  /** The workshops with most sessions in the period (the names of workshops, never of persons). */
  attendanceWorkshops: z.array(
    z.object({
      workshopId: z.number().int(),
      name: z.string(),
      establishmentName: z.string(),
      sessions: Count,
      people: Persons,
      rate: Rate,
      months: z.array(z.object({ month: Month, rate: Rate, suppressed: z.boolean() })),
      suppressed: Suppressed,
    }),
  ),
  /** Session hours × present marks ÷ participants present, per month. */
  hours: z.array(
    z.object({ month: Month, hours: z.number().nonnegative().nullable(), people: Persons, perParticipant: Rate, suppressed: Suppressed }),
  ),
  /** Workshop enrolments completed, and certificates issued (the personal-data log: national, null when a filter narrows the page). */
  completions: z.array(z.object({ month: Month, completions: Persons, certificates: Count.nullable(), suppressed: Suppressed })),
  ensembles: z.array(z.object({ type: z.string(), ensembles: Count, formed: Count, members: Persons, suppressed: Suppressed })),
  events: z.array(
    z.object({
      month: Month,
      events: Count,
      internos: Persons,
      familiares: Persons,
      personal: Persons,
      externo: Persons,
      autoridades: Persons,
      total: Persons,
      suppressed: Suppressed,
    }),
  ),
  /** Instruments (things, not persons: never suppressed) by condition in each establishment. */
  instruments: z.array(
    z.object({
      establishmentId: z.number().int(),
      name: z.string(),
      nuevo: Count,
      bueno: Count,
      regular: Count,
      malo: Count,
      inoperativo: Count,
      total: Count,
    }),
  ),
  /** Executed per line and month in céntimos, and in US cents at that year's exchange rate (null: no rate). */
  budget: z.array(z.object({ month: Month, line: z.string(), pen: z.number().int(), usd: z.number().int().nullable() })),
  /** Each year's assigned budget per line (with its modifications). */
  budgetLines: z.array(z.object({ year: z.number().int(), line: z.string(), pen: z.number().int(), usd: z.number().int().nullable() })),
  /** The workshops' disciplines (of the user's establishments), as written: the discipline filter's choices. */
  disciplines: z.array(z.string()),
});
export type EvaluationSummary = z.output<typeof EvaluationSummary>;

/**
 * What each owner's repository/for-evaluation.ts is asked: the period and the filters resolved by the
 * evaluation domain (`establishmentIds` null: every establishment the user works with).
 */
export interface EvaluationScope {
  from: string;
  to: string;
  establishmentIds: number[] | null;
  initiativeId: number | null;
  discipline: string | null;
  sex: (typeof sexes)[number] | null;
}

/** Each chart's rows, by name (what a table and an export column read). */
export type ReachRow = EvaluationSummary['reach']['rows'][number];
export type GapRow = EvaluationSummary['gap']['rows'][number];
export type StageRow = EvaluationSummary['stages'][number];
export type RetentionRow = EvaluationSummary['retention'][number];
export type AttendanceRow = EvaluationSummary['attendance'][number];
export type WorkshopAttendanceRow = EvaluationSummary['attendanceWorkshops'][number];
export type HoursRow = EvaluationSummary['hours'][number];
export type CompletionRow = EvaluationSummary['completions'][number];
export type EnsembleRow = EvaluationSummary['ensembles'][number];
export type EventRow = EvaluationSummary['events'][number];
export type InstrumentRow = EvaluationSummary['instruments'][number];
export type BudgetRow = EvaluationSummary['budget'][number];

/** The fields of each chart's rows that count persons: hidden below 5 (shared/evaluation/suppression.ts). */
export const personKeys = {
  reach: ['participants'],
  stages: ['enrolments'],
  retention: ['started', 'after1', 'after3', 'after6'],
  attendance: ['people'],
  hours: ['people'],
  completions: ['completions'],
  ensembles: ['members'],
  events: ['internos', 'familiares', 'personal', 'externo', 'autoridades', 'total'],
} as const;

/**
 * Follow-up after release (issue 17, item 3), aggregate only: per year or month of release,
 * releases, those who said they wish to continue their artistic practice, those referred to a
 * partner's cultural programme, and re-entries within 12 and 24 months (among the releases whose
 * 12 or 24 months had elapsed by `asOf`: `due12`, `due24`). Every count is of persons: 1 to 4 is
 * null and named in `suppressed` ("< 5"); a rate of a hidden count is null.
 */
const FollowUpRow = z.object({
  period: z.string().regex(/^\d{4}(-\d{2})?$/),
  released: Persons,
  continuing: Persons,
  referred: Persons,
  due12: Persons,
  reentered12: Persons,
  due24: Persons,
  reentered24: Persons,
  continuingRate: Rate,
  referredRate: Rate,
  reentry12Rate: Rate,
  reentry24Rate: Rate,
  suppressed: Suppressed,
});
export type FollowUpRow = z.output<typeof FollowUpRow>;

export const EvaluationFollowUp = z.object({
  from: IsoDate,
  to: IsoDate,
  /** The day the 12 and 24 months are counted to (today). */
  asOf: IsoDate,
  years: z.array(FollowUpRow),
  months: z.array(FollowUpRow),
  total: FollowUpRow.omit({ period: true }),
});
export type EvaluationFollowUp = z.output<typeof EvaluationFollowUp>;

export const followUpPersonKeys = ['released', 'continuing', 'referred', 'due12', 'reentered12', 'due24', 'reentered24'] as const;
