import { esPE } from './es-PE';
import { en } from './en';
import type { Locale } from '../format';

export type { Catalog } from './es-PE';

/** The i18next resources, one namespace ("translation") per language. */
export const resources = {
  'es-PE': { translation: esPE },
  en: { translation: en },
} satisfies Record<Locale, { translation: unknown }>;

export const defaultLocale: Locale = 'es-PE';
