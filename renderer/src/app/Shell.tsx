import {
  ActionIcon,
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
  IconUser,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useApiMutation, useApiQuery } from '../api';
import { ErrorState } from '../components/ErrorState';
import { routes } from './routes';

const navigation = [
  {
    group: 'nav.general',
    items: [{ to: routes.dashboard, label: 'nav.dashboard', icon: IconHome }],
  },
  {
    group: 'nav.registry',
    items: [
      { to: routes.establishments, label: 'nav.establishments', icon: IconBuildingCommunity },
      { to: routes.regionalOffices, label: 'nav.regionalOffices', icon: IconMapPin },
    ],
  },
  {
    group: 'inventory.nav.group',
    items: [
      { to: routes.instruments, label: 'inventory.nav.instruments', icon: IconPiano },
      { to: routes.instrumentTypes, label: 'inventory.nav.types', icon: IconCategory },
      { to: routes.stocktakes, label: 'inventory.stocktake.navTitle', icon: IconClipboardCheck },
      { to: routes.consumables, label: 'inventory.consumables.navTitle', icon: IconPackage },
      { to: routes.inventoryReports, label: 'inventory.reports.navTitle', icon: IconReportAnalytics },
    ],
  },
] as const;

export function Shell() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const location = useLocation();
  const info = useApiQuery('app.info', {});
  const setLocale = useApiMutation('app.setLocale');

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
            {info.data.demo && (
              <Tooltip label={t('app.demoBadgeHint')} multiline w={260}>
                <Badge color="orange" variant="light">
                  {t('app.demoBadge')}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group gap={4} wrap="nowrap" visibleFrom="sm">
              <IconUser size={16} aria-hidden />
              <Text size="sm" aria-label={t('app.user')}>
                {info.data.user.name}
              </Text>
            </Group>
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

      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        {navigation.map((section) => (
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
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
