import { Paper, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { BySex } from '../../../../shared/establishments/population-schemas';
import { useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useNumber } from '../../components/numbers';
import { PageHeader } from '../../components/PageHeader';
import { TwoLineCell } from '../../components/cells';

/**
 * The programme's reach: for each establishment of the programme, its latest population count,
 * its active participants (counted, never named) and participants ÷ population; "—" where no
 * count was recorded, never 0 %. The last line is the country's (or the user's establishments').
 */
export function ReachPage() {
  const { t } = useTranslation();
  const number = useNumber();
  const report = useApiQuery('population.reach', {});
  const none = t('establishments.headcount.reach.none');
  const percent = (v: number | null) => (v === null ? none : `${number(v)} %`);
  const sexCells = (v: BySex | null, strong = false) =>
    (['men', 'women', 'total'] as const).map((k) => (
      <Table.Td key={k} ta="right" fw={strong || k === 'total' ? 600 : undefined}>
        {v ? number(v[k]) : none}
      </Table.Td>
    ));

  const data = report.data;
  return (
    <>
      <PageHeader title={t('establishments.headcount.reach.title')} subtitle={t('establishments.headcount.reach.subtitle')} />
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? null : data.rows.length === 0 ? (
        <EmptyState title={t('establishments.headcount.reach.emptyTitle')} text={t('establishments.headcount.reach.emptyText')} />
      ) : (
        <Paper withBorder p={0}>
          <Table striped highlightOnHover aria-label={t('establishments.headcount.reach.title')} data-testid="reach-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={2}>{t('establishments.headcount.reach.establishment')}</Table.Th>
                <Table.Th rowSpan={2}>{t('establishments.headcount.reach.countedOn')}</Table.Th>
                <Table.Th colSpan={3} ta="center">
                  {t('establishments.headcount.reach.population')}
                </Table.Th>
                <Table.Th colSpan={3} ta="center">
                  {t('establishments.headcount.reach.participants')}
                </Table.Th>
                <Table.Th rowSpan={2} ta="right">
                  {t('establishments.headcount.reach.reach')}
                </Table.Th>
              </Table.Tr>
              <Table.Tr>
                {[0, 1].flatMap((g) =>
                  (['men', 'women', 'total'] as const).map((k) => (
                    <Table.Th key={`${g}${k}`} ta="right">
                      {t(`establishments.headcount.reach.${k}`)}
                    </Table.Th>
                  )),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.establishmentId} data-testid="reach-row">
                  <TwoLineCell detail={r.regionalOfficeName}>{r.name}</TwoLineCell>
                  <Table.Td>{r.population ? formatDate(r.population.countedOn) : none}</Table.Td>
                  {sexCells(r.population)}
                  {sexCells(r.participants)}
                  <Table.Td ta="right" fw={700}>
                    {r.reachPercent === null ? (
                      <Tooltip label={t('establishments.headcount.reach.noCountHint')}>
                        <span>{none}</span>
                      </Tooltip>
                    ) : (
                      percent(r.reachPercent)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr data-testid="reach-national" style={{ borderTop: '2px solid var(--mantine-color-gray-5)' }}>
                <Table.Th>
                  {t(data.scoped ? 'establishments.headcount.reach.scopedTotal' : 'establishments.headcount.reach.national')}
                </Table.Th>
                <Table.Td />
                {sexCells(data.national.population, true)}
                {sexCells(data.national.participants, true)}
                <Table.Td ta="right" fw={700}>
                  {percent(data.national.reachPercent)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Paper>
      )}
      {data && data.rows.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('establishments.headcount.reach.nationalHint', {
            counted: data.national.counted,
            establishments: data.national.establishments,
          })}
        </Text>
      )}
    </>
  );
}
