import { z } from 'zod';
import { RecordId } from '../marks';
import { IsoDate, requiredOr } from '../ipc';
import { custodyKinds, ensembleTypes, eventTypes, participantStatuses, partnerTypes, programmes, sexes, stages, venueKinds } from './rules';

/** Pieces shared by the schema files of the programmes (shared/programmes/*-schemas.ts); schemas.ts gathers those files for importers. */

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

export const Version = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .nonnegative('errors.invalid');
export const optionalDate = IsoDate.nullish().transform((v) => v ?? null);
export { PageNumber, PageSize } from '../ipc';
export const Search = z.string().trim().max(100).default('');
export const ActiveFilter = z.enum(['active', 'inactive', 'all']).default('active');
export const byId = z.object({ id: RecordId }).strict();
export const ById = byId;

export const periodOrder = <T extends { startDate: string; endDate: string | null }>(v: T) =>
  v.endDate === null || v.endDate >= v.startDate;
