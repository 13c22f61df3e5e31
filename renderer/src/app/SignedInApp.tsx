import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/es';
import { useTranslation } from 'react-i18next';
import { createHashRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { FeaturesContext } from './FeatureDashboards';
import { features } from './features';
import { followNavigation } from './navigationPending';
import { Shell } from './Shell';
import { RouteError } from './RouteError';

const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    // An error in the shell or a page: the app's own message (ErrorBoundary.tsx), not the router's.
    errorElement: <RouteError />,
    // Every feature's pages (app/features.ts), each loaded on demand under the shell's Suspense.
    children: features.flatMap((feature) => feature.routes),
  },
]);
followNavigation(router);

/**
 * What a signed-in user sees: the shell, its navigation and the pages. Loaded on demand
 * (App.tsx), so the sign-in screen never waits for the router, the shell or any page.
 */
export function SignedInApp() {
  const { i18n } = useTranslation();
  return (
    // Calendars in the interface's language, weeks from Monday (as in Peru). Here, not in App:
    // the sign-in screen has no calendar and does not load them.
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'es', firstDayOfWeek: 1 }}>
      <FeaturesContext value={features}>
        <RouterProvider router={router} />
      </FeaturesContext>
    </DatesProvider>
  );
}
