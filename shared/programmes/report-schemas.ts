import { z } from 'zod';
import { IsoDate, optionalText, pageOf, requiredOr } from '../ipc';
import { audienceGroups, culturalDomains, unescoGoals } from './rules';
import { ProgrammeSchema, EnsembleTypeSchema, EventTypeSchema, PartnerTypeSchema, byId } from './schema-helpers';
import { Workshop } from './workshop-schemas';
import { Participant } from './participant-schemas';

// ── Reports and the dashboard ───────────────────────────────────────────────────

export const Period = z
  .object({ from: IsoDate, to: IsoDate })
  .strict()
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'programmes.errors.periodOrder' });

export const AnnualReportRequest = z
  .object({ from: IsoDate, to: IsoDate, format: z.enum(['xlsx', 'pdf'], { error: 'errors.choose' }) })
  .strict()
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'programmes.errors.periodOrder' });

/** The UNESCO entry as a file: the same entry in each format (DOCX for Word, text for the online form). */
export const UnescoExportRequest = z
  .object({ from: IsoDate, to: IsoDate, format: z.enum(['docx', 'pdf', 'txt', 'xlsx'], { error: 'errors.choose' }) })
  .strict()
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'programmes.errors.periodOrder' });

const UnescoYear = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .min(2000)
  .max(2100);
export const UnescoTextsQuery = z.object({ year: UnescoYear }).strict();

/** What the office writes for a year's entry; `version` null: never saved for that year. */
export const UnescoTexts = z.object({
  year: z.number().int(),
  mainFeatures: z.string(),
  evaluated: z.boolean().nullable(),
  conclusions: z.string(),
  goals: z.array(z.enum(unescoGoals)),
  domains: z.array(z.enum(culturalDomains)),
  version: z.number().int().nullable(),
});
export type UnescoTexts = z.infer<typeof UnescoTexts>;

export const UnescoTextsSave = z
  .object({
    year: UnescoYear,
    mainFeatures: optionalText(8000).transform((v) => v ?? ''),
    evaluated: z.boolean().nullable(),
    conclusions: optionalText(8000).transform((v) => v ?? ''),
    goals: z.array(z.enum(unescoGoals, { error: 'errors.choose' })).max(unescoGoals.length),
    domains: z.array(z.enum(culturalDomains, { error: 'errors.choose' })).max(culturalDomains.length),
    /** The version the user saw (null: the year had no texts yet). */
    version: z.number().int().positive().nullable(),
  })
  .strict();
export type UnescoTextsSave = z.input<typeof UnescoTextsSave>;

const Count = z.number().int();

/** The programme's figures for a period: aggregates only, never a participant's name. */
export const ProgrammeFigures = z.object({
  from: z.string(),
  to: z.string(),
  participants: z.object({ total: Count, men: Count, women: Count, active: Count, new: Count }),
  establishments: z.object({ total: Count, men: Count, women: Count, mixed: Count }),
  byEstablishment: z.array(
    z.object({
      name: z.string(),
      population: z.string(),
      participants: Count,
      men: Count,
      women: Count,
      workshops: Count,
      ensembles: Count,
    }),
  ),
  byProgramme: z.array(z.object({ programme: ProgrammeSchema, workshops: Count, participants: Count, sessions: Count, hours: z.number() })),
  workshops: z.object({ total: Count, sessions: Count, hours: z.number() }),
  ensembles: z.object({ total: Count, members: Count, byType: z.array(z.object({ type: EnsembleTypeSchema, count: Count })) }),
  events: z.object({
    total: Count,
    byType: z.array(z.object({ type: EventTypeSchema, count: Count, audience: Count })),
    audience: z.object(Object.fromEntries(audienceGroups.map((g) => [g, Count])) as Record<(typeof audienceGroups)[number], typeof Count>),
    totalAudience: Count,
  }),
  partners: z.array(z.object({ name: z.string(), type: PartnerTypeSchema, events: Count, agreements: Count })),
  agreementsInForce: Count,
  evaluation: z.object({
    /** Enrolments that ended in the period: completed / (completed + withdrawn by choice). */
    retention: z.number().nullable(),
    completion: z.number().nullable(),
    completed: Count,
    withdrawn: Count,
    endedByCustody: Count,
    attendanceRate: z.number().nullable(),
    hoursPerParticipant: z.number().nullable(),
  }),
  /** From the budget module where it exists; null: no disponible. */
  finance: z
    .object({
      year: Count,
      pen: z.number().int(),
      usd: z.number().int(),
      exchangeRate: z.number(),
      lines: z.array(z.object({ name: z.string(), pen: Count })),
    })
    .nullable(),
});
export type ProgrammeFigures = z.infer<typeof ProgrammeFigures>;

/** The programme's entry in the periodic report, in the order of its sections (aggregates only). */
export const UnescoEntry = z.object({
  title: z.string(),
  period: z.string(),
  year: Count,
  /** Main features: the text kept for the year (the standard description when none was written). */
  description: z.string(),
  /** One per initiative (or per programme where no initiative has records), with its figures. */
  activities: z.array(z.string()),
  results: z.array(z.string()),
  financial: z.string(),
  partners: z.array(z.object({ name: z.string(), type: z.string() })),
  /** Whether it was evaluated (null: not said), the conclusions, and the indicators beside them. */
  evaluated: z.boolean().nullable(),
  conclusions: z.string(),
  evaluation: z.array(z.string()),
  goals: z.array(z.string()),
  domains: z.array(z.string()),
  figures: ProgrammeFigures,
});
export type UnescoEntry = z.infer<typeof UnescoEntry>;

export const ProgrammeSummary = z.object({
  participants: Count,
  byEstablishment: z.array(z.object({ establishmentId: Count, name: z.string(), men: Count, women: Count })),
  activeWorkshops: Count,
  activeEnsembles: Count,
  season: z.object({ id: Count, name: z.string(), events: Count, audience: Count, upcoming: Count }).nullable(),
  audienceByGroup: z.object(
    Object.fromEntries(audienceGroups.map((g) => [g, Count])) as Record<(typeof audienceGroups)[number], typeof Count>,
  ),
  alerts: z.object({
    agreementsExpiring: z.array(z.object({ id: Count, title: z.string(), partnerName: z.string(), endDate: z.string(), daysLeft: Count })),
    /** Open enrolments with ABSENCE_ALERT or more absences in a row (a count, not names). */
    absenceAlerts: Count,
    instrumentsWithParticipants: Count.nullable(),
  }),
});
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;

export { byId as IdInput };
export const PageOfWorkshops = pageOf(Workshop);
export const PageOfParticipants = pageOf(Participant);
