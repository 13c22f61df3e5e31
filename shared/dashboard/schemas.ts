import { z } from 'zod';

export const DashboardSummary = z.object({
  regionalOffices: z.number().int(),
  establishments: z.number().int(),
  activeEstablishments: z.number().int(),
  inProgramme: z.number().int(),
  inProgrammeByPopulation: z.object({ varones: z.number().int(), mujeres: z.number().int(), mixto: z.number().int() }),
  byRegionalOffice: z.array(z.object({ id: z.number().int(), name: z.string(), total: z.number().int(), inProgramme: z.number().int() })),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;

const Count = z.number().int().nonnegative();

/**
 * The home page's small charts (issue 17, item 4), each the dashboard's glance at one chart of
 * the evaluation page, within the user's establishments. A chart is null when the role does not
 * read its module (or, for the budget, when the user works with some establishments only: the
 * budget is national). Aggregates only: counts of 1 to 4 persons are null and named in
 * `suppressed` (shared/evaluation/suppression.ts), with the rate built on them.
 */
export const DashboardCharts = z.object({
  /** Instruments (things: never suppressed) by condition, today. */
  instruments: z.object({ nuevo: Count, bueno: Count, regular: Count, malo: Count, inoperativo: Count, total: Count }).nullable(),
  /** Last month and this month (so far), in that order: present marks ÷ marks. */
  attendance: z
    .array(
      z.object({
        month: z.string().regex(/^\d{4}-\d{2}$/),
        sessions: Count,
        people: Count.nullable(),
        rate: z.number().nonnegative().nullable(),
        suppressed: z.array(z.string()),
      }),
    )
    .nullable(),
  /** This year's budget per line: assigned with its modifications (null: no budget saved for the year) and executed, in céntimos. */
  budget: z
    .object({
      year: z.number().int(),
      lines: z.array(z.object({ line: z.string(), planned: z.number().int().nullable(), executed: z.number().int() })),
    })
    .nullable(),
});
export type DashboardCharts = z.infer<typeof DashboardCharts>;
/** Each small chart's figures, by name. */
export type DashboardInstruments = NonNullable<DashboardCharts['instruments']>;
export type DashboardAttendance = NonNullable<DashboardCharts['attendance']>;
export type DashboardBudget = NonNullable<DashboardCharts['budget']>;
