/** The contracts domain's schemas, one file per sub-area (teachers, contracts, conformities, budget), gathered here for importers. */
export * from './schema-helpers';
export * from './teacher-schemas';
export * from './contract-schemas';
export * from './conformity-schemas';
export * from './budget-schemas';
export * from './expense-schemas';
export * from './workshop-schemas';
