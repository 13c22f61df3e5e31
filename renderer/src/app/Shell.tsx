import {
  ActionIcon,
  Alert,
  AppShell,
  Badge,
  Burger,
  Center,
  Group,
  Loader,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  Title,
  Tooltip,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconCategory,
  IconClipboardCheck,
  IconHome,
  IconMapPin,
  IconMoon,
  IconPackage,
  IconPiano,
  IconReportAnalytics,
  IconSun,
  IconDatabaseExport,
  IconServer,
  IconHistory,
  IconLock,
  IconShieldLock,
  IconUsers,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import type { ChannelName } from '../../../shared/channels';
import { useApiMutation, useApiQuery } from '../api';
import { ErrorState } from '../components/ErrorState';
import { programmeNavigation } from '../features/programmes/navigation';
import { contractsNavigation } from '../features/contracts/navigation';
import { internarteNavigation } from '../features/internarte/navigation';
import { canUse, useUser } from '../features/auth/session';
import { UserMenu } from '../features/auth/UserMenu';
import { routes } from './routes';

const navigation = [
  {
    group: 'nav.general',
    items: [
      { to: routes.dashboard, label: 'nav.dashboard', icon: IconHome },
      { to: routes.privacy, label: 'privacy.navTitle', icon: IconShieldLock },
    ],
  },
  {
    group: 'nav.registry',
    items: [
      { to: routes.establishments, label: 'nav.establishments', icon: IconBuildingCommunity, channel: 'establishments.list' },
      { to: routes.regionalOffices, label: 'nav.regionalOffices', icon: IconMapPin, channel: 'regionalOffices.list' },
    ],
  },
  {
    group: 'inventory.nav.group',
    items: [
      { to: routes.instruments, label: 'inventory.nav.instruments', icon: IconPiano, channel: 'instruments.list' },
      { to: routes.instrumentTypes, label: 'inventory.nav.types', icon: IconCategory, channel: 'instrumentTypes.list' },
      { to: routes.stocktakes, label: 'inventory.stocktake.navTitle', icon: IconClipboardCheck, channel: 'stocktakes.list' },
      { to: routes.consumables, label: 'inventory.consumables.navTitle', icon: IconPackage, channel: 'consumables.stock' },
      { to: routes.inventoryReports, label: 'inventory.reports.navTitle', icon: IconReportAnalytics, channel: 'inventory.reportByCondition' },
    ],
  },
  programmeNavigation,
  contractsNavigation,
  internarteNavigation,
  {
    group: 'auth.nav.group',
    items: [
      { to: routes.users, label: 'users.navTitle', icon: IconUsers, channel: 'users.list' },
      { to: routes.audit, label: 'audit.navTitle', icon: IconHistory, channel: 'audit.list' },
      { to: routes.backups, label: 'backups.navTitle', icon: IconDatabaseExport, channel: 'backups.list' },
      { to: routes.databaseSettings, label: 'office.page.nav', icon: IconServer, channel: 'settings.database' },
    ],
  },
] as const;

/** A navigation item shows only when the signed-in role may call the channel its page opens with (main enforces it anyway). */
type NavItem = { to: string; label: string; icon: (typeof navigation)[number]['items'][number]['icon']; channel?: ChannelName };

export function Shell() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const location = useLocation();
  const info = useApiQuery('app.info', {});
  const setLocale = useApiMutation('app.setLocale');
  const user = useUser();
  const sections = navigation
    .map((section) => ({ ...section, items: (section.items as readonly NavItem[]).filter((item) => !item.channel || canUse(user, item.channel)) }))
    .filter((section) => section.items.length > 0);
  // A page the role may not use, reached by its address: say so instead of showing it half-refused.
  const here = navigation.flatMap((section) => section.items as readonly NavItem[]).find((item) => item.to !== routes.dashboard && location.pathname.startsWith(item.to));
  const forbiddenPage = !!here?.channel && !canUse(user, here.channel);

  useEffect(() => {
    if (info.data && i18n.language !== info.data.locale) void i18n.changeLanguage(info.data.locale);
  }, [info.data, i18n]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  useEffect(close, [location.pathname, close]);

  if (info.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (info.isError) return <ErrorState error={info.error} onRetry={() => void info.refetch()} />;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.main')} />
            <Stack gap={0}>
              <Title order={4} lh={1.1}>
                {t('app.name')}
              </Title>
              <Text size="xs" c="dimmed" visibleFrom="md">
                {t('app.tagline')}
              </Text>
            </Stack>
            {info.data.readOnly && (
              <Tooltip label={t('office.readOnlyBanner')} multiline w={320}>
                <Badge color="red" variant="filled" data-testid="read-only-badge">
                  {t('office.page.readOnly')}
                </Badge>
              </Tooltip>
            )}
            {info.data.demo && (
              <Tooltip label={t('app.demoBadgeHint')} multiline w={260}>
                <Badge color="orange" variant="light">
                  {t('app.demoBadge')}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <UserMenu />
            <SegmentedControl
              size="xs"
              aria-label={t('app.language')}
              value={i18n.language}
              data={[
                { value: 'es-PE', label: 'ES' },
                { value: 'en', label: 'EN' },
              ]}
              onChange={(value) => {
                const locale = value as 'es-PE' | 'en';
                setLocale.mutate({ locale }, { onSuccess: () => void i18n.changeLanguage(locale) });
              }}
            />
            <Tooltip label={`${t('app.theme')}: ${colorScheme === 'dark' ? t('app.themeDark') : t('app.themeLight')}`}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('app.theme')}
                onClick={() => setColorScheme(colorScheme === 'dark' ? 'light' : 'dark')}
              >
                {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      {/* Many areas: the navigation scrolls on its own instead of cutting the last groups off. */}
      <AppShell.Navbar p="xs" aria-label={t('nav.main')} style={{ overflowY: 'auto' }}>
        {sections.map((section) => (
          <Stack key={section.group} gap={2} mb="md">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" py={4}>
              {t(section.group)}
            </Text>
            {section.items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterLink}
                to={item.to}
                end={item.to === routes.dashboard}
                label={t(item.label)}
                leftSection={<item.icon size={18} stroke={1.6} />}
                active={item.to === routes.dashboard ? location.pathname === '/' : location.pathname.startsWith(item.to)}
              />
            ))}
          </Stack>
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        {forbiddenPage ? (
          <Alert color="orange" icon={<IconLock size={18} />} title={t('auth.forbiddenPage.title')} maw={640}>
            {t('auth.forbiddenPage.text')}
          </Alert>
        ) : (
          <Outlet />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
