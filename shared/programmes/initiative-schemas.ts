import { z } from 'zod';
import { RecordId } from '../marks';
import { Id, requiredOr, requiredText, choice, orNull } from '../ipc';
import { ActiveFilter, PartnerTypeSchema, Search, Version } from './schema-helpers';

// ── Initiatives (issue 17, item 1) ──────────────────────────────────────────────

/**
 * The programme's lines of activity as INPE reports them (the season of recitals, Arte sin
 * Barreras, InternArte, the ceramics capacity building, INPE Orquestando…): each groups the
 * workshops, ensembles, events, exhibitions and expenses that belong to it; a record belongs
 * to at most one.
 */
export const initiativeMemberKinds = ['workshops', 'ensembles', 'events', 'exhibitions', 'expenses'] as const;
export const InitiativeMemberKind = choice(initiativeMemberKinds);
export type InitiativeMemberKind = z.infer<typeof InitiativeMemberKind>;

const InitiativeYear = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .min(2000)
  .max(2100);

const InitiativeFields = z.object({
  name: requiredText(200, 3),
  startYear: InitiativeYear,
  endYear: orNull(InitiativeYear),
  description: requiredText(4000, 3),
  partnerIds: z.array(Id).max(100).default([]),
  agreementIds: z.array(Id).max(100).default([]),
});
const yearOrder = (v: { startYear: number; endYear: number | null }) => v.endYear === null || v.endYear >= v.startYear;
const yearOrderIssue = { path: ['endYear'], message: 'programmes.initiatives.errors.yearOrder' };

export const InitiativeCreate = InitiativeFields.strict().refine(yearOrder, yearOrderIssue);
export type InitiativeCreate = z.input<typeof InitiativeCreate>;
export const InitiativeUpdate = InitiativeFields.extend({
  id: RecordId,
  version: Version,
  active: z.boolean({ error: requiredOr('errors.invalid') }),
})
  .strict()
  .refine(yearOrder, yearOrderIssue);
export type InitiativeUpdate = z.input<typeof InitiativeUpdate>;

const Counts = z.object(
  Object.fromEntries(initiativeMemberKinds.map((k) => [k, z.number().int()])) as Record<InitiativeMemberKind, z.ZodNumber>,
);

export const Initiative = z.object({
  id: z.number().int(),
  name: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int().nullable(),
  description: z.string(),
  active: z.boolean(),
  partners: z.array(z.object({ id: z.number().int(), name: z.string(), type: PartnerTypeSchema })),
  agreements: z.array(z.object({ id: z.number().int(), title: z.string(), partnerName: z.string() })),
  /** How many records of each kind belong to it. */
  counts: Counts,
  version: z.number().int(),
});
export type Initiative = z.infer<typeof Initiative>;

export const InitiativeListQuery = z.object({ search: Search, status: ActiveFilter }).strict();

export const InitiativeOption = z.object({ id: z.number().int(), name: z.string(), active: z.boolean() });
export type InitiativeOption = z.infer<typeof InitiativeOption>;

/** A record that belongs (or may belong) to an initiative, as its page lists it. */
export const InitiativeMember = z.object({
  id: z.number().int(),
  label: z.string(),
  /** Where or what: the establishment, the venue, the supplier. */
  detail: z.string().nullable(),
  /** Its day, or the first day of its period. */
  date: z.string().nullable(),
  /** Expenses only: the amount in céntimos. */
  amountCentimos: z.number().int().nullable(),
});
export type InitiativeMember = z.infer<typeof InitiativeMember>;

export const InitiativeDetail = z.object({
  initiative: Initiative,
  members: z.object(
    Object.fromEntries(initiativeMemberKinds.map((k) => [k, z.array(InitiativeMember)])) as Record<
      InitiativeMemberKind,
      z.ZodArray<typeof InitiativeMember>
    >,
  ),
});
export type InitiativeDetail = z.infer<typeof InitiativeDetail>;

export const InitiativeCandidatesQuery = z.object({ id: Id, kind: InitiativeMemberKind }).strict();

export const InitiativeAssign = z
  .object({ id: RecordId, kind: InitiativeMemberKind, recordIds: z.array(Id).min(1, 'errors.required').max(500) })
  .strict();
export type InitiativeAssign = z.input<typeof InitiativeAssign>;
export const InitiativeUnassign = z.object({ id: RecordId, kind: InitiativeMemberKind, recordId: Id }).strict();

export const InitiativeFiguresQuery = z.object({ id: Id, year: InitiativeYear }).strict();

/** An initiative's figures for one year; `participants` is null when 1 to 4 ("< 5": shared/evaluation/suppression.ts). */
export const InitiativeFigures = z.object({
  year: z.number().int(),
  workshops: z.number().int(),
  ensembles: z.number().int(),
  participants: z.number().int().nullable(),
  sessions: z.number().int(),
  hours: z.number(),
  events: z.number().int(),
  audience: z.number().int(),
  exhibitions: z.number().int(),
  partners: z.number().int(),
  expensesCentimos: z.number().int(),
});
export type InitiativeFigures = z.infer<typeof InitiativeFigures>;
