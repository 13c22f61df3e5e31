import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { Id, IsoDate, listPaging, pageOf, requiredText, SearchText } from '../ipc';
import { CustodianTypeSchema, ConditionSchema } from './schemas';

/**
 * Linked custody (issue 15): who holds an instrument, by id; the hand-overs past their
 * expected return; what a person holds and held; the recovery list opened when a participant
 * leaves; the custodians carried over as text that a clerk links or dismisses.
 */

// ── Choosing a custodian ────────────────────────────────────────────────────────

export const CandidatesQuery = z
  .object({
    establishmentId: EstablishmentId,
    type: CustodianTypeSchema,
    search: SearchText,
  })
  .strict();
export type CandidatesQuery = z.input<typeof CandidatesQuery>;

/** A person (or ensemble) of the establishment who may receive an instrument. */
export const Candidate = z.object({
  type: CustodianTypeSchema,
  id: z.number().int(),
  /** The name, or only the INPE code for a participant when the role may not see names. */
  label: z.string(),
  /** A second line: the role of a staff member, the ensemble's kind, the teacher's specialties. */
  detail: z.string().nullable(),
});
export type Candidate = z.infer<typeof Candidate>;

// ── Overdue hand-overs ──────────────────────────────────────────────────────────

export const overdueSortColumns = ['due', 'code', 'establishment', 'custodian'] as const;

export const OverdueQuery = z
  .object({
    establishmentId: EstablishmentId.nullable().default(null),
    custodianType: CustodianTypeSchema.nullable().default(null),
    /** Only those at least this many days late. */
    minDays: z.number().int().min(0).max(3650).nullable().default(null),
    ...listPaging(overdueSortColumns, 'due'),
  })
  .strict();
export type OverdueQuery = z.input<typeof OverdueQuery>;

/** One instrument in someone's hands: now (until null) or before. */
export const Holding = z.object({
  instrumentId: z.number().int(),
  code: z.string(),
  typeName: z.string(),
  establishmentId: z.number().int().nullable(),
  establishmentName: z.string().nullable(),
  custodianType: CustodianTypeSchema,
  custodianId: z.number().int().nullable(),
  /** As the viewer may read it (a participant's name only with the personal-data permission). */
  custodianName: z.string(),
  since: z.string().nullable(),
  due: z.string().nullable(),
  until: z.string().nullable(),
  /** The movement that ended it (devolucion, extravio, regularizacion), for past holdings. */
  endedBy: z.string().nullable(),
  daysOverdue: z.number().int(),
  /** The instrument's movement count, for a return made from this row. */
  movementCount: z.number().int(),
});
export type Holding = z.infer<typeof Holding>;

export const OverduePage = pageOf(Holding);

export const HoldingsQuery = z.object({ custodianType: CustodianTypeSchema, custodianId: Id }).strict();
export type HoldingsQuery = z.input<typeof HoldingsQuery>;

export const Holdings = z.object({ current: z.array(Holding), past: z.array(Holding) });
export type Holdings = z.infer<typeof Holdings>;

// ── Recovery on release or transfer ─────────────────────────────────────────────

export const recoveryReasons = ['traslado', 'egreso', 'retiro'] as const;
export const recoveryClosings = ['devolucion', 'traslado', 'extravio', 'regularizacion'] as const;

export const RecoveriesQuery = z
  .object({
    open: z.boolean().default(true),
    establishmentId: EstablishmentId.nullable().default(null),
    participantId: Id.nullable().default(null),
  })
  .strict();
export type RecoveriesQuery = z.input<typeof RecoveriesQuery>;

export const Recovery = z.object({
  id: z.number().int(),
  instrumentId: z.number().int(),
  code: z.string(),
  typeName: z.string(),
  /** Where the instrument is. */
  establishmentId: z.number().int().nullable(),
  establishmentName: z.string().nullable(),
  participantId: z.number().int(),
  /** The participant's name and code, or the code alone without the personal-data permission. */
  participantLabel: z.string(),
  /** Where the participant is now (a transfer's destination). */
  participantEstablishmentId: z.number().int().nullable(),
  participantEstablishmentName: z.string().nullable(),
  reason: z.enum(recoveryReasons),
  openedOn: z.string(),
  daysOpen: z.number().int(),
  closedOn: z.string().nullable(),
  closedBy: z.enum(recoveryClosings).nullable(),
  /** Whether the instrument is still in the participant's hands (a return or an extravío applies). */
  stillHeld: z.boolean(),
  movementCount: z.number().int(),
});
export type Recovery = z.infer<typeof Recovery>;

/** The instrument follows the participant: returned and dispatched to the participant's new establishment. */
export const RecoveryFollow = z
  .object({
    id: RecordId,
    date: IsoDate,
    documentNumber: requiredText(80),
    person: requiredText(160),
    condition: ConditionSchema.nullish(),
  })
  .strict();
export type RecoveryFollow = z.input<typeof RecoveryFollow>;

// ── Custodians carried over as text ─────────────────────────────────────────────

export const reviewStatuses = ['pendiente', 'vinculado', 'descartado'] as const;

export const ReviewsQuery = z.object({ status: z.enum(reviewStatuses).default('pendiente') }).strict();
export type ReviewsQuery = z.input<typeof ReviewsQuery>;

export const CustodianReview = z.object({
  id: z.number().int(),
  instrumentId: z.number().int(),
  code: z.string(),
  establishmentId: z.number().int().nullable(),
  establishmentName: z.string().nullable(),
  custodianType: CustodianTypeSchema,
  /** As typed before links existed (withheld for a participant without the permission). */
  originalText: z.string(),
  status: z.enum(reviewStatuses),
  custodianId: z.number().int().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type CustodianReview = z.infer<typeof CustodianReview>;

export const ReviewLink = z.object({ id: RecordId, custodianId: Id }).strict();
export const ReviewDismiss = z.object({ id: RecordId }).strict();

// ── The dashboard's figures ─────────────────────────────────────────────────────

export const CustodySummary = z.object({
  overdue: z.number().int(),
  openRecoveries: z.number().int(),
  /** Days the oldest open recovery item has been open (null when none is). */
  oldestRecoveryDays: z.number().int().nullable(),
  pendingReviews: z.number().int(),
});
export type CustodySummary = z.infer<typeof CustodySummary>;

/**
 * A possible custodian as its own domain answers it to the inventory (electron/main/*\/repository/for-inventory.ts):
 * the name recorded at a hand-over, the establishments where it may receive an instrument,
 * whether it is active, and a participant's INPE code (what a role without the personal-data
 * permission reads instead of the name).
 */
export interface CustodianRecord {
  id: number;
  name: string;
  establishmentIds: number[];
  active: boolean;
  detail: string | null;
  code: string | null;
}
