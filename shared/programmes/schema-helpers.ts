import { z } from 'zod';
import { RecordId } from '../marks';
import { activeFilter, choice } from '../ipc';
import { custodyKinds, ensembleTypes, eventTypes, participantStatuses, partnerTypes, programmes, sexes, stages, venueKinds } from './rules';

/** Pieces shared by the schema files of the programmes (shared/programmes/*-schemas.ts); schemas.ts gathers those files for importers. */

export const ProgrammeSchema = choice(programmes);
export const SexSchema = choice(sexes);
export const ParticipantStatusSchema = choice(participantStatuses);
export const StageSchema = choice(stages);
export const EnsembleTypeSchema = choice(ensembleTypes);
export const EventTypeSchema = choice(eventTypes);
export const VenueKindSchema = choice(venueKinds);
export const PartnerTypeSchema = choice(partnerTypes);
export const CustodyKindSchema = choice(custodyKinds);

export { listFilter, listPaging, optionalDate, orNull, PageNumber, PageSize, SearchText as Search, Version } from '../ipc';
export const ActiveFilter = activeFilter('active');
export const byId = z.object({ id: RecordId }).strict();
export const ById = byId;

export const periodOrder = <T extends { startDate: string; endDate: string | null }>(v: T) =>
  v.endDate === null || v.endDate >= v.startDate;
