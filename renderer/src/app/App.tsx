import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/es';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthGate } from '../features/auth';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: true, retry: false, staleTime: 0 },
    mutations: { retry: false },
  },
});
// Switching pages remounts what reads the session and the app's facts; neither changes by
// itself: a write invalidates them (app/domains.ts), AuthGate refreshes the session on its
// 30-second tick and whenever main refuses a call, and main checks the session on every call.
queryClient.setQueryDefaults(['auth.status'], { staleTime: 30_000 });
queryClient.setQueryDefaults(['app.info'], { staleTime: Infinity });

/** The shell, the router and every page: loaded once someone is signed in (the sign-in screen does not wait for it). */
const SignedInApp = lazy(() => import('./SignedInApp').then((m) => ({ default: m.SignedInApp })));

/** While the signed-in app's code arrives: the same quiet loader AuthGate and the shell show. */
function AppLoading() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

/** Calendars in the interface's language, weeks from Monday (as in Peru). */
function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'es', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <LocalizedDates>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider>
            <Notifications position="bottom-right" />
            <AuthGate>
              <Suspense fallback={<AppLoading />}>
                <SignedInApp />
              </Suspense>
            </AuthGate>
          </ModalsProvider>
        </QueryClientProvider>
      </LocalizedDates>
    </MantineProvider>
  );
}
