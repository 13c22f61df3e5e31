import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconTruck } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../../shared/format';
import type { Recovery } from '../../../../../shared/inventory/custody-schemas';
import { useApiQuery } from '../../../api';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { PlainTable } from '../../../components/PlainTable';
import { RowAction } from '../../../components/RecordParts';
import { useCan } from '../../../components/session';
import { instrumentRecordPath } from '../paths';
import { FollowModal, LossModal, ReturnModal, type CustodyTarget } from './CustodyModals';
import { ListExportMenu } from '../../../components/ExportMenu';
import { SavedViews } from '../../../components/SavedViews';
import { optionFilter, plainListView } from '../../../components/plainListView';

/** Whether the instrument may follow its participant: they are now at another establishment. */
const mayFollow = (r: Recovery) =>
  r.stillHeld && r.participantEstablishmentId !== null && r.participantEstablishmentId !== r.establishmentId;

const targetOf = (r: Recovery): CustodyTarget => ({ instrumentId: r.instrumentId, code: r.code, custodian: r.participantLabel });

/**
 * The instruments to recover from participants who were transferred, released or withdrawn:
 * the open items, oldest first (or the closed ones), each closed by a return, a loss or the
 * instrument following the participant to their new establishment.
 */
export function RecoveriesPage() {
  const { t } = useTranslation();
  const [show, setShow] = useState<'open' | 'closed'>('open');
  const open = show === 'open';
  const canMove = useCan('instruments.move');
  const canFollow = useCan('custody.follow');
  const [returning, setReturning] = useState<CustodyTarget | null>(null);
  const [losing, setLosing] = useState<CustodyTarget | null>(null);
  const [following, setFollowing] = useState<Recovery | null>(null);
  const exportQuery = { open };
  const list = useApiQuery('custody.recoveries', exportQuery, {
    placeholderData: (prev, q) => ((q?.queryKey[1] as { open: boolean } | undefined)?.open === open ? prev : undefined),
  });
  const r = 'inventory.custody.recoveries.';
  const view = plainListView('custody.recoveries', { show: optionFilter(show, setShow, ['open', 'closed'], 'open') });

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data ?? [];

  const columns: DataTableColumn<Recovery>[] = [
    {
      accessor: 'code',
      title: t(`${r}instrument`),
      noWrap: true,
      render: (x) => (
        <Stack gap={0}>
          <Anchor component={Link} to={instrumentRecordPath(x.instrumentId)} fw={600} size="sm">
            {x.code}
          </Anchor>
          <Text size="xs" c="dimmed">
            {x.typeName}
          </Text>
        </Stack>
      ),
    },
    { accessor: 'establishmentName', title: t(`${r}establishment`), render: (x) => x.establishmentName ?? '' },
    { accessor: 'participantLabel', title: t(`${r}participant`), cellsStyle: () => ({ minWidth: 160 }) },
    { accessor: 'reason', title: t(`${r}reason`), render: (x) => t(`inventory.custody.reasons.${x.reason}`) },
    { accessor: 'openedOn', title: t(`${r}openedOn`), noWrap: true, render: (x) => formatDate(x.openedOn) },
    { accessor: 'daysOpen', title: t(`${r}daysOpen`), textAlign: 'right' },
    {
      accessor: 'destination',
      title: t(`${r}destination`),
      render: (x) =>
        x.participantEstablishmentId !== null && x.participantEstablishmentId !== x.establishmentId ? (
          <Text size="sm" fw={600}>
            {x.participantEstablishmentName}
          </Text>
        ) : (
          '—'
        ),
    },
  ];
  if (open) {
    columns.push({
      accessor: 'actions',
      title: '',
      textAlign: 'right',
      noWrap: true,
      render: (x) =>
        x.stillHeld ? (
          <Group gap={2} justify="flex-end" wrap="nowrap">
            {canMove && (
              <RowAction label={t('inventory.custody.returnAction')} name={x.code} onClick={() => setReturning(targetOf(x))}>
                <IconArrowBackUp size={18} />
              </RowAction>
            )}
            {canFollow && mayFollow(x) && (
              <RowAction label={t('inventory.custody.followAction')} name={x.code} onClick={() => setFollowing(x)}>
                <IconTruck size={18} />
              </RowAction>
            )}
            {canMove && (
              <RowAction label={t('inventory.custody.lossAction')} name={x.code} color="orange" onClick={() => setLosing(targetOf(x))}>
                <IconAlertTriangle size={18} />
              </RowAction>
            )}
          </Group>
        ) : (
          <Badge variant="light" color="gray" tt="none">
            {t(`${r}notHeld`)}
          </Badge>
        ),
    });
  } else {
    columns.push({
      accessor: 'closedBy',
      title: t(`${r}closedBy`),
      render: (x) => (
        <Stack gap={0}>
          <Text size="sm">{x.closedBy ? t(`inventory.custody.closings.${x.closedBy}`) : ''}</Text>
          <Text size="xs" c="dimmed">
            {formatDate(x.closedOn)}
          </Text>
        </Stack>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t(`${r}title`)}
        subtitle={t(`${r}subtitle`)}
        actions={<ListExportMenu list="custody.recoveries" query={exportQuery} reasonFor={t('lists.peopleIn', { list: t(`${r}title`) })} />}
      />
      <Card withBorder padding="sm" mb="sm">
        <Group gap="sm">
          <Text size="sm" fw={500} id="recoveries-show">
            {t(`${r}show`)}
          </Text>
          <SegmentedControl
            aria-labelledby="recoveries-show"
            value={show}
            onChange={(v) => setShow(v === 'closed' ? 'closed' : 'open')}
            data={[
              { value: 'open', label: t(`${r}open`) },
              { value: 'closed', label: t(`${r}closed`) },
            ]}
          />
          <SavedViews view={view} />
        </Group>
      </Card>
      <PlainTable<Recovery>
        emptyHeight={260}
        fetching={list.isPending}
        records={rows}
        idAccessor="id"
        columns={columns}
        emptyState={
          open ? (
            <EmptyState title={t(`${r}emptyTitle`)} text={t(`${r}emptyText`)} />
          ) : (
            <EmptyState title={t(`${r}closedEmptyTitle`)} text={t(`${r}closedEmptyText`)} />
          )
        }
      />
      <ReturnModal target={returning} onClose={() => setReturning(null)} />
      <LossModal target={losing} onClose={() => setLosing(null)} />
      <FollowModal item={following} onClose={() => setFollowing(null)} />
    </>
  );
}
