import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Divider,
  Drawer,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconFileText, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../../shared/format';
import { teacherDocumentKinds } from '../../../../../shared/contracts/rules';
import type { Authorisation, Teacher } from '../../../../../shared/contracts/schemas';
import { call, useApiMutation, useApiQuery } from '../../../api';
import { routes } from '../../../app/routes';
import { ErrorState } from '../../../components/ErrorState';
import { useCan } from '../../../components/session';
import { AuthorisationBadge, ContractStatusBadge, DocumentsPanel, Field, useMoney } from '../ui';
import { AuthorisationModal } from './AuthorisationModal';

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
  const [shownId, setShownId] = useState(teacherId);
  if (teacherId !== null && teacherId !== shownId) setShownId(teacherId);
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
  const d = detail.data;
  const teacher = d?.teacher;

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
    <Drawer
      opened={teacherId !== null}
      onClose={onClose}
      position="right"
      size={760}
      zIndex={190}
      title={teacher ? `${t('contracts.teachers.details')}: ${teacher.fullName}` : t('contracts.teachers.details')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !d || !teacher ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={3}>{teacher.fullName}</Title>
              <Group gap={6}>
                {teacher.disciplines.map((x) => (
                  <Badge key={x} variant="light" tt="none">
                    {t(`contracts.disciplines.${x}`)}
                  </Badge>
                ))}
                {!teacher.active && (
                  <Badge color="gray" tt="none">
                    {t('contracts.teachers.inactive')}
                  </Badge>
                )}
              </Group>
            </Stack>
            <Group gap="xs">
              {canWrite && (
                <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => onEdit(teacher)}>
                  {t('common.edit')}
                </Button>
              )}
              {canContract && teacher.active && (
                <Button component={Link} to={`${routes.contracts}?nuevo=1&docente=${teacher.id}`} leftSection={<IconPlus size={16} />}>
                  {t('contracts.teachers.newContract')}
                </Button>
              )}
            </Group>
          </Group>

          <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
            <Field label={t('contracts.teachers.dni')}>{teacher.dni}</Field>
            <Field label={t('contracts.teachers.ruc')}>{teacher.ruc}</Field>
            <Field label={t('contracts.teachers.sex')}>{t(`contracts.sexes.${teacher.sex}`)}</Field>
            <Field label={t('contracts.teachers.phone')}>{teacher.phone}</Field>
            <Field label={t('contracts.teachers.email')}>{teacher.email}</Field>
            <Field label={t('contracts.teachers.address')}>{teacher.address}</Field>
            <Field label={t('contracts.teachers.specialties')} span>
              {teacher.specialties.join(', ')}
            </Field>
            <Field label={t('contracts.teachers.suspensions')} span>
              {teacher.suspensions.length === 0
                ? t('contracts.teachers.noSuspension')
                : teacher.suspensions
                    .map(
                      (s) => `${s.fiscalYear}: ${t('contracts.teachers.operationNumber')} ${s.operationNumber} (${formatDate(s.filedOn)})`,
                    )
                    .join(' · ')}
            </Field>
            {teacher.notes && (
              <Field label={t('contracts.teachers.notes')} span>
                {teacher.notes}
              </Field>
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('contracts.teachers.lastChange', { date: formatDateTime(teacher.updatedAt), user: teacher.updatedBy })}
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
                    <Table.Td>
                      <Text size="sm">{a.establishmentName}</Text>
                      <Text size="xs" c="dimmed">
                        {a.documentNumber}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.validFrom)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.validTo)}</Table.Td>
                    <Table.Td>
                      <AuthorisationBadge status={a.status} />
                    </Table.Td>
                    <Table.Td w={72}>
                      <Group gap={2} wrap="nowrap" display={canWrite ? undefined : 'none'}>
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t('common.edit')}: ${a.establishmentName}`}
                            onClick={() => setAuthorisation(a)}
                          >
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('contracts.authorisations.remove')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t('contracts.authorisations.remove')}: ${a.establishmentName}`}
                            onClick={() => confirmRemove(a)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
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

          <Divider />
          <DocumentsPanel
            documents={d.documents}
            readOnly={!canWrite}
            kinds={teacherDocumentKinds}
            defaultKind="cv"
            onAdd={async (f) => {
              await call('teachers.addDocument', { id: teacher.id, ...f } as never);
              await detail.refetch();
            }}
            onRemove={async (hash) => {
              await call('teachers.removeDocument', { id: teacher.id, hash });
              await detail.refetch();
            }}
            onCopy={(hash) => call('teachers.documentCopy', { id: teacher.id, hash })}
          />
        </Stack>
      )}
      {teacher && (
        <AuthorisationModal
          teacherId={teacher.id}
          authorisation={authorisation === 'new' ? null : authorisation}
          opened={authorisation !== null}
          onClose={() => setAuthorisation(null)}
        />
      )}
    </Drawer>
  );
}
