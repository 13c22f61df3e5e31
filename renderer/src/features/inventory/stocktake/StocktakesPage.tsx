import { Anchor, Button, Select, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconClipboardList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../../../shared/format';
import type { Stocktake } from '../../../../../shared/inventory/stocktake-schemas';
import { StocktakeOpen } from '../../../../../shared/inventory/stocktake-schemas';
import { useApiMutation, useApiQuery } from '../../../api';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { PlainTable } from '../../../components/PlainTable';
import { ClearFiltersButton, FilterBar, ListEmptyState } from '../../../components/ListPage';
import { ChoiceFilter } from '../../../components/ListTools';
import { schemaValidator } from '../../../forms';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { useEstablishmentOptions } from '../../../components/fields';
import { StocktakeStatusBadge, stocktakePath } from './ui';
import { useCan } from '../../../components/session';
import { ListExportMenu } from '../../../components/ExportMenu';
import { SavedViews } from '../../../components/SavedViews';
import { choiceFilter, plainListView, valuesOf } from '../../../components/plainListView';

/** A stocktake's states, and their names in the catalog (the status badge's). */
const statusLabels = { abierto: 'inventory.stocktake.open', cerrado: 'inventory.stocktake.closed' } as const;
const statuses = Object.keys(statusLabels) as Stocktake['status'][];

/** The stocktakes, newest first; "Abrir inventario" starts the count of one establishment. */
export function StocktakesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const establishments = useEstablishmentOptions();
  const [establishmentId, setEstablishmentId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const canOpen = useCan('stocktakes.open');
  const canCount = useCan('stocktakes.count');
  const exportQuery = {
    establishmentId: establishmentId === null ? null : Number(establishmentId),
    status: (status as Stocktake['status'] | null) ?? null,
  };
  const list = useApiQuery('stocktakes.list', exportQuery, { placeholderData: (prev) => prev });
  const view = plainListView('stocktakes.list', {
    establishment: choiceFilter(establishmentId, setEstablishmentId, valuesOf(establishments)),
    status: choiceFilter(status, setStatus, statuses),
  });

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data ?? [];
  const filtered = establishmentId !== null || status !== null;

  return (
    <>
      <PageHeader
        title={t('inventory.stocktake.title')}
        subtitle={t('inventory.stocktake.subtitle')}
        actions={
          <>
            <ListExportMenu list="stocktakes.list" query={exportQuery} />
            {canOpen && (
              <Button leftSection={<IconClipboardList size={16} />} onClick={() => setOpening(true)}>
                {t('inventory.stocktake.new')}
              </Button>
            )}
          </>
        }
      />

      <FilterBar>
        <ChoiceFilter
          label={t('inventory.stocktake.establishment')}
          data={establishments}
          value={establishmentId}
          onChange={setEstablishmentId}
          searchable
          w={300}
        />
        <ChoiceFilter
          label={t('common.status')}
          data={statuses.map((s) => ({ value: s, label: t(statusLabels[s]) }))}
          value={status}
          onChange={setStatus}
          w={160}
        />
        <ClearFiltersButton
          active={filtered}
          onClear={() => {
            setEstablishmentId(null);
            setStatus(null);
          }}
        />
        <SavedViews view={view} />
      </FilterBar>

      <PlainTable<Stocktake>
        emptyHeight={260}
        fetching={list.isPending}
        records={rows}
        idAccessor="id"
        onRowClick={({ record }) => void navigate(stocktakePath(record.id))}
        rowStyle={() => ({ cursor: 'pointer' })}
        columns={[
          {
            accessor: 'establishmentName',
            title: t('inventory.stocktake.establishment'),
            render: (s) => (
              <Anchor component={Link} to={stocktakePath(s.id)} onClick={(e) => e.stopPropagation()} fw={500}>
                {s.establishmentName}
              </Anchor>
            ),
          },
          { accessor: 'status', title: t('common.status'), width: 110, render: (s) => <StocktakeStatusBadge status={s.status} /> },
          { accessor: 'openedAt', title: t('inventory.stocktake.openedAt'), width: 120, render: (s) => formatDate(s.openedAt) },
          { accessor: 'openedBy', title: t('inventory.stocktake.openedBy') },
          { accessor: 'counted', title: t('inventory.stocktake.counted'), textAlign: 'right', width: 100 },
          { accessor: 'closedAt', title: t('inventory.stocktake.closedAt'), width: 120, render: (s) => formatDate(s.closedAt) },
          { accessor: 'actaNumber', title: t('inventory.stocktake.actaNumber'), render: (s) => s.actaNumber ?? '' },
          {
            accessor: 'actions',
            title: '',
            width: 200,
            textAlign: 'right',
            render: (s) => (
              <Button
                size="compact-sm"
                variant={s.status === 'abierto' ? 'light' : 'subtle'}
                rightSection={<IconArrowRight size={14} />}
                onClick={(e) => {
                  e.stopPropagation();
                  void navigate(stocktakePath(s.id));
                }}
              >
                {s.status === 'abierto' && canCount ? t('inventory.stocktake.continue') : t('inventory.stocktake.view')}
              </Button>
            ),
          },
        ]}
        emptyState={<ListEmptyState filtered={filtered} texts="inventory.stocktake" />}
      />

      <OpenStocktakeModal opened={opening} onClose={() => setOpening(false)} />
    </>
  );
}

interface OpenValues {
  establishmentId: string | null;
  notes: string;
}

const toOpenInput = (v: OpenValues) => ({
  establishmentId: v.establishmentId === null ? undefined : Number(v.establishmentId),
  notes: v.notes,
});

/** Choose the establishment; main refuses a second open count for it, and says so next to the field. */
function OpenStocktakeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const establishments = useEstablishmentOptions();
  const open = useApiMutation('stocktakes.open');
  const validate = schemaValidator(StocktakeOpen, t);
  // Reset only when the dialog opens; main's sentence goes once the clerk changes anything.
  const { form, modal, setFormError, onError } = useRecordForm<OpenValues>({
    opened,
    validate: (values) => validate(toOpenInput(values)),
    values: () => ({ establishmentId: null, notes: '' }),
    onValuesChange: () => setFormError(null),
    sentenceWithFields: false,
  });

  // The open count that main pointed at, to continue it instead.
  const chosen = form.values.establishmentId === null ? null : Number(form.values.establishmentId);
  const openOnes = useApiQuery(
    'stocktakes.list',
    { establishmentId: chosen, status: 'abierto' },
    { enabled: chosen !== null && Boolean(form.errors.establishmentId) },
  );
  const alreadyOpen = chosen === null ? undefined : openOnes.data?.find((s) => s.establishmentId === chosen);

  const save = (values: OpenValues) =>
    open.mutate(toOpenInput(values) as { establishmentId: number; notes: string }, {
      onSuccess: (s) => {
        notifications.show({ color: 'teal', message: t('inventory.stocktake.opened', { name: s.establishmentName }) });
        onClose();
        void navigate(stocktakePath(s.id));
      },
      onError,
    });

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      title={t('inventory.stocktake.newTitle')}
      size="md"
      saving={open.isPending}
      saveLabel={t('inventory.stocktake.new')}
    >
      <Select
        data-autofocus
        required
        label={t('inventory.stocktake.establishment')}
        description={t('inventory.stocktake.openHint')}
        data={establishments}
        searchable
        selectFirstOptionOnChange
        {...form.getInputProps('establishmentId')}
      />
      {form.errors.establishmentId && alreadyOpen && (
        <Button
          variant="light"
          color="orange"
          rightSection={<IconArrowRight size={16} />}
          onClick={() => {
            onClose();
            void navigate(stocktakePath(alreadyOpen.id));
          }}
        >
          {t('inventory.stocktake.goToOpen')}
        </Button>
      )}
      <Textarea label={t('inventory.stocktake.notes')} autosize minRows={2} maxRows={5} {...form.getInputProps('notes')} />
      <Text size="sm" c="dimmed">
        {t('inventory.stocktake.openText')}
      </Text>
    </FormModal>
  );
}
