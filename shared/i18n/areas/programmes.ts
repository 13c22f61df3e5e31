import type { Widen } from '../types';
import { programmesLabelsEn, programmesLabelsEs } from './programmes/labels';
import { programmesErrorsEn, programmesErrorsEs } from './programmes/errors';
import { programmesCustodyEn, programmesCustodyEs } from './programmes/custody';
import { programmesAgreementsEn, programmesAgreementsEs } from './programmes/agreements';
import { programmesAgreementLinksEn, programmesAgreementLinksEs } from './programmes/agreement-links';
import { programmesPartsEn, programmesPartsEs } from './programmes/parts';
import { programmesWorkshopTeachersEn, programmesWorkshopTeachersEs } from './programmes/workshop-teachers';
import { programmesInitiativesEn, programmesInitiativesEs } from './programmes/initiatives';
import { programmesUnescoEn, programmesUnescoEs } from './programmes/unesco';
import { programmesPartnerLogoEn, programmesPartnerLogoEs } from './programmes/partner-logo';

/** Programmes: workshops, participants, attendance, ensembles, events, partners, certificates, reports. */
export const programmesEs = {
  ...programmesLabelsEs,
  ...programmesErrorsEs,
  ...programmesCustodyEs,
  ...programmesAgreementsEs,
  ...programmesAgreementLinksEs,
  ...programmesPartsEs,
  ...programmesWorkshopTeachersEs,
  ...programmesInitiativesEs,
  ...programmesUnescoEs,
  ...programmesPartnerLogoEs,
};

export const programmesEn: Widen<typeof programmesEs> = {
  ...programmesLabelsEn,
  ...programmesErrorsEn,
  ...programmesCustodyEn,
  ...programmesAgreementsEn,
  ...programmesAgreementLinksEn,
  ...programmesPartsEn,
  ...programmesWorkshopTeachersEn,
  ...programmesInitiativesEn,
  ...programmesUnescoEn,
  ...programmesPartnerLogoEn,
};
