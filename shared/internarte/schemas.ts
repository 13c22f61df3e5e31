/** InternArte's schemas, one file per sub-area (artworks with consent, condition and custody; exhibitions and loans), gathered here for importers. */
export * from './schema-helpers';
export * from './artwork-schemas';
export * from './exhibition-schemas';
