import { z } from 'zod';
import { IsoDate, optionalText, requiredOr } from '../ipc';
import { EstablishmentId } from '../marks';

/**
 * An establishment's population over time (issue 15): dated headcounts by sex, appended and
 * never rewritten (a correction is a new count for the same day), and the reach of the
 * programme (active participants ÷ population) per establishment and nationally. Counts only:
 * no participant is named here.
 */

/** The most people of one sex a count may hold (Lurigancho, the largest, holds about ten thousand). */
export const MAX_HEADCOUNT = 100_000;

const Headcount = z
  .number({ error: requiredOr('establishments.headcount.invalidNumber') })
  .int('establishments.headcount.invalidNumber')
  .min(0, 'establishments.headcount.invalidNumber')
  .max(MAX_HEADCOUNT, 'establishments.headcount.tooMany');

export const PopulationCountInput = z
  .object({
    establishmentId: EstablishmentId,
    countedOn: IsoDate,
    men: Headcount,
    women: Headcount,
    source: optionalText(300),
  })
  .strict()
  .refine((v) => v.men + v.women > 0, { path: ['men'], message: 'establishments.headcount.empty' });
export type PopulationCountInput = z.input<typeof PopulationCountInput>;

export const PopulationCount = z.object({
  id: z.number().int(),
  establishmentId: z.number().int(),
  countedOn: z.string(),
  men: z.number().int(),
  women: z.number().int(),
  total: z.number().int(),
  source: z.string().nullable(),
  /** A later count of the same day corrected this one: it stays in the history, no longer counted. */
  corrected: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type PopulationCount = z.infer<typeof PopulationCount>;

export const PopulationQuery = z.object({ establishmentId: EstablishmentId }).strict();

/** Men, women and their total. */
export const BySex = z.object({ men: z.number().int(), women: z.number().int(), total: z.number().int() });
export type BySex = z.infer<typeof BySex>;

export const ReachRow = z.object({
  establishmentId: z.number().int(),
  name: z.string(),
  regionalOfficeName: z.string(),
  /** The latest count (its day's newest), or null when none was recorded. */
  population: BySex.extend({ countedOn: z.string() }).nullable(),
  /** Active participants of the programme at the establishment (counted, never named). */
  participants: BySex,
  /** Participants ÷ population × 100, one decimal; null without a count. */
  reachPercent: z.number().nullable(),
});
export type ReachRow = z.infer<typeof ReachRow>;

export const ReachReport = z.object({
  rows: z.array(ReachRow),
  /** Every establishment of the programme the user works with (all of them: the national line). */
  national: z.object({
    /** The sum of the latest counts; null when no establishment has one. */
    population: BySex.nullable(),
    participants: BySex,
    /** The participants of the establishments with a count ÷ their population × 100; null without a count. */
    reachPercent: z.number().nullable(),
    establishments: z.number().int(),
    counted: z.number().int(),
  }),
  /** The user works with some establishments only: the total line is theirs, not the country's. */
  scoped: z.boolean(),
});
export type ReachReport = z.infer<typeof ReachReport>;

/** Participants ÷ population as a percentage with one decimal; null when there is no population. */
export const reachPercent = (participants: number, population: number | null): number | null =>
  population === null || population <= 0 ? null : Math.round((participants * 1000) / population) / 10;
