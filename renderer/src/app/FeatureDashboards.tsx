import { createContext, Suspense, useContext } from 'react';
import { WhenNear } from '../components/WhenNear';
import type { Feature } from './feature';

/** The room a section keeps until it is drawn (about a row of cards or charts). */
const SECTION_HEIGHT = 360;

/** The features whose sections the home page shows (App provides app/features.ts; kept in context so no feature imports the list). */
export const FeaturesContext = createContext<readonly Feature[]>([]);

/** The features' sections of the home page, in their order, each loaded on demand. */
export function FeatureDashboards() {
  const features = useContext(FeaturesContext);
  const sections = features.flatMap((f) => (f.dashboard ? [f.dashboard] : [])).sort((a, b) => a.order - b.order);
  return (
    <>
      {sections.map(({ order, Section }) => (
        // Below the home page's first screen: each is drawn as it comes near the window, or in the next idle moments.
        <WhenNear key={order} height={SECTION_HEIGHT}>
          <Suspense fallback={null}>
            <Section />
          </Suspense>
        </WhenNear>
      ))}
    </>
  );
}
