import type { Widen } from '../types';
import { internarteLabelsEn, internarteLabelsEs } from './internarte/labels';
import { internarteConsentEn, internarteConsentEs } from './internarte/consent';
import { catalogEn, catalogEs } from './internarte/catalog';

/** InternArte: artworks, the artists' consent, exhibitions, checklist and loans, the catalog and wall labels. Spanish (Peru) first, English beside it. */
export const internarteEs = {
  ...internarteLabelsEs,
  ...internarteConsentEs,
  catalog: catalogEs,
};

export const internarteEn: Widen<typeof internarteEs> = {
  ...internarteLabelsEn,
  ...internarteConsentEn,
  catalog: catalogEn,
};
