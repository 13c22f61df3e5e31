import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconChecklist, IconDoorEnter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { useCan } from '../../components/session';
import { usePeriodLabel } from '../../components/numbers';

function AlertCard({
  title,
  icon,
  count,
  link,
  children,
}: {
  title: string;
  icon: ReactNode;
  count: number;
  link: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Text fw={600} size="sm">
            {title}
          </Text>
          {count > 0 && (
            <Badge color="orange" variant="filled" size="sm">
              {count}
            </Badge>
          )}
        </Group>
        <Anchor component={Link} to={link} size="xs">
          {t('contracts.dashboard.viewAll')}
        </Anchor>
      </Group>
      {children}
    </Card>
  );
}

/** What ends soon (contracts, authorisations): the first six, each a link to its record with the date it ends. */
function EndingSoon({
  rows,
  none,
}: {
  rows: { key: number; to: string; name: string; detail: string; date: string; daysLeft: number }[];
  none: string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  return (
    <Table verticalSpacing={4}>
      <Table.Tbody>
        {rows.slice(0, 6).map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>
              <Anchor component={Link} to={r.to} size="sm" fw={600}>
                {r.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {r.detail}
              </Text>
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">{formatDate(r.date)}</Text>
              <Text size="xs" c="orange.8" fw={600}>
                {r.daysLeft === 0 ? t('contracts.dashboard.today') : t('contracts.dashboard.days', { count: r.daysLeft })}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The contracts officer's alerts on the home page: contracts ending within 30 days, access
 * authorisations ending, months without a sign-off, and budget lines above 90%. Shown only
 * when there is something to act on.
 */
export function ContractsDashboardSection() {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const alerts = useApiQuery('contracts.alerts', {}, { enabled: useCan('contracts.alerts') });
  const a = alerts.data;
  if (!a) return null;
  if (a.expiring.length === 0 && a.authorisations.length === 0 && a.missingConformities === 0 && a.budgetLines.length === 0) return null;
  const year = Number(a.today.slice(0, 4));

  return (
    <Stack mt="md" data-testid="contracts-dashboard">
      <Title order={3}>{t('contracts.dashboard.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <AlertCard
          title={t('contracts.dashboard.expiring')}
          icon={<IconCalendarDue size={18} />}
          count={a.expiring.length}
          link={`${routes.contracts}?estado=por_vencer`}
        >
          <EndingSoon
            none={t('contracts.dashboard.expiringNone')}
            rows={a.expiring.map((c) => ({
              key: c.id,
              to: `${routes.contracts}?ficha=${c.id}`,
              name: c.number,
              detail: c.teacherName,
              date: c.endDate,
              daysLeft: c.daysLeft,
            }))}
          />
        </AlertCard>

        <AlertCard
          title={t('contracts.dashboard.authorisations')}
          icon={<IconDoorEnter size={18} />}
          count={a.authorisations.length}
          link={routes.teachers}
        >
          <EndingSoon
            none={t('contracts.dashboard.authorisationsNone')}
            rows={a.authorisations.map((x) => ({
              key: x.id,
              to: `${routes.teachers}?ficha=${x.teacherId}`,
              name: x.teacherName,
              detail: x.establishmentName,
              date: x.validTo,
              daysLeft: x.daysLeft,
            }))}
          />
        </AlertCard>

        <AlertCard
          title={t('contracts.dashboard.missing')}
          icon={<IconChecklist size={18} />}
          count={a.missingConformities}
          link={routes.conformities}
        >
          {a.missingConformities === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contracts.dashboard.missingNone')}
            </Text>
          ) : (
            <Stack gap={4}>
              <Text size="sm" fw={600} c="orange.8">
                {t('contracts.dashboard.missingCount', { count: a.missingConformities })}
              </Text>
              {a.missingSample.map((m) => (
                <Text size="sm" key={`${m.contractId}-${m.period}`}>
                  <Anchor component={Link} to={`${routes.contracts}?ficha=${m.contractId}`} size="sm">
                    {m.number}
                  </Anchor>{' '}
                  — {m.teacherName} — {periodLabel(m.period)}
                </Text>
              ))}
            </Stack>
          )}
        </AlertCard>

        <AlertCard
          title={t('contracts.dashboard.budgetAlerts', { year })}
          icon={<IconAlertTriangle size={18} />}
          count={a.budgetLines.length}
          link={`${routes.budget}?anio=${year}`}
        >
          {a.budgetLines.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contracts.dashboard.budgetNone')}
            </Text>
          ) : (
            <Group gap="xs">
              {a.budgetLines.map((l) => (
                <Badge key={l.line} color="red" variant="light" tt="none" size="lg">
                  {t(`contracts.budgetLines.${l.line}`)}: {l.usedPercent === null ? '—' : `${l.usedPercent.toFixed(1)} %`}
                </Badge>
              ))}
            </Group>
          )}
        </AlertCard>
      </SimpleGrid>
    </Stack>
  );
}
