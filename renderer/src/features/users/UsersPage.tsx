import { Badge, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconKey, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/auth/permissions';
import { userStatuses, type User } from '../../../../shared/users/schemas';
import { formatDateTime } from '../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ChoiceFilter, NewButton, useFormDialog } from '../../components/ListTools';
import { PlainTable } from '../../components/PlainTable';
import { useUser } from '../../components/session';
import { ResetPasswordModal, UserFormModal, useRoleOptions } from './UserFormModal';
import { ActiveToggleAction, RowAction } from '../../components/RecordParts';
import { ListExportMenu } from '../../components/ExportMenu';
import { SavedViews } from '../../components/SavedViews';
import { choiceFilter, optionFilter, plainListView, valuesOf } from '../../components/plainListView';

type Status = (typeof userStatuses)[number];

/** The administrator's accounts page: who may use the app, with which role and establishments. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('all');
  const dialog = useFormDialog<User>();
  const [resetting, setResetting] = useState<User | null>(null);
  const roleOptions = useRoleOptions();
  const exportQuery = { search: debounced, role: (role ?? undefined) as Role | undefined, status };
  const list = useApiQuery('users.list', exportQuery, { placeholderData: (p) => p });
  const setActive = useApiMutation('users.setActive');
  const now = new Date().toISOString();
  const view = plainListView(
    'users.list',
    { role: choiceFilter(role, setRole, valuesOf(roleOptions)), status: optionFilter(status, setStatus, userStatuses, 'all') },
    { search: { value: search, set: setSearch } },
  );

  const toggle = (u: User) => {
    const run = () =>
      setActive.mutate(
        { id: u.id, version: u.version, active: !u.active },
        {
          onSuccess: (saved) =>
            notifications.show({
              color: 'teal',
              message: t(saved.active ? 'users.enabled' : 'users.disabled', { username: saved.username }),
            }),
          onError: (err) => notifications.show({ color: 'red', message: err.message, autoClose: 10000 }),
        },
      );
    if (!u.active) return run();
    modals.openConfirmModal({
      title: t('users.disableTitle', { name: u.fullName }),
      children: <Text size="sm">{t('users.disableText')}</Text>,
      labels: { confirm: t('users.disable'), cancel: t('common.cancel') },
      confirmProps: { color: 'orange' },
      onConfirm: run,
    });
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <>
            <ListExportMenu list="users.list" query={exportQuery} />
            <NewButton label={t('users.create')} onClick={dialog.openNew} />
          </>
        }
      />
      <Card withBorder padding="sm" mb="sm">
        <Group gap="sm" align="flex-end">
          <TextInput
            aria-label={t('common.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={280}
          />
          <ChoiceFilter
            label={t('users.role')}
            placeholder={t('users.allRoles')}
            data={roleOptions}
            value={role}
            onChange={setRole}
            w={180}
          />
          <Select
            label={t('users.status')}
            data={userStatuses.map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))}
            value={status}
            onChange={(v) => setStatus((v ?? 'all') as Status)}
            allowDeselect={false}
            w={160}
          />
          <SavedViews view={view} />
        </Group>
      </Card>
      <PlainTable<User>
        records={list.data ?? []}
        fetching={list.isFetching && !list.data}
        onRowDoubleClick={({ record }) => dialog.openEdit(record)}
        rowStyle={(u) => (u.active ? undefined : { opacity: 0.6 })}
        columns={[
          {
            accessor: 'fullName',
            title: t('auth.fullName'),
            render: (u) => (
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {u.fullName}
                  {me?.id === u.id && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('users.you')})
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {u.username}
                </Text>
              </Stack>
            ),
          },
          {
            accessor: 'role',
            title: t('users.role'),
            render: (u) => (
              <Badge variant="light" tt="none" color={u.role === 'administrador' ? 'grape' : u.role === 'consulta' ? 'gray' : 'indigo'}>
                {t(`auth.roles.${u.role}`)}
              </Badge>
            ),
          },
          {
            accessor: 'establishments',
            title: t('users.establishments'),
            render: (u) =>
              u.establishmentNames.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('users.allEstablishments')}
                </Text>
              ) : (
                <Text size="sm">{u.establishmentNames.join(', ')}</Text>
              ),
          },
          {
            accessor: 'active',
            title: t('users.status'),
            render: (u) => (
              <Stack gap={2}>
                <Badge color={u.active ? 'teal' : 'gray'} variant="dot" tt="none">
                  {u.active ? t('users.active') : t('users.inactive')}
                </Badge>
                {u.lockedUntil && u.lockedUntil > now && (
                  <Badge color="red" variant="light" tt="none">
                    {t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}
                  </Badge>
                )}
                {u.mustChangePassword && (
                  <Text size="xs" c="dimmed">
                    {t('users.mustChange')}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            accessor: 'lastSignInAt',
            title: t('users.lastSignIn'),
            render: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t('users.never')),
          },
          {
            accessor: 'actions',
            title: t('common.actions'),
            textAlign: 'right',
            width: 130,
            render: (u) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <RowAction label={t('common.edit')} name={u.fullName} onClick={() => dialog.openEdit(u)}>
                  <IconEdit size={18} />
                </RowAction>
                <RowAction label={t('users.resetPassword')} name={u.fullName} onClick={() => setResetting(u)}>
                  <IconKey size={18} />
                </RowAction>
                {me?.id !== u.id && (
                  <ActiveToggleAction
                    active={u.active}
                    labels={{ deactivate: t('users.disable'), reactivate: t('users.enable') }}
                    name={u.fullName}
                    onClick={() => toggle(u)}
                  />
                )}
              </Group>
            ),
          },
        ]}
        emptyState={<EmptyState title={t('users.empty')} text={t('users.subtitle')} />}
      />
      <UserFormModal opened={dialog.opened} onClose={dialog.close} user={dialog.record} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
