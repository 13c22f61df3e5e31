import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { ExportFormat, Id, IsoDate, optionalText, requiredOr, requiredText, stamped, recorded, orNull } from '../ipc';
import { PersonalDataReason } from '../privacy/schemas';
import { custodyKinds } from './rules';
import { SexSchema, ParticipantStatusSchema, StageSchema, CustodyKindSchema, Version, listFilter, listPaging } from './schema-helpers';
import { Session } from './workshop-schemas';
import { PartChoice, VoiceSchema, onePart } from './ensemble-part-schemas';

// ── Participants ────────────────────────────────────────────────────────────────

/** The INPE internal code: letters, digits and hyphens, compared in upper case; typed or scanned. */
export const ParticipantCode = z
  .string({ error: requiredOr('errors.invalid') })
  .trim()
  .min(1, 'errors.required')
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'programmes.errors.participantCode')
  .transform((v) => v.toUpperCase());

const thisYear = new Date().getUTCFullYear();

/** Only what the programme needs: code, names, sex, birth year, establishment. Nothing more. */
export const ParticipantFields = z.object({
  code: ParticipantCode,
  firstNames: requiredText(100, 2),
  lastNames: requiredText(100, 2),
  sex: SexSchema,
  birthYear: z
    .number({ error: requiredOr('errors.invalid') })
    .int('errors.invalid')
    .min(1920, 'programmes.errors.birthYear')
    .max(thisYear - 17, 'programmes.errors.birthYear'),
  establishmentId: EstablishmentId,
});

export const ParticipantCreate = ParticipantFields.extend({ date: IsoDate }).strict();
export type ParticipantCreate = z.input<typeof ParticipantCreate>;
/** The establishment changes only through a custody change. */
export const ParticipantUpdate = ParticipantFields.omit({ establishmentId: true }).extend({ id: RecordId, version: Version }).strict();
export type ParticipantUpdate = z.input<typeof ParticipantUpdate>;

export const Participant = z.object({
  id: z.number().int(),
  code: z.string(),
  /** null where this user may not see names (see electron/main/programmes/privacy.ts). */
  firstNames: z.string().nullable(),
  lastNames: z.string().nullable(),
  sex: SexSchema,
  birthYear: z.number().int(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  status: ParticipantStatusSchema,
  openEnrolments: z.number().int(),
  ...stamped,
});
export type Participant = z.infer<typeof Participant>;

export const participantSortColumns = ['name', 'code', 'establishment', 'status', 'birthYear'] as const;

export const ParticipantFilter = listFilter({
  establishmentId: EstablishmentId,
  status: ParticipantStatusSchema,
  sex: SexSchema,
});
export type ParticipantFilter = z.input<typeof ParticipantFilter>;

export const ParticipantListQuery = ParticipantFilter.extend(listPaging(participantSortColumns, 'name')).strict();

export const ParticipantExport = z.object({ filter: ParticipantFilter, format: ExportFormat, reason: PersonalDataReason }).strict();

/** Type-ahead: a few participants whose code or names contain every word typed. */
export const ParticipantSearch = z
  .object({
    q: z
      .string({ error: requiredOr('errors.invalid') })
      .trim()
      .min(1, 'errors.required')
      .max(100),
    establishmentId: EstablishmentId.nullable().default(null),
    activeOnly: z.boolean().default(true),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict();

export const ParticipantHit = z.object({
  id: z.number().int(),
  code: z.string(),
  firstNames: z.string().nullable(),
  lastNames: z.string().nullable(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  status: ParticipantStatusSchema,
});
export type ParticipantHit = z.infer<typeof ParticipantHit>;

export const CustodyChange = z
  .object({
    participantId: RecordId,
    version: Version,
    kind: CustodyKindSchema,
    date: IsoDate,
    toEstablishmentId: orNull(EstablishmentId),
    documentNumber: optionalText(80),
    notes: optionalText(1000),
    /** At a release only (issue 17, follow-up, aggregate only): yes, no, or null (not known). */
    continuesPractice: z
      .boolean({ error: 'errors.invalid' })
      .nullish()
      .transform((v) => v ?? null),
    /** At a release only: a partner's cultural programme the person was referred to, by id, with a note. */
    referral: z
      .object({ partnerId: Id, note: optionalText(200) })
      .strict()
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict()
  .refine((c) => c.kind !== 'traslado' || c.toEstablishmentId !== null, { path: ['toEstablishmentId'], message: 'errors.required' })
  .refine((c) => c.toEstablishmentId === null || c.kind === 'traslado' || c.kind === 'reincorporacion', {
    path: ['toEstablishmentId'],
    message: 'programmes.errors.noDestination',
  })
  .refine((c) => c.continuesPractice === null || c.kind === 'egreso', {
    path: ['continuesPractice'],
    message: 'programmes.errors.onlyAtRelease',
  })
  .refine((c) => c.referral === null || c.kind === 'egreso', {
    path: ['referral', 'partnerId'],
    message: 'programmes.errors.onlyAtRelease',
  });
export type CustodyChange = z.input<typeof CustodyChange>;

/** An instrument the participant holds, to recover (from the inventory). */
export const HeldInstrument = z.object({
  id: z.number().int(),
  code: z.string(),
  typeName: z.string(),
  establishmentId: z.number().int().nullable(),
  establishmentName: z.string().nullable(),
  custodianName: z.string(),
});
export type HeldInstrument = z.infer<typeof HeldInstrument>;

export const CustodyResult = z.object({
  participant: Participant,
  enrolmentsEnded: z.number().int(),
  /** null: the inventory does not exist in this installation. */
  instrumentsToRecover: z.array(HeldInstrument).nullable(),
});

export const ParticipantMovement = z.object({
  id: z.number().int(),
  kind: z.enum(['alta', ...custodyKinds]),
  date: z.string(),
  fromEstablishmentName: z.string().nullable(),
  toEstablishmentName: z.string().nullable(),
  statusAfter: ParticipantStatusSchema,
  documentNumber: z.string().nullable(),
  notes: z.string().nullable(),
  enrolmentsEnded: z.number().int(),
  ...recorded,
});
export type ParticipantMovement = z.infer<typeof ParticipantMovement>;

// ── Enrolments ──────────────────────────────────────────────────────────────────

export const Enrolment = z.object({
  id: z.number().int(),
  participantId: z.number().int(),
  participantCode: z.string(),
  firstNames: z.string().nullable(),
  lastNames: z.string().nullable(),
  participantStatus: ParticipantStatusSchema,
  workshopId: z.number().int().nullable(),
  ensembleId: z.number().int().nullable(),
  groupName: z.string(),
  establishmentName: z.string(),
  stage: StageSchema,
  /** The part as it was typed or, chosen from the list, its label when it was chosen. */
  part: z.string().nullable(),
  /** The part from the list: an instrument type (with its name today) or a voice; both null: none, or not linked yet. */
  partTypeId: z.number().int().nullable(),
  partTypeName: z.string().nullable(),
  partVoice: VoiceSchema.nullable(),
  /** A part typed before the list existed that is still waiting for a clerk ("sin vincular"). */
  partPending: z.boolean(),
  enrolledOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Attendance in a workshop (null for an ensemble). */
  sessions: z.number().int().nullable(),
  present: z.number().int().nullable(),
  rate: z.number().nullable(),
  consecutiveAbsences: z.number().int().nullable(),
  minutes: z.number().int().nullable(),
  version: z.number().int(),
});
export type Enrolment = z.infer<typeof Enrolment>;

export const EnrolmentListQuery = z
  .object({
    workshopId: Id.nullable().default(null),
    ensembleId: Id.nullable().default(null),
    participantId: Id.nullable().default(null),
    openOnly: z.boolean().default(false),
  })
  .strict()
  .refine((q) => [q.workshopId, q.ensembleId, q.participantId].filter((x) => x !== null).length === 1, {
    path: ['workshopId'],
    message: 'programmes.errors.oneGroup',
  });

export const EnrolmentCreate = z
  .object({
    workshopId: orNull(Id),
    ensembleId: orNull(Id),
    participantIds: z.array(Id).min(1, 'errors.required').max(500),
    date: IsoDate,
    ...PartChoice,
  })
  .strict()
  .refine((q) => (q.workshopId === null) !== (q.ensembleId === null), { path: ['workshopId'], message: 'programmes.errors.oneGroup' })
  .refine(onePart, { path: ['partVoice'], message: 'programmes.ensembleParts.errors.onePart' });
export type EnrolmentCreate = z.input<typeof EnrolmentCreate>;

export const EnrolmentStage = z
  .object({
    id: RecordId,
    version: Version,
    stage: StageSchema,
    date: IsoDate,
    reason: optionalText(200),
    /** The part from the list; both left out: the part stays as it is (a part still "sin vincular" too). */
    partTypeId: Id.nullable().optional(),
    partVoice: VoiceSchema.nullable().optional(),
  })
  .strict()
  .refine(onePart, { path: ['partVoice'], message: 'programmes.ensembleParts.errors.onePart' });

// ── Attendance ──────────────────────────────────────────────────────────────────

export const AttendanceRow = z.object({
  participantId: z.number().int(),
  code: z.string(),
  firstNames: z.string().nullable(),
  lastNames: z.string().nullable(),
  /** null: not marked yet. */
  present: z.boolean().nullable(),
  /** Before this session: absences in a row and the rate so far. */
  consecutiveAbsences: z.number().int(),
  rate: z.number().nullable(),
});
export type AttendanceRow = z.infer<typeof AttendanceRow>;

export const AttendanceSheet = z.object({
  session: Session,
  workshopName: z.string(),
  establishmentName: z.string(),
  rows: z.array(AttendanceRow),
});
export type AttendanceSheet = z.infer<typeof AttendanceSheet>;

export const AttendanceSave = z
  .object({
    sessionId: RecordId,
    marks: z
      .array(z.object({ participantId: Id, present: z.boolean({ error: requiredOr('errors.invalid') }) }).strict())
      .min(1, 'errors.required')
      .max(500),
  })
  .strict()
  .refine((s) => new Set(s.marks.map((m) => m.participantId)).size === s.marks.length, {
    path: ['marks'],
    message: 'programmes.errors.duplicateMark',
  });
export type AttendanceSave = z.input<typeof AttendanceSave>;

export const AttendanceSaved = z.object({ sessionId: z.number().int(), present: z.number().int(), absent: z.number().int() });
