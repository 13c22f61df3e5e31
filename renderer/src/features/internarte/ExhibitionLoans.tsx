import { Anchor, Badge, Button, Group, Image, Modal, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../shared/format';
import type { ChecklistRow, Exhibition, Loan } from '../../../../shared/internarte/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { DateField, FormActions, FormErrorAlert, SolesInput, todayIso } from '../../components/fields';
import { useCan } from '../../components/session';
import { solesToCentimos, useMoney } from '../../components/money';
import { PhotosPicker, uploadOf } from './ui';
import { useResetOnOpen } from '../../forms';

/** The loans of an exhibition's works to its venue: lend, the list, and the return. */
export function LendModal({ row, onClose, exhibition }: { row: ChecklistRow | null; onClose: () => void; exhibition: Exhibition }) {
  const { t } = useTranslation();
  const lend = useApiMutation('exhibitions.lend');
  const [v, setV] = useState({
    lentOn: todayIso() as string | null,
    dueOn: exhibition.endsOn,
    insurance: '' as number | string,
    conditionOut: '',
  });
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
      {
        exhibitionId: exhibition.id,
        artworkId: row.artworkId,
        lentOn: v.lentOn ?? '',
        dueOn: v.dueOn,
        insuranceCentimos: solesToCentimos(v.insurance) ?? (undefined as never),
        conditionOut: v.conditionOut,
        photos,
      },
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
    <Modal
      opened={row !== null}
      onClose={onClose}
      size={600}
      title={`${t('internarte.loans.lendTitle')}: ${row?.title ?? ''}`}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <FormErrorAlert error={formError} />
        <Text size="sm" c="dimmed">
          {exhibition.venue}
        </Text>
        <SimpleGrid cols={3}>
          <DateField
            required
            label={t('internarte.loans.fields.lentOn')}
            value={v.lentOn}
            onChange={(x) => setV({ ...v, lentOn: x })}
            error={errors.lentOn}
          />
          <DateField
            label={t('internarte.loans.fields.dueOn')}
            clearable
            value={v.dueOn}
            onChange={(x) => setV({ ...v, dueOn: x })}
            error={errors.dueOn}
          />
          <SolesInput
            required
            label={t('internarte.loans.fields.insurance')}
            value={v.insurance}
            onChange={(x) => setV({ ...v, insurance: x })}
            error={errors.insurance || undefined}
          />
        </SimpleGrid>
        <Textarea
          required
          label={t('internarte.loans.fields.conditionOut')}
          autosize
          minRows={2}
          value={v.conditionOut}
          onChange={(e) => setV({ ...v, conditionOut: e.currentTarget.value })}
          error={errors.conditionOut}
        />
        <PhotosPicker files={files} onChange={setFiles} />
        <FormActions onCancel={onClose} saving={lend.isPending} onSave={() => void submit()} label={t('internarte.loans.lend')} />
      </Stack>
    </Modal>
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
    <Modal
      opened={loan !== null}
      onClose={onClose}
      size={560}
      title={`${t('internarte.loans.returnTitle')}: ${loan?.artworkTitle ?? ''}`}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <FormErrorAlert error={formError} />
        <Text size="sm">
          {t('internarte.loans.fields.conditionOut')}: {loan?.conditionOut}
        </Text>
        <DateField required label={t('internarte.loans.fields.returnedOn')} value={date} onChange={setDate} error={errors.returnedOn} />
        <Textarea
          required
          label={t('internarte.loans.fields.conditionBack')}
          autosize
          minRows={2}
          value={condition}
          onChange={(e) => setCondition(e.currentTarget.value)}
          error={errors.conditionBack}
        />
        <PhotosPicker files={files} onChange={setFiles} />
        <FormActions onCancel={onClose} saving={ret.isPending} onSave={() => void submit()} label={t('internarte.loans.return')} />
      </Stack>
    </Modal>
  );
}
