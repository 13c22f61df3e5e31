import { z } from 'zod';
import { choice, Id } from '../ipc';

/** Paper sizes the catalog is printed on: portrait A4, A5 and Letter, A4 landscape (297 × 210 mm), a 21 × 21 cm square. */
export const catalogPageSizes = ['A4', 'A5', 'Letter', 'A4Landscape', 'Square21'] as const;
/** Works per page: one, two, or a grid (six on A4 and Letter, four on A5). */
export const catalogLayouts = ['one', 'two', 'grid'] as const;
/** The language of the printed texts (headings, captions' words, footer). */
export const outputLanguages = ['es-PE', 'en'] as const;

export const CatalogOptions = z
  .object({
    exhibitionId: Id,
    pageSize: choice(catalogPageSizes).default('A4'),
    layout: choice(catalogLayouts).default('one'),
    lang: choice(outputLanguages).default('es-PE'),
    /** For the print shop: 3 mm bleed, crop marks, TrimBox/BleedBox, pages a multiple of 4 (the preview ignores it). */
    printShop: z.boolean().default(false),
  })
  .strict();
export type CatalogOptions = z.input<typeof CatalogOptions>;

/** The catalog's first pages as main prints them, with small images inlined (data: URLs). */
export const CatalogPreview = z.object({
  /** A complete, static HTML document: shown in a sandboxed frame (srcdoc), never run. */
  html: z.string(),
  worksShown: z.number().int().nonnegative(),
  worksTotal: z.number().int().nonnegative(),
  /** Works in the catalog without a publishable photo (no photo, or no consent for it). */
  worksWithoutImage: z.number().int().nonnegative(),
  consentAsOf: z.string(),
});
export type CatalogPreview = z.infer<typeof CatalogPreview>;

/** What the preflight finds that a print shop would reject (issue 18, item 4); the clerk may export anyway. */
export const preflightKinds = [
  'missingEnglish',
  'coverLowResolution',
  'logoLowResolution',
  'lowResolution',
  'noPhoto',
  'captionTooLong',
] as const;
export const PreflightFinding = z.object({
  kind: z.enum(preflightKinds),
  /** The work it is about; null for the exhibition's texts and the partners' logos. */
  artworkId: z.number().int().nullable(),
  /** The work's title, the partner's name or the text's field. */
  label: z.string(),
  /** The message's values: title, number, ppi, widthCm, heightCm, widthPx, heightPx, lines, fits, field, name. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PreflightFinding = z.infer<typeof PreflightFinding>;
export const CatalogPreflight = z.object({ findings: z.array(PreflightFinding), minPpi: z.number().int(), consentAsOf: z.string() });
export type CatalogPreflight = z.infer<typeof CatalogPreflight>;

/** catalog.export: the save dialog was cancelled, or the job that makes the PDF started. */
export const CatalogExportStarted = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('started'), jobId: z.string(), path: z.string() }),
]);
export type CatalogExportStarted = z.infer<typeof CatalogExportStarted>;

/** What a finished catalog job answers (JobStatus.result of kind 'catalog.export'). */
export const CatalogExportDone = z.object({
  status: z.literal('saved'),
  path: z.string(),
  works: z.number().int().nonnegative(),
  images: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type CatalogExportDone = z.infer<typeof CatalogExportDone>;

export const LabelsRequest = z
  .object({
    exhibitionId: Id,
    lang: choice(outputLanguages).default('es-PE'),
  })
  .strict();
export type LabelsRequest = z.input<typeof LabelsRequest>;
