import { z } from 'zod';
import { RecordId } from '../marks';
import { choice, requiredOr, Version } from '../ipc';
import { InstrumentPhoto, UploadedFile } from '../inventory/schemas';
import { conditionGrades, custodyStatuses, namingModes, saleStatuses, sectionModes, techniques } from './rules';

/** Pieces shared by the schema files of artworks and exhibitions (shared/internarte/*-schemas.ts); schemas.ts gathers those files for importers. */

export const TechniqueSchema = choice(techniques);
export const SaleStatusSchema = choice(saleStatuses);
export const NamingModeSchema = choice(namingModes);
export const CustodyStatusSchema = choice(custodyStatuses);
export const ConditionGradeSchema = choice(conditionGrades);
export const SectionModeSchema = choice(sectionModes);

export const Bool = z.boolean({ error: requiredOr('errors.invalid') });
/** An update names its record and the version the user saw (optimistic concurrency). */
export const editing = { id: RecordId, version: Version };
export { listFilter, optionalDate, orNull, SearchText } from '../ipc';
/** What an artist may allow: in an input (`Bool`, with its message) or in an answer. */
export const grants = <T extends z.ZodType>(flag: T) => ({ mayExhibit: flag, mayCatalog: flag, mayPhotograph: flag, maySell: flag });
/** An exhibition as other lists name it, in answers. */
export const exhibitionHeading = {
  title: z.string(),
  venue: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
};
export const NamedRef = z.object({ id: z.number().int(), name: z.string() });
/** Millimetres, integers (the form takes centimetres with one decimal). */
export const Millimetres = z
  .number({ error: requiredOr('internarte.errors.dimension') })
  .int('internarte.errors.dimension')
  .min(1, 'internarte.errors.dimension')
  .max(100_000, 'internarte.errors.dimension');
const byId = z.object({ id: RecordId }).strict();
export const ArtworkRef = byId;
export const Photos = z.array(UploadedFile).max(10, 'internarte.errors.tooManyPhotos').default([]);

export const ArtworkPhoto = InstrumentPhoto;
export type ArtworkPhoto = z.infer<typeof ArtworkPhoto>;
export { UploadedFile };
