import type { Feature } from '../../app/feature';

export { NotificationBell } from './NotificationBell';

/** The notifications centre lives in the header (NotificationBell, placed by app/Shell.tsx): no page, link or home section of its own. */
export const notificationsFeature: Feature = { routes: [], navigation: undefined, dashboard: undefined };
