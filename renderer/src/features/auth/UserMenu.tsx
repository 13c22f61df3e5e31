import { Badge, Button, Menu, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconChevronDown, IconKey, IconLock, IconLogout, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ChangePasswordModal } from './ChangePasswordForm';
import { useSession } from '../../components/sessionState';

/** The header's user: name and role, with "change my password", "lock" and "sign out". */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const [changing, setChanging] = useState(false);
  const user = session.data?.user;
  if (!user) return null;

  const lock = async () => {
    await call('auth.lock', {}).catch(() => undefined);
    await session.refetch();
  };
  const signOut = async () => {
    await call('auth.signOut', {}).catch(() => undefined);
    // The next person starts at the beginning, with nothing of this session in memory.
    window.location.hash = '#/';
    await client.resetQueries();
  };

  return (
    <>
      <Menu position="bottom-end" withArrow shadow="md">
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconUser size={16} />}
            rightSection={<IconChevronDown size={14} />}
            aria-label={t('auth.menu.label')}
          >
            <Text size="sm" fw={500} truncate maw={200}>
              {user.fullName}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Stack gap={2}>
              <Text size="xs">{user.username}</Text>
              <Badge size="sm" variant="light" tt="none" w="fit-content">
                {t('auth.menu.role', { role: t(`auth.roles.${user.role}`) })}
              </Badge>
              {user.establishmentIds.length > 0 && (
                <Text size="xs">{t('auth.menu.restricted', { count: user.establishmentIds.length })}</Text>
              )}
            </Stack>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChanging(true)}>
            {t('auth.menu.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={16} />} onClick={() => void lock()}>
            {t('auth.menu.lock')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => void signOut()}>
            {t('auth.menu.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={changing} onClose={() => setChanging(false)} />
    </>
  );
}
