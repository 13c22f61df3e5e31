import { Badge, Button, Card, Center, Group, Loader, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { normalizeText } from '../../../../../shared/format';
import type { Family } from '../../../../../shared/inventory/rules';
import { InstrumentTypeInput, type InstrumentType } from '../../../../../shared/inventory/schemas';
import { useApiMutation, useApiQuery } from '../../../api';
import { routes } from '../../../app/routes';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { schemaValidator } from '../../../forms';
import { FormModal } from '../../../components/FormModal';
import { useRecordDialog } from '../../../components/useRecordDialog';
import { whole } from '../../../components/badges';
import { useCan } from '../../../components/session';
import { CellText } from '../../../components/cells';
import { ActiveToggleAction, RowAction } from '../../../components/RecordParts';
import { familyGroups, familyOptions } from './ui';
import { ListExportMenu } from '../../../components/ExportMenu';
import plain from '../../../components/plainRows.module.css';

interface TypeValues {
  name: string;
  family: string | null;
}

function TypeFormModal({ opened, onClose, type }: { opened: boolean; onClose: () => void; type: InstrumentType | null }) {
  const { t } = useTranslation();
  const validate = schemaValidator(InstrumentTypeInput, t);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, modal, write } = useRecordDialog('instrumentTypes', type, {
    opened,
    onClose,
    savedMessage: (s) => t(type ? 'inventory.types.updated' : 'inventory.types.created', { name: s.name }),
    initialValues: { name: '', family: null },
    validate: (v) => validate({ name: v.name, family: v.family ?? undefined }),
    values: (): TypeValues => (type ? { name: type.name, family: type.family } : { name: '', family: null }),
  });

  const save = (v: TypeValues) => write({ name: v.name.trim(), family: v.family as Family }, { active: type?.active });

  return (
    <FormModal {...modal(save)} title={type ? t('inventory.types.editTitle') : t('inventory.types.newTitle')} actionsMt="sm">
      <TextInput data-autofocus required label={t('inventory.types.name')} {...form.getInputProps('name')} />
      <Select required label={t('inventory.types.family')} data={familyOptions(t)} {...form.getInputProps('family')} />
    </FormModal>
  );
}

/**
 * The instrument types by family, under two headings (the musical instruments, the art
 * equipment), with how many instruments each has. A type in
 * use is deactivated, never deleted: it is then no longer offered for new instruments.
 */
export function InstrumentTypesPage() {
  const { t } = useTranslation();
  const exportQuery = {};
  const types = useApiQuery('instrumentTypes.list', exportQuery);
  const update = useApiMutation('instrumentTypes.update');
  const canCreate = useCan('instrumentTypes.create');
  const canEdit = useCan('instrumentTypes.update');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<InstrumentType | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const openNew = () => {
    setEditing(null);
    setFormOpen(true);
  };
  const openEdit = (ty: InstrumentType) => {
    setEditing(ty);
    setFormOpen(true);
  };
  const toggle = (ty: InstrumentType) =>
    update.mutate(
      { id: ty.id, version: ty.version, name: ty.name, family: ty.family, active: !ty.active },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'teal',
            message: t(saved.active ? 'inventory.types.reactivated' : 'inventory.types.deactivated', { name: saved.name }),
          }),
        onError: (err) => notifications.show({ color: 'red', message: err.message, autoClose: 10000 }),
      },
    );

  const words = normalizeText(search).split(' ').filter(Boolean);
  const shown = (types.data ?? []).filter((ty) => words.every((w) => normalizeText(ty.name).includes(w)));

  return (
    <>
      <PageHeader
        title={t('inventory.types.title')}
        subtitle={t('inventory.types.subtitle')}
        actions={
          <>
            <ListExportMenu list="instrumentTypes.list" query={exportQuery} />
            {canCreate && (
              <Button leftSection={<IconPlus size={16} />} onClick={openNew}>
                {t('inventory.types.new')}
              </Button>
            )}
          </>
        }
      />
      <TextInput
        aria-label={t('common.search')}
        placeholder={t('inventory.types.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={290}
        mb="md"
      />
      {types.isError ? (
        <ErrorState error={types.error} onRetry={() => void types.refetch()} />
      ) : types.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : shown.length === 0 ? (
        <EmptyState title={t('inventory.types.noMatchTitle')} text={t('inventory.types.noMatchText')} />
      ) : (
        // Two headings, the musical instruments and the art equipment; under each, columns of
        // cards (not a grid): a short family does not leave a hole beside a long one.
        familyGroups
          .map((g) => ({
            key: g.key,
            families: g.families.map((f) => ({ family: f, rows: shown.filter((ty) => ty.family === f) })).filter((f) => f.rows.length > 0),
          }))
          .filter((g) => g.families.length > 0)
          .map((g, i) => (
            <section key={g.key} aria-labelledby={`family-group-${g.key}`}>
              <Title order={3} id={`family-group-${g.key}`} mt={i > 0 ? 'xs' : 0} mb="sm">
                {t(`inventory.familyGroups.${g.key}`)}
              </Title>
              <div style={{ columnWidth: 420, columnGap: 'var(--mantine-spacing-md)' }}>
                {g.families.map(({ family, rows }) => (
                  <Card
                    key={family}
                    withBorder
                    padding="sm"
                    mb="md"
                    role="region"
                    aria-label={t(`inventory.families.${family}`)}
                    style={{ breakInside: 'avoid' }}
                  >
                    <Group justify="space-between" mb="xs" wrap="nowrap">
                      <Title order={4}>{t(`inventory.families.${family}`)}</Title>
                      <Text size="sm" c="dimmed">
                        {t('inventory.types.typesCount', { count: rows.length })} ·{' '}
                        {t('inventory.types.instrumentsCount', { count: rows.reduce((n, ty) => n + ty.instrumentCount, 0) })}
                      </Text>
                    </Group>
                    <Table striped highlightOnHover verticalSpacing={4}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('inventory.types.name')}</Table.Th>
                          <Table.Th ta="right">{t('inventory.types.instruments')}</Table.Th>
                          <Table.Th>{t('common.status')}</Table.Th>
                          <Table.Th w={80} />
                        </Table.Tr>
                      </Table.Thead>
                      {/* Every type of the family, in plain rows (components/plainRows.module.css): dozens of them on each visit. */}
                      <tbody className={`${plain.body} ${plain.striped} ${plain.hover}`}>
                        {rows.map((ty) => (
                          <tr key={ty.id} style={ty.active ? undefined : { opacity: 0.65 }}>
                            <td>{ty.name}</td>
                            <td className={plain.end}>
                              {ty.instrumentCount > 0 ? (
                                <Link
                                  className={plain.link}
                                  to={`${routes.instruments}?tipo=${ty.id}`}
                                  aria-label={`${t('inventory.types.viewInstruments')}: ${ty.name}`}
                                >
                                  {ty.instrumentCount}
                                </Link>
                              ) : (
                                <CellText inline dimmed>
                                  0
                                </CellText>
                              )}
                            </td>
                            <td>
                              {ty.active ? (
                                <CellText dimmed>{t('common.active')}</CellText>
                              ) : (
                                <Badge color="gray" variant="light" tt="none" styles={whole}>
                                  {t('common.inactive')}
                                </Badge>
                              )}
                            </td>
                            <td>
                              {canEdit && (
                                <div className={plain.actions}>
                                  <RowAction label={t('common.edit')} name={ty.name} onClick={() => openEdit(ty)}>
                                    <IconEdit size={18} />
                                  </RowAction>
                                  <ActiveToggleAction
                                    active={ty.active}
                                    labels={{ deactivate: t('inventory.types.deactivate'), reactivate: t('inventory.types.reactivate') }}
                                    name={ty.name}
                                    onClick={() => toggle(ty)}
                                  />
                                </div>
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </Table>
                  </Card>
                ))}
              </div>
            </section>
          ))
      )}
      <TypeFormModal opened={formOpen} onClose={() => setFormOpen(false)} type={editing} />
    </>
  );
}
