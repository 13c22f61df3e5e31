import { Badge, Button, Card, Code, Drawer, Group, Select, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { auditActionLabel, auditChannelLabel, auditEntityLabel } from '../../../../shared/audit/labels';
import type { AuditEntry } from '../../../../shared/audit/schemas';
import type { PersonalDataExport } from '../../../../shared/privacy/schemas';
import { formatDateTime, isIsoDay } from '../../../../shared/format';
import { pageSizes } from '../../../../shared/ipc';
import { call, useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { usePagingLabels } from '../../components/ListPage';
import { DateField } from '../../components/fields';
import { useSaveFile } from '../../components/files';
import { PageHeader } from '../../components/PageHeader';
import { askPersonalDataReason } from '../../components/PersonalDataReason';
import { SavedViews } from '../../components/SavedViews';
import { choiceFilter, plainListView, textFilter } from '../../components/plainListView';
import { isLoggedRecord, parseLogged } from '../../../../shared/audit/logged-json';

const show = (v: unknown) => (v === undefined ? '—' : v === null ? '∅' : typeof v === 'string' ? v : JSON.stringify(v));

/** Before and after side by side; only the fields that changed are marked. */
function ChangeDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = parseLogged(entry.before);
  const after = parseLogged(entry.after);
  if (before === undefined && after === undefined) return <Text c="dimmed">{t('audit.detail.nothing')}</Text>;
  if (isLoggedRecord(before) || isLoggedRecord(after)) {
    const b = isLoggedRecord(before) ? before : {};
    const a = isLoggedRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return (
      <Table striped withTableBorder fz="xs" data-testid="audit-detail">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.detail.field')}</Table.Th>
            <Table.Th>{t('audit.detail.before')}</Table.Th>
            <Table.Th>{t('audit.detail.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => {
            const changed = JSON.stringify(b[k]) !== JSON.stringify(a[k]);
            return (
              <Table.Tr key={k} bg={changed && before !== undefined ? 'var(--mantine-color-yellow-light)' : undefined}>
                <Table.Td fw={changed ? 600 : 400}>{k}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{show(b[k])}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{show(a[k])}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Stack gap="xs">
      <Code block>{show(before)}</Code>
      <Code block>{show(after)}</Code>
    </Stack>
  );
}

function ChangesTab() {
  const { t } = useTranslation();
  const saveFile = useSaveFile();
  const paging = usePagingLabels();
  const [userId, setUserId] = useState<string | null>(null);
  const [entity, setEntity] = useState<string | null>(null);
  const [entityId, setEntityId] = useState('');
  const [debouncedId] = useDebouncedValue(entityId, 300);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const facets = useApiQuery('audit.facets', {});
  const filter = useMemo(
    () => ({
      userId: userId ?? undefined,
      entity: entity ?? undefined,
      entityId: debouncedId.trim() || undefined,
      // While a date is being typed (not yet a whole day), the list is not filtered by it.
      from: isIsoDay(from) ? from : undefined,
      to: isIsoDay(to) ? to : undefined,
    }),
    [userId, entity, debouncedId, from, to],
  );
  const rangeWrong = isIsoDay(from) && isIsoDay(to) && from > to;
  const view = plainListView('audit.list', {
    user: choiceFilter(userId, setUserId),
    entity: choiceFilter(entity, setEntity),
    entityId: textFilter(entityId, setEntityId),
    from: choiceFilter(from, setFrom),
    to: choiceFilter(to, setTo),
  });
  useEffect(() => setPage(1), [filter, pageSize]);
  const list = useApiQuery('audit.list', { filter, page, pageSize }, { placeholderData: (p) => p, enabled: !rangeWrong });
  const entityLabel = (e: string) => auditEntityLabel(t, e);
  const actionLabel = (a: string) => auditActionLabel(t, a);
  const channelLabel = (c: string) => auditChannelLabel(t, c);

  const exportLog = async () => {
    const reason = await askPersonalDataReason(t, t('audit.export.reasonWhat'));
    if (reason) await saveFile(() => call('audit.export', { filter, format: 'xlsx', reason })).catch(() => undefined);
  };

  const total = list.data?.total ?? 0;
  return (
    <>
      <Card withBorder padding="sm" mb="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('audit.filters.user')}
            placeholder={t('audit.filters.any')}
            clearable
            searchable
            data={(facets.data?.users ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.id})` }))}
            value={userId}
            onChange={setUserId}
            w={240}
          />
          <Select
            label={t('audit.filters.entity')}
            placeholder={t('audit.filters.any')}
            clearable
            searchable
            data={(facets.data?.entities ?? []).map((e) => ({ value: e, label: entityLabel(e) }))}
            value={entity}
            onChange={setEntity}
            w={210}
          />
          <TextInput label={t('audit.filters.entityId')} value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)} w={120} />
          <DateField label={t('audit.filters.from')} value={from} onChange={setFrom} w={150} clearable />
          <DateField
            label={t('audit.filters.to')}
            value={to}
            onChange={setTo}
            w={150}
            clearable
            error={rangeWrong ? t('audit.errors.range') : undefined}
          />
          <SavedViews view={view} />
          <Button
            ml="auto"
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={total === 0}
            onClick={() => void exportLog()}
          >
            {t('audit.exportButton')}
          </Button>
        </Group>
      </Card>
      <DataTable<AuditEntry>
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        minHeight={total === 0 ? 240 : undefined}
        records={list.data?.rows ?? []}
        fetching={list.isFetching && !list.data}
        totalRecords={total}
        recordsPerPage={pageSize}
        page={page}
        onPageChange={setPage}
        recordsPerPageOptions={[...pageSizes]}
        onRecordsPerPageChange={setPageSize}
        {...paging}
        onRowClick={({ record }) => setOpen(record)}
        columns={[
          { accessor: 'at', title: t('audit.columns.at'), width: 150, render: (e) => formatDateTime(e.at) },
          {
            accessor: 'user',
            title: t('audit.columns.user'),
            render: (e) => (
              <Stack gap={0}>
                <Text size="sm">{e.userName}</Text>
                <Text size="xs" c="dimmed">
                  {e.userId}
                </Text>
              </Stack>
            ),
          },
          { accessor: 'entity', title: t('audit.columns.entity'), render: (e) => entityLabel(e.entity) },
          { accessor: 'entityId', title: t('audit.columns.entityId') },
          {
            accessor: 'action',
            title: t('audit.columns.action'),
            render: (e) => (
              <Badge variant="light" tt="none" color={/Failed|Locked|delete|disable/.test(e.action) ? 'red' : 'indigo'}>
                {actionLabel(e.action)}
              </Badge>
            ),
          },
          { accessor: 'channel', title: t('audit.columns.channel'), render: (e) => channelLabel(e.channel) },
        ]}
        emptyState={<EmptyState title={t('audit.empty')} text={t('audit.subtitle')} />}
      />
      <Drawer
        opened={!!open}
        onClose={() => setOpen(null)}
        position="right"
        size="lg"
        title={t('audit.detail.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && (
          <Stack>
            <Text size="sm">
              {formatDateTime(open.at)} · {open.userName} ({open.userId})
            </Text>
            <Text size="sm">
              {entityLabel(open.entity)} {open.entityId ?? ''} · {actionLabel(open.action)} · {channelLabel(open.channel)}
            </Text>
            <ChangeDetail entry={open} />
          </Stack>
        )}
      </Drawer>
    </>
  );
}

function ExportsTab() {
  const { t } = useTranslation();
  const paging = usePagingLabels();
  const [page, setPage] = useState(1);
  const list = useApiQuery('audit.personalDataExports', { page, pageSize: 25 }, { placeholderData: (p) => p });
  const total = list.data?.total ?? 0;
  return (
    <DataTable<PersonalDataExport>
      withTableBorder
      borderRadius="sm"
      striped
      minHeight={total === 0 ? 220 : undefined}
      records={list.data?.rows ?? []}
      totalRecords={total}
      recordsPerPage={25}
      page={page}
      onPageChange={setPage}
      paginationText={paging.paginationText}
      getPaginationControlProps={paging.getPaginationControlProps}
      noRecordsText={paging.noRecordsText}
      columns={[
        { accessor: 'at', title: t('audit.columns.at'), width: 150, render: (e) => formatDateTime(e.at) },
        { accessor: 'userName', title: t('audit.columns.user') },
        { accessor: 'what', title: t('audit.columns.what') },
        { accessor: 'reason', title: t('audit.columns.reason') },
        { accessor: 'rows', title: t('audit.columns.rows'), textAlign: 'right', width: 90 },
        { accessor: 'fileName', title: t('audit.columns.file') },
      ]}
      emptyState={<EmptyState title={t('audit.emptyExports')} text={t('privacy.exports')} />}
    />
  );
}

/** The audit log for the administrator and the auditors: filters, the change itself, XLSX. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('vista') === 'exportaciones' ? 'exports' : 'changes';
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Tabs value={tab} onChange={(v) => setParams(v === 'exports' ? { vista: 'exportaciones' } : {})} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="changes">{t('audit.tabs.changes')}</Tabs.Tab>
          <Tabs.Tab value="exports">{t('audit.tabs.exports')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="changes">
          <ChangesTab />
        </Tabs.Panel>
        <Tabs.Panel value="exports">
          <ExportsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
