/**
 * InternArte's data access, the only code that names its tables: artworks with their consent
 * and custody ledgers, exhibitions with their checklists and loans, and what the printed
 * outputs read. The programmes' participants, workshops and partners are reached through
 * programmes/repository/for-internarte.ts; establishments and attachments through their join helpers.
 */
export * from './view';
export * from './consents';
export * from './custody';
export * from './artworks';
export * from './exhibitions';
export * from './checklist';
export * from './loans';
export * from './catalog';
