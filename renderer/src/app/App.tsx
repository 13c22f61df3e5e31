import { Center, Loader, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthGate } from '../features/auth';
import { loadCatalogs } from '../i18n';
import { queryClient } from './queryClient';
import { ErrorBoundary } from './ErrorBoundary';
import { whenIdle } from './whenIdle';
import { theme } from './theme';

// The texts of every page (both languages) arrive with the code: no page shows a bare key.
const loadSignedInApp = () => Promise.all([import('./SignedInApp'), loadCatalogs()]).then(([m]) => m);
/**
 * The shell, the router and every page: loaded once someone is signed in (the sign-in screen
 * does not wait for it), or fetched while the sign-in screen sits idle (SIGNED_IN_APP_AFTER_MS).
 */
const SignedInApp = lazy(() => loadSignedInApp().then((m) => ({ default: m.SignedInApp })));
/** How long the first screen stays idle before the signed-in app's code is fetched in the background. */
const SIGNED_IN_APP_AFTER_MS = 1000;

/** While the signed-in app's code arrives: the same quiet loader AuthGate and the shell show. */
function AppLoading() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

export function App() {
  useEffect(() => whenIdle(() => void loadSignedInApp().catch(() => undefined), SIGNED_IN_APP_AFTER_MS), []);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* An error while drawing: a message with its details, never a blank window. */}
      <ErrorBoundary>
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
      </ErrorBoundary>
    </MantineProvider>
  );
}
