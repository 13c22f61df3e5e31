import { Anchor, Badge, Button, Group, Image, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../shared/format';
import type { ChecklistRow, Exhibition, Loan } from '../../../../shared/internarte/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { DateField, SolesInput, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { PapersButton } from '../../components/PapersPanel';
import { useRecordForm } from '../../components/useRecordForm';
import { useCan } from '../../components/session';
import { solesToCentimos, useMoney } from '../../components/money';
import { PhotosPicker, uploadOf } from './ui';

interface LendValues {
  lentOn: string | null;
  dueOn: string | null;
  insurance: number | string;
  conditionOut: string;
}

/** The loans of an exhibition's works to its venue: lend, the list, and the return. */
export function LendModal({ row, onClose, exhibition }: { row: ChecklistRow | null; onClose: () => void; exhibition: Exhibition }) {
  const { t } = useTranslation();
  const lend = useApiMutation('exhibitions.lend');
  const [files, setFiles] = useState<File[]>([]);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, formError, setFormError, saved } = useRecordForm<LendValues>({
    opened: row !== null,
    recordKey: row?.artworkId,
    values: () => ({ lentOn: todayIso(), dueOn: exhibition.endsOn, insurance: '', conditionOut: '' }),
    // An amount the field cannot read is refused here, with its reason under the field.
    validate: (v) => (Number.isNaN(solesToCentimos(v.insurance)) ? { insurance: t('errors.invalidAmount') } : {}),
    fieldNames: { insuranceCentimos: 'insurance' },
    onOpen: () => setFiles([]),
  });
  const send = async (v: LendValues) => {
    if (!row) return;
    setFormError(null);
    const photos = await Promise.all(files.map(uploadOf));
    lend.mutate(
      {
        exhibitionId: exhibition.id,
        artworkId: row.artworkId,
        lentOn: v.lentOn ?? '',
        dueOn: v.dueOn,
        insuranceCentimos: solesToCentimos(v.insurance) ?? (undefined as never),
        conditionOut: v.conditionOut,
        photos,
      },
      saved(t('internarte.loans.lent'), onClose),
    );
  };
  return (
    <FormModal
      opened={row !== null}
      onClose={onClose}
      size={600}
      title={`${t('internarte.loans.lendTitle')}: ${row?.title ?? ''}`}
      onSubmit={form.onSubmit((v) => void send(v))}
      error={formError}
      saving={lend.isPending}
      saveLabel={t('internarte.loans.lend')}
      gap="sm"
    >
      <Text size="sm" c="dimmed">
        {exhibition.venue}
      </Text>
      <SimpleGrid cols={3}>
        <DateField required label={t('internarte.loans.fields.lentOn')} {...form.getInputProps('lentOn')} />
        <DateField label={t('internarte.loans.fields.dueOn')} clearable {...form.getInputProps('dueOn')} />
        <SolesInput required label={t('internarte.loans.fields.insurance')} {...form.getInputProps('insurance')} />
      </SimpleGrid>
      <Textarea required label={t('internarte.loans.fields.conditionOut')} autosize minRows={2} {...form.getInputProps('conditionOut')} />
      <PhotosPicker files={files} onChange={setFiles} />
    </FormModal>
  );
}

export function Loans({ exhibition }: { exhibition: Exhibition }) {
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
                <Table.Th aria-label={t('common.papers.title')} />
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
                  <Table.Td>
                    {/* The signed loan agreement (issue 16, item 4). */}
                    <PapersButton prefix="loans" id={l.id} name={l.artworkTitle} />
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
  const [files, setFiles] = useState<File[]>([]);
  // Reset when it opens or turns to another record, never on a background refetch.
  const { form, formError, setFormError, saved } = useRecordForm({
    opened: loan !== null,
    recordKey: loan?.id,
    values: () => ({ returnedOn: todayIso() as string | null, conditionBack: '' }),
    onOpen: () => setFiles([]),
  });
  const send = async (v: { returnedOn: string | null; conditionBack: string }) => {
    if (!loan) return;
    setFormError(null);
    const photos = await Promise.all(files.map(uploadOf));
    ret.mutate(
      { loanId: loan.id, returnedOn: v.returnedOn ?? '', conditionBack: v.conditionBack, photos },
      saved(t('internarte.loans.returned'), onClose),
    );
  };
  return (
    <FormModal
      opened={loan !== null}
      onClose={onClose}
      size={560}
      title={`${t('internarte.loans.returnTitle')}: ${loan?.artworkTitle ?? ''}`}
      onSubmit={form.onSubmit((v) => void send(v))}
      error={formError}
      saving={ret.isPending}
      saveLabel={t('internarte.loans.return')}
      gap="sm"
    >
      <Text size="sm">
        {t('internarte.loans.fields.conditionOut')}: {loan?.conditionOut}
      </Text>
      <DateField required label={t('internarte.loans.fields.returnedOn')} {...form.getInputProps('returnedOn')} />
      <Textarea required label={t('internarte.loans.fields.conditionBack')} autosize minRows={2} {...form.getInputProps('conditionBack')} />
      <PhotosPicker files={files} onChange={setFiles} />
    </FormModal>
  );
}
