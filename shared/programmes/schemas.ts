import { z } from 'zod';
import { Centimos, ExportFormat, Id, IsoDate, SortDirection, optionalText, pageOf, pageSizes, requiredOr, requiredText } from '../ipc';
import { PersonalDataReason } from '../auth/schemas';
import {
  audienceGroups,
  custodyKinds,
  ensembleTypes,
  eventTypes,
  participantStatuses,
  partnerTypes,
  programmes,
  sexes,
  stages,
  venueKinds,
} from './rules';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: requiredOr('errors.choose') });

export const ProgrammeSchema = choice(programmes);
export const SexSchema = choice(sexes);
export const ParticipantStatusSchema = choice(participantStatuses);
export const StageSchema = choice(stages);
export const EnsembleTypeSchema = choice(ensembleTypes);
export const EventTypeSchema = choice(eventTypes);
export const VenueKindSchema = choice(venueKinds);
export const PartnerTypeSchema = choice(partnerTypes);
export const CustodyKindSchema = choice(custodyKinds);

const Version = z.number({ error: requiredOr('errors.invalid') }).int('errors.invalid').nonnegative('errors.invalid');
const optionalDate = IsoDate.nullish().transform((v) => v ?? null);
const PageSize = z
  .number()
  .int()
  .refine((n) => (pageSizes as readonly number[]).includes(n), 'errors.invalid')
  .default(25);
const PageNumber = z.number().int().positive().max(1_000_000).default(1);
const Search = z.string().trim().max(100).default('');
const ActiveFilter = z.enum(['active', 'inactive', 'all']).default('active');
const byId = z.object({ id: Id }).strict();
export const ById = byId;

const periodOrder = <T extends { startDate: string; endDate: string | null }>(v: T) => v.endDate === null || v.endDate >= v.startDate;

// ── Workshops ───────────────────────────────────────────────────────────────────

export const WorkshopFields = z.object({
  name: requiredText(160, 3),
  programme: ProgrammeSchema,
  discipline: requiredText(120, 2),
  establishmentId: Id,
  teachers: optionalText(400),
  schedule: optionalText(200),
  startDate: IsoDate,
  endDate: optionalDate,
  capacity: z.number({ error: requiredOr('errors.invalid') }).int('errors.invalid').min(1).max(500),
  notes: optionalText(2000),
});

export const WorkshopCreate = WorkshopFields.strict().refine(periodOrder, { path: ['endDate'], message: 'programmes.errors.periodOrder' });
export type WorkshopCreate = z.input<typeof WorkshopCreate>;
export const WorkshopUpdate = WorkshopFields.extend({ id: Id, version: Version, active: z.boolean({ error: requiredOr('errors.invalid') }) })
  .strict()
  .refine(periodOrder, { path: ['endDate'], message: 'programmes.errors.periodOrder' });
export type WorkshopUpdate = z.input<typeof WorkshopUpdate>;

export const Workshop = z.object({
  id: z.number().int(),
  name: z.string(),
  programme: ProgrammeSchema,
  discipline: z.string(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  teachers: z.string().nullable(),
  schedule: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  capacity: z.number().int(),
  active: z.boolean(),
  notes: z.string().nullable(),
  /** Enrolments still open (inscrito, activo). */
  enrolled: z.number().int(),
  sessions: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Workshop = z.infer<typeof Workshop>;

export const workshopSortColumns = ['name', 'programme', 'establishment', 'startDate', 'enrolled'] as const;

export const WorkshopFilter = z
  .object({
    search: Search,
    programme: ProgrammeSchema.nullable().default(null),
    establishmentId: Id.nullable().default(null),
    status: ActiveFilter,
  })
  .strict();
export type WorkshopFilter = z.input<typeof WorkshopFilter>;

export const WorkshopListQuery = WorkshopFilter.extend({
  sort: z.enum(workshopSortColumns).default('name'),
  direction: SortDirection.default('asc'),
  page: PageNumber,
  pageSize: PageSize,
}).strict();

export const WorkshopExport = z.object({ filter: WorkshopFilter, format: ExportFormat }).strict();

// ── Sessions ────────────────────────────────────────────────────────────────────

export const SessionCreate = z
  .object({
    workshopId: Id,
    date: IsoDate,
    durationMinutes: z.number({ error: requiredOr('errors.invalid') }).int('errors.invalid').min(15).max(600),
    topic: optionalText(200),
  })
  .strict();
export const SessionUpdate = SessionCreate.omit({ workshopId: true }).extend({ id: Id, version: Version }).strict();

export const Session = z.object({
  id: z.number().int(),
  workshopId: z.number().int(),
  date: z.string(),
  durationMinutes: z.number().int(),
  topic: z.string().nullable(),
  attendanceTaken: z.boolean(),
  present: z.number().int(),
  marked: z.number().int(),
  version: z.number().int(),
});
export type Session = z.infer<typeof Session>;

export const SessionListQuery = z.object({ workshopId: Id }).strict();

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
  establishmentId: Id,
});

export const ParticipantCreate = ParticipantFields.extend({ date: IsoDate }).strict();
export type ParticipantCreate = z.input<typeof ParticipantCreate>;
/** The establishment changes only through a custody change. */
export const ParticipantUpdate = ParticipantFields.omit({ establishmentId: true }).extend({ id: Id, version: Version }).strict();
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
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Participant = z.infer<typeof Participant>;

export const participantSortColumns = ['name', 'code', 'establishment', 'status', 'birthYear'] as const;

export const ParticipantFilter = z
  .object({
    search: Search,
    establishmentId: Id.nullable().default(null),
    status: ParticipantStatusSchema.nullable().default(null),
    sex: SexSchema.nullable().default(null),
  })
  .strict();
export type ParticipantFilter = z.input<typeof ParticipantFilter>;

export const ParticipantListQuery = ParticipantFilter.extend({
  sort: z.enum(participantSortColumns).default('name'),
  direction: SortDirection.default('asc'),
  page: PageNumber,
  pageSize: PageSize,
}).strict();

export const ParticipantExport = z.object({ filter: ParticipantFilter, format: ExportFormat, reason: PersonalDataReason }).strict();

/** Type-ahead: a few participants whose code or names contain every word typed. */
export const ParticipantSearch = z
  .object({
    q: z.string({ error: requiredOr('errors.invalid') }).trim().min(1, 'errors.required').max(100),
    establishmentId: Id.nullable().default(null),
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
    participantId: Id,
    version: Version,
    kind: CustodyKindSchema,
    date: IsoDate,
    toEstablishmentId: Id.nullish().transform((v) => v ?? null),
    documentNumber: optionalText(80),
    notes: optionalText(1000),
  })
  .strict()
  .refine((c) => c.kind !== 'traslado' || c.toEstablishmentId !== null, { path: ['toEstablishmentId'], message: 'errors.required' })
  .refine((c) => c.toEstablishmentId === null || c.kind === 'traslado' || c.kind === 'reincorporacion', {
    path: ['toEstablishmentId'],
    message: 'programmes.errors.noDestination',
  });
export type CustodyChange = z.input<typeof CustodyChange>;

/** An instrument the participant holds, to recover (from the inventory). */
export const HeldInstrument = z.object({
  id: z.number().int(),
  code: z.string(),
  typeName: z.string(),
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
  recordedAt: z.string(),
  recordedBy: z.string(),
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
  part: z.string().nullable(),
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
    workshopId: Id.nullish().transform((v) => v ?? null),
    ensembleId: Id.nullish().transform((v) => v ?? null),
    participantIds: z.array(Id).min(1, 'errors.required').max(500),
    date: IsoDate,
    part: optionalText(80),
  })
  .strict()
  .refine((q) => (q.workshopId === null) !== (q.ensembleId === null), { path: ['workshopId'], message: 'programmes.errors.oneGroup' });
export type EnrolmentCreate = z.input<typeof EnrolmentCreate>;

export const EnrolmentStage = z
  .object({
    id: Id,
    version: Version,
    stage: StageSchema,
    date: IsoDate,
    reason: optionalText(200),
    part: optionalText(80),
  })
  .strict();

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
    sessionId: Id,
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

// ── Ensembles ───────────────────────────────────────────────────────────────────

export const EnsembleFields = z.object({
  name: requiredText(160, 3),
  type: EnsembleTypeSchema,
  establishmentId: Id,
  director: optionalText(160),
  formedOn: optionalDate,
  notes: optionalText(2000),
});
export const EnsembleCreate = EnsembleFields.strict();
export type EnsembleCreate = z.input<typeof EnsembleCreate>;
export const EnsembleUpdate = EnsembleFields.extend({ id: Id, version: Version, active: z.boolean({ error: requiredOr('errors.invalid') }) }).strict();

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

export const EnsembleListQuery = z
  .object({ search: Search, establishmentId: Id.nullable().default(null), type: EnsembleTypeSchema.nullable().default(null), status: ActiveFilter })
  .strict();

// ── Seasons and events ──────────────────────────────────────────────────────────

export const SeasonCreate = z
  .object({ name: requiredText(160, 3), startDate: IsoDate, endDate: IsoDate })
  .strict()
  .refine((s) => s.endDate >= s.startDate, { path: ['endDate'], message: 'programmes.errors.periodOrder' });
export const SeasonUpdate = z
  .object({ id: Id, version: Version, name: requiredText(160, 3), startDate: IsoDate, endDate: IsoDate })
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

const HeadCount = z.number({ error: requiredOr('errors.invalid') }).int('errors.invalid').min(0).max(100_000);
export const AudiencesSchema = z
  .object(Object.fromEntries(audienceGroups.map((g) => [g, HeadCount])) as Record<(typeof audienceGroups)[number], typeof HeadCount>)
  .strict();

export const EventFields = z.object({
  type: EventTypeSchema,
  seasonId: Id.nullish().transform((v) => v ?? null),
  title: requiredText(200, 3),
  date: IsoDate,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'programmes.errors.time')
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  venueKind: VenueKindSchema,
  establishmentId: Id.nullish().transform((v) => v ?? null),
  venueName: optionalText(200),
  partnerIds: z.array(Id).max(50).default([]),
  ensembleIds: z.array(Id).max(50).default([]),
  audiences: AudiencesSchema,
  notes: optionalText(4000),
});

const venueRule = <T extends { venueKind: string; establishmentId: number | null; venueName: string | null }>(e: T, ctx: z.RefinementCtx) => {
  if (e.venueKind === 'establecimiento' && e.establishmentId === null) ctx.addIssue({ code: 'custom', path: ['establishmentId'], message: 'errors.required' });
  if (e.venueKind === 'externo' && e.venueName === null) ctx.addIssue({ code: 'custom', path: ['venueName'], message: 'errors.required' });
};

export const EventCreate = EventFields.strict().superRefine(venueRule);
export type EventCreate = z.input<typeof EventCreate>;
export const EventUpdate = EventFields.extend({ id: Id, version: Version }).strict().superRefine(venueRule);
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
  ensembles: z.array(z.object({ id: z.number().int(), name: z.string() })),
  audiences: z.object(Object.fromEntries(audienceGroups.map((g) => [g, z.number().int()])) as Record<(typeof audienceGroups)[number], z.ZodNumber>),
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

const Upload = {
  fileName: z.string().trim().min(1, 'errors.required').max(255),
  dataBase64: z
    .string({ error: requiredOr('errors.invalid') })
    .min(1, 'errors.required')
    .max(28_000_000, 'errors.fileTooLargeUpload')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'errors.invalid'),
};
export const EventAddPhoto = z.object({ id: Id, ...Upload }).strict();
export const EventPhotoRef = z.object({ id: Id, hash: z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid') }).strict();

// ── Partners, agreements, donations ─────────────────────────────────────────────

export const PartnerFields = z.object({
  name: requiredText(200, 3),
  type: PartnerTypeSchema,
  contactName: optionalText(160),
  contactRole: optionalText(120),
  contactEmail: z
    .string()
    .trim()
    .max(160)
    .email('programmes.errors.email')
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\- ]*$/, 'programmes.errors.phone')
    .nullish()
    .transform((v) => v || null),
  notes: optionalText(2000),
});
export const PartnerCreate = PartnerFields.strict();
export type PartnerCreate = z.input<typeof PartnerCreate>;
export const PartnerUpdate = PartnerFields.extend({ id: Id, version: Version, active: z.boolean({ error: requiredOr('errors.invalid') }) }).strict();

export const Partner = z.object({
  id: z.number().int(),
  name: z.string(),
  type: PartnerTypeSchema,
  contactName: z.string().nullable(),
  contactRole: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  notes: z.string().nullable(),
  agreements: z.number().int(),
  events: z.number().int(),
  donationsCentimos: z.number().int(),
  version: z.number().int(),
});
export type Partner = z.infer<typeof Partner>;

export const PartnerListQuery = z.object({ search: Search, type: PartnerTypeSchema.nullable().default(null), status: ActiveFilter }).strict();

export const PartnerDetail = z.object({
  partner: Partner,
  events: z.array(z.object({ id: z.number().int(), title: z.string(), date: z.string(), type: EventTypeSchema, totalAudience: z.number().int() })),
  donations: z.array(
    z.object({ id: z.number().int(), date: z.string(), description: z.string(), valueCentimos: z.number().int(), recordedBy: z.string() }),
  ),
});
export type PartnerDetail = z.infer<typeof PartnerDetail>;

export const DonationCreate = z
  .object({ partnerId: Id, date: IsoDate, description: requiredText(400, 3), valueCentimos: Centimos })
  .strict();

const AgreementFields = z.object({
  partnerId: Id,
  title: requiredText(200, 3),
  object: requiredText(4000, 3),
  documentNumber: optionalText(80),
  startDate: IsoDate,
  endDate: optionalDate,
  notes: optionalText(2000),
});
export const AgreementCreate = AgreementFields.strict().refine(periodOrder, { path: ['endDate'], message: 'programmes.errors.periodOrder' });
export type AgreementCreate = z.input<typeof AgreementCreate>;
export const AgreementUpdate = AgreementFields.extend({ id: Id, version: Version })
  .strict()
  .refine(periodOrder, { path: ['endDate'], message: 'programmes.errors.periodOrder' });

export const Agreement = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  partnerType: PartnerTypeSchema,
  title: z.string(),
  object: z.string(),
  documentNumber: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  notes: z.string().nullable(),
  document: z.object({ hash: z.string(), name: z.string() }).nullable(),
  /** vigente | por_vencer (within AGREEMENT_ALERT_DAYS) | vencido | indefinido */
  state: z.enum(['vigente', 'por_vencer', 'vencido', 'indefinido']),
  daysLeft: z.number().int().nullable(),
  version: z.number().int(),
});
export type Agreement = z.infer<typeof Agreement>;

export const AgreementListQuery = z
  .object({ partnerId: Id.nullable().default(null), state: z.enum(['vigente', 'por_vencer', 'vencido', 'indefinido']).nullable().default(null) })
  .strict();

export const AgreementDocument = z.object({ id: Id, ...Upload }).strict();

// ── Certificates ────────────────────────────────────────────────────────────────

export const CertificateCandidate = z.object({
  enrolmentId: z.number().int(),
  participantId: z.number().int(),
  code: z.string(),
  firstNames: z.string().nullable(),
  lastNames: z.string().nullable(),
  stage: StageSchema,
  minutes: z.number().int(),
  present: z.number().int(),
  sessions: z.number().int(),
});
export type CertificateCandidate = z.infer<typeof CertificateCandidate>;

export const CertificateRequest = z
  .object({
    workshopId: Id,
    /** Empty: every participant who completed the workshop. */
    participantIds: z.array(Id).max(500).default([]),
    date: IsoDate,
    /** Certificates carry names: why they leave the app (the personal-data export log). */
    reason: PersonalDataReason,
  })
  .strict();

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
    z.object({ name: z.string(), population: z.string(), participants: Count, men: Count, women: Count, workshops: Count, ensembles: Count }),
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
    .object({ year: Count, pen: z.number().int(), usd: z.number().int(), exchangeRate: z.number(), lines: z.array(z.object({ name: z.string(), pen: Count })) })
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
  audienceByGroup: z.object(Object.fromEntries(audienceGroups.map((g) => [g, Count])) as Record<(typeof audienceGroups)[number], typeof Count>),
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
