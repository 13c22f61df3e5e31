import { z } from 'zod';
import { RecordId } from '../marks';
import { Centimos, ExportFormat, Id, IsoDate, listPaging, optionalText, pageOf, requiredText, stamped, choice, orNull } from '../ipc';
import {
  TechniqueSchema,
  CustodyStatusSchema,
  SectionModeSchema,
  optionalDate,
  SearchText,
  editing,
  exhibitionHeading,
  NamedRef,
  Photos,
} from './schema-helpers';
import { Artwork, SmallPhoto } from './artwork-schemas';

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
  /** The agreement (of one of its partners) under which the exhibition was held, if any. */
  agreementId: orNull(Id),
  /** The exhibition's texts in English, for an English catalog (a missing one falls back to the Spanish). */
  titleEn: optionalText(200),
  subtitleEn: optionalText(200),
  presentationEn: optionalText(20_000),
  curatorialTextEn: optionalText(20_000),
  creditsEn: optionalText(10_000),
  /** The work whose photo is the catalog's cover (one of its checklist); null: the first with a publishable photo. */
  coverArtworkId: orNull(Id),
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
  agreement: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  titleEn: z.string().nullable(),
  subtitleEn: z.string().nullable(),
  presentationEn: z.string().nullable(),
  curatorialTextEn: z.string().nullable(),
  creditsEn: z.string().nullable(),
  coverArtworkId: z.number().int().nullable(),
  workCount: z.number().int(),
  openLoans: z.number().int(),
  ...stamped,
});
export type Exhibition = z.infer<typeof Exhibition>;

export const exhibitionSortColumns = ['title', 'startsOn', 'venue', 'updatedAt'] as const;
export const ExhibitionListQuery = z.object({ search: SearchText, ...listPaging(exhibitionSortColumns, 'startsOn') }).strict();
export type ExhibitionListQuery = z.input<typeof ExhibitionListQuery>;

export const ExhibitionOptions = z.object({
  partners: z.array(NamedRef),
  /** The agreements an exhibition may name: the form offers those of its partners in force on its opening date. */
  agreements: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      partnerId: z.number().int(),
      startDate: z.string(),
      endDate: z.string().nullable(),
    }),
  ),
});
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
  /** In the catalog with a photo its author allowed to publish: it may be the catalog's cover. */
  mayBeCover: z.boolean(),
  loanOpen: z.boolean(),
  thumbnail: z.string().nullable(),
});
export type ChecklistRow = z.infer<typeof ChecklistRow>;

export const ChecklistAdd = z.object({ exhibitionId: RecordId, artworkIds: z.array(Id).min(1, 'errors.required').max(500) }).strict();
export const ChecklistItemRef = z.object({ exhibitionId: Id, artworkId: Id }).strict();
export const ChecklistItemUpdate = z
  .object({
    exhibitionId: Id,
    artworkId: Id,
    catalogNumber: requiredText(20).regex(/^[A-Za-z0-9][A-Za-z0-9.\-/ ]*$/, 'internarte.errors.catalogNumber'),
    section: optionalText(120),
  })
  .strict();
/** One section for a selection of the checklist's works (empty: none). */
export const ChecklistSections = z
  .object({ exhibitionId: Id, artworkIds: z.array(Id).min(1, 'errors.required').max(500), section: optionalText(120) })
  .strict();
export type ChecklistSections = z.input<typeof ChecklistSections>;
export const ChecklistMove = z.object({ exhibitionId: Id, artworkId: Id, direction: choice(['up', 'down']) }).strict();
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

export const LoanReturn = z.object({ loanId: RecordId, returnedOn: IsoDate, conditionBack: requiredText(2000), photos: Photos }).strict();
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
