/**
 * The inventory's pages of linked custody (issue 15), under the register's address. Kept here
 * beside the feature's routes; app/routes.ts lists the app's other pages.
 */
export const custodyPaths = {
  overdue: '/instrumentos/vencidos',
  recoveries: '/instrumentos/recuperacion',
  reviews: '/instrumentos/custodios-sin-vincular',
} as const;

/** An instrument's record in the register (the drawer opens on it). */
export const instrumentRecordPath = (id: number) => `/instrumentos?ficha=${id}`;
