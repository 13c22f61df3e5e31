/** The programmes domain's schemas, one file per sub-area, gathered here for importers. */
export * from './schema-helpers';
export * from './workshop-schemas';
export * from './teacher-schemas';
export * from './participant-schemas';
export * from './event-schemas';
export * from './partner-schemas';
export * from './report-schemas';
export * from './ensemble-part-schemas';
