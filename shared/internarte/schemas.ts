import { z } from 'zod';
import { Centimos, ExportFormat, Id, IsoDate, listPaging, optionalText, pageOf, requiredOr, requiredText } from '../ipc';
import { InstrumentPhoto, UploadedFile } from '../instruments/schemas';
import { PersonalDataReason } from '../auth/schemas';
import { conditionGrades, custodyStatuses, grantsAnything, namingModes, saleStatuses, sectionModes, techniques } from './rules';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: requiredOr('errors.choose') });

export const TechniqueSchema = choice(techniques);
export const SaleStatusSchema = choice(saleStatuses);
export const NamingModeSchema = choice(namingModes);
export const CustodyStatusSchema = choice(custodyStatuses);
export const ConditionGradeSchema = choice(conditionGrades);
export const SectionModeSchema = choice(sectionModes);

const Version = z.number({ error: requiredOr('errors.invalid') }).int('errors.invalid').nonnegative('errors.invalid');
const Bool = z.boolean({ error: requiredOr('errors.invalid') });
/** An optional input: absent or null both arrive as null. */
const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v): z.output<T> | null => v ?? null);
const optionalDate = orNull(IsoDate);
/** What a list's search box sends. */
const SearchText = z.string().trim().max(100).default('');
/** An update names its record and the version the user saw (optimistic concurrency). */
const editing = { id: Id, version: Version };
/** What an artist may allow: in an input (`Bool`, with its message) or in an answer. */
const grants = <T extends z.ZodType>(flag: T) => ({ mayExhibit: flag, mayCatalog: flag, mayPhotograph: flag, maySell: flag });
/** Who wrote a record last and its version, in answers. */
const stamped = { version: z.number().int(), updatedAt: z.string(), updatedBy: z.string() };
/** Who recorded a ledger entry and when, in answers. */
const recorded = { recordedAt: z.string(), recordedBy: z.string() };
/** An exhibition as other lists name it, in answers. */
const exhibitionHeading = { title: z.string(), venue: z.string().nullable(), startsOn: z.string().nullable(), endsOn: z.string().nullable() };
const NamedRef = z.object({ id: z.number().int(), name: z.string() });
/** Millimetres, integers (the form takes centimetres with one decimal). */
const Millimetres = z
  .number({ error: requiredOr('internarte.errors.dimension') })
  .int('internarte.errors.dimension')
  .min(1, 'internarte.errors.dimension')
  .max(100_000, 'internarte.errors.dimension');
const byId = z.object({ id: Id }).strict();
export const ArtworkRef = byId;
const Photos = z.array(UploadedFile).max(10, 'internarte.errors.tooManyPhotos').default([]);

export const ArtworkPhoto = InstrumentPhoto;
export type ArtworkPhoto = z.infer<typeof ArtworkPhoto>;
export { UploadedFile };

// ── Artworks ────────────────────────────────────────────────────────────────────

export const ArtworkFields = z.object({
  title: requiredText(200),
  /** A participant of the programme… */
  artistParticipantId: orNull(Id),
  /** …or a name typed in when the participant is not in the register. */
  artistName: optionalText(160),
  establishmentId: Id,
  workshopId: orNull(Id),
  technique: TechniqueSchema,
  materials: optionalText(300),
  heightMm: Millimetres,
  widthMm: Millimetres,
  depthMm: orNull(Millimetres),
  year: orNull(z.number({ error: requiredOr('internarte.errors.year') }).int('internarte.errors.year').min(1950, 'internarte.errors.year').max(2100, 'internarte.errors.year')),
  priceCentimos: orNull(Centimos),
  saleStatus: SaleStatusSchema.default('no_a_la_venta'),
  notes: optionalText(2000),
});

const oneArtist = <T extends { artistParticipantId: number | null; artistName: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if ((v.artistParticipantId === null) === (v.artistName === null)) {
    ctx.addIssue({ code: 'custom', path: ['artistName'], message: 'internarte.errors.artistRequired' });
  }
};
const priceWhenForSale = <T extends { saleStatus: string; priceCentimos: number | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.saleStatus !== 'no_a_la_venta' && v.priceCentimos === null) {
    ctx.addIssue({ code: 'custom', path: ['priceCentimos'], message: 'internarte.errors.priceRequired' });
  }
};

/** receivedOn: the date of the first custody entry ("en taller"); today when not given. */
export const ArtworkCreate = ArtworkFields.extend({ receivedOn: optionalDate })
  .strict()
  .superRefine(oneArtist)
  .superRefine(priceWhenForSale);
export type ArtworkCreate = z.input<typeof ArtworkCreate>;
export const ArtworkUpdate = ArtworkFields.extend(editing).strict().superRefine(oneArtist).superRefine(priceWhenForSale);
export type ArtworkUpdate = z.input<typeof ArtworkUpdate>;

/** What an artist allowed, as the latest consent entry says (or nothing, when there is none). */
export const ConsentNow = z.object({
  recorded: z.boolean(),
  date: z.string().nullable(),
  naming: NamingModeSchema,
  pseudonym: z.string().nullable(),
  ...grants(z.boolean()),
});
export type ConsentNow = z.infer<typeof ConsentNow>;

export const Artwork = z.object({
  id: z.number().int(),
  title: z.string(),
  /** The real name: only for roles that may see it (administrador, exposiciones), else null. */
  artistName: z.string().nullable(),
  artistParticipantId: z.number().int().nullable(),
  /** The artist as this user may see it: the real name, or as consent allows. */
  artistLabel: z.string(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  workshopId: z.number().int().nullable(),
  workshopName: z.string().nullable(),
  technique: TechniqueSchema,
  materials: z.string().nullable(),
  heightMm: z.number().int(),
  widthMm: z.number().int(),
  depthMm: z.number().int().nullable(),
  year: z.number().int().nullable(),
  priceCentimos: z.number().int().nullable(),
  saleStatus: SaleStatusSchema,
  custodyStatus: CustodyStatusSchema,
  consent: ConsentNow,
  thumbnail: z.string().nullable(),
  photoCount: z.number().int(),
  notes: z.string().nullable(),
  ...stamped,
});
export type Artwork = z.infer<typeof Artwork>;

export const artworkSortColumns = ['title', 'establishment', 'technique', 'year', 'custody', 'price', 'updatedAt'] as const;

export const ConsentFilter = z.enum(['sin_consentimiento', 'exhibir', 'catalogo', 'foto', 'venta']);

export const ArtworkFilter = z
  .object({
    search: SearchText,
    establishmentId: Id.nullable().default(null),
    technique: TechniqueSchema.nullable().default(null),
    custodyStatus: CustodyStatusSchema.nullable().default(null),
    saleStatus: SaleStatusSchema.nullable().default(null),
    consent: ConsentFilter.nullable().default(null),
  })
  .strict();
export type ArtworkFilter = z.input<typeof ArtworkFilter>;

export const ArtworkListQuery = ArtworkFilter.extend(listPaging(artworkSortColumns, 'title')).strict();
export type ArtworkListQuery = z.input<typeof ArtworkListQuery>;

/**
 * The register as a spreadsheet: what the filters show, the artist as this user sees it (the
 * real name only for the roles that see it). Logged with its reason like every file with
 * personal data.
 */
export const ArtworkExport = z
  .object({
    filter: ArtworkFilter,
    format: ExportFormat,
    sort: z.enum(artworkSortColumns).default('title'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    reason: PersonalDataReason,
  })
  .strict();

export const ArtworkOptions = z.object({
  workshops: z.array(z.object({ id: z.number().int(), name: z.string(), establishmentId: z.number().int(), establishmentName: z.string() })),
});

export const ArtistOptionsQuery = z.object({ search: SearchText }).strict();
export const ArtistOption = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
});

export const AddArtworkPhoto = UploadedFile.extend({ id: Id }).strict();
export const ArtworkPhotoRef = z.object({ id: Id, hash: z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid') }).strict();

// ── Consent ─────────────────────────────────────────────────────────────────────

export const ConsentRecord = z
  .object({
    artworkId: Id,
    date: IsoDate,
    naming: NamingModeSchema,
    pseudonym: optionalText(80),
    ...grants(Bool),
    notes: optionalText(1000),
    /** The signed form (PDF or image): required when anything is granted. */
    document: orNull(UploadedFile),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.naming === 'seudonimo' && !v.pseudonym) {
      ctx.addIssue({ code: 'custom', path: ['pseudonym'], message: 'internarte.errors.pseudonymRequired' });
    }
    if (grantsAnything(v) && !v.document) {
      ctx.addIssue({ code: 'custom', path: ['document'], message: 'internarte.errors.documentRequired' });
    }
  });
export type ConsentRecord = z.input<typeof ConsentRecord>;

export const ConsentRevoke = z
  .object({
    artworkId: Id,
    date: IsoDate,
    notes: optionalText(1000),
    document: orNull(UploadedFile),
  })
  .strict();

export const ConsentEntry = z.object({
  id: z.number().int(),
  date: z.string(),
  revocation: z.boolean(),
  naming: NamingModeSchema,
  pseudonym: z.string().nullable(),
  ...grants(z.boolean()),
  /** The notes, the document's name and reference: null for the roles that do not see artists' real names. */
  notes: z.string().nullable(),
  /** Whether a signed document is on file (told to every role). */
  hasDocument: z.boolean(),
  documentHash: z.string().nullable(),
  documentName: z.string().nullable(),
  ...recorded,
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;

// ── Condition reports ───────────────────────────────────────────────────────────

export const ConditionReportInput = z
  .object({
    artworkId: Id,
    date: IsoDate,
    examinedBy: requiredText(160, 2),
    grade: ConditionGradeSchema,
    text: requiredText(4000),
    photos: Photos,
  })
  .strict();
export type ConditionReportInput = z.input<typeof ConditionReportInput>;

export const SmallPhoto = z.object({ hash: z.string(), originalName: z.string(), thumbnail: z.string().nullable() });

export const ConditionReport = z.object({
  id: z.number().int(),
  date: z.string(),
  examinedBy: z.string(),
  grade: ConditionGradeSchema,
  text: z.string(),
  photos: z.array(SmallPhoto),
  ...recorded,
});
export type ConditionReport = z.infer<typeof ConditionReport>;

// ── Custody ─────────────────────────────────────────────────────────────────────

export const CustodyMove = z
  .object({
    artworkId: Id,
    to: CustodyStatusSchema,
    date: IsoDate,
    place: optionalText(200),
    notes: optionalText(1000),
  })
  .strict();
export type CustodyMove = z.input<typeof CustodyMove>;

export const CustodyEntry = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  status: CustodyStatusSchema,
  date: z.string(),
  place: z.string().nullable(),
  notes: z.string().nullable(),
  exhibitionId: z.number().int().nullable(),
  exhibitionTitle: z.string().nullable(),
  loanId: z.number().int().nullable(),
  ...recorded,
});
export type CustodyEntry = z.infer<typeof CustodyEntry>;

export const ArtworkExhibition = z.object({
  exhibitionId: z.number().int(),
  ...exhibitionHeading,
  catalogNumber: z.string(),
  loanOpen: z.boolean(),
});

export const InternArteSummary = z.object({
  works: z.number().int(),
  onLoan: z.number().int(),
  exhibitionsRunning: z.number().int(),
  withoutConsent: z.number().int(),
});

// ── Exhibitions ─────────────────────────────────────────────────────────────────

export const ExhibitionFields = z.object({
  title: requiredText(200, 3),
  subtitle: optionalText(200),
  venue: optionalText(200),
  startsOn: optionalDate,
  endsOn: optionalDate,
  curators: z.array(requiredText(160, 2)).max(20).default([]),
  presentation: optionalText(20_000),
  curatorialText: optionalText(20_000),
  credits: optionalText(10_000),
  sectionMode: SectionModeSchema.default('ninguna'),
  partnerIds: z.array(Id).max(30).default([]),
});
const datesInOrder = <T extends { startsOn: string | null; endsOn: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'internarte.errors.endsBeforeStart' });
  }
};
export const ExhibitionCreate = ExhibitionFields.strict().superRefine(datesInOrder);
export type ExhibitionCreate = z.input<typeof ExhibitionCreate>;
export const ExhibitionUpdate = ExhibitionFields.extend(editing).strict().superRefine(datesInOrder);
export type ExhibitionUpdate = z.input<typeof ExhibitionUpdate>;

export const Exhibition = z.object({
  id: z.number().int(),
  ...exhibitionHeading,
  subtitle: z.string().nullable(),
  curators: z.array(z.string()),
  presentation: z.string().nullable(),
  curatorialText: z.string().nullable(),
  credits: z.string().nullable(),
  sectionMode: SectionModeSchema,
  partners: z.array(NamedRef),
  workCount: z.number().int(),
  openLoans: z.number().int(),
  ...stamped,
});
export type Exhibition = z.infer<typeof Exhibition>;

export const exhibitionSortColumns = ['title', 'startsOn', 'venue', 'updatedAt'] as const;
export const ExhibitionListQuery = z
  .object({ search: SearchText, ...listPaging(exhibitionSortColumns, 'startsOn') })
  .strict();
export type ExhibitionListQuery = z.input<typeof ExhibitionListQuery>;

export const ExhibitionOptions = z.object({ partners: z.array(NamedRef) });
export const PartnerRef = z.object({ partnerId: Id }).strict();
export const PartnerExhibition = z.object({
  id: z.number().int(),
  ...exhibitionHeading,
  workCount: z.number().int(),
});

export const ChecklistRow = z.object({
  artworkId: z.number().int(),
  position: z.number().int(),
  catalogNumber: z.string(),
  /** The free section typed for this work (used when the section mode is "libre"). */
  section: z.string().nullable(),
  /** The section as printed: by the exhibition's mode. */
  sectionLabel: z.string().nullable(),
  title: z.string(),
  artistLabel: z.string(),
  establishmentName: z.string(),
  technique: TechniqueSchema,
  year: z.number().int().nullable(),
  custodyStatus: CustodyStatusSchema,
  mayExhibit: z.boolean(),
  mayCatalog: z.boolean(),
  loanOpen: z.boolean(),
  thumbnail: z.string().nullable(),
});
export type ChecklistRow = z.infer<typeof ChecklistRow>;

export const ChecklistAdd = z.object({ exhibitionId: Id, artworkIds: z.array(Id).min(1, 'errors.required').max(500) }).strict();
export const ChecklistItemRef = z.object({ exhibitionId: Id, artworkId: Id }).strict();
export const ChecklistItemUpdate = z
  .object({
    exhibitionId: Id,
    artworkId: Id,
    catalogNumber: requiredText(20).regex(/^[A-Za-z0-9][A-Za-z0-9.\-/ ]*$/, 'internarte.errors.catalogNumber'),
    section: optionalText(120),
  })
  .strict();
export const ChecklistMove = z.object({ exhibitionId: Id, artworkId: Id, direction: z.enum(['up', 'down'], { error: requiredOr('errors.choose') }) }).strict();
export const ChecklistExport = z.object({ exhibitionId: Id, format: ExportFormat }).strict();

// ── Loans ───────────────────────────────────────────────────────────────────────

export const LoanCreate = z
  .object({
    exhibitionId: Id,
    artworkId: Id,
    lentOn: IsoDate,
    dueOn: optionalDate,
    insuranceCentimos: Centimos,
    conditionOut: requiredText(2000),
    photos: Photos,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.dueOn && v.dueOn < v.lentOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'internarte.errors.dueBeforeLent' });
  });
export type LoanCreate = z.input<typeof LoanCreate>;

export const LoanReturn = z
  .object({ loanId: Id, returnedOn: IsoDate, conditionBack: requiredText(2000), photos: Photos })
  .strict();
export type LoanReturn = z.input<typeof LoanReturn>;

export const Loan = z.object({
  id: z.number().int(),
  exhibitionId: z.number().int(),
  exhibitionTitle: z.string(),
  venue: z.string().nullable(),
  artworkId: z.number().int(),
  artworkTitle: z.string(),
  catalogNumber: z.string().nullable(),
  lentOn: z.string(),
  dueOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  insuranceCentimos: z.number().int(),
  conditionOut: z.string(),
  conditionBack: z.string().nullable(),
  photosOut: z.array(SmallPhoto),
  photosBack: z.array(SmallPhoto),
  lentBy: z.string(),
  returnedBy: z.string().nullable(),
});
export type Loan = z.infer<typeof Loan>;

export const ExhibitionPage = pageOf(Exhibition);
export const ArtworkPage = pageOf(Artwork);
