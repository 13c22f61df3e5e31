import { Alert, Anchor, Badge, Button, Divider, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconFileText, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../../shared/format';
import { teacherDocumentKinds } from '../../../../../shared/contracts/rules';
import type { Authorisation, Teacher } from '../../../../../shared/contracts/schemas';
import { call, useApiMutation, useApiQuery } from '../../../api';
import { routes } from '../../../app/routes';
import { EditButton, Field, RecordDrawer, RecordHeading, RemoveAction, RowAction, useShownId } from '../../../components/RecordParts';
import { HoldingsPanel } from '../../../components/HoldingsPanel';
import { TeacherActivityPanel } from '../../../components/TeacherActivityPanel';
import { useCan } from '../../../components/session';
import { AuthorisationBadge, ContractStatusBadge, DocumentsPanel } from '../ui';
import { useMoney } from '../../../components/money';
import { AuthorisationModal } from './AuthorisationModal';
import { TwoLineCell } from '../../../components/cells';

/**
 * A teacher's record: identity and contact, disciplines, suspension certificates, access
 * authorisations per establishment (the ones that end soon stand out), documents, contracts.
 */
export function TeacherDrawer({
  teacherId,
  onClose,
  onEdit,
}: {
  teacherId: number | null;
  onClose: () => void;
  onEdit: (t: Teacher) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const shownId = useShownId(teacherId);
  const id = shownId ?? 0;
  const detail = useApiQuery('teachers.get', { id }, { enabled: shownId !== null });
  const contracts = useApiQuery(
    'contracts.list',
    { teacherId: id, pageSize: 100, sort: 'startDate', direction: 'desc' },
    { enabled: shownId !== null },
  );
  const removeAuth = useApiMutation('teachers.removeAuthorisation');
  const canWrite = useCan('teachers.update');
  const canContract = useCan('contracts.create');
  const [authorisation, setAuthorisation] = useState<Authorisation | null | 'new'>(null);
  const teacher = detail.data?.teacher;

  const confirmRemove = (a: Authorisation) =>
    modals.openConfirmModal({
      title: t('contracts.authorisations.removeTitle'),
      children: (
        <Text size="sm">
          {t('contracts.authorisations.removeConfirm', {
            establishment: a.establishmentName,
            from: formatDate(a.validFrom),
            to: formatDate(a.validTo),
          })}
        </Text>
      ),
      labels: { confirm: t('contracts.authorisations.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        removeAuth.mutate(
          { teacherId: a.teacherId, id: a.id },
          {
            onSuccess: () => notifications.show({ color: 'teal', message: t('contracts.authorisations.removed') }),
            onError: (err) => notifications.show({ color: 'red', message: err.message }),
          },
        ),
    });

  return (
    <RecordDrawer
      opened={teacherId !== null}
      onClose={onClose}
      size={760}
      title={teacher ? `${t('contracts.teachers.details')}: ${teacher.fullName}` : t('contracts.teachers.details')}
      query={detail}
      record={detail.data}
      footer={
        teacher && (
          <AuthorisationModal
            teacherId={teacher.id}
            authorisation={authorisation === 'new' ? null : authorisation}
            opened={authorisation !== null}
            onClose={() => setAuthorisation(null)}
          />
        )
      }
    >
      {(d) => (
        <Stack gap="md">
          <RecordHeading
            title={d.teacher.fullName}
            actions={
              <>
                {canWrite && <EditButton onClick={() => onEdit(d.teacher)} />}
                {canContract && d.teacher.active && (
                  <Button component={Link} to={`${routes.contracts}?nuevo=1&docente=${d.teacher.id}`} leftSection={<IconPlus size={16} />}>
                    {t('contracts.teachers.newContract')}
                  </Button>
                )}
              </>
            }
          >
            <Group gap={6}>
              {d.teacher.disciplines.map((x) => (
                <Badge key={x} variant="light" tt="none">
                  {t(`contracts.disciplines.${x}`)}
                </Badge>
              ))}
              {!d.teacher.active && (
                <Badge color="gray" tt="none">
                  {t('contracts.teachers.inactive')}
                </Badge>
              )}
            </Group>
          </RecordHeading>

          <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
            <Field label={t('contracts.teachers.dni')}>{d.teacher.dni}</Field>
            <Field label={t('contracts.teachers.ruc')}>{d.teacher.ruc}</Field>
            <Field label={t('contracts.teachers.sex')}>{t(`contracts.sexes.${d.teacher.sex}`)}</Field>
            <Field label={t('contracts.teachers.phone')}>{d.teacher.phone}</Field>
            <Field label={t('contracts.teachers.email')}>{d.teacher.email}</Field>
            <Field label={t('contracts.teachers.address')}>{d.teacher.address}</Field>
            <Field label={t('contracts.teachers.specialties')} span>
              {d.teacher.specialties.join(', ')}
            </Field>
            <Field label={t('contracts.teachers.suspensions')} span>
              {d.teacher.suspensions.length === 0
                ? t('contracts.teachers.noSuspension')
                : d.teacher.suspensions
                    .map(
                      (s) => `${s.fiscalYear}: ${t('contracts.teachers.operationNumber')} ${s.operationNumber} (${formatDate(s.filedOn)})`,
                    )
                    .join(' · ')}
            </Field>
            {d.teacher.notes && (
              <Field label={t('contracts.teachers.notes')} span>
                {d.teacher.notes}
              </Field>
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('contracts.teachers.lastChange', { date: formatDateTime(d.teacher.updatedAt), user: d.teacher.updatedBy })}
          </Text>

          <Divider label={t('contracts.authorisations.title')} labelPosition="left" />
          <Group justify="space-between" mt={-8}>
            <Text size="xs" c="dimmed">
              {t('contracts.authorisations.hint')}
            </Text>
            {canWrite && (
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAuthorisation('new')}>
                {t('contracts.authorisations.add')}
              </Button>
            )}
          </Group>
          {d.authorisations.length === 0 ? (
            <Alert color="orange" variant="light">
              {t('contracts.authorisations.none')}
            </Alert>
          ) : (
            <Table verticalSpacing={6} data-testid="authorisations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contracts.authorisations.establishment')}</Table.Th>
                  <Table.Th>{t('contracts.authorisations.validFrom')}</Table.Th>
                  <Table.Th>{t('contracts.authorisations.validTo')}</Table.Th>
                  <Table.Th>{t('contracts.contracts.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.authorisations.map((a) => (
                  <Table.Tr key={a.id}>
                    <TwoLineCell detail={a.documentNumber}>{a.establishmentName}</TwoLineCell>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.validFrom)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.validTo)}</Table.Td>
                    <Table.Td>
                      <AuthorisationBadge status={a.status} />
                    </Table.Td>
                    <Table.Td w={72}>
                      <Group gap={2} wrap="nowrap" display={canWrite ? undefined : 'none'}>
                        <RowAction label={t('common.edit')} name={a.establishmentName} onClick={() => setAuthorisation(a)}>
                          <IconEdit size={16} />
                        </RowAction>
                        <RemoveAction
                          label={t('contracts.authorisations.remove')}
                          name={a.establishmentName}
                          onClick={() => confirmRemove(a)}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}

          <Divider label={t('contracts.teachers.contracts')} labelPosition="left" />
          {(contracts.data?.rows ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contracts.teachers.noContracts')}
            </Text>
          ) : (
            <Table verticalSpacing={6}>
              <Table.Tbody>
                {(contracts.data?.rows ?? []).map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`${routes.contracts}?ficha=${c.id}`} size="sm" fw={600}>
                        <Group gap={4} wrap="nowrap">
                          <IconFileText size={14} />
                          {c.number}
                        </Group>
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {c.establishments.map((e) => e.name).join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(c.startDate)} – {formatDate(c.endDate)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {money(c.amountCentimos)}
                    </Table.Td>
                    <Table.Td>
                      <ContractStatusBadge status={c.status} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}

          <TeacherActivityPanel teacherId={d.teacher.id} />

          <HoldingsPanel custodianType="docente" custodianId={d.teacher.id} />

          <Divider />
          <DocumentsPanel
            documents={d.documents}
            readOnly={!canWrite}
            kinds={teacherDocumentKinds}
            defaultKind="cv"
            onAdd={async (f) => {
              await call('teachers.addDocument', { id: d.teacher.id, ...f } as never);
              await detail.refetch();
            }}
            onRemove={async (hash) => {
              await call('teachers.removeDocument', { id: d.teacher.id, hash });
              await detail.refetch();
            }}
            onCopy={(hash) => call('teachers.documentCopy', { id: d.teacher.id, hash })}
          />
        </Stack>
      )}
    </RecordDrawer>
  );
}
