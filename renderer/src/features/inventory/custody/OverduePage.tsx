import { Anchor, Badge, NumberInput, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../../shared/format';
import { overdueSortColumns, type Holding } from '../../../../../shared/inventory/custody-schemas';
import { custodianTypes, type CustodianType } from '../../../../../shared/inventory/rules';
import { useApiQuery } from '../../../api';
import { ClearFiltersButton, EstablishmentFilter, FilterBar, ListEmptyState, ListTable } from '../../../components/ListPage';
import { useFilteredList } from '../../../components/ListTools';
import { CatalogChoiceFilter } from '../../../components/CatalogChoiceFilter';
import { PageHeader } from '../../../components/PageHeader';
import { RowAction } from '../../../components/RecordParts';
import { useCan } from '../../../components/session';
import { instrumentRecordPath } from '../paths';
import { ReturnModal, type CustodyTarget } from './CustodyModals';
import { ListExportMenu } from '../../../components/ExportMenu';

const filterStyle = { flex: '1 1 0', minWidth: 160 } as const;
/** The most days late main filters by (shared/inventory/custody-schemas.ts). */
const MAX_DAYS = 3650;

/** "3 días" in red: how late a hand-over is. */
export function DaysLate({ days }: { days: number }) {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light" tt="none">
      {t('inventory.custody.overdue.daysLateValue', { count: days })}
    </Badge>
  );
}

/**
 * The hand-overs past their expected return: filters by establishment, custodian type and
 * a minimum of days late; sorted and paged in main; each row's return recorded in place.
 */
export function OverduePage() {
  const { t } = useTranslation();
  const canMove = useCan('instruments.move');
  const [returning, setReturning] = useState<CustodyTarget | null>(null);
  const state = useFilteredList<Holding, { establishmentId: string | null; custodianType: string | null; minDays: string | number }>({
    view: 'custody.overdue',
    filters: { establishmentId: null, custodianType: null, minDays: '' },
    sort: { columnAccessor: 'daysOverdue', direction: 'desc' },
    pageSizeKey: 'arteinpe.overdue.pageSize',
  });
  const { list: listState, filters } = state;
  const { establishmentId, custodianType, minDays } = filters.values;
  // What the clerk typed stays; a number main cannot take says so beside the field and filters nothing.
  const tooMany = typeof minDays === 'number' && minDays > MAX_DAYS;
  // Days late sort as their expected return, the other way round.
  const byDays = listState.sortStatus.columnAccessor === 'daysOverdue';
  const sort = byDays ? 'due' : listState.sortBy(overdueSortColumns, 'due');
  const direction = byDays ? (listState.sortStatus.direction === 'desc' ? 'asc' : 'desc') : listState.sortStatus.direction;
  const exportQuery = {
    establishmentId: establishmentId === null ? null : Number(establishmentId),
    custodianType: custodianType as CustodianType | null,
    minDays: typeof minDays === 'number' && !tooMany ? minDays : null,
    sort,
    direction,
    page: listState.page,
    pageSize: listState.pageSize,
  };
  const list = useApiQuery('custody.overdue', exportQuery, { placeholderData: keepPreviousData });
  const o = 'inventory.custody.overdue.';

  const columns: DataTableColumn<Holding>[] = [
    {
      accessor: 'code',
      title: t(`${o}code`),
      sortable: true,
      noWrap: true,
      render: (h) => (
        <Anchor
          component={Link}
          to={instrumentRecordPath(h.instrumentId)}
          fw={600}
          size="sm"
          aria-label={`${t(`${o}openRecord`)}: ${h.code}`}
        >
          {h.code}
        </Anchor>
      ),
    },
    { accessor: 'typeName', title: t(`${o}type`) },
    { accessor: 'establishment', title: t(`${o}establishment`), sortable: true, render: (h) => h.establishmentName ?? '' },
    {
      accessor: 'custodian',
      title: t(`${o}custodian`),
      sortable: true,
      render: (h) => (
        <Stack gap={0}>
          <Text size="sm">{h.custodianName}</Text>
          <Text size="xs" c="dimmed">
            {t(`inventory.custodianTypes.${h.custodianType}`)}
          </Text>
        </Stack>
      ),
    },
    { accessor: 'since', title: t(`${o}since`), noWrap: true, render: (h) => formatDate(h.since) },
    { accessor: 'due', title: t(`${o}due`), sortable: true, noWrap: true, render: (h) => formatDate(h.due) },
    {
      accessor: 'daysOverdue',
      title: t(`${o}daysLate`),
      sortable: true,
      textAlign: 'right',
      render: (h) => <DaysLate days={h.daysOverdue} />,
    },
  ];
  if (canMove) {
    columns.push({
      accessor: 'actions',
      title: '',
      width: 56,
      textAlign: 'right',
      render: (h) => (
        <RowAction
          label={t('inventory.custody.returnAction')}
          name={h.code}
          onClick={() =>
            setReturning({
              instrumentId: h.instrumentId,
              code: h.code,
              custodian: `${h.custodianName} (${t(`inventory.custodianTypes.${h.custodianType}`)})`,
            })
          }
        >
          <IconArrowBackUp size={18} />
        </RowAction>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t(`${o}title`)}
        subtitle={t(`${o}subtitle`)}
        actions={<ListExportMenu list="custody.overdue" query={exportQuery} reasonFor={t('lists.peopleIn', { list: t(`${o}title`) })} />}
      />
      <FilterBar>
        <EstablishmentFilter label={t(`${o}establishment`)} {...filters.bind('establishmentId')} style={{ ...filterStyle, flexGrow: 2 }} />
        <CatalogChoiceFilter
          label={t(`${o}custodianType`)}
          values={custodianTypes}
          prefix="inventory.custodianTypes"
          {...filters.bind('custodianType')}
          style={filterStyle}
        />
        <NumberInput
          label={t(`${o}minDays`)}
          placeholder={t(`${o}minDaysPlaceholder`)}
          min={0}
          max={MAX_DAYS}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          error={tooMany ? t('errors.tooBig', { max: MAX_DAYS }) : undefined}
          {...filters.bind('minDays')}
          style={filterStyle}
        />
        <ClearFiltersButton active={state.filtered} onClear={state.clear} />
      </FilterBar>
      <ListTable<Holding>
        list={listState}
        query={list}
        columns={columns}
        emptyState={<ListEmptyState filtered={state.filtered} texts="inventory.custody.overdue" />}
      />
      <ReturnModal target={returning} onClose={() => setReturning(null)} />
    </>
  );
}
