import { Card, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustodySummary } from '../../../../../shared/inventory/custody-schemas';
import { useApiQuery } from '../../../api';
import { StatCard } from '../../../components/DashboardParts';
import { useCan } from '../../../components/session';
import { custodyPaths } from '../paths';
import { useCount } from '../../../components/numbers';

/** The figures of linked custody when the role may read them and any is not zero (else null). */
export function useCustodyFigures(): CustodySummary | null {
  const may = useCan('custody.summary');
  const summary = useApiQuery('custody.summary', {}, { enabled: may });
  const s = summary.data;
  return may && s && (s.overdue > 0 || s.openRecoveries > 0 || s.pendingReviews > 0) ? s : null;
}

/**
 * The home page's card of linked custody: hand-overs past their expected return, instruments
 * to recover from participants who left (and how long the oldest has waited), custodians not
 * linked yet; each figure leads to its list. Shown while any of them is not zero (useCustodyFigures).
 */
export function CustodyDashboardCard({ summary: s }: { summary: CustodySummary }) {
  const { t } = useTranslation();
  const n = useCount();
  const d = 'inventory.custody.dashboard.';
  return (
    <Card withBorder padding="md" data-testid="custody-dashboard">
      <Title order={4} mb="sm">
        {t(`${d}title`)}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatCard label={t(`${d}overdue`)} value={n(s.overdue)} hint={t(`${d}overdueHint`)} to={custodyPaths.overdue} />
        <StatCard
          label={t(`${d}recoveries`)}
          value={n(s.openRecoveries)}
          hint={s.oldestRecoveryDays === null ? undefined : t(`${d}recoveriesHint`, { count: s.oldestRecoveryDays })}
          to={custodyPaths.recoveries}
        />
        <StatCard label={t(`${d}reviews`)} value={n(s.pendingReviews)} hint={t(`${d}reviewsHint`)} to={custodyPaths.reviews} />
      </SimpleGrid>
    </Card>
  );
}
