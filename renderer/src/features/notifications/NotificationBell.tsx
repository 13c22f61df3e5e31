import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Switch,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowLeft, IconBell, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/format';
import type { NotificationItem, NotificationKind, NotificationList } from '../../../../shared/notifications/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { usePeriodLabel } from '../../components/numbers';
import { targetPath } from './links';

/** What a reminder says beside its record: how soon it ends, how late it is, which month, or what is wrong with the backup. */
function useWhen() {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  return (item: NotificationItem): string => {
    switch (item.kind) {
      case 'contractExpiring':
      case 'authorisationExpiring':
      case 'agreementExpiring':
        return `${formatDate(item.date)} · ${item.days === 0 ? t('notifications.when.today') : t('notifications.when.left', { count: item.days ?? 0 })}`;
      case 'custodyOverdue':
        return `${formatDate(item.date)} · ${t('notifications.when.late', { count: item.days ?? 0 })}`;
      case 'conformityMissing':
        return periodLabel(item.date ?? '');
      case 'consumableLow':
        return '';
      case 'backupOverdue':
        return t(`notifications.backup.${item.reason ?? 'never'}`, { date: formatDateTime(item.date) });
    }
  };
}

/** The reminders, by kind, each a link to its record. */
function ReminderList({ list, onOpen }: { list: NotificationList; onOpen: () => void }) {
  const { t } = useTranslation();
  const when = useWhen();
  const kinds = list.kinds.filter((k) => !k.muted && k.total > 0);
  if (kinds.length === 0)
    return (
      <Text size="sm" c="dimmed" py="md" ta="center">
        {t('notifications.empty')}
      </Text>
    );
  return (
    <Stack gap="sm">
      {kinds.map(({ kind, total }) => {
        const items = list.items.filter((i) => i.kind === kind);
        return (
          <Stack key={kind} gap={4} data-testid={`notifications-${kind}`}>
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {t(`notifications.kinds.${kind}`)}
              </Text>
              <Badge size="xs" color="orange" variant="light" style={{ flexShrink: 0 }}>
                {total}
              </Badge>
            </Group>
            {items.map((item) => (
              <Anchor key={item.key} component={Link} to={targetPath(item.target)} onClick={onOpen} underline="never" c="inherit">
                <Stack gap={0} px={6} py={2}>
                  <Text size="sm" fw={600} c="blue.7" lineClamp={1}>
                    {item.kind === 'backupOverdue' ? t('notifications.kinds.backupOverdue') : item.label}
                  </Text>
                  {item.detail && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {item.detail}
                    </Text>
                  )}
                  {when(item) && (
                    <Text size="xs" c="orange.8">
                      {when(item)}
                    </Text>
                  )}
                </Stack>
              </Anchor>
            ))}
            {total > items.length && (
              <Text size="xs" c="dimmed" px={6}>
                {t('notifications.more', { count: total - items.length })}
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** Which kinds the user hears: a switch per kind the role may see. */
function KindSettings({ list }: { list: NotificationList }) {
  const { t } = useTranslation();
  const setMuted = useApiMutation('notifications.setMuted');
  const toggle = (kind: NotificationKind, hear: boolean) => setMuted.mutate({ kind, muted: !hear });
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('notifications.settingsHint')}
      </Text>
      {list.kinds.map(({ kind, muted }) => (
        <Switch
          key={kind}
          checked={!muted}
          disabled={setMuted.isPending}
          onChange={(e) => toggle(kind, e.currentTarget.checked)}
          label={t(`notifications.kinds.${kind}`)}
          aria-label={t('notifications.hear', { kind: t(`notifications.kinds.${kind}`) })}
        />
      ))}
    </Stack>
  );
}

/**
 * The header's bell: how many reminders need action (the kinds the user hears), opening the
 * list of them, each a link to its record, and the switches to mute a kind.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [settings, setSettings] = useState(false);
  const reminders = useApiQuery('notifications.list', {});
  const list = reminders.data;
  const count = list?.count ?? 0;
  const label = count > 0 ? t('notifications.bellCount', { count }) : t('notifications.bell');
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      withArrow
      trapFocus
      onClose={() => setSettings(false)}
    >
      <Popover.Target>
        <Tooltip label={label} disabled={opened}>
          <Indicator
            label={count > 99 ? '99+' : count}
            size={18}
            color="red"
            disabled={count === 0}
            offset={4}
            data-testid="notification-count"
          >
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={label}
              onClick={() => {
                // Opening asks main again: the day may have changed since the bell was last read.
                if (!opened) void reminders.refetch();
                setOpened(!opened);
              }}
            >
              <IconBell size={18} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p="sm" data-testid="notification-centre">
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Title order={5}>{settings ? t('notifications.settings') : t('notifications.title')}</Title>
          {settings ? (
            <Button size="compact-xs" variant="subtle" leftSection={<IconArrowLeft size={14} />} onClick={() => setSettings(false)}>
              {t('notifications.back')}
            </Button>
          ) : (
            <Tooltip label={t('notifications.settings')}>
              <ActionIcon variant="subtle" aria-label={t('notifications.settings')} onClick={() => setSettings(true)}>
                <IconSettings size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <Divider mb="xs" />
        <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
          {!list ? (
            <Text size="sm" c="dimmed">
              {reminders.isError ? reminders.error.message : t('app.loading')}
            </Text>
          ) : settings ? (
            <KindSettings list={list} />
          ) : (
            <ReminderList list={list} onOpen={() => setOpened(false)} />
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
