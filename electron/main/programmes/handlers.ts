import type { Handlers } from '../ipc/context';
import type { programmeChannels } from '../../../shared/programmes/channels';
import { certificateHandlers } from './certificates';
import { ensembleHandlers } from './ensembles';
import { eventHandlers } from './events';
import { participantHandlers } from './participants';
import { partnerHandlers } from './partners';
import { programmeReportHandlers } from './reports';
import { workshopHandlers } from './workshops';

/** Every programme channel's handler (workshops, participants, attendance, ensembles, events, partners, certificates, reports). */
export const programmeHandlers: Pick<Handlers, (typeof programmeChannels)[number]> = {
  ...workshopHandlers,
  ...participantHandlers,
  ...ensembleHandlers,
  ...eventHandlers,
  ...partnerHandlers,
  ...certificateHandlers,
  ...programmeReportHandlers,
};
