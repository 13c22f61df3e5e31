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
  Stack,
  Text,
  Title,
  Tooltip,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconLock, IconMoon, IconSun } from '@tabler/icons-react';
import { memo, Suspense, useEffect, useLayoutEffect, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import type { ChannelOutput } from '../../../shared/contract';
import { useApiMutation, useApiQuery } from '../api';
import { ErrorState } from '../components/ErrorState';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { canUse, useUser } from '../components/session';
import { UserMenu } from '../features/auth';
import { NotificationBell } from '../features/notifications';
import { GlobalSearch } from '../features/search';
import type { NavItem } from './feature';
import { features, navigation } from './features';
import { navigateTo, useNavigationPending } from './navigationPending';
import { pageLoaded, prefetchPages, preloadPage } from './lazyPage';
import { whenIdle } from './whenIdle';
import { pageOpened, refreshPage } from './pageQueries';
import { PageFallback } from './PageFallback';
import { routes } from './routes';

/** Once the shell is up, each page's code is fetched in the background (when idle after this long), so a page switch waits only for its data. */
const PREFETCH_AFTER_MS = 300;

/** Each navigation link's page (the route's element), to fetch its code when the link is pointed at or focused. */
const pageOf = new Map(features.flatMap((f) => f.routes).map((r) => [r.index ? routes.dashboard : `/${r.path ?? ''}`, r.element]));

/**
 * The anchor of a navigation link: its address in `href` (the router keeps it after the #), and
 * a plain click opens it through the router, as the router's own link does. Unlike that link it
 * does not read the address, so a page switch does not draw all the links again.
 */
function ShellAnchor({
  to,
  replace,
  ready,
  onClick,
  ...props
}: ComponentProps<'a'> & { to: string; replace: boolean; ready?: () => Promise<void> | undefined }) {
  return (
    <a
      {...props}
      href={`#${to}`}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigateTo(to, replace, ready?.(), pageLoaded(pageOf.get(to)));
      }}
    />
  );
}

/**
 * One link of the navigation bar. Memoized: a page switch re-renders only the two links whose
 * state changes (the one left, the one opened), not all of them.
 */
const NavItemLink = memo(function NavItemLink({ item, active, current }: { item: NavItem; active: boolean; current: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <NavLink
      component={ShellAnchor}
      to={item.to}
      replace={current}
      // What the page read last time is asked for at once; the page opens when it has arrived.
      ready={current ? undefined : () => refreshPage(client, item.to)}
      aria-current={current ? 'page' : undefined}
      label={t(item.label)}
      leftSection={<item.icon size={18} stroke={1.6} />}
      onMouseEnter={() => preloadPage(pageOf.get(item.to))}
      onFocus={() => preloadPage(pageOf.get(item.to))}
      active={active}
    />
  );
});

/**
 * The header: the app's name, its badges, the user's menu, the language and the theme.
 * Memoized: it does not change with the page, so a page switch does not render it again.
 */
const ShellHeader = memo(function ShellHeader({
  opened,
  toggle,
  info,
}: {
  opened: boolean;
  toggle: () => void;
  info: ChannelOutput<'app.info'>;
}) {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const setLocale = useApiMutation('app.setLocale');
  return (
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
        {info.readOnly && (
          <Tooltip label={t('office.readOnlyBanner')} multiline w={320}>
            <Badge color="red" variant="filled" data-testid="read-only-badge">
              {t('office.page.readOnly')}
            </Badge>
          </Tooltip>
        )}
        {info.demo && (
          <Tooltip label={t('app.demoBadgeHint')} multiline w={260}>
            <Badge color="orange" variant="light">
              {t('app.demoBadge')}
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <GlobalSearch />
        <NotificationBell />
        <UserMenu />
        <LanguageSwitch onChange={(locale) => setLocale.mutate({ locale }, { onSuccess: () => void i18n.changeLanguage(locale) })} />
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
  );
});

/** Whether an address is a page's own or one of its sub-pages (its record, its tab). */
const within = (pathname: string, to: string): boolean => pathname === to || pathname.startsWith(`${to}/`);

export function Shell() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const switching = useNavigationPending();
  const info = useApiQuery('app.info', {});
  const user = useUser();
  const sections = navigation
    .map((section) => ({ ...section, items: section.items.filter((item) => !item.channel || canUse(user, item.channel)) }))
    .filter((section) => section.items.length > 0);
  // A page the role may not use, reached by its address: say so instead of showing it half-refused.
  // The page is the navigation link that names the longest part of the address (/instrumentos/vencidos is not /instrumentos).
  const here = navigation
    .flatMap((section) => section.items)
    .filter((item) => item.to !== routes.dashboard && within(location.pathname, item.to))
    .reduce<(typeof navigation)[number]['items'][number] | undefined>(
      (best, item) => (!best || item.to.length > best.to.length ? item : best),
      undefined,
    );
  const forbiddenPage = !!here?.channel && !canUse(user, here.channel);

  useEffect(() => {
    if (info.data && i18n.language !== info.data.locale) void i18n.changeLanguage(info.data.locale);
  }, [info.data, i18n]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  useEffect(close, [location.pathname, close]);
  useLayoutEffect(() => pageOpened(location.pathname), [location.pathname]);
  useEffect(() => whenIdle(() => void prefetchPages(), PREFETCH_AFTER_MS), []);

  if (info.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (info.isError) return <ErrorState error={info.error} onRetry={() => void info.refetch()} />;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <ShellHeader opened={opened} toggle={toggle} info={info.data} />
      </AppShell.Header>

      {/* Many areas: the navigation scrolls on its own instead of cutting the last groups off. */}
      <AppShell.Navbar p="xs" aria-label={t('nav.main')} style={{ overflowY: 'auto' }}>
        {sections.map((section) => (
          <Stack key={section.group} gap={2} mb="md">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" py={4}>
              {t(section.group)}
            </Text>
            {section.items.map((item) => (
              <NavItemLink
                key={item.to}
                item={item}
                current={item.to === location.pathname}
                active={item.to === routes.dashboard ? location.pathname === '/' : item.to === here?.to}
              />
            ))}
          </Stack>
        ))}
      </AppShell.Navbar>

      {/* While the next page is prepared, the page being left is dimmed (after a short moment, so a
          quick switch does not flicker) and takes no clicks: a click meant for the next page never lands on it. */}
      <AppShell.Main
        aria-busy={switching || undefined}
        inert={switching || undefined}
        style={switching ? { opacity: 0.6, transition: 'opacity 150ms ease 200ms' } : undefined}
      >
        {forbiddenPage ? (
          <Alert color="orange" icon={<IconLock size={18} />} title={t('auth.forbiddenPage.title')} maw={640}>
            {t('auth.forbiddenPage.text')}
          </Alert>
        ) : (
          // A page's code arrives on demand: the shell stays, the previous page stays during a
          // switch (navigations are transitions), and a first load shows a quiet loader.
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
