import { z } from 'zod';
import { IsoDate, pageOf } from '../ipc';
import { audienceGroups } from './rules';
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

export const UnescoExportRequest = AnnualReportRequest;

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

export const UnescoEntry = z.object({
  title: z.string(),
  period: z.string(),
  description: z.string(),
  activities: z.array(z.string()),
  results: z.array(z.string()),
  financial: z.string(),
  partners: z.array(z.object({ name: z.string(), type: z.string() })),
  evaluation: z.array(z.string()),
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
