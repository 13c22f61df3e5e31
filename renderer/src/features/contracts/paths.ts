/**
 * The contracts' page of linked workshops (issue 15), under the contracts' address. Kept here
 * beside the feature's routes; app/routes.ts lists the app's other pages.
 */
export const contractPaths = {
  workshopReviews: '/contratos/talleres-sin-vincular',
  /** The budget's expenses (issue 16), beside the budget. */
  expenses: '/presupuesto/gastos',
} as const;
