import { Alert, Button, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api';
import { StatCard } from '../../components/DashboardParts';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { FeatureDashboards } from '../../app/FeatureDashboards';
import { routes } from '../../app/routes';
import { useCan } from '../../components/session';
import { useCount } from '../../components/numbers';

function Stat({ label, value, hint }: { label: string; value: number; hint?: string }) {
  const count = useCount();
  return <StatCard big label={label} value={count(value)} hint={hint} />;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const info = useApiQuery('app.info', {});
  const summary = useApiQuery('dashboard.summary', {});
  const loadDemo = useApiMutation('demo.load');
  // The demonstration dataset and the first establishment are the administrador's (shared/auth/permissions.ts).
  const canDemo = useCan('demo.load');
  const canCreate = useCan('establishments.create');

  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />

      {info.data?.empty && (
        <Card withBorder padding="lg" mb="md">
          <Stack gap="sm">
            <Title order={3}>{t('dashboard.emptyTitle')}</Title>
            <Text>{t('dashboard.emptyText')}</Text>
            {canDemo && (
              <Alert color="orange" variant="light">
                {t('dashboard.demoWarning')}
              </Alert>
            )}
            {!canDemo && !canCreate && <Text c="dimmed">{t('dashboard.emptyAskAdmin')}</Text>}
            <Group>
              {canDemo && (
                <Button
                  leftSection={<IconDatabaseImport size={16} />}
                  loading={loadDemo.isPending}
                  onClick={() =>
                    loadDemo.mutate(
                      {},
                      {
                        onSuccess: (r) =>
                          notifications.show({
                            color: 'teal',
                            message: t('dashboard.demoLoaded', {
                              count: r.establishments,
                              instruments: r.instruments,
                              equipment: r.artEquipment,
                            }),
                          }),
                        onError: (err) => notifications.show({ color: 'red', message: err.message }),
                      },
                    )
                  }
                >
                  {t('dashboard.loadDemo')}
                </Button>
              )}
              {canCreate && (
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} />}
                  onClick={() => void navigate(`${routes.establishments}?nuevo=1`)}
                >
                  {t('dashboard.firstEstablishment')}
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      )}

      {s && (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Stat label={t('dashboard.regionalOffices')} value={s.regionalOffices} />
            <Stat label={t('dashboard.establishments')} value={s.establishments} />
            <Stat label={t('dashboard.active')} value={s.activeEstablishments} />
            <Stat
              label={t('dashboard.inProgramme')}
              value={s.inProgramme}
              hint={t('dashboard.inProgrammeSplit', {
                ...s.inProgrammeByPopulation,
                mixed: t('dashboard.mixed', { count: s.inProgrammeByPopulation.mixto }),
              })}
            />
          </SimpleGrid>

          <Card withBorder padding="md">
            <Title order={4} mb="sm">
              {t('dashboard.byRegion')}
            </Title>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('establishments.regionalOffices.name')}</Table.Th>
                  <Table.Th w="45%" />
                  <Table.Th ta="right">{t('dashboard.byRegionTotal')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.byRegionInProgramme')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.byRegionalOffice.map((r) => {
                  const max = Math.max(1, ...s.byRegionalOffice.map((x) => x.total));
                  return (
                    <Table.Tr
                      key={r.id}
                      style={{ cursor: 'pointer' }}
                      onClick={() => void navigate(`${routes.establishments}?oficina=${r.id}`)}
                    >
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>
                        <Progress.Root size="lg" aria-hidden>
                          <Progress.Section value={(r.inProgramme / max) * 100} color="indigo" />
                          <Progress.Section value={((r.total - r.inProgramme) / max) * 100} color="gray.4" />
                        </Progress.Root>
                      </Table.Td>
                      <Table.Td ta="right">{r.total}</Table.Td>
                      <Table.Td ta="right">{r.inProgramme}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Card>
        </Stack>
      )}

      {/* Each feature's section (inventory, programmes, InternArte, contracts): app/features.ts. */}
      {s && <FeatureDashboards />}
    </>
  );
}
