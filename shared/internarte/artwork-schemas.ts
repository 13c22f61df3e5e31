import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { Centimos, ExportFormat, Id, IsoDate, listPaging, optionalText, recorded, requiredOr, requiredText, stamped } from '../ipc';
import { UploadedFile } from '../inventory/schemas';
import { PersonalDataReason } from '../privacy/schemas';
import { grantsAnything } from './rules';
import {
  TechniqueSchema,
  SaleStatusSchema,
  NamingModeSchema,
  CustodyStatusSchema,
  ConditionGradeSchema,
  Bool,
  orNull,
  optionalDate,
  SearchText,
  editing,
  grants,
  exhibitionHeading,
  Millimetres,
  Photos,
  listFilter,
} from './schema-helpers';

// ── Artworks ────────────────────────────────────────────────────────────────────

export const ArtworkFields = z.object({
  title: requiredText(200),
  /** A participant of the programme… */
  artistParticipantId: orNull(Id),
  /** …or a name typed in when the participant is not in the register. */
  artistName: optionalText(160),
  establishmentId: EstablishmentId,
  workshopId: orNull(Id),
  technique: TechniqueSchema,
  materials: optionalText(300),
  heightMm: Millimetres,
  widthMm: Millimetres,
  depthMm: orNull(Millimetres),
  year: orNull(
    z
      .number({ error: requiredOr('internarte.errors.year') })
      .int('internarte.errors.year')
      .min(1950, 'internarte.errors.year')
      .max(2100, 'internarte.errors.year'),
  ),
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

export const ArtworkFilter = listFilter({
  establishmentId: EstablishmentId,
  technique: TechniqueSchema,
  custodyStatus: CustodyStatusSchema,
  saleStatus: SaleStatusSchema,
  consent: ConsentFilter,
});
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
  workshops: z.array(
    z.object({ id: z.number().int(), name: z.string(), establishmentId: z.number().int(), establishmentName: z.string() }),
  ),
});

export const ArtistOptionsQuery = z.object({ search: SearchText }).strict();
export const ArtistOption = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
});

export const AddArtworkPhoto = UploadedFile.extend({ id: RecordId }).strict();
export const ArtworkPhotoRef = z.object({ id: RecordId, hash: z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid') }).strict();

// ── Consent ─────────────────────────────────────────────────────────────────────

export const ConsentRecord = z
  .object({
    artworkId: RecordId,
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
    artworkId: RecordId,
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
    artworkId: RecordId,
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
    artworkId: RecordId,
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
