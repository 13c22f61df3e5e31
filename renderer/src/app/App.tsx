import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/es';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { EstablishmentsPage } from '../features/establishments/EstablishmentsPage';
import { InstrumentsPage } from '../features/instruments/InstrumentsPage';
import { InstrumentTypesPage } from '../features/instruments/InstrumentTypesPage';
import { ConsumablesPage } from '../features/consumables/ConsumablesPage';
import { InventoryReportsPage } from '../features/inventory-reports/InventoryReportsPage';
import { StocktakeCountPage } from '../features/stocktake/StocktakeCountPage';
import { StocktakesPage } from '../features/stocktake/StocktakesPage';
import { RegionalOfficesPage } from '../features/regional-offices/RegionalOfficesPage';
import { programmeRoutes } from '../features/programmes/routes';
import { contractsRoutes } from '../features/contracts/routes';
import { internarteRoutes } from '../features/internarte/routes';
import { AuditPage } from '../features/audit/AuditPage';
import { AuthGate } from '../features/auth/AuthGate';
import { BackupsPage } from '../features/backups/BackupsPage';
import { DatabaseSettingsPage } from '../features/settings-database/DatabaseSettingsPage';
import { PrivacyPage } from '../features/privacy/PrivacyPage';
import { UsersPage } from '../features/users/UsersPage';
import { routes } from './routes';
import { Shell } from './Shell';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: true, retry: false, staleTime: 0 },
    mutations: { retry: false },
  },
});

const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: routes.establishments.slice(1), element: <EstablishmentsPage /> },
      { path: routes.regionalOffices.slice(1), element: <RegionalOfficesPage /> },
      { path: routes.instruments.slice(1), element: <InstrumentsPage /> },
      { path: routes.instrumentTypes.slice(1), element: <InstrumentTypesPage /> },
      { path: routes.stocktakes.slice(1), element: <StocktakesPage /> },
      { path: `${routes.stocktakes.slice(1)}/:id`, element: <StocktakeCountPage /> },
      { path: routes.consumables.slice(1), element: <ConsumablesPage /> },
      { path: routes.inventoryReports.slice(1), element: <InventoryReportsPage /> },
      { path: routes.users.slice(1), element: <UsersPage /> },
      { path: routes.audit.slice(1), element: <AuditPage /> },
      { path: routes.backups.slice(1), element: <BackupsPage /> },
      { path: routes.databaseSettings.slice(1), element: <DatabaseSettingsPage /> },
      { path: routes.privacy.slice(1), element: <PrivacyPage /> },
      ...programmeRoutes,
      ...contractsRoutes,
      ...internarteRoutes,
    ],
  },
]);

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
              <RouterProvider router={router} />
            </AuthGate>
          </ModalsProvider>
        </QueryClientProvider>
      </LocalizedDates>
    </MantineProvider>
  );
}
