import { useTranslation } from 'react-i18next';

/** A share (0..1) as a whole percentage in the interface's language; — when unknown. */
export const usePercent = () => {
  const { i18n } = useTranslation();
  return (v: number | null) =>
    v === null
      ? '—'
      : `${new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'es-PE', { maximumFractionDigits: 0 }).format(v * 100)} %`;
};

/** A number with at most one decimal, in the interface's language. */
export const useNumber = () => {
  const { i18n } = useTranslation();
  return (v: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'es-PE', { maximumFractionDigits: 1 }).format(v);
};
