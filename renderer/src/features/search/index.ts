import type { Feature } from '../../app/feature';

export { GlobalSearch } from './GlobalSearch';

/** The global search has no page of its own: the shell's header shows its button and Spotlight (GlobalSearch). */
export const searchFeature: Feature = { routes: [], navigation: undefined, dashboard: undefined };
