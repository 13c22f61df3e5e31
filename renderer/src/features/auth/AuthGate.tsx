import { Center, Loader } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call, onSessionLost, useApiQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { FirstRunPage, ForcedPasswordPage, LockScreen, SignInPage } from './AuthScreens';
import { useSession } from '../../components/sessionState';

/** How often the renderer checks for idleness and tells main the user is still there. */
const TICK_MS = 30_000;
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Nothing of the app shows before someone signs in: the first-run administrator, the
 * sign-in screen, the lock screen after 15 idle minutes, a temporary password to change.
 * Main enforces all of it on every channel; this only shows the matching screen.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const info = useApiQuery('app.info', {});
  const session = useSession();
  const refetch = session.refetch;
  const user = session.data?.user ?? null;
  const locked = session.data?.locked ?? false;
  const idleMinutes = session.data?.idleMinutes ?? 15;
  const lastInput = useRef(0);
  const reported = useRef(0);

  // The language saved for this PC, also on the screens before signing in.
  useEffect(() => {
    if (info.data && i18n.language !== info.data.locale) void i18n.changeLanguage(info.data.locale);
  }, [info.data, i18n]);

  // Main refused a call (signed out, locked): show the matching screen.
  useEffect(() => onSessionLost(() => void refetch()), [refetch]);

  // The idle lock: no key or mouse for 15 minutes locks the session; while someone works,
  // main hears about it (auth.status) so its own idle check does not lock them out.
  useEffect(() => {
    if (!user || locked) return;
    lastInput.current = Date.now();
    reported.current = lastInput.current;
    const bump = () => {
      lastInput.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, bump, { passive: true });
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - lastInput.current >= idleMinutes * 60_000) {
        void call('auth.lock', {}).finally(() => void refetch());
      } else if (lastInput.current > reported.current) {
        reported.current = now;
        void refetch();
      }
    }, TICK_MS);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, bump);
    };
  }, [user, locked, idleMinutes, refetch]);

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void refetch()} />;
  const s = session.data;
  if (s.setupNeeded) return <FirstRunPage />;
  if (!s.user) return <SignInPage ended={s.ended} />;
  if (s.locked) return <LockScreen user={s.user} idleMinutes={s.idleMinutes} onUnlocked={() => void refetch()} />;
  if (s.user.mustChangePassword) return <ForcedPasswordPage onDone={() => void refetch()} />;
  return <>{children}</>;
}
