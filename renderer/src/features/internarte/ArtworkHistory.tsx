import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { allowedCustody, conditionGrades, type ConditionGrade, type CustodyStatus } from '../../../../shared/internarte/rules';
import type { Artwork } from '../../../../shared/internarte/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { DateField, todayIso } from '../../components/fields';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';
import { useCan } from '../../components/session';
import { useMoney } from '../../components/money';
import { LedgerTable } from './LedgerTable';
import { CustodyBadge, PhotosPicker, uploadOf } from './ui';

const gradeColors: Record<ConditionGrade, string> = { bueno: 'teal', regular: 'yellow', malo: 'red' };

/** Condition reports: dated, by whom, with photos; a new one is added, none is rewritten. */
export function ConditionPanel({ artworkId }: { artworkId: number }) {
  const { t } = useTranslation();
  const reports = useApiQuery('artworks.conditionReports', { id: artworkId });
  const canAdd = useCan('artworks.addConditionReport');
  const [open, setOpen] = useState(false);
  return (
    <Stack>
      {canAdd && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)}>
            {t('internarte.condition.add')}
          </Button>
        </Group>
      )}
      {reports.data?.length === 0 && <Text c="dimmed">{t('internarte.condition.empty')}</Text>}
      {(reports.data ?? []).map((r) => (
        <Card key={r.id} withBorder>
          <Group justify="space-between">
            <Group gap="xs">
              <Text fw={600}>{formatDate(r.date)}</Text>
              <Badge color={gradeColors[r.grade]} variant="light" tt="none">
                {t(`internarte.grades.${r.grade}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t('internarte.condition.fields.examinedBy')}: {r.examinedBy} · {r.recordedBy}, {formatDateTime(r.recordedAt)}
            </Text>
          </Group>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {r.text}
          </Text>
          {r.photos.length > 0 && (
            <Group gap="xs" mt="xs">
              {r.photos.map(
                (p) => p.thumbnail && <Image key={p.hash} src={p.thumbnail} alt={p.originalName} w={90} h={90} fit="cover" radius="sm" />,
              )}
            </Group>
          )}
        </Card>
      ))}
      <ConditionReportModal opened={open} onClose={() => setOpen(false)} artworkId={artworkId} />
    </Stack>
  );
}

interface ConditionValues {
  date: string | null;
  examinedBy: string;
  grade: string | null;
  text: string;
}

/** A new condition report: main checks it; a refused one keeps what was typed and the photos chosen. */
function ConditionReportModal({ opened, onClose, artworkId }: { opened: boolean; onClose: () => void; artworkId: number }) {
  const { t } = useTranslation();
  const add = useApiMutation('artworks.addConditionReport');
  const [files, setFiles] = useState<File[]>([]);
  // Reset only when the dialog opens.
  const { form, formError, setFormError, saved } = useRecordForm<ConditionValues>({
    opened,
    values: () => ({ date: todayIso(), examinedBy: '', grade: 'bueno', text: '' }),
    onOpen: () => setFiles([]),
  });
  const send = async (v: ConditionValues) => {
    setFormError(null);
    const photos = await Promise.all(files.map(uploadOf));
    add.mutate(
      { artworkId, date: v.date ?? '', examinedBy: v.examinedBy, grade: (v.grade ?? '') as ConditionGrade, text: v.text, photos },
      saved(t('internarte.condition.added'), onClose),
    );
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size={600}
      title={t('internarte.condition.add')}
      onSubmit={form.onSubmit((v) => void send(v))}
      error={formError}
      saving={add.isPending}
      gap="sm"
    >
      <SimpleGrid cols={3}>
        <DateField required label={t('internarte.condition.fields.date')} {...form.getInputProps('date')} />
        <TextInput required label={t('internarte.condition.fields.examinedBy')} {...form.getInputProps('examinedBy')} />
        <Select
          required
          label={t('internarte.condition.fields.grade')}
          data={conditionGrades.map((g) => ({ value: g, label: t(`internarte.grades.${g}`) }))}
          {...form.getInputProps('grade')}
        />
      </SimpleGrid>
      <Textarea required label={t('internarte.condition.fields.text')} autosize minRows={3} {...form.getInputProps('text')} />
      <PhotosPicker files={files} onChange={setFiles} />
    </FormModal>
  );
}

/** The custody ledger: the current status, the changes that apply now, and every entry. */
export function CustodyPanel({ artwork }: { artwork: Artwork }) {
  const { t } = useTranslation();
  const history = useApiQuery('artworks.custody', { id: artwork.id });
  const move = useApiMutation('artworks.moveCustody');
  const canMove = useCan('artworks.moveCustody');
  const options = allowedCustody(artwork.custodyStatus);
  const [to, setTo] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(todayIso());
  const [place, setPlace] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = () => {
    setFormError(null);
    move.mutate(
      { artworkId: artwork.id, to: (to ?? '') as CustodyStatus, date: date ?? '', place },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('internarte.custody.recorded') });
          setTo(null);
          setPlace('');
          setErrors({});
        },
        onError: (err) => {
          setFormError(err.error.message);
          setErrors(err.error.fields);
        },
      },
    );
  };
  return (
    <Stack>
      <Card withBorder>
        <Group gap="sm" mb="sm">
          <Text fw={600}>{t('internarte.custody.current')}:</Text>
          <CustodyBadge status={artwork.custodyStatus} />
        </Group>
        {canMove &&
          (artwork.custodyStatus === 'prestada' ? (
            <Alert color="blue">{t('internarte.custody.onLoanHint')}</Alert>
          ) : options.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('internarte.custody.nothingAllowed')}
            </Text>
          ) : (
            <Stack gap="xs">
              <Title order={5}>{t('internarte.custody.record')}</Title>
              <FormErrorAlert error={formError} />
              <Group align="flex-end" gap="sm" wrap="wrap">
                <Select
                  label={t('internarte.custody.fields.to')}
                  data={options.map((o) => ({ value: o, label: t(`internarte.custodyStatuses.${o}`) }))}
                  value={to}
                  onChange={setTo}
                  error={errors.to}
                  w={220}
                />
                <DateField label={t('internarte.custody.fields.date')} value={date} onChange={setDate} error={errors.date} w={160} />
                <TextInput
                  label={t('internarte.custody.fields.place')}
                  value={place}
                  onChange={(e) => setPlace(e.currentTarget.value)}
                  error={errors.place}
                  style={{ flex: 1, minWidth: 200 }}
                />
                <Button onClick={submit} loading={move.isPending} disabled={to === null}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          ))}
      </Card>
      <LedgerTable
        striped
        withTableBorder
        entries={history.data ?? []}
        rowTestId="custody-entry"
        recordedBy={t('internarte.custody.fields.recordedBy')}
        columns={[
          { title: '#', cell: (h) => h.seq },
          { title: t('internarte.custody.fields.date'), cell: (h) => formatDate(h.date) },
          { title: t('internarte.artworks.fields.custody'), cell: (h) => <CustodyBadge status={h.status} /> },
          { title: t('internarte.custody.fields.place'), cell: (h) => h.place ?? '—' },
          {
            title: t('internarte.custody.fields.exhibition'),
            cell: (h) =>
              h.exhibitionId ? (
                <Anchor component={Link} to={`${routes.exhibitions}/${h.exhibitionId}`} size="sm">
                  {h.exhibitionTitle}
                </Anchor>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Stack>
  );
}

/** The exhibitions a work is in, and its loans. */
export function ArtworkExhibitionsPanel({ artworkId }: { artworkId: number }) {
  const { t } = useTranslation();
  const money = useMoney();
  const exhibitions = useApiQuery('artworks.exhibitions', { id: artworkId });
  const loans = useApiQuery('artworks.loans', { id: artworkId });
  return (
    <Stack>
      {exhibitions.data?.length === 0 && <Text c="dimmed">{t('internarte.exhibitions.none')}</Text>}
      {(exhibitions.data?.length ?? 0) > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('internarte.exhibitions.fields.title')}</Table.Th>
              <Table.Th>{t('internarte.exhibitions.fields.venue')}</Table.Th>
              <Table.Th>{t('internarte.exhibitions.fields.dates')}</Table.Th>
              <Table.Th>{t('internarte.exhibitions.fields.catalogNumber')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(exhibitions.data ?? []).map((x) => (
              <Table.Tr key={x.exhibitionId}>
                <Table.Td>
                  <Anchor component={Link} to={`${routes.exhibitions}/${x.exhibitionId}`} size="sm">
                    {x.title}
                  </Anchor>
                  {x.loanOpen && (
                    <Badge ml="xs" size="sm" color="indigo" variant="light" tt="none">
                      {t('internarte.custodyStatuses.prestada')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{x.venue ?? '—'}</Table.Td>
                <Table.Td>{x.startsOn || x.endsOn ? `${formatDate(x.startsOn) || '—'} – ${formatDate(x.endsOn) || '—'}` : '—'}</Table.Td>
                <Table.Td>{x.catalogNumber}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(loans.data?.length ?? 0) > 0 && (
        <>
          <Title order={5}>{t('internarte.exhibitions.tabs.loans')}</Title>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('internarte.loans.fields.exhibition')}</Table.Th>
                <Table.Th>{t('internarte.loans.fields.lentOn')}</Table.Th>
                <Table.Th>{t('internarte.loans.fields.returnedOn')}</Table.Th>
                <Table.Th>{t('internarte.loans.fields.insurance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(loans.data ?? []).map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.exhibitionTitle}</Table.Td>
                  <Table.Td>{formatDate(l.lentOn)}</Table.Td>
                  <Table.Td>{l.returnedOn ? formatDate(l.returnedOn) : t('internarte.loans.open')}</Table.Td>
                  <Table.Td>{money(l.insuranceCentimos)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
