import { Anchor, Badge, Button, Card, Checkbox, Group, Image, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconEdit, IconLayoutList, IconPlus, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/format';
import type { ChecklistRow, Exhibition } from '../../../../shared/internarte/schemas';
import { call, useApiMutation, useApiQuery, type ApiCallError } from '../../api';
import { routes } from '../../app/routes';
import { ErrorState } from '../../components/ErrorState';
import { RecordPage } from '../../components/RecordPage';
import { ExportMenu } from '../../components/ExportMenu';
import { useCan } from '../../components/session';
import { ExhibitionFormModal } from './ExhibitionFormModal';
import { AddWorksModal, ChecklistItemModal, SectionModal } from './ExhibitionChecklistModals';
import { LendModal, Loans } from './ExhibitionLoans';
import { ExhibitionOutputs } from './ExhibitionOutputs';
import { ConsentBadges, CustodyBadge, Field } from './ui';
import { RemoveAction, RowAction } from '../../components/RecordParts';

/** One exhibition: its data and partners, the checklist, the loans to the venue, and its printed outputs. */
export function ExhibitionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const exhibition = useApiQuery('exhibitions.get', { id });
  const canEdit = useCan('exhibitions.update');
  const [editing, setEditing] = useState(false);
  const x = exhibition.data;
  if (exhibition.error) return <ErrorState error={exhibition.error} onRetry={() => void exhibition.refetch()} />;
  if (!x) return null;
  return (
    <RecordPage
      backTo={routes.exhibitions}
      backLabel={t('internarte.exhibitions.back')}
      onEdit={canEdit ? () => setEditing(true) : undefined}
      initialTab="checklist"
      heading={
        <Stack gap={2}>
          <Title order={2}>{x.title}</Title>
          {x.subtitle && <Text c="dimmed">{x.subtitle}</Text>}
          <Text size="sm">
            {[x.venue, x.startsOn || x.endsOn ? `${formatDate(x.startsOn) || '—'} – ${formatDate(x.endsOn) || '—'}` : null]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
      }
      tabs={[
        { value: 'data', label: t('internarte.exhibitions.tabs.data'), panel: <ExhibitionData exhibition={x} /> },
        {
          value: 'checklist',
          label: `${t('internarte.exhibitions.tabs.checklist')} (${x.workCount})`,
          panel: <Checklist exhibition={x} />,
        },
        { value: 'loans', label: `${t('internarte.exhibitions.tabs.loans')} (${x.openLoans})`, panel: <Loans exhibition={x} /> },
        { value: 'outputs', label: t('internarte.exhibitions.tabs.outputs'), panel: <ExhibitionOutputs exhibitionId={x.id} /> },
      ]}
    >
      <ExhibitionFormModal opened={editing} onClose={() => setEditing(false)} exhibition={x} />
    </RecordPage>
  );
}

function ExhibitionData({ exhibition: x }: { exhibition: Exhibition }) {
  const { t } = useTranslation();
  const text = (label: string, value: string | null) =>
    value && (
      <Card withBorder>
        <Text size="xs" c="dimmed" mb={4}>
          {label}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {value}
        </Text>
      </Card>
    );
  return (
    <Stack>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('internarte.exhibitions.fields.venue')}>{x.venue}</Field>
          <Field label={t('internarte.exhibitions.fields.startsOn')}>{formatDate(x.startsOn) || null}</Field>
          <Field label={t('internarte.exhibitions.fields.endsOn')}>{formatDate(x.endsOn) || null}</Field>
          <Field label={t('internarte.exhibitions.fields.partners')}>{x.partners.map((p) => p.name).join(', ') || null}</Field>
          <Field label={t('programmes.agreementLinks.agreement')}>{x.agreement?.title ?? null}</Field>
          <Field label={t('internarte.exhibitions.fields.curatorsShort')}>{x.curators.join(', ') || null}</Field>
          <Field label={t('internarte.exhibitions.fields.sectionMode')}>{t(`internarte.sectionModes.${x.sectionMode}`)}</Field>
          <Field label={t('internarte.artworks.fields.updatedAt')}>
            {formatDateTime(x.updatedAt)} · {x.updatedBy}
          </Field>
        </SimpleGrid>
      </Card>
      {text(t('internarte.exhibitions.fields.presentation'), x.presentation)}
      {text(t('internarte.exhibitions.fields.curatorialText'), x.curatorialText)}
      {text(t('internarte.exhibitions.fields.credits'), x.credits)}
    </Stack>
  );
}

function Checklist({ exhibition: x }: { exhibition: Exhibition }) {
  const { t } = useTranslation();
  const rows = useApiQuery('exhibitions.checklist', { id: x.id });
  const move = useApiMutation('exhibitions.moveWork');
  const remove = useApiMutation('exhibitions.removeWork');
  const canWrite = useCan('exhibitions.addWorks');
  const canLend = useCan('exhibitions.lend');
  const canExport = useCan('exhibitions.exportChecklist');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ChecklistRow | null>(null);
  const [lending, setLending] = useState<ChecklistRow | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [sectioning, setSectioning] = useState(false);
  const list = rows.data ?? [];
  // Only works still on the checklist stay selected (one removed elsewhere drops out).
  const selected = picked.filter((id) => list.some((r) => r.artworkId === id));
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const fail = (err: ApiCallError) => notifications.show({ color: 'red', message: err.message });
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('internarte.checklist.exportHint')}
        </Text>
        <Group gap="xs">
          {canExport && (
            <ExportMenu
              disabled={list.length === 0}
              onExport={(format) => call('exhibitions.exportChecklist', { exhibitionId: x.id, format })}
            />
          )}
          {canWrite && selected.length > 0 && (
            <Button variant="light" leftSection={<IconLayoutList size={16} />} onClick={() => setSectioning(true)}>
              {t('internarte.checklist.setSection', { count: selected.length })}
            </Button>
          )}
          {canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('internarte.checklist.add')}
            </Button>
          )}
        </Group>
      </Group>
      {rows.data && list.length === 0 && <Text c="dimmed">{t('internarte.checklist.empty')}</Text>}
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder verticalSpacing="xs" data-testid="checklist">
            <Table.Thead>
              <Table.Tr>
                {canWrite && (
                  <Table.Th w={36}>
                    <Checkbox
                      aria-label={t('common.selectAllRows')}
                      checked={selected.length === list.length}
                      indeterminate={selected.length > 0 && selected.length < list.length}
                      onChange={() => setPicked(selected.length === list.length ? [] : list.map((r) => r.artworkId))}
                    />
                  </Table.Th>
                )}
                <Table.Th>{t('internarte.checklist.columns.number')}</Table.Th>
                <Table.Th />
                <Table.Th>{t('internarte.checklist.columns.title')}</Table.Th>
                <Table.Th>{t('internarte.checklist.columns.section')}</Table.Th>
                <Table.Th>{t('internarte.checklist.columns.technique')}</Table.Th>
                <Table.Th>{t('internarte.checklist.columns.consent')}</Table.Th>
                <Table.Th>{t('internarte.checklist.columns.custody')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((r, i) => (
                <Table.Tr key={r.artworkId} style={r.mayExhibit ? undefined : { opacity: 0.65 }}>
                  {canWrite && (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('internarte.checklist.selectWork', { title: r.title })}
                        checked={selected.includes(r.artworkId)}
                        onChange={() => toggle(r.artworkId)}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text fw={700}>{r.catalogNumber}</Text>
                  </Table.Td>
                  <Table.Td w={56}>{r.thumbnail && <Image src={r.thumbnail} alt="" w={40} h={40} fit="cover" radius="sm" />}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`${routes.artworks}/${r.artworkId}`} size="sm" fw={600} fs="italic">
                      {r.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.artistLabel} · {r.establishmentName}
                      {r.year ? ` · ${r.year}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.sectionLabel ?? '—'}</Table.Td>
                  <Table.Td>{t(`internarte.techniques.${r.technique}`)}</Table.Td>
                  <Table.Td>
                    {r.mayExhibit ? (
                      <ConsentBadges
                        consent={{ mayExhibit: r.mayExhibit, mayCatalog: r.mayCatalog, mayPhotograph: false, maySell: false }}
                      />
                    ) : (
                      <Tooltip label={t('internarte.checklist.noExhibit')} multiline w={260}>
                        <Badge color="red" variant="light" tt="none">
                          {t('internarte.artworks.consentNone')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <CustodyBadge status={r.custodyStatus} />
                  </Table.Td>
                  <Table.Td>
                    {canWrite && (
                      <Group gap={2} wrap="nowrap" justify="flex-end">
                        <RowAction
                          label={t('internarte.checklist.up')}
                          name={r.title}
                          disabled={i === 0}
                          onClick={() => move.mutate({ exhibitionId: x.id, artworkId: r.artworkId, direction: 'up' }, { onError: fail })}
                        >
                          <IconArrowUp size={16} />
                        </RowAction>
                        <RowAction
                          label={t('internarte.checklist.down')}
                          name={r.title}
                          disabled={i === list.length - 1}
                          onClick={() => move.mutate({ exhibitionId: x.id, artworkId: r.artworkId, direction: 'down' }, { onError: fail })}
                        >
                          <IconArrowDown size={16} />
                        </RowAction>
                        <RowAction label={t('internarte.checklist.editItem')} name={r.title} onClick={() => setEditing(r)}>
                          <IconEdit size={16} />
                        </RowAction>
                        {canLend &&
                          !r.loanOpen &&
                          r.mayExhibit &&
                          (r.custodyStatus === 'en_taller' || r.custodyStatus === 'en_sala' || r.custodyStatus === 'en_transito') && (
                            <RowAction label={t('internarte.loans.lend')} name={r.title} color="indigo" onClick={() => setLending(r)}>
                              <IconTruckDelivery size={16} />
                            </RowAction>
                          )}
                        <RemoveAction
                          label={t('internarte.checklist.remove')}
                          name={r.title}
                          disabled={r.loanOpen}
                          onClick={() => remove.mutate({ exhibitionId: x.id, artworkId: r.artworkId }, { onError: fail })}
                        />
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddWorksModal opened={adding} onClose={() => setAdding(false)} exhibitionId={x.id} present={new Set(list.map((r) => r.artworkId))} />
      <ChecklistItemModal row={editing} onClose={() => setEditing(null)} exhibition={x} />
      <SectionModal
        opened={sectioning}
        onClose={() => setSectioning(false)}
        onDone={() => setPicked([])}
        exhibition={x}
        works={list.filter((r) => selected.includes(r.artworkId))}
      />
      <LendModal row={lending} onClose={() => setLending(null)} exhibition={x} />
    </Stack>
  );
}
