import type { Widen } from '../types';
import { programmesLabelsEn, programmesLabelsEs } from './programmes/labels';
import { programmesErrorsEn, programmesErrorsEs } from './programmes/errors';
import { programmesCustodyEn, programmesCustodyEs } from './programmes/custody';
import { programmesAgreementsEn, programmesAgreementsEs } from './programmes/agreements';

/** Programmes: workshops, participants, attendance, ensembles, events, partners, certificates, reports. */
export const programmesEs = {
  ...programmesLabelsEs,
  ...programmesErrorsEs,
  ...programmesCustodyEs,
  ...programmesAgreementsEs,
};

export const programmesEn: Widen<typeof programmesEs> = {
  ...programmesLabelsEn,
  ...programmesErrorsEn,
  ...programmesCustodyEn,
  ...programmesAgreementsEn,
};
