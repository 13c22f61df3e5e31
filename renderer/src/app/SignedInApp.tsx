import { createHashRouter, RouterProvider } from 'react-router';
import { FeaturesContext } from './FeatureDashboards';
import { features } from './features';
import { Shell } from './Shell';

const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    // Every feature's pages (app/features.ts), each loaded on demand under the shell's Suspense.
    children: features.flatMap((feature) => feature.routes),
  },
]);

/**
 * What a signed-in user sees: the shell, its navigation and the pages. Loaded on demand
 * (App.tsx), so the sign-in screen never waits for the router, the shell or any page.
 */
export function SignedInApp() {
  return (
    <FeaturesContext value={features}>
      <RouterProvider router={router} />
    </FeaturesContext>
  );
}
