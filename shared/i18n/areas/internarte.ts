import type { Widen } from '../types';
import { internarteLabelsEn, internarteLabelsEs } from './internarte/labels';
import { internarteConsentEn, internarteConsentEs } from './internarte/consent';
import { catalogEn, catalogEs } from './internarte/catalog';
import { choicesEn, choicesEs } from './internarte/choices';

/** InternArte: artworks, the artists' consent, exhibitions, checklist and loans, the catalog and wall labels. Spanish (Peru) first, English beside it. */
export const internarteEs = {
  ...internarteLabelsEs,
  ...internarteConsentEs,
  catalog: catalogEs,
  choices: choicesEs,
};

export const internarteEn: Widen<typeof internarteEs> = {
  ...internarteLabelsEn,
  ...internarteConsentEn,
  catalog: catalogEn,
  choices: choicesEn,
};
