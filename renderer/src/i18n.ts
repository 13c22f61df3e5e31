import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/format';
import { appEn, appEs, errorsEn, errorsEs } from '../../shared/i18n/areas/app';
import { authEn, authEs } from '../../shared/i18n/areas/auth';

/**
 * The texts start with what the first screen shows (signing in, the first-run administrator, the
 * lock screen, in both languages); every other text (both catalogs of shared/i18n) is fetched on
 * demand by loadCatalogs(), which the signed-in app waits for before it shows anything.
 */
const firstScreen = {
  'es-PE': { translation: { app: appEs, auth: authEs, errors: errorsEs } },
  en: { translation: { app: appEn, auth: authEn, errors: errorsEn } },
} satisfies Record<Locale, { translation: unknown }>;

const defaultLocale: Locale = 'es-PE';

void i18next.use(initReactI18next).init({
  resources: firstScreen,
  partialBundledLanguages: true,
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  initAsync: false,
  interpolation: { escapeValue: false },
});

let catalogs: Promise<void> | undefined;

/** Every text of both languages (shared/i18n), added once; resolves when they are in place. */
export function loadCatalogs(): Promise<void> {
  catalogs ??= import('../../shared/i18n')
    .then(({ resources }) => {
      for (const [locale, { translation }] of Object.entries(resources)) {
        i18next.addResourceBundle(locale, 'translation', translation, true, true);
      }
    })
    .catch((error: unknown) => {
      catalogs = undefined; // a later call tries again
      throw error;
    });
  return catalogs;
}

export default i18next;
