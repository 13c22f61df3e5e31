import { z } from 'zod';
import { channel, ExportResult } from './ipc';
import { RecordId } from './marks';
import { UploadedFile } from './inventory/schemas';
import { PersonalDataReason } from './privacy/schemas';
import type { PaperPrefix } from './paper-channels';

/**
 * The signed papers filed with a record (issue 16, item 4): a scanned PDF or a photo of a
 * transfer's dispatch or receipt, a repair's invoice, a stocktake's signed acta, a
 * conformity's recibo por honorarios, a loan's agreement or a participant's signed consent
 * form. One mechanism for all of them: each owning domain answers the same four channels
 * under its own prefix (`<prefix>.papers`, `.attachPaper`, `.removePaper`, `.paperCopy`),
 * made here once, so a record's papers look and behave alike everywhere.
 */

/** What a paper is; the record it is filed with decides it (a movement by its kind). */
export const paperKinds = [
  'despacho',
  'recepcion',
  'factura_reparacion',
  'acta_inventario',
  'recibo_honorarios',
  'convenio_prestamo',
  'consentimiento',
] as const;
export type PaperKind = (typeof paperKinds)[number];

export const Paper = z.object({
  hash: z.string(),
  kind: z.enum(paperKinds),
  originalName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type Paper = z.infer<typeof Paper>;

const PaperHash = z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid');

export const PaperOwner = z.object({ id: RecordId }).strict();
export const AttachPaper = UploadedFile.extend({ id: RecordId }).strict();
export const PaperRef = z.object({ id: RecordId, hash: PaperHash }).strict();
/** A copy of a paper with personal data (a participant's consent) says why, and is logged. */
export const PersonalPaperRef = PaperRef.extend({ reason: PersonalDataReason }).strict();

const papers = z.array(Paper);
const listDef = channel('query', PaperOwner, papers);
const attachDef = channel('write', AttachPaper, papers);
const removeDef = channel('write', PaperRef, papers);

type PaperContract<P extends PaperPrefix, C extends z.ZodType> = { [K in `${P}.papers`]: typeof listDef } & {
  [K in `${P}.attachPaper`]: typeof attachDef;
} & { [K in `${P}.removePaper`]: typeof removeDef } & { [K in `${P}.paperCopy`]: ReturnType<typeof channel<C, typeof ExportResult>> };

/** The contract of a prefix's papers; `copyInput` is PersonalPaperRef where the papers carry personal data. */
export function paperContract<P extends PaperPrefix, C extends z.ZodType = typeof PaperRef>(p: P, copyInput?: C): PaperContract<P, C> {
  return {
    [`${p}.papers`]: listDef,
    [`${p}.attachPaper`]: attachDef,
    [`${p}.removePaper`]: removeDef,
    [`${p}.paperCopy`]: channel('action', copyInput ?? PaperRef, ExportResult),
  } as PaperContract<P, C>;
}
