import { ActionIcon, Anchor, Badge, Button, Card, Checkbox, Group, Image, Modal, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowDown, IconArrowUp, IconEdit, IconPlus, IconSearch, IconTrash, IconTruckDelivery } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/format';
import type { ChecklistRow, Exhibition, Loan } from '../../../../shared/internarte/schemas';
import { call, useApiMutation, useApiQuery, type ApiCallError } from '../../api';
import { routes } from '../../app/routes';
import { ErrorState } from '../../components/ErrorState';
import { RecordPage } from '../../components/RecordPage';
import { ExportMenu } from '../../components/ExportMenu';
import { DateField, FormActions, FormErrorAlert, SolesInput, todayIso } from '../../components/fields';
import { useCan } from '../auth/session';
import { solesToCentimos, useMoney } from '../instruments/ui';
import { ExhibitionFormModal } from './ExhibitionFormModal';
import { ExhibitionOutputs } from './ExhibitionOutputs';
import { ConsentBadges, CustodyBadge, Field, PhotosPicker, uploadOf } from './ui';
import { useResetOnOpen } from '../../forms';

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
            {[x.venue, x.startsOn || x.endsOn ? `${formatDate(x.startsOn) || '—'} – ${formatDate(x.endsOn) || '—'}` : null].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      }
      tabs={[
        { value: 'data', label: t('internarte.exhibitions.tabs.data'), panel: <ExhibitionData exhibition={x} /> },
        { value: 'checklist', label: `${t('internarte.exhibitions.tabs.checklist')} (${x.workCount})`, panel: <Checklist exhibition={x} /> },
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
  const list = rows.data ?? [];
  const fail = (err: ApiCallError) => notifications.show({ color: 'red', message: err.message });
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('internarte.checklist.exportHint')}
        </Text>
        <Group gap="xs">
          {canExport && <ExportMenu disabled={list.length === 0} onExport={(format) => call('exhibitions.exportChecklist', { exhibitionId: x.id, format })} />}
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
                      <ConsentBadges consent={{ mayExhibit: r.mayExhibit, mayCatalog: r.mayCatalog, mayPhotograph: false, maySell: false }} />
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
                        <Tooltip label={t('internarte.checklist.up')}>
                          <ActionIcon variant="subtle" disabled={i === 0} aria-label={`${t('internarte.checklist.up')}: ${r.title}`} onClick={() => move.mutate({ exhibitionId: x.id, artworkId: r.artworkId, direction: 'up' }, { onError: fail })}>
                            <IconArrowUp size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('internarte.checklist.down')}>
                          <ActionIcon variant="subtle" disabled={i === list.length - 1} aria-label={`${t('internarte.checklist.down')}: ${r.title}`} onClick={() => move.mutate({ exhibitionId: x.id, artworkId: r.artworkId, direction: 'down' }, { onError: fail })}>
                            <IconArrowDown size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('internarte.checklist.editItem')}>
                          <ActionIcon variant="subtle" aria-label={`${t('internarte.checklist.editItem')}: ${r.title}`} onClick={() => setEditing(r)}>
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        {canLend && !r.loanOpen && r.mayExhibit && (r.custodyStatus === 'en_taller' || r.custodyStatus === 'en_sala' || r.custodyStatus === 'en_transito') && (
                          <Tooltip label={t('internarte.loans.lend')}>
                            <ActionIcon variant="subtle" color="indigo" aria-label={`${t('internarte.loans.lend')}: ${r.title}`} onClick={() => setLending(r)}>
                              <IconTruckDelivery size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        <Tooltip label={t('internarte.checklist.remove')}>
                          <ActionIcon variant="subtle" color="red" disabled={r.loanOpen} aria-label={`${t('internarte.checklist.remove')}: ${r.title}`} onClick={() => remove.mutate({ exhibitionId: x.id, artworkId: r.artworkId }, { onError: fail })}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
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
      <LendModal row={lending} onClose={() => setLending(null)} exhibition={x} />
    </Stack>
  );
}

function AddWorksModal({ opened, onClose, exhibitionId, present }: { opened: boolean; onClose: () => void; exhibitionId: number; present: Set<number> }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<number[]>([]);
  const list = useApiQuery('artworks.list', { search: debounced, pageSize: 50, sort: 'title', direction: 'asc' }, { enabled: opened });
  const add = useApiMutation('exhibitions.addWorks');
  useEffect(() => {
    if (opened) {
      setChosen([]);
      setSearch('');
    }
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} size={720} title={t('internarte.checklist.addTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <TextInput data-autofocus aria-label={t('internarte.checklist.searchWorks')} placeholder={t('internarte.checklist.searchWorks')} leftSection={<IconSearch size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <ScrollArea h={380}>
          <Stack gap={4}>
            {(list.data?.rows ?? []).map((a) => (
              <Checkbox
                key={a.id}
                disabled={present.has(a.id)}
                checked={present.has(a.id) || chosen.includes(a.id)}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setChosen((c) => (checked ? [...c, a.id] : c.filter((x) => x !== a.id)));
                }}
                label={
                  <Group gap="xs" wrap="nowrap">
                    {a.thumbnail && <Image src={a.thumbnail} alt="" w={32} h={32} fit="cover" radius="sm" />}
                    <div>
                      <Text size="sm" fs="italic">
                        {a.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.artistLabel} · {a.establishmentName}
                        {present.has(a.id) ? ` · ${t('internarte.checklist.alreadyIn')}` : ''}
                      </Text>
                    </div>
                  </Group>
                }
              />
            ))}
          </Stack>
        </ScrollArea>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={chosen.length === 0}
            loading={add.isPending}
            onClick={() =>
              add.mutate(
                { exhibitionId, artworkIds: chosen },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('internarte.checklist.added', { count: chosen.length }) });
                    onClose();
                  },
                  onError: (err) => notifications.show({ color: 'red', message: err.message }),
                },
              )
            }
          >
            {t('internarte.checklist.add')} ({chosen.length})
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ChecklistItemModal({ row, onClose, exhibition }: { row: ChecklistRow | null; onClose: () => void; exhibition: Exhibition }) {
  const { t } = useTranslation();
  const update = useApiMutation('exhibitions.updateWork');
  const [number, setNumber] = useState('');
  const [section, setSection] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(row !== null, row?.artworkId, () => {
    if (!row) return;
    setNumber(row.catalogNumber);
    setSection(row.section ?? '');
    setErrors({});
  });
  return (
    <Modal opened={row !== null} onClose={onClose} title={row?.title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <TextInput data-autofocus required label={t('internarte.exhibitions.fields.catalogNumber')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={errors.catalogNumber} />
        <TextInput
          label={t('internarte.checklist.columns.section')}
          description={exhibition.sectionMode === 'libre' ? undefined : t(`internarte.sectionModes.${exhibition.sectionMode}`)}
          value={section}
          onChange={(e) => setSection(e.currentTarget.value)}
          error={errors.section}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={update.isPending}
            onClick={() =>
              row &&
              update.mutate(
                { exhibitionId: exhibition.id, artworkId: row.artworkId, catalogNumber: number, section },
                { onSuccess: onClose, onError: (err) => setErrors(err.error.fields) },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function LendModal({ row, onClose, exhibition }: { row: ChecklistRow | null; onClose: () => void; exhibition: Exhibition }) {
  const { t } = useTranslation();
  const lend = useApiMutation('exhibitions.lend');
  const [v, setV] = useState({ lentOn: todayIso() as string | null, dueOn: exhibition.endsOn, insurance: '' as number | string, conditionOut: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(row !== null, row?.artworkId, () => {
    if (!row) return;
    setV({ lentOn: todayIso(), dueOn: exhibition.endsOn, insurance: '', conditionOut: '' });
    setFiles([]);
    setErrors({});
    setFormError(null);
  });
  const submit = async () => {
    if (!row) return;
    // An amount the field cannot read is refused here, with its reason under the field.
    if (Number.isNaN(solesToCentimos(v.insurance))) {
      setErrors({ insurance: t('errors.invalidAmount') });
      return;
    }
    const photos = await Promise.all(files.map(uploadOf));
    lend.mutate(
      { exhibitionId: exhibition.id, artworkId: row.artworkId, lentOn: v.lentOn ?? '', dueOn: v.dueOn, insuranceCentimos: solesToCentimos(v.insurance) ?? (undefined as never), conditionOut: v.conditionOut, photos },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('internarte.loans.lent') });
          onClose();
        },
        onError: (err) => {
          setFormError(err.error.message);
          setErrors({ ...err.error.fields, insurance: err.error.fields.insuranceCentimos ?? '' });
        },
      },
    );
  };
  return (
    <Modal opened={row !== null} onClose={onClose} size={600} title={`${t('internarte.loans.lendTitle')}: ${row?.title ?? ''}`} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <FormErrorAlert error={formError} />
        <Text size="sm" c="dimmed">
          {exhibition.venue}
        </Text>
        <SimpleGrid cols={3}>
          <DateField required label={t('internarte.loans.fields.lentOn')} value={v.lentOn} onChange={(x) => setV({ ...v, lentOn: x })} error={errors.lentOn} />
          <DateField label={t('internarte.loans.fields.dueOn')} clearable value={v.dueOn} onChange={(x) => setV({ ...v, dueOn: x })} error={errors.dueOn} />
          <SolesInput
            required
            label={t('internarte.loans.fields.insurance')}
            value={v.insurance}
            onChange={(x) => setV({ ...v, insurance: x })}
            error={errors.insurance || undefined}
          />
        </SimpleGrid>
        <Textarea required label={t('internarte.loans.fields.conditionOut')} autosize minRows={2} value={v.conditionOut} onChange={(e) => setV({ ...v, conditionOut: e.currentTarget.value })} error={errors.conditionOut} />
        <PhotosPicker files={files} onChange={setFiles} />
        <FormActions onCancel={onClose} saving={lend.isPending} onSave={() => void submit()} label={t('internarte.loans.lend')} />
      </Stack>
    </Modal>
  );
}

function Loans({ exhibition }: { exhibition: Exhibition }) {
  const { t } = useTranslation();
  const money = useMoney();
  const loans = useApiQuery('exhibitions.loans', { id: exhibition.id });
  const canReturn = useCan('exhibitions.returnLoan');
  const [returning, setReturning] = useState<Loan | null>(null);
  const list = loans.data ?? [];
  const photos = (ps: Loan['photosOut']) => (
    <Group gap={4}>
      {ps.map((p) => p.thumbnail && <Image key={p.hash} src={p.thumbnail} alt={p.originalName} w={36} h={36} fit="cover" radius="sm" />)}
    </Group>
  );
  return (
    <Stack>
      {loans.data && list.length === 0 && <Text c="dimmed">{t('internarte.loans.empty')}</Text>}
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder data-testid="loans">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('internarte.loans.fields.artwork')}</Table.Th>
                <Table.Th>{t('internarte.loans.fields.lentOn')}</Table.Th>
                <Table.Th>{t('internarte.loans.fields.dueOn')}</Table.Th>
                <Table.Th>{t('internarte.loans.fields.insurance')}</Table.Th>
                <Table.Th>{t('internarte.loans.fields.conditionOut')}</Table.Th>
                <Table.Th>{t('internarte.loans.fields.conditionBack')}</Table.Th>
                <Table.Th>{t('internarte.loans.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${routes.artworks}/${l.artworkId}`} size="sm" fs="italic">
                      {l.catalogNumber ? `${l.catalogNumber}. ` : ''}
                      {l.artworkTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(l.lentOn)}</Table.Td>
                  <Table.Td>{formatDate(l.dueOn) || '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{money(l.insuranceCentimos)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{l.conditionOut}</Text>
                    {photos(l.photosOut)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{l.conditionBack ?? '—'}</Text>
                    {photos(l.photosBack)}
                  </Table.Td>
                  <Table.Td>
                    {l.returnedOn ? (
                      <Badge color="gray" variant="light" tt="none">
                        {t('internarte.loans.closed')} {formatDate(l.returnedOn)}
                      </Badge>
                    ) : canReturn ? (
                      <Button size="compact-sm" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={() => setReturning(l)}>
                        {t('internarte.loans.return')}
                      </Button>
                    ) : (
                      <Badge color="indigo" variant="light" tt="none">
                        {t('internarte.loans.open')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ReturnModal loan={returning} onClose={() => setReturning(null)} />
    </Stack>
  );
}

function ReturnModal({ loan, onClose }: { loan: Loan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ret = useApiMutation('exhibitions.returnLoan');
  const [date, setDate] = useState<string | null>(todayIso());
  const [condition, setCondition] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Reset when it opens or turns to another record, never on a background refetch.
  useResetOnOpen(loan !== null, loan?.id, () => {
    if (!loan) return;
    setDate(todayIso());
    setCondition('');
    setFiles([]);
    setErrors({});
    setFormError(null);
  });
  const submit = async () => {
    if (!loan) return;
    const photos = await Promise.all(files.map(uploadOf));
    ret.mutate(
      { loanId: loan.id, returnedOn: date ?? '', conditionBack: condition, photos },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('internarte.loans.returned') });
          onClose();
        },
        onError: (err) => {
          setFormError(err.error.message);
          setErrors(err.error.fields);
        },
      },
    );
  };
  return (
    <Modal opened={loan !== null} onClose={onClose} size={560} title={`${t('internarte.loans.returnTitle')}: ${loan?.artworkTitle ?? ''}`} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <FormErrorAlert error={formError} />
        <Text size="sm">
          {t('internarte.loans.fields.conditionOut')}: {loan?.conditionOut}
        </Text>
        <DateField required label={t('internarte.loans.fields.returnedOn')} value={date} onChange={setDate} error={errors.returnedOn} />
        <Textarea required label={t('internarte.loans.fields.conditionBack')} autosize minRows={2} value={condition} onChange={(e) => setCondition(e.currentTarget.value)} error={errors.conditionBack} />
        <PhotosPicker files={files} onChange={setFiles} />
        <FormActions onCancel={onClose} saving={ret.isPending} onSave={() => void submit()} label={t('internarte.loans.return')} />
      </Stack>
    </Modal>
  );
}
