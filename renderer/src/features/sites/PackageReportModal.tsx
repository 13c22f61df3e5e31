import { Alert, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PackageRead } from './useExchange';

/** One figure of the report: what it counts, and how many. */
function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card withBorder padding="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={value > 0 ? color : undefined}>
        {value}
      </Text>
    </Card>
  );
}

/** What was not recorded (here, or at the centre from this site's earlier packages), and why. */
function Refusals({ title, rows }: { title: string; rows: PackageRead['refused'] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={5}>{title}</Title>
      <Table withTableBorder striped aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sites.exchangeScreens.report.what')}</Table.Th>
            <Table.Th>{t('sites.exchangeScreens.report.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>{r.what}</Table.Td>
              <Table.Td>{r.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * «Paquete leído»: whose package and which number, whether it had been read already, the earlier
 * packages that never arrived, what it changed, what it left for the conflicts list, and what was
 * refused (here) or returned (by the centre) with the reason.
 */
export function PackageReportModal({ report, onClose }: { report: PackageRead | null; onClose: () => void }) {
  const { t } = useTranslation();
  const r = report;
  return (
    <Modal opened={!!r} onClose={onClose} title={t('sites.exchangeScreens.report.title')} size="lg">
      {r && (
        <Stack gap="sm">
          <Text fw={600}>{t('sites.exchangeScreens.report.from', { seq: r.seq, from: r.fromName })}</Text>
          {r.alreadyRead && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="xs">
              <Text size="sm">{t('sites.exchangeScreens.report.alreadyRead')}</Text>
            </Alert>
          )}
          {r.missing.map((m) => (
            <Alert
              key={m}
              color="yellow"
              icon={<IconAlertTriangle size={18} />}
              p="xs"
              title={t('sites.exchangeScreens.report.missingTitle')}
            >
              <Text size="sm">{m}</Text>
            </Alert>
          ))}
          <SimpleGrid cols={3}>
            <Figure label={t('sites.exchangeScreens.report.applied')} value={r.applied} color="teal" />
            <Figure label={t('sites.exchangeScreens.report.skipped')} value={r.skipped} />
            <Figure label={t('sites.exchangeScreens.report.conflicts')} value={r.conflicts} color="orange" />
          </SimpleGrid>
          {r.conflicts > 0 && (
            <Alert color="orange" variant="light" p="xs">
              <Text size="sm">{t('sites.exchangeScreens.report.conflictsHint', { count: r.conflicts })}</Text>
            </Alert>
          )}
          <Refusals title={t('sites.exchangeScreens.report.refusedTitle')} rows={r.refused} />
          <Refusals title={t('sites.exchangeScreens.report.returnedTitle')} rows={r.returned} />
          <Group justify="flex-end">
            <Button leftSection={<IconCheck size={16} />} onClick={onClose}>
              {t('sites.exchangeScreens.report.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
