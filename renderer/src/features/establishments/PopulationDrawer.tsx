import { Badge, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/format';
import type { Establishment } from '../../../../shared/establishments/schemas';
import { useApiQuery } from '../../api';
import { useNumber } from '../../components/numbers';
import { Field, RecordDrawer, RecordHeading, useShownId } from '../../components/RecordParts';
import { RowsTable } from '../../components/RowsTable';
import { useCan } from '../../components/session';
import { PopulationFormModal } from './PopulationFormModal';

/** An establishment's population over time: the latest count beside what it houses, every count (corrected ones marked), and "Registrar conteo". */
export function PopulationDrawer({ establishment, onClose }: { establishment: Establishment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const number = useNumber();
  const shownId = useShownId(establishment?.id ?? null);
  const [shown, setShown] = useState<Establishment | null>(establishment);
  if (establishment !== null && establishment !== shown) setShown(establishment);
  const canRecord = useCan('population.record');
  const [recording, setRecording] = useState(false);
  const history = useApiQuery('population.list', { establishmentId: shownId ?? 0 }, { enabled: shownId !== null });
  const latest = history.data?.find((c) => !c.corrected);
  return (
    <RecordDrawer
      opened={establishment !== null}
      onClose={onClose}
      size={760}
      title={t('establishments.headcount.drawerTitle', { name: shown?.name ?? '' })}
      query={history}
      record={history.data}
      footer={<PopulationFormModal opened={recording} onClose={() => setRecording(false)} establishment={shown} />}
    >
      {(counts) => (
        <Stack gap="md" data-testid="population-record">
          <RecordHeading
            title={shown?.name}
            actions={
              canRecord && (
                <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
                  {t('establishments.headcount.record')}
                </Button>
              )
            }
          >
            <Text c="dimmed" size="sm">
              {shown?.regionalOfficeName}
            </Text>
          </RecordHeading>
          <Group gap="xl">
            <Field label={t('establishments.headcount.kind')}>{shown ? t(`establishments.populations.${shown.population}`) : ''}</Field>
            <Field label={t('establishments.headcount.latest')}>
              {latest
                ? t('establishments.headcount.latestValue', { total: number(latest.total), date: formatDate(latest.countedOn) })
                : t('establishments.headcount.noCount')}
            </Field>
          </Group>
          <Title order={4}>{t('establishments.headcount.history')}</Title>
          {counts.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('establishments.headcount.historyEmpty')}
            </Text>
          ) : (
            <RowsTable
              striped
              withTableBorder
              aria-label={t('establishments.headcount.history')}
              head={
                <>
                  <Table.Th>{t('establishments.headcount.countedOn')}</Table.Th>
                  <Table.Th ta="right">{t('establishments.headcount.men')}</Table.Th>
                  <Table.Th ta="right">{t('establishments.headcount.women')}</Table.Th>
                  <Table.Th ta="right">{t('establishments.headcount.total')}</Table.Th>
                  <Table.Th>{t('establishments.headcount.source')}</Table.Th>
                  <Table.Th>{t('establishments.headcount.recordedBy')}</Table.Th>
                </>
              }
              records={counts}
              row={(c) => (
                <Table.Tr key={c.id} style={c.corrected ? { opacity: 0.55, textDecoration: 'line-through' } : undefined}>
                  <Table.Td>
                    {formatDate(c.countedOn)}{' '}
                    {c.corrected && (
                      <Tooltip label={t('establishments.headcount.correctedHint')}>
                        <Badge size="xs" color="gray" variant="light" tt="none">
                          {t('establishments.headcount.corrected')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{number(c.men)}</Table.Td>
                  <Table.Td ta="right">{number(c.women)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {number(c.total)}
                  </Table.Td>
                  <Table.Td>{c.source ?? ''}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{`${c.recordedBy}, ${formatDateTime(c.recordedAt)}`}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            />
          )}
        </Stack>
      )}
    </RecordDrawer>
  );
}
