import type { Widen } from '../types';
import { internarteLabelsEn, internarteLabelsEs } from './internarte/labels';
import { internarteConsentEn, internarteConsentEs } from './internarte/consent';

/** InternArte: artworks, the artists' consent, exhibitions, checklist and loans. Spanish (Peru) first, English beside it. */
export const internarteEs = {
  ...internarteLabelsEs,
  ...internarteConsentEs,
};

export const internarteEn: Widen<typeof internarteEs> = {
  ...internarteLabelsEn,
  ...internarteConsentEn,
};
