import { z } from 'zod';
import { RecordId } from '../marks';
import { Id, choice, orNull } from '../ipc';
import { ParticipantStatusSchema, StageSchema } from './schema-helpers';
import { voices } from './rules';

/**
 * An ensemble member's part, chosen from a list (issue 15): an instrument type or a voice.
 * The part as it was typed before the list existed stays readable; one that named nothing
 * of the list is "sin vincular" until a clerk links or dismisses it.
 */

export const VoiceSchema = choice(voices);

/** The part's choice in an input: an instrument type's id, or a voice; at most one. */
export const PartChoice = {
  partTypeId: orNull(Id),
  partVoice: orNull(VoiceSchema),
};
export const onePart = (v: { partTypeId?: number | null; partVoice?: string | null }) =>
  v.partTypeId === null || v.partTypeId === undefined || v.partVoice === null || v.partVoice === undefined;

/** An instrument type a part may name, with its family (the list groups them). */
export const PartType = z.object({ id: z.number().int(), name: z.string(), family: z.string() });
export type PartType = z.infer<typeof PartType>;

/** An instrument an ensemble has at hand: held by the ensemble itself or by one of its members. */
export const EnsembleInstrument = z.object({
  id: z.number().int(),
  code: z.string(),
  typeId: z.number().int(),
  typeName: z.string(),
  /** null: the ensemble holds it; else the member (participant) who does. */
  participantId: z.number().int().nullable(),
});
export type EnsembleInstrument = z.infer<typeof EnsembleInstrument>;

/** A part (instrument type) of the ensemble: its members, those with their own instrument of it, the ensemble's, and how many are missing. */
export const PartCover = z.object({
  typeId: z.number().int(),
  typeName: z.string(),
  members: z.number().int(),
  withOwn: z.number().int(),
  fromEnsemble: z.number().int(),
  missing: z.number().int(),
});
export type PartCover = z.infer<typeof PartCover>;

export const EnsembleInstruments = z.object({
  /** false: this installation keeps no inventory. */
  inventory: z.boolean(),
  instruments: z.array(EnsembleInstrument),
  parts: z.array(PartCover),
  /** The members (enrolment ids) whose part is an instrument type they hold none of. */
  withoutOwn: z.array(z.number().int()),
});
export type EnsembleInstruments = z.infer<typeof EnsembleInstruments>;

export const partReviewStatuses = ['pendiente', 'vinculado', 'descartado'] as const;

export const PartReviewsQuery = z
  .object({
    status: z.enum(partReviewStatuses).default('pendiente'),
    ensembleId: Id.nullable().default(null),
  })
  .strict();
export type PartReviewsQuery = z.input<typeof PartReviewsQuery>;

export const PartReview = z.object({
  id: z.number().int(),
  enrolmentId: z.number().int(),
  ensembleId: z.number().int(),
  ensembleName: z.string(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  participantCode: z.string(),
  firstNames: z.string().nullable(),
  lastNames: z.string().nullable(),
  participantStatus: ParticipantStatusSchema,
  stage: StageSchema,
  /** The part as it was typed. */
  originalText: z.string(),
  status: z.enum(partReviewStatuses),
  partTypeId: z.number().int().nullable(),
  partTypeName: z.string().nullable(),
  partVoice: VoiceSchema.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type PartReview = z.infer<typeof PartReview>;

export const PartLink = z
  .object({ id: RecordId, ...PartChoice })
  .strict()
  .refine(onePart, { path: ['partVoice'], message: 'programmes.ensembleParts.errors.onePart' })
  .refine((v) => v.partTypeId !== null || v.partVoice !== null, { path: ['partTypeId'], message: 'errors.required' });
export type PartLink = z.input<typeof PartLink>;

export const PartDismiss = z.object({ id: RecordId }).strict();
