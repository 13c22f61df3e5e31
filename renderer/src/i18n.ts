import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, resources } from '../../shared/i18n';

void i18next.use(initReactI18next).init({
  resources,
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  initAsync: false,
  interpolation: { escapeValue: false },
});

export default i18next;
