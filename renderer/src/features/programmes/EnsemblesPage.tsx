import { Group, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { ensembleTypes, type EnsembleType } from '../../../../shared/programmes/rules';
import type { Ensemble } from '../../../../shared/programmes/schemas';
import { useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { MountOnOpen } from '../../components/MountOnOpen';
import { DateField, useEstablishmentOptions } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { PlainTable } from '../../components/PlainTable';
import { accentFilter } from '../../components/accentFilter';
import { EnsembleDrawer } from './EnsembleDrawer';
import { PartReviewsSection } from './PartReviews';
import { useRecordParam } from '../../components/ListPage';
import { ChoiceFilter, NewButton, useFormDialog, useOptions } from '../../components/ListTools';
import { CatalogChoiceFilter } from '../../components/CatalogChoiceFilter';
import { useCan } from '../../components/session';
import { useRecordDialog } from '../../components/useRecordDialog';
import { EstablishmentField, NotesField } from './recordForms';
import { ListExportMenu } from '../../components/ExportMenu';
import { SavedViews } from '../../components/SavedViews';
import { choiceFilter, plainListView, valuesOf } from '../../components/plainListView';

interface EnsembleValues {
  name: string;
  type: string | null;
  establishmentId: string | null;
  director: string;
  formedOn: string | null;
  notes: string;
  active: boolean;
}

const blankEnsemble: EnsembleValues = {
  name: '',
  type: null,
  establishmentId: null,
  director: '',
  formedOn: null,
  notes: '',
  active: true,
};

const fromEnsemble = (g: Ensemble): EnsembleValues => ({
  name: g.name,
  type: g.type,
  establishmentId: String(g.establishmentId),
  director: g.director ?? '',
  formedOn: g.formedOn,
  notes: g.notes ?? '',
  active: g.active,
});

function EnsembleFormModal({ opened, onClose, ensemble }: { opened: boolean; onClose: () => void; ensemble: Ensemble | null }) {
  const { t } = useTranslation();
  const typeOptions = useOptions(ensembleTypes, 'programmes.ensembleTypes');
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, write, modal } = useRecordDialog('ensembles', ensemble, {
    opened,
    onClose,
    savedMessage: (g) => t(ensemble ? 'programmes.ensembles.updated' : 'programmes.ensembles.created', { name: g.name }),
    values: (): EnsembleValues => (ensemble ? fromEnsemble(ensemble) : blankEnsemble),
  });
  const save = ({ active, ...v }: EnsembleValues) =>
    write({ ...v, type: (v.type ?? '') as EnsembleType, establishmentId: Number(v.establishmentId ?? 0) }, { active });
  return (
    <FormModal
      {...modal(save)}
      size={640}
      title={t(ensemble ? 'programmes.ensembles.editTitle' : 'programmes.ensembles.newTitle')}
      gap="sm"
    >
      <TextInput label={t('programmes.ensembles.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('programmes.ensembles.type')} withAsterisk data={typeOptions} {...form.getInputProps('type')} />
        <EstablishmentField status="active" {...form.getInputProps('establishmentId')} />
        <TextInput label={t('programmes.ensembles.director')} {...form.getInputProps('director')} />
        <DateField label={t('programmes.ensembles.formedOn')} clearable {...form.getInputProps('formedOn')} />
      </SimpleGrid>
      <NotesField {...form.getInputProps('notes')} />
      {ensemble && <Switch label={t('programmes.ensembles.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />}
    </FormModal>
  );
}

/** Ensembles: symphonic bands, choirs, percussion ensembles, orchestras; members with their instrument or voice part. */
export function EnsemblesPage() {
  const { t } = useTranslation();
  const [type, setType] = useState<string | null>(null);
  const [establishment, setEstablishment] = useState<string | null>(null);
  const dialog = useFormDialog<Ensemble>();
  // The open ensemble is kept in the address (?ficha=<id>): the global search and links open it.
  const { recordId: openId, openRecord: setOpenId, closeRecord } = useRecordParam();
  const canCreate = useCan('ensembles.create');
  const establishments = useEstablishmentOptions('all');
  const exportQuery = {
    type: type as EnsembleType | null,
    establishmentId: establishment ? Number(establishment) : null,
    status: 'all' as const,
  };
  const list = useApiQuery('ensembles.list', exportQuery);
  const rows = list.data ?? [];
  const current = rows.find((g) => g.id === openId) ?? null;
  const view = plainListView('ensembles.list', {
    type: choiceFilter(type, setType, ensembleTypes),
    establishment: choiceFilter(establishment, setEstablishment, valuesOf(establishments)),
  });
  return (
    <>
      <PageHeader
        title={t('programmes.ensembles.title')}
        subtitle={t('programmes.ensembles.subtitle')}
        actions={
          <>
            <ListExportMenu list="ensembles.list" query={exportQuery} />
            {canCreate && <NewButton label={t('programmes.ensembles.new')} onClick={dialog.openNew} />}
          </>
        }
      />
      <Group mb="sm" gap="sm" align="flex-end">
        <CatalogChoiceFilter
          label={t('programmes.ensembles.type')}
          values={ensembleTypes}
          prefix="programmes.ensembleTypes"
          value={type}
          onChange={setType}
          w={240}
        />
        <ChoiceFilter
          label={t('programmes.common.establishment')}
          searchable
          filter={accentFilter}
          data={establishments}
          value={establishment}
          onChange={setEstablishment}
          w={320}
        />
        <SavedViews view={view} />
      </Group>
      <PartReviewsSection />
      <PlainTable<Ensemble>
        records={rows}
        fetching={list.isFetching && !list.data}
        onRowClick={({ record }) => setOpenId(record.id)}
        rowStyle={(g) => (g.active ? undefined : { opacity: 0.6 })}
        columns={[
          {
            accessor: 'name',
            title: t('programmes.ensembles.name'),
            render: (g) => (
              <Text size="sm" fw={600}>
                {g.name}
              </Text>
            ),
          },
          { accessor: 'type', title: t('programmes.ensembles.type'), render: (g) => t(`programmes.ensembleTypes.${g.type}`) },
          { accessor: 'establishmentName', title: t('programmes.common.establishment') },
          { accessor: 'director', title: t('programmes.ensembles.director') },
          { accessor: 'formedOn', title: t('programmes.ensembles.formedOn'), render: (g) => formatDate(g.formedOn) },
          { accessor: 'members', title: t('programmes.ensembles.members'), textAlign: 'right' },
        ]}
        emptyState={<EmptyState title={t('programmes.ensembles.emptyTitle')} text={t('programmes.ensembles.emptyText')} />}
      />
      <MountOnOpen opened={dialog.opened}>
        <EnsembleFormModal opened={dialog.opened} onClose={dialog.close} ensemble={dialog.record} />
      </MountOnOpen>
      <EnsembleDrawer ensemble={current} onClose={closeRecord} onEdit={dialog.openEdit} />
    </>
  );
}
