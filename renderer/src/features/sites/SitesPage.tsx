import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBuildingBroadcastTower, IconInfoCircle, IconPackageExport, IconPackageImport } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { EnrolledSite, SiteEnrolled, SiteStatus } from '../../../../shared/sites/schemas';
import { useApiQuery } from '../../api';
import { buttonColumn } from '../../components/buttonColumn';
import { EmptyState } from '../../components/EmptyState';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PlainTable } from '../../components/PlainTable';
import { useCan } from '../../components/session';
import { ConflictsSection } from './ConflictsSection';
import { EnrolSiteModal } from './EnrolSiteModal';
import { ExchangeCard } from './ExchangeCard';
import { Fingerprint } from './Fingerprint';
import { PackageReportModal } from './PackageReportModal';
import { PassphraseModal } from './PassphraseModal';
import { SentNote } from './SentNote';
import { useExchange } from './useExchange';

/** One fact about this installation in a small card: what it is, and its value under it. */
function FactCard({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Card>
  );
}

/** This installation: the centre (its name and fingerprint) or a site (its establishment, its centre and both fingerprints). */
function StatusCards({ status }: { status: SiteStatus }) {
  const { t } = useTranslation();
  const own = status.fingerprint ? (
    <Fingerprint value={status.fingerprint} size="sm" data-testid="own-fingerprint" />
  ) : (
    <Text size="sm" c="dimmed">
      {t('sites.page.noFingerprintYet')}
    </Text>
  );
  if (status.role === 'sede') {
    return (
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <FactCard label={t('sites.page.role')}>
          <Text size="sm" fw={600}>
            {t('sites.page.roles.sede')}
          </Text>
        </FactCard>
        <FactCard label={t('sites.page.establishment')}>
          <Text size="sm" fw={600}>
            {status.establishment?.name ?? status.name}
          </Text>
        </FactCard>
        <FactCard label={t('sites.page.centre')}>
          <Text size="sm" fw={600}>
            {status.centre?.name}
          </Text>
          {status.centre && <Fingerprint value={status.centre.fingerprint} size="sm" data-testid="centre-fingerprint" />}
        </FactCard>
        <FactCard label={t('sites.page.fingerprint')}>{own}</FactCard>
      </SimpleGrid>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <FactCard label={t('sites.page.role')}>
        <Text size="sm" fw={600}>
          {status.name ?? t('sites.page.roles.central')}
        </Text>
      </FactCard>
      <FactCard label={t('sites.page.fingerprint')}>{own}</FactCard>
    </SimpleGrid>
  );
}

/**
 * «Sedes» (issue 20, docs/SITES.md): this installation's role and fingerprint; at the centre, the
 * enrolled sites and «Dar de alta una sede» — the package is saved where the clerk chooses and
 * its passphrase shown once (PassphraseModal). At a site: its establishment and its centre.
 * The data packages (sites.writePackage, sites.readPackage) for whoever may carry them, the working roles
 * too: at a site, «Intercambio con la oficina central»; at the centre, «Leer paquete de una
 * sede» and each site's «Enviar paquete» (the list of sites is the administrador's). What was
 * read is reported in PackageReportModal.
 */
export function SitesPage() {
  const { t } = useTranslation();
  const status = useApiQuery('sites.status', {});
  const central = status.data?.role === 'central';
  const canList = useCan('sites.list');
  const canEnrol = useCan('sites.enrol');
  const canExchange = useCan('sites.writePackage');
  const canResolve = useCan('sites.conflicts');
  const sites = useApiQuery('sites.list', {}, { enabled: central && canList });
  const exchange = useExchange();
  // A centre exchanges packages once it has enrolled a site (its keys are made then).
  const centreExchanges = central && canExchange && !!status.data?.fingerprint;
  const [enrolling, setEnrolling] = useState(false);
  const [enrolled, setEnrolled] = useState<Extract<SiteEnrolled, { status: 'saved' }> | null>(null);
  const rows = sites.data ?? [];

  return (
    <>
      <PageHeader
        title={t('sites.page.title')}
        subtitle={status.data?.role === 'sede' ? t('sites.page.subtitleSite') : t('sites.page.subtitle')}
        actions={
          central &&
          canEnrol && (
            <Button leftSection={<IconBuildingBroadcastTower size={16} />} onClick={() => setEnrolling(true)}>
              {t('sites.page.enrol')}
            </Button>
          )
        }
      />
      {status.isError && (
        <Alert color="red" role="alert">
          {status.error.message}
        </Alert>
      )}
      <Stack gap="sm">
        {status.data && <StatusCards status={status.data} />}
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="xs">
          <Text size="xs">{t('sites.page.fingerprintHint')}</Text>
        </Alert>
        {status.data?.role === 'sede' && canExchange && <ExchangeCard exchange={exchange} />}
        {centreExchanges && (
          <Card withBorder padding="sm" component="section" aria-label={t('sites.exchangeScreens.centreReceive')}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="sm">{t('sites.exchangeScreens.centreHelp')}</Text>
                <Button
                  style={{ flexShrink: 0 }}
                  leftSection={<IconPackageImport size={16} />}
                  loading={exchange.receiving}
                  disabled={exchange.busy && !exchange.receiving}
                  onClick={exchange.receive}
                >
                  {t('sites.exchangeScreens.centreReceive')}
                </Button>
              </Group>
              <FormErrorAlert error={exchange.error} />
            </Stack>
          </Card>
        )}
        {central && canList && (
          <>
            <PlainTable<EnrolledSite>
              highlightOnHover={false}
              records={rows}
              fetching={sites.isFetching && !sites.data}
              columns={[
                {
                  accessor: 'establishmentName',
                  title: t('sites.page.columns.establishment'),
                  render: (s) => (
                    <Group gap={6} wrap="nowrap">
                      <span>{s.establishmentName}</span>
                      {s.openConflicts > 0 && (
                        <Badge size="sm" color="orange" variant="light" style={{ flexShrink: 0 }}>
                          {t('sites.conflicts.screen.siteBadge', { count: s.openConflicts })}
                        </Badge>
                      )}
                    </Group>
                  ),
                },
                {
                  accessor: 'signFingerprint',
                  title: t('sites.page.columns.signFingerprint'),
                  render: (s) => <Fingerprint value={s.signFingerprint} size="sm" />,
                },
                {
                  accessor: 'boxFingerprint',
                  title: t('sites.page.columns.boxFingerprint'),
                  render: (s) => <Fingerprint value={s.boxFingerprint} size="sm" c="dimmed" fw={400} />,
                },
                {
                  accessor: 'enrolledAt',
                  title: t('sites.page.columns.enrolled'),
                  render: (s) => t('sites.page.enrolledOn', { date: formatDate(s.enrolledAt), by: s.enrolledBy }),
                },
                {
                  accessor: 'lastSentSeq',
                  title: t('sites.page.columns.packages'),
                  render: (s) => t('sites.page.packages', { sent: s.lastSentSeq, received: s.lastReceivedSeq }),
                },
                ...(canExchange
                  ? [
                      buttonColumn((s: EnrolledSite) => ({
                        leftSection: <IconPackageExport size={14} />,
                        'aria-label': `${t('sites.exchangeScreens.centreSend')}: ${s.establishmentName}`,
                        // Disabled while a package is written, without a loader: its animation, inside the
                        // table's clipped box, shifted the rows in screenshots.
                        disabled: exchange.busy,
                        onClick: () => exchange.send(s.id),
                        children: t('sites.exchangeScreens.centreSend'),
                      })),
                    ]
                  : []),
              ]}
              // Only without rows: the table's box clips its hidden empty state, and one taller than
              // the rows let the browser scroll that box (the header out of sight) once a row's
              // «Enviar paquete» had been clicked.
              emptyState={rows.length === 0 ? <EmptyState title={t('sites.page.empty')} text={t('sites.page.emptyText')} /> : <span />}
            />
            {/* Below the table, which must not move under the clerk's pointer when it appears. */}
            {exchange.sent && <SentNote sent={exchange.sent} />}
          </>
        )}
        {centreExchanges && canResolve && <ConflictsSection />}
      </Stack>
      <EnrolSiteModal
        opened={enrolling}
        enrolled={rows.map((s) => s.establishmentId)}
        onClose={() => setEnrolling(false)}
        onEnrolled={(r) => {
          setEnrolling(false);
          setEnrolled(r);
        }}
      />
      <PassphraseModal enrolment={enrolled} onClose={() => setEnrolled(null)} />
      <PackageReportModal report={exchange.report} onClose={exchange.closeReport} />
    </>
  );
}
