import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type AppLocale = 'es-PE' | 'en';

const languages = [
  { value: 'es-PE', label: 'ES' },
  { value: 'en', label: 'EN' },
];

/** ES / EN: the app's language; `onChange` decides how the choice is kept (the default only switches). */
export function LanguageSwitch({ onChange }: { onChange?: (locale: AppLocale) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      data={languages}
      onChange={(value) => (onChange ? onChange(value as AppLocale) : void i18n.changeLanguage(value))}
    />
  );
}
