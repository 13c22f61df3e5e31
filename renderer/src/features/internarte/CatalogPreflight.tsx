import { Alert, Group, List, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CatalogOptions, PreflightFinding } from '../../../../shared/internarte/catalog-schemas';
import { useApiQuery } from '../../api';
import { formatNumber } from '../../components/numbers';

/**
 * The preflight beside the export button (issue 18, item 4): what a print shop would reject
 * in the catalog as it is now asked for (images under 200 ppi at their printed size, captions
 * too long for their box, works without a photo, English texts missing from an English
 * catalog). It only informs: the clerk can still export.
 */
export function CatalogPreflight({ options }: { options: CatalogOptions }) {
  const { t, i18n } = useTranslation();
  const result = useApiQuery('catalog.preflight', options);
  const cm = (v: string | number) => formatNumber(Number(v), i18n.language, 1);
  const message = (f: PreflightFinding) => {
    const p = f.params;
    const extra =
      'ppi' in p
        ? { size: `${cm(p.widthCm!)} × ${cm(p.heightCm!)}`, pixels: `${p.widthPx} × ${p.heightPx}`, min: result.data?.minPpi ?? 200 }
        : f.kind === 'missingEnglish'
          ? { field: t(`internarte.choices.preflight.fields.${String(p.field)}`) }
          : {};
    return t(`internarte.choices.preflight.${f.kind}`, { ...p, ...extra });
  };
  if (result.isPending)
    return (
      <Group gap="xs">
        <Loader size={14} />
        <Text size="sm">{t('internarte.choices.preflight.title')}</Text>
      </Group>
    );
  if (!result.data) return null;
  const { findings } = result.data;
  if (findings.length === 0)
    return (
      <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="catalog-preflight">
        {t('internarte.choices.preflight.clean', { ppi: result.data.minPpi })}
      </Alert>
    );
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title={t('internarte.choices.preflight.title')}
      data-testid="catalog-preflight"
    >
      <Text size="sm" mb={6}>
        {t('internarte.choices.preflight.hint')}
      </Text>
      <List size="sm" spacing={2}>
        {findings.map((f, i) => (
          <List.Item key={`${f.kind}-${f.artworkId ?? f.label}-${i}`}>{message(f)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
