import { Button, Drawer, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconUserPlus } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { ensembleTypes, type EnsembleType } from '../../../../shared/programmes/rules';
import type { Enrolment, Ensemble } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { DateField, useEstablishmentOptions, FormActions } from '../../components/fields';
import { PageHeader } from '../../components/PageHeader';
import { accentFilter } from '../../components/accentFilter';
import { EnrolModal } from './EnrolModal';
import { StageModal } from './StageModal';
import { nameOf, StageBadge, useOptions } from './ui';
import { useCan } from '../../components/session';
import { useResetOnOpen } from '../../forms';

function EnsembleFormModal({ opened, onClose, ensemble }: { opened: boolean; onClose: () => void; ensemble: Ensemble | null }) {
  const { t } = useTranslation();
  const establishments = useEstablishmentOptions('active');
  const typeOptions = useOptions(ensembleTypes, 'programmes.ensembleTypes');
  const create = useApiMutation('ensembles.create');
  const update = useApiMutation('ensembles.update');
  const [v, setV] = useState({
    name: '',
    type: null as string | null,
    establishmentId: null as string | null,
    director: '',
    formedOn: null as string | null,
    notes: '',
    active: true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(opened, ensemble?.id ?? null, () => {
    setErrors({});
    setV(
      ensemble
        ? {
            name: ensemble.name,
            type: ensemble.type,
            establishmentId: String(ensemble.establishmentId),
            director: ensemble.director ?? '',
            formedOn: ensemble.formedOn,
            notes: ensemble.notes ?? '',
            active: ensemble.active,
          }
        : { name: '', type: null, establishmentId: null, director: '', formedOn: null, notes: '', active: true },
    );
  });
  const save = () => {
    const input = {
      name: v.name,
      type: (v.type ?? '') as EnsembleType,
      establishmentId: Number(v.establishmentId ?? 0),
      director: v.director,
      formedOn: v.formedOn,
      notes: v.notes,
    };
    const opts = {
      onSuccess: (g: Ensemble) => {
        notifications.show({
          color: 'teal',
          message: t(ensemble ? 'programmes.ensembles.updated' : 'programmes.ensembles.created', { name: g.name }),
        });
        onClose();
      },
      onError: (err: { error: { fields: Record<string, string> }; message: string }) => {
        setErrors(err.error.fields);
        notifications.show({ color: 'red', message: err.message });
      },
    };
    if (ensemble) update.mutate({ ...input, id: ensemble.id, version: ensemble.version, active: v.active }, opts);
    else create.mutate(input, opts);
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={640}
      title={t(ensemble ? 'programmes.ensembles.editTitle' : 'programmes.ensembles.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('programmes.ensembles.name')}
          withAsterisk
          data-autofocus
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={errors.name}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('programmes.ensembles.type')}
            withAsterisk
            data={typeOptions}
            value={v.type}
            onChange={(x) => setV({ ...v, type: x })}
            error={errors.type}
          />
          <Select
            label={t('programmes.common.establishment')}
            withAsterisk
            searchable
            filter={accentFilter}
            data={establishments}
            value={v.establishmentId}
            onChange={(x) => setV({ ...v, establishmentId: x })}
            error={errors.establishmentId}
          />
          <TextInput
            label={t('programmes.ensembles.director')}
            value={v.director}
            onChange={(e) => setV({ ...v, director: e.currentTarget.value })}
            error={errors.director}
          />
          <DateField
            label={t('programmes.ensembles.formedOn')}
            clearable
            value={v.formedOn}
            onChange={(x) => setV({ ...v, formedOn: x })}
            error={errors.formedOn}
          />
        </SimpleGrid>
        <Textarea
          label={t('programmes.common.notes')}
          autosize
          minRows={2}
          value={v.notes}
          onChange={(e) => setV({ ...v, notes: e.currentTarget.value })}
        />
        {ensemble && (
          <Switch
            label={t('programmes.ensembles.activeLabel')}
            checked={v.active}
            onChange={(e) => setV({ ...v, active: e.currentTarget.checked })}
          />
        )}
        <FormActions onCancel={onClose} onSave={save} saving={create.isPending || update.isPending} />
      </Stack>
    </Modal>
  );
}

function MembersDrawer({ ensemble, onClose, onEdit }: { ensemble: Ensemble | null; onClose: () => void; onEdit: (g: Ensemble) => void }) {
  const { t } = useTranslation();
  const [enrolOpen, setEnrolOpen] = useState(false);
  const [staging, setStaging] = useState<Enrolment | null>(null);
  const canEnrol = useCan('enrolments.create');
  const canStage = useCan('enrolments.setStage');
  const canEdit = useCan('ensembles.update');
  const members = useApiQuery('enrolments.list', { ensembleId: ensemble?.id ?? 0, openOnly: true }, { enabled: ensemble !== null });
  return (
    <Drawer
      opened={ensemble !== null}
      onClose={onClose}
      position="right"
      size={600}
      title={ensemble ? t('programmes.ensembles.membersOf', { name: ensemble.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {ensemble && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t(`programmes.ensembleTypes.${ensemble.type}`)} · {ensemble.establishmentName} · {ensemble.director ?? ''}
          </Text>
          <Group>
            {canEnrol && (
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEnrolOpen(true)} disabled={!ensemble.active}>
                {t('programmes.ensembles.addMembers')}
              </Button>
            )}
            {canEdit && (
              <Button variant="default" onClick={() => onEdit(ensemble)}>
                {t('common.edit')}
              </Button>
            )}
          </Group>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes.participants.codeShort')}</Table.Th>
                <Table.Th>{t('programmes.participants.name')}</Table.Th>
                <Table.Th>{t('programmes.enrolments.part')}</Table.Th>
                <Table.Th>{t('programmes.enrolments.stage')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(members.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td fw={600}>{e.participantCode}</Table.Td>
                  <Table.Td>{nameOf(e)}</Table.Td>
                  <Table.Td>{e.part}</Table.Td>
                  <Table.Td>
                    <StageBadge stage={e.stage} />
                  </Table.Td>
                  <Table.Td>
                    {canStage && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setStaging(e)}
                        aria-label={`${t('programmes.enrolments.changeStageOrPart')}: ${e.participantCode}`}
                      >
                        {t('programmes.enrolments.changeStageOrPart')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <EnrolModal
            opened={enrolOpen}
            onClose={() => setEnrolOpen(false)}
            group={{ kind: 'ensemble', id: ensemble.id, name: ensemble.name, establishmentId: ensemble.establishmentId }}
          />
          <StageModal enrolment={staging} onClose={() => setStaging(null)} />
        </Stack>
      )}
    </Drawer>
  );
}

/** Ensembles: symphonic bands, choirs, percussion ensembles, orchestras; members with their instrument or voice part. */
export function EnsemblesPage() {
  const { t } = useTranslation();
  const [type, setType] = useState<string | null>(null);
  const [establishment, setEstablishment] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Ensemble | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const canCreate = useCan('ensembles.create');
  const establishments = useEstablishmentOptions('all');
  const typeOptions = useOptions(ensembleTypes, 'programmes.ensembleTypes');
  const list = useApiQuery('ensembles.list', {
    type: type as EnsembleType | null,
    establishmentId: establishment ? Number(establishment) : null,
    status: 'all',
  });
  const rows = list.data ?? [];
  const current = rows.find((g) => g.id === openId) ?? null;
  return (
    <>
      <PageHeader
        title={t('programmes.ensembles.title')}
        subtitle={t('programmes.ensembles.subtitle')}
        actions={
          canCreate && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('programmes.ensembles.new')}
            </Button>
          )
        }
      />
      <Group mb="sm" gap="sm">
        <Select
          label={t('programmes.ensembles.type')}
          placeholder={t('programmes.common.all')}
          clearable
          data={typeOptions}
          value={type}
          onChange={setType}
          w={240}
        />
        <Select
          label={t('programmes.common.establishment')}
          placeholder={t('programmes.common.all')}
          clearable
          searchable
          filter={accentFilter}
          data={establishments}
          value={establishment}
          onChange={setEstablishment}
          w={320}
        />
      </Group>
      <DataTable<Ensemble>
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        minHeight={rows.length === 0 ? 220 : undefined}
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
      <EnsembleFormModal opened={formOpen} onClose={() => setFormOpen(false)} ensemble={editing} />
      <MembersDrawer
        ensemble={current}
        onClose={() => setOpenId(null)}
        onEdit={(g) => {
          setEditing(g);
          setFormOpen(true);
        }}
      />
    </>
  );
}
