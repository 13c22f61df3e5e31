import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { Id, IsoDate, optionalText, requiredOr, requiredText, listFilter, orNull } from '../ipc';
import { UploadedFile } from '../inventory/schemas';
import { audienceGroups } from './rules';
import { EnsembleTypeSchema, EventTypeSchema, VenueKindSchema, Version, optionalDate, Search, ActiveFilter } from './schema-helpers';

// ── Ensembles ───────────────────────────────────────────────────────────────────

export const EnsembleFields = z.object({
  name: requiredText(160, 3),
  type: EnsembleTypeSchema,
  establishmentId: EstablishmentId,
  director: optionalText(160),
  formedOn: optionalDate,
  notes: optionalText(2000),
});
export const EnsembleCreate = EnsembleFields.strict();
export type EnsembleCreate = z.input<typeof EnsembleCreate>;
export const EnsembleUpdate = EnsembleFields.extend({
  id: RecordId,
  version: Version,
  active: z.boolean({ error: requiredOr('errors.invalid') }),
}).strict();

export const Ensemble = z.object({
  id: z.number().int(),
  name: z.string(),
  type: EnsembleTypeSchema,
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  director: z.string().nullable(),
  formedOn: z.string().nullable(),
  active: z.boolean(),
  notes: z.string().nullable(),
  members: z.number().int(),
  version: z.number().int(),
});
export type Ensemble = z.infer<typeof Ensemble>;

export const EnsembleListQuery = listFilter(
  {
    establishmentId: EstablishmentId,
    type: EnsembleTypeSchema,
  },
  {
    status: ActiveFilter,
  },
);

// ── Seasons and events ──────────────────────────────────────────────────────────

export const SeasonCreate = z
  .object({ name: requiredText(160, 3), startDate: IsoDate, endDate: IsoDate })
  .strict()
  .refine((s) => s.endDate >= s.startDate, { path: ['endDate'], message: 'programmes.errors.periodOrder' });
export const SeasonUpdate = z
  .object({ id: RecordId, version: Version, name: requiredText(160, 3), startDate: IsoDate, endDate: IsoDate })
  .strict()
  .refine((s) => s.endDate >= s.startDate, { path: ['endDate'], message: 'programmes.errors.periodOrder' });

export const Season = z.object({
  id: z.number().int(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  events: z.number().int(),
  audience: z.number().int(),
  version: z.number().int(),
});
export type Season = z.infer<typeof Season>;

const HeadCount = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .min(0)
  .max(100_000);
export const AudiencesSchema = z
  .object(Object.fromEntries(audienceGroups.map((g) => [g, HeadCount])) as Record<(typeof audienceGroups)[number], typeof HeadCount>)
  .strict();

export const EventFields = z.object({
  type: EventTypeSchema,
  seasonId: orNull(Id),
  title: requiredText(200, 3),
  date: IsoDate,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'programmes.errors.time')
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  venueKind: VenueKindSchema,
  establishmentId: orNull(EstablishmentId),
  venueName: optionalText(200),
  partnerIds: z.array(Id).max(50).default([]),
  /** The agreement (of one of its partners) under which the event happened, if any. */
  agreementId: orNull(Id),
  ensembleIds: z.array(Id).max(50).default([]),
  audiences: AudiencesSchema,
  notes: optionalText(4000),
});

const venueRule = <T extends { venueKind: string; establishmentId: number | null; venueName: string | null }>(
  e: T,
  ctx: z.RefinementCtx,
) => {
  if (e.venueKind === 'establecimiento' && e.establishmentId === null)
    ctx.addIssue({ code: 'custom', path: ['establishmentId'], message: 'errors.required' });
  if (e.venueKind === 'externo' && e.venueName === null) ctx.addIssue({ code: 'custom', path: ['venueName'], message: 'errors.required' });
};

export const EventCreate = EventFields.strict().superRefine(venueRule);
export type EventCreate = z.input<typeof EventCreate>;
export const EventUpdate = EventFields.extend({ id: RecordId, version: Version }).strict().superRefine(venueRule);
export type EventUpdate = z.input<typeof EventUpdate>;

export const ProgrammeEvent = z.object({
  id: z.number().int(),
  type: EventTypeSchema,
  seasonId: z.number().int().nullable(),
  seasonName: z.string().nullable(),
  title: z.string(),
  date: z.string(),
  time: z.string().nullable(),
  venueKind: VenueKindSchema,
  establishmentId: z.number().int().nullable(),
  establishmentName: z.string().nullable(),
  venueName: z.string().nullable(),
  partners: z.array(z.object({ id: z.number().int(), name: z.string() })),
  agreement: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  ensembles: z.array(z.object({ id: z.number().int(), name: z.string() })),
  audiences: z.object(
    Object.fromEntries(audienceGroups.map((g) => [g, z.number().int()])) as Record<(typeof audienceGroups)[number], z.ZodNumber>,
  ),
  totalAudience: z.number().int(),
  notes: z.string().nullable(),
  photos: z.number().int(),
  version: z.number().int(),
});
export type ProgrammeEvent = z.infer<typeof ProgrammeEvent>;

export const EventListQuery = z
  .object({
    seasonId: Id.nullable().default(null),
    from: IsoDate.nullable().default(null),
    to: IsoDate.nullable().default(null),
    type: EventTypeSchema.nullable().default(null),
    search: Search,
  })
  .strict();

export const EventPhoto = z.object({
  hash: z.string(),
  originalName: z.string(),
  thumbnail: z.string().nullable(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type EventPhoto = z.infer<typeof EventPhoto>;

/** A file chosen in the renderer (inventory's UploadedFile), spread into the schemas that attach one. */
export const Upload = UploadedFile.shape;
export const EventAddPhoto = z.object({ id: RecordId, ...Upload }).strict();
export const EventPhotoRef = z.object({ id: RecordId, hash: z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid') }).strict();
