/** Every page of the app. Navigation shows exactly these. */
export const routes = {
  dashboard: '/',
  establishments: '/establecimientos',
  regionalOffices: '/oficinas-regionales',
  instruments: '/instrumentos',
  instrumentTypes: '/tipos-de-instrumento',
  stocktakes: '/inventario-fisico',
  consumables: '/consumibles',
  inventoryReports: '/reportes-inventario',
} as const;
