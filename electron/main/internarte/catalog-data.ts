/**
 * What the exhibition's printed outputs (the catalog PDF and the wall labels) are made from:
 * the exhibition and its works AFTER consent has been applied in main. Producers
 * (internarte/outputs.ts: catalogData) decide what may appear; consumers (the pure HTML
 * templates in internarte/catalog/) print exactly what they are given and never look
 * anything up. A value that consent withholds is simply not here: no real name behind a
 * pseudonym, no photo path without photo consent, no work without catalog (or exhibition,
 * for labels) consent.
 */

import type { ExhibitionValues } from './repository/exhibitions';

export type CatalogPageSize = 'A4' | 'A5' | 'Letter' | 'A4Landscape' | 'Square21';
export type CatalogLayout = 'one' | 'two' | 'grid';
export type OutputLanguage = 'es-PE' | 'en';
/** The exhibition's texts that have an English twin. */
export type ExhibitionTextField = 'title' | 'subtitle' | 'presentation' | 'curatorialText' | 'credits';

/** An image in the managed attachments folder (the original, kept for print). */
export interface CatalogImage {
  /** Absolute path of the original file. */
  path: string;
  width: number;
  height: number;
  /** Alternative text, already consent-safe (title and the artist as consent allows). */
  alt: string;
}

export interface CatalogWork {
  artworkId: number;
  /** The catalog number of the exhibition's checklist (1, 2, 3… or as the curator set it). */
  catalogNumber: string;
  /** Section heading (an establishment or a technique), null when the checklist has none. */
  section: string | null;
  title: string;
  /** The artist as consent allows: full name, initials, the pseudonym, or the word for "anonymous". */
  artistLabel: string;
  /** True when artistLabel is the anonymous word (the artists' index leaves these out). */
  anonymous: boolean;
  year: number | null;
  /** The technique as the reader reads it ("Cerámica de alta temperatura"). */
  technique: string;
  materials: string | null;
  /** Millimetres, integers; depth null for flat works. */
  dimensionsMm: { height: number; width: number; depth: number | null } | null;
  /** "E.P. Lurigancho" */
  establishment: string;
  /** Only when the artist allowed the work to be photographed and the photo published. */
  image: CatalogImage | null;
  /** Only when the artist allowed the sale; céntimos (PEN). */
  priceCentimos: number | null;
}

export interface CatalogPartner {
  name: string;
  logo: CatalogImage | null;
}

export interface CatalogData {
  lang: OutputLanguage;
  /** The exhibition's texts as recorded: plain text, which the template escapes. */
  exhibition: Omit<ExhibitionValues, 'sectionMode'> & {
    id: number;
    partners: CatalogPartner[];
    cover: CatalogImage | null;
  };
  /** In checklist order. */
  works: CatalogWork[];
  /** An English catalog's texts that have no English version and print in Spanish (absent or empty: none). */
  textFallbacks?: ExhibitionTextField[];
  /** ISO timestamp (UTC) when the data was read: the consent state it reflects. */
  consentAsOf: string;
}
