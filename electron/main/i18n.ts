import i18next, { type TFunction } from 'i18next';
import { defaultLocale, resources } from '../../shared/i18n';
import type { Locale } from '../../shared/format';

/** Main's own i18next instance over the same catalogs as the renderer: menus, dialogs, error messages. */
const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type Translate = TFunction;

export const translator = (locale: Locale): TFunction => instance.getFixedT(locale);
