import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { Id } from '../ipc';

// ── The workshops a contract covers (issue 15, item 4) ──────────────────────────

export const WorkshopOptionsQuery = z.object({ establishmentIds: z.array(EstablishmentId, { error: 'errors.invalid' }).max(20) }).strict();
export type WorkshopOptionsQuery = z.input<typeof WorkshopOptionsQuery>;

/** A workshop a contract may cover: one of its establishments'. */
export const WorkshopOption = z.object({
  id: z.number().int(),
  name: z.string(),
  establishmentId: z.number().int(),
  active: z.boolean(),
});
export type WorkshopOption = z.infer<typeof WorkshopOption>;

export const workshopReviewStatuses = ['pendiente', 'vinculado', 'descartado'] as const;

export const WorkshopReviewsQuery = z.object({ status: z.enum(workshopReviewStatuses).default('pendiente') }).strict();
export type WorkshopReviewsQuery = z.input<typeof WorkshopReviewsQuery>;

/** A workshop's name typed in a contract before links existed that the update could not link. */
export const ContractWorkshopReview = z.object({
  id: z.number().int(),
  contractId: z.number().int(),
  contractNumber: z.string(),
  teacherName: z.string(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  /** As it was typed, kept as it is. */
  originalText: z.string(),
  status: z.enum(workshopReviewStatuses),
  workshopId: z.number().int().nullable(),
  workshopName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type ContractWorkshopReview = z.infer<typeof ContractWorkshopReview>;

export const WorkshopReviewLink = z.object({ id: RecordId, workshopId: Id }).strict();
export const WorkshopReviewDismiss = z.object({ id: RecordId }).strict();

/** What the contract's teacher delivered in a month in the contract's workshops. */
export const Delivered = z.object({
  /** How many workshops the contract covers (none: nothing can be counted). */
  workshops: z.number().int(),
  sessions: z.number().int(),
  attendedSessions: z.number().int(),
  /** Duration of the sessions whose attendance was taken. */
  minutes: z.number().int(),
});
export type Delivered = z.infer<typeof Delivered>;
