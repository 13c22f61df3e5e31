/** Every page of the app. Navigation shows exactly these. */
export const routes = {
  dashboard: '/',
  establishments: '/establecimientos',
  regionalOffices: '/oficinas-regionales',
} as const;
