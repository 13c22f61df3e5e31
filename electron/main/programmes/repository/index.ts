/**
 * The programmes domain's data: the only code that names its tables (workshops, sessions,
 * participants and their custody ledger, enrolments, attendance, ensembles, seasons, events,
 * partners, agreements, initiatives). Rows become the contract's shapes here (db/rows.ts); another
 * domain's tables are reached through that domain's functions (establishments, attachments,
 * the inventory, the budget).
 */
export * from './common';
export * from './workshops';
export * from './workshop-teachers';
export * from './participants';
export * from './enrolments';
export * from './attendance';
export * from './attendance-import';
export * from './ensembles';
export * from './ensemble-parts';
export * from './events';
export * from './partners';
export * from './agreement-links';
export * from './initiatives';
export * from './initiative-members';
export * from './figures';
export * from './summary';
export * from './unesco';
