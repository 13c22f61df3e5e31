import { Alert, Anchor, Box, Card, Group, Progress, RingProgress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { HoverTooltip } from '../../components/HoverTooltip';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../shared/format';
import { audienceGroups, type AudienceGroup } from '../../../../shared/programmes/rules';
import { useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { ColourLegend, DashboardSection, StatCard as Figure } from '../../components/DashboardParts';
import { useNumber } from '../../components/numbers';

const groupColors: Record<AudienceGroup, string> = {
  internos: 'indigo',
  familiares: 'teal',
  personal: 'orange',
  externo: 'grape',
  autoridades: 'red',
};

/**
 * The programmes' part of the dashboard: participants by establishment and sex (bars),
 * active workshops and ensembles, the season's events and audience by group (a ring), and
 * the programme's alerts. Shown once there is something of the programme.
 */
export function ProgrammeDashboardSection() {
  const { t } = useTranslation();
  const num = useNumber();
  const summary = useApiQuery('programmeReports.summary', {});
  const s = summary.data;
  if (!s) return null;
  const alerts = s.alerts;
  const anyAlert = alerts.agreementsExpiring.length > 0 || alerts.absenceAlerts > 0 || (alerts.instrumentsWithParticipants ?? 0) > 0;
  // Nothing of the programme yet: no section — unless an alert (an agreement about to expire) needs reading.
  if (s.participants === 0 && s.activeWorkshops === 0 && s.activeEnsembles === 0 && !s.season && !anyAlert) return null;
  const max = Math.max(1, ...s.byEstablishment.map((e) => e.men + e.women));
  const audience = audienceGroups.reduce((a, g) => a + s.audienceByGroup[g], 0);
  return (
    <DashboardSection title={t('programmes.dashboard.title')} testId="programme-dashboard">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <Figure label={t('programmes.dashboard.participants')} value={num(s.participants)} />
        <Figure label={t('programmes.dashboard.workshops')} value={num(s.activeWorkshops)} />
        <Figure label={t('programmes.dashboard.ensembles')} value={num(s.activeEnsembles)} />
        <Figure
          label={t('programmes.dashboard.seasonEvents')}
          value={s.season ? num(s.season.events) : '—'}
          hint={
            s.season
              ? `${s.season.name} · ${t('programmes.dashboard.upcoming', { count: s.season.upcoming })}`
              : t('programmes.dashboard.noSeason')
          }
        />
        <Figure label={t('programmes.dashboard.seasonAudience')} value={s.season ? num(s.season.audience) : '—'} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Card withBorder padding="md" style={{ gridColumn: 'span 2' }}>
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('programmes.dashboard.byEstablishment')}</Title>
            <ColourLegend
              items={(['masculino', 'femenino'] as const).map((x) => ({
                key: x,
                color: x === 'masculino' ? 'blue.6' : 'pink.5',
                label: t(`programmes.sexesShort.${x}`),
              }))}
            />
          </Group>
          <Table verticalSpacing={6} data-testid="participants-by-establishment">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes.common.establishment')}</Table.Th>
                <Table.Th w="45%" />
                <Table.Th ta="right">{t('programmes.sexesShort.masculino')}</Table.Th>
                <Table.Th ta="right">{t('programmes.sexesShort.femenino')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.byEstablishment.map((e) => (
                <Table.Tr key={e.establishmentId}>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>
                    <Progress.Root size="lg" aria-hidden>
                      <HoverTooltip label={`${t('programmes.sexesShort.masculino')}: ${e.men}`}>
                        <Progress.Section value={(e.men / max) * 100} color="blue.6" />
                      </HoverTooltip>
                      <HoverTooltip label={`${t('programmes.sexesShort.femenino')}: ${e.women}`}>
                        <Progress.Section value={(e.women / max) * 100} color="pink.5" />
                      </HoverTooltip>
                    </Progress.Root>
                  </Table.Td>
                  <Table.Td ta="right">{num(e.men)}</Table.Td>
                  <Table.Td ta="right">{num(e.women)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder padding="md">
          <Title order={4} mb="sm">
            {t('programmes.dashboard.audienceByGroup')}
          </Title>
          <Group wrap="nowrap" align="center">
            <RingProgress
              size={150}
              thickness={20}
              aria-hidden
              label={
                <Text ta="center" fw={700}>
                  {num(audience)}
                </Text>
              }
              sections={
                audience === 0
                  ? []
                  : audienceGroups.map((g) => ({
                      value: (s.audienceByGroup[g] / audience) * 100,
                      color: groupColors[g],
                      tooltip: `${t(`programmes.audienceGroups.${g}`)}: ${s.audienceByGroup[g]}`,
                    }))
              }
            />
            <Stack gap={4}>
              {audienceGroups.map((g) => (
                <Group key={g} gap={6} wrap="nowrap">
                  <Box w={10} h={10} bg={`${groupColors[g]}.6`} style={{ borderRadius: 2 }} />
                  <Text size="xs">
                    {t(`programmes.audienceGroups.${g}`)}: <b>{num(s.audienceByGroup[g])}</b>
                  </Text>
                </Group>
              ))}
            </Stack>
          </Group>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="md">
        <Title order={4} mb="sm">
          {t('programmes.dashboard.alerts')}
        </Title>
        {!anyAlert ? (
          <Text size="sm" c="dimmed">
            {t('programmes.dashboard.noAlerts')}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="programme-alerts">
            {alerts.agreementsExpiring.map((a) => (
              <Alert key={a.id} color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
                <Anchor component={Link} to={routes.partners} size="sm">
                  {t('programmes.dashboard.agreementAlert', {
                    title: a.title,
                    partner: a.partnerName,
                    date: formatDate(a.endDate),
                    days: a.daysLeft,
                  })}
                </Anchor>
              </Alert>
            ))}
            {alerts.absenceAlerts > 0 && (
              <Alert color="yellow" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
                <Anchor component={Link} to={routes.workshops} size="sm">
                  {t('programmes.dashboard.absenceAlerts', { count: alerts.absenceAlerts })}
                </Anchor>
              </Alert>
            )}
            {(alerts.instrumentsWithParticipants ?? 0) > 0 && (
              <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
                <Anchor component={Link} to={routes.instruments} size="sm">
                  {t('programmes.dashboard.instrumentsAlert', { count: alerts.instrumentsWithParticipants ?? 0 })}
                </Anchor>
              </Alert>
            )}
          </Stack>
        )}
      </Card>
    </DashboardSection>
  );
}
