import type { DomainHandlers } from '../ipc/context';
import type { programmeChannels } from '../../../shared/programmes/channels';
import { agreementLinkHandlers } from './agreement-links';
import { certificateHandlers } from './certificates';
import { enrolmentHandlers } from './enrolments';
import { ensembleHandlers } from './ensembles';
import { ensemblePartHandlers } from './ensemble-parts';
import { eventHandlers } from './events';
import { initiativeHandlers } from './initiatives';
import { participantHandlers } from './participants';
import { partnerHandlers } from './partners';
import { programmeReportHandlers } from './reports';
import { workshopHandlers } from './workshops';

/** The programmes domain's channels (workshops, participants, attendance, ensembles, events, partners, certificates, reports). */
type ProgrammeChannel = (typeof programmeChannels)[number];

/** Every programme channel's handler (workshops, participants, attendance, ensembles, events, partners, certificates, reports). */
export const programmeHandlers: DomainHandlers<ProgrammeChannel> = {
  ...workshopHandlers,
  ...participantHandlers,
  ...enrolmentHandlers,
  ...ensembleHandlers,
  ...ensemblePartHandlers,
  ...eventHandlers,
  ...partnerHandlers,
  ...agreementLinkHandlers,
  ...initiativeHandlers,
  ...certificateHandlers,
  ...programmeReportHandlers,
};
