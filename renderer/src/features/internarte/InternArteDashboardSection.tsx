import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { useCan } from '../../components/session';

function Figure({ label, value, to }: { label: string; value: number; to: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Anchor component={Link} to={to} fz={28} fw={700} lh={1.25} underline="never" data-testid={`stat-${label}`}>
        {value.toLocaleString('es-PE')}
      </Anchor>
    </Card>
  );
}

/** InternArte on the dashboard: works, works on loan, exhibitions running, works without consent. */
export function InternArteDashboardSection() {
  const { t } = useTranslation();
  const can = useCan('artworks.summary');
  const summary = useApiQuery('artworks.summary', {}, { enabled: can });
  const s = summary.data;
  if (!can || !s || s.works === 0) return null;
  return (
    <Stack mt="md" data-testid="internarte-dashboard">
      <Title order={3}>{t('internarte.dashboard.title')}</Title>
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <Figure label={t('internarte.dashboard.works')} value={s.works} to={routes.artworks} />
        <Figure label={t('internarte.dashboard.onLoan')} value={s.onLoan} to={routes.artworks} />
        <Figure label={t('internarte.dashboard.running')} value={s.exhibitionsRunning} to={routes.exhibitions} />
        <Figure label={t('internarte.dashboard.withoutConsent')} value={s.withoutConsent} to={routes.artworks} />
      </SimpleGrid>
    </Stack>
  );
}
