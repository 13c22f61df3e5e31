import { z } from 'zod';
import { requiredOr } from '../ipc';

/**
 * The generic spreadsheet import (XLSX and CSV): inspect a file, map its columns to a
 * target's fields, dry-run, then import all rows or none. Each target is implemented in
 * main (electron/main/import/targets/); its name is listed here so every channel refuses
 * an unknown one. A new target: add its name here and its entry in targets/index.ts.
 */
export const importTargets = ['establishments', 'instruments'] as const;
export const ImportTarget = z.enum(importTargets, { error: requiredOr('errors.choose') });
export type ImportTarget = z.infer<typeof ImportTarget>;

/** The largest file accepted (bytes). */
export const MAX_IMPORT_BYTES = 15 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

/** create: only new records (an existing code is an error); upsert: existing codes are updated. */
export const importModes = ['create', 'upsert'] as const;
export const ImportMode = z.enum(importModes, { error: requiredOr('errors.choose') });
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportInspect = z
  .object({
    target: ImportTarget,
    fileName: z.string({ error: requiredOr('errors.invalid') }).trim().min(1, 'errors.required').max(255),
    /** The file's bytes, base64 (the renderer reads the chosen file with the File API). */
    dataBase64: z
      .string({ error: requiredOr('errors.invalid') })
      .min(1, 'errors.required')
      .max(MAX_BASE64, 'import.errors.tooLarge')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'import.errors.unreadable'),
  })
  .strict();
export type ImportInspect = z.input<typeof ImportInspect>;

export const UploadId = z
  .string({ error: requiredOr('errors.invalid') })
  .min(1, 'errors.required')
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'errors.invalid');

/**
 * Field key → the file's column header that holds it (null or absent: not imported).
 * Which keys a target has is checked in main.
 */
export const ImportMapping = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/, 'errors.unexpectedField'),
    z.string({ error: requiredOr('errors.invalid') }).max(200).nullable(),
  )
  .refine((m) => Object.keys(m).length <= 100, 'errors.invalid');
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportRequest = z
  .object({
    uploadId: UploadId,
    mapping: ImportMapping,
    mode: ImportMode,
  })
  .strict();
export type ImportRequest = z.input<typeof ImportRequest>;

export const ImportField = z.object({
  key: z.string(),
  /** In the user's language. */
  label: z.string(),
  required: z.boolean(),
});
export type ImportField = z.infer<typeof ImportField>;

export const ImportInspection = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  target: ImportTarget,
  /** The first non-empty row; unique and never empty ("Columna C" stands in for a blank one). */
  headers: z.array(z.string()),
  /** The first 5 data rows as shown text, one cell per header. */
  sampleRows: z.array(z.array(z.string())),
  /** Data rows (empty rows not counted). */
  rowCount: z.number().int().nonnegative(),
  fields: z.array(ImportField),
  /** Headers matched to the fields' labels and synonyms, ignoring case and accents. */
  suggestedMapping: z.record(z.string(), z.string().nullable()),
  /** The mapping last used for this target, if any. */
  savedMapping: z.record(z.string(), z.string().nullable()).nullable(),
});
export type ImportInspection = z.infer<typeof ImportInspection>;

export const ImportRowError = z.object({
  /** The row number as the clerk sees it in Excel (the header row is 1 when it is the first). */
  row: z.number().int().positive(),
  /** The field's key ('' when the error is about the whole row). */
  field: z.string(),
  /** The file's header for that field ('' when unmapped). */
  column: z.string(),
  /** The cell as shown text. */
  value: z.string(),
  /** In the user's language. */
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** What a dry run finds (and what a refused import fails with). */
export const ImportReport = z.object({
  mode: ImportMode,
  total: z.number().int().nonnegative(),
  valid: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  toCreate: z.number().int().nonnegative(),
  toUpdate: z.number().int().nonnegative(),
  /** The first MAX_REPORTED_ERRORS errors, in row order. */
  errors: z.array(ImportRowError),
  errorCount: z.number().int().nonnegative(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const MAX_REPORTED_ERRORS = 1000;

/** What a finished import did. */
export const ImportResult = z.object({
  total: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** The phases an import job reports ('jobs.status' phase). */
export const importPhases = ['validate', 'write'] as const;
