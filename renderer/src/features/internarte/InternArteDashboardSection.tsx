import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { DashboardSection, StatCard } from '../../components/DashboardParts';
import { useCan } from '../../components/session';
import { useCount } from '../../components/numbers';

function Figure({ label, value, to }: { label: string; value: number; to: string }) {
  const count = useCount();
  return <StatCard label={label} value={count(value)} to={to} />;
}

/** InternArte on the dashboard: works, works on loan, exhibitions running, works without consent. */
export function InternArteDashboardSection() {
  const { t } = useTranslation();
  const can = useCan('artworks.summary');
  const summary = useApiQuery('artworks.summary', {}, { enabled: can });
  const s = summary.data;
  if (!can || !s || s.works === 0) return null;
  return (
    <DashboardSection title={t('internarte.dashboard.title')} testId="internarte-dashboard">
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <Figure label={t('internarte.dashboard.works')} value={s.works} to={routes.artworks} />
        <Figure label={t('internarte.dashboard.onLoan')} value={s.onLoan} to={routes.artworks} />
        <Figure label={t('internarte.dashboard.running')} value={s.exhibitionsRunning} to={routes.exhibitions} />
        <Figure label={t('internarte.dashboard.withoutConsent')} value={s.withoutConsent} to={routes.artworks} />
      </SimpleGrid>
    </DashboardSection>
  );
}
