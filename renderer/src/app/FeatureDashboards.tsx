import { createContext, Suspense, useContext } from 'react';
import type { Feature } from './feature';

/** The features whose sections the home page shows (App provides app/features.ts; kept in context so no feature imports the list). */
export const FeaturesContext = createContext<readonly Feature[]>([]);

/** The features' sections of the home page, in their order, each loaded on demand. */
export function FeatureDashboards() {
  const features = useContext(FeaturesContext);
  const sections = features.flatMap((f) => (f.dashboard ? [f.dashboard] : [])).sort((a, b) => a.order - b.order);
  return (
    <>
      {sections.map(({ order, Section }) => (
        <Suspense key={order} fallback={null}>
          <Section />
        </Suspense>
      ))}
    </>
  );
}
