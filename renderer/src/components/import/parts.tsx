import { Alert, Button, Group, Paper, Progress, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ImportTable } from '../../../../shared/import/schemas';
import type { JobStatus } from '../../../../shared/jobs/schemas';

const percent = (s: JobStatus | null) => (s && s.total > 0 ? Math.round((100 * s.done) / s.total) : 0);

/** A running job: its phase, how far it is, and Cancel. */
export function JobProgress({
  status: s,
  label,
  onCancel,
}: {
  status: JobStatus | null;
  label: string;
  onCancel: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="import-progress">
      <Group justify="space-between">
        <Text size="sm">{s?.phase ? t(`import.phases.${s.phase}`, { defaultValue: label }) : label}</Text>
        <Text size="sm" c="dimmed">
          {s && s.total > 0 ? t('import.progress', { done: s.done, total: s.total }) : ''}
        </Text>
      </Group>
      <Progress value={percent(s)} animated aria-label={label} />
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={() => onCancel(s?.id ?? null)} data-autofocus>
          {t('import.cancelJob')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Every bad row of a run: row, column, value and why. */
export function ErrorsTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    report.errors.length > 0 && (
      <Stack gap={4}>
        <ScrollArea.Autosize mah={280} type="auto">
          <Table striped withTableBorder stickyHeader aria-label={t('import.check.errorsTable')} data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('import.check.row')}</Table.Th>
                <Table.Th w={150}>{t('import.check.column')}</Table.Th>
                <Table.Th w={170}>{t('import.check.value')}</Table.Th>
                <Table.Th>{t('import.check.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{e.value}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {report.errorCount > report.errors.length && (
          <Text size="xs" c="dimmed">
            {t('import.check.truncated', { shown: report.errors.length, count: report.errorCount })}
          </Text>
        )}
      </Stack>
    )
  );
}

/** A run's counts: total, valid, invalid, to create, to update. */
export function ReportStats({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={5} spacing="xs">
      {(
        [
          ['total', report.total],
          ['valid', report.valid],
          ['invalid', report.invalid],
          ['toCreate', report.toCreate],
          ['toUpdate', report.toUpdate],
        ] as const
      ).map(([key, n]) => (
        <Paper key={key} withBorder p="xs" data-testid={`import-stat-${key}`}>
          <Text size="xs" c="dimmed">
            {t(`import.check.${key}`)}
          </Text>
          <Text fw={700} size="lg" c={key === 'invalid' && n > 0 ? 'red' : undefined}>
            {n}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The rows the reading skipped (blank, notes), and why. */
export function SkippedNote({ skipped }: { skipped: ImportTable['skipped'] }) {
  const { t } = useTranslation();
  return (
    skipped.length > 0 && (
      <Alert
        variant="light"
        color="gray"
        icon={<IconInfoCircle size={16} />}
        py={6}
        title={t('import.check.skipped')}
        data-testid="import-skipped"
      >
        {skipped.map((s) => (
          <Text key={s.row} size="sm">
            {s.message}
          </Text>
        ))}
      </Alert>
    )
  );
}
