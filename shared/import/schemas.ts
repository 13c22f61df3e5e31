import { z } from 'zod';
import { base64File, ExportFormat, FileName, requiredOr, choice } from '../ipc';

/**
 * The generic spreadsheet import (XLSX and CSV): inspect a file, map its columns to a
 * target's fields, dry-run, then import all rows or none. Each target is implemented in
 * main (electron/main/import/targets/); its name is listed here so every channel refuses
 * an unknown one. A new target: add its name here and its entry in targets/index.ts.
 */
export const importTargets = [
  'establishments',
  'instruments',
  'consumables',
  'artworks',
  'participants',
  'attendance',
  'teachers',
  'contracts',
  'conformities',
  'partners',
  'agreements',
] as const;
export const ImportTarget = choice(importTargets);
export type ImportTarget = z.infer<typeof ImportTarget>;

/** The largest file accepted (bytes). */
export const MAX_IMPORT_BYTES = 15 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

/** create: only new records (an existing code is an error); upsert: existing codes are updated. */
export const importModes = ['create', 'upsert'] as const;
export const ImportMode = choice(importModes);
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportInspect = z
  .object({
    target: ImportTarget,
    fileName: FileName,
    /** The file's bytes, base64 (the renderer reads the chosen file with the File API). */
    dataBase64: base64File(MAX_BASE64, 'import.errors.tooLarge', 'import.errors.unreadable'),
    /**
     * Register fields whose record is chosen before the file (the workshop whose page the
     * attendance import was opened from): field key → record id. Every row stands for it;
     * the field is not offered for mapping.
     */
    fixed: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/, 'errors.unexpectedField'),
        z
          .number({ error: requiredOr('errors.invalid') })
          .int('errors.invalid')
          .positive('errors.invalid'),
      )
      .refine((m) => Object.keys(m).length <= 5, 'errors.invalid')
      .optional(),
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
    z
      .string({ error: requiredOr('errors.invalid') })
      .max(200)
      .nullable(),
  )
  .refine((m) => Object.keys(m).length <= 100, 'errors.invalid');
export type ImportMapping = z.infer<typeof ImportMapping>;

/** The Excel row number of the header row a request reads the file from (one of the inspection's headerChoices). */
export const HeaderRow = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .positive('errors.invalid')
  .max(1_048_576, 'errors.invalid');

/**
 * What the clerk said an unknown value of a register field stands for: an existing record
 * (`id`), or a new one to create with the import (`create`: the option chosen for it, such
 * as the family of a new instrument type; only where the field allows creating).
 */
export const ImportValueChoice = z.union([
  z
    .object({
      id: z
        .number({ error: requiredOr('errors.invalid') })
        .int('errors.invalid')
        .positive('errors.invalid'),
    })
    .strict(),
  z
    .object({
      create: z
        .string({ error: requiredOr('errors.invalid') })
        .min(1, 'errors.required')
        .max(50),
    })
    .strict(),
]);
export type ImportValueChoice = z.infer<typeof ImportValueChoice>;

/**
 * Field key → { the value's match key (ImportUnknownValue.key) → what it stands for }.
 * Remembered with the column mapping for the next file of the same target.
 */
export const ImportValueMapping = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/, 'errors.unexpectedField'),
    z.record(z.string().min(1).max(200), ImportValueChoice).refine((m) => Object.keys(m).length <= 2000, 'errors.invalid'),
  )
  .refine((m) => Object.keys(m).length <= 100, 'errors.invalid');
export type ImportValueMapping = z.infer<typeof ImportValueMapping>;

/** import.template: the example file of a target, to fill in ("Descargar plantilla"). */
export const ImportTemplateRequest = z.object({ target: ImportTarget, format: ExportFormat }).strict();
export type ImportTemplateRequest = z.input<typeof ImportTemplateRequest>;

/**
 * import.chooseFolder: the folder where the photos an import matches by file name are
 * (artworks), chosen in main's own dialog and kept on the upload (the renderer never names
 * a path). Answers the folder's name and how many files it holds.
 */
export const ImportFolderRequest = z.object({ uploadId: UploadId }).strict();
export const ImportFolderResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('chosen'), folder: z.string(), files: z.number().int() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type ImportFolderResult = z.infer<typeof ImportFolderResult>;

export const ImportRequest = z
  .object({
    uploadId: UploadId,
    mapping: ImportMapping,
    mode: ImportMode,
    /** Absent: the header row the inspection detected. */
    headerRow: HeaderRow.optional(),
    /** Absent: no value mapped. */
    values: ImportValueMapping.optional(),
  })
  .strict();
export type ImportRequest = z.input<typeof ImportRequest>;

export const ImportOption = z.object({ value: z.string(), label: z.string() });
export type ImportOption = z.infer<typeof ImportOption>;

export const ImportField = z.object({
  key: z.string(),
  /** In the user's language. */
  label: z.string(),
  required: z.boolean(),
  /** The field names a record of a register (a type, an establishment): unknown values are mapped, not refused row by row. */
  register: z.boolean(),
  /** Where an unknown value may be created by the import: the options to choose for it (a new type's family); empty otherwise. */
  createOptions: z.array(ImportOption),
});

/** A row passed over (a totals row): its Excel row number and why, in the user's language. */
export const ImportSkippedRow = z.object({ row: z.number().int().positive(), message: z.string() });
export type ImportSkippedRow = z.infer<typeof ImportSkippedRow>;

/** The table as read with one row taken as its header row. */
export const ImportTable = z.object({
  /** The header row's number as Excel shows it. */
  headerRow: z.number().int().positive(),
  /** That row's cells; unique and never empty ("Columna C" stands in for a blank one). */
  headers: z.array(z.string()),
  /** The first 5 data rows as shown text, one cell per header. */
  sampleRows: z.array(z.array(z.string())),
  /** Data rows (empty and totals rows not counted). */
  rowCount: z.number().int().nonnegative(),
  /** Headers matched to the fields' labels and synonyms, ignoring case and accents. */
  suggestedMapping: z.record(z.string(), z.string().nullable()),
  /** Totals rows passed over. */
  skipped: z.array(ImportSkippedRow),
});
export type ImportTable = z.infer<typeof ImportTable>;
export type ImportField = z.infer<typeof ImportField>;

/**
 * The file as read with the header row detected (the one of its first rows that best
 * matches the target's fields and their synonyms: a merged title above the table is
 * passed over), and the other rows the clerk may take as the header row instead.
 */
export const ImportInspection = ImportTable.extend({
  uploadId: z.string(),
  fileName: z.string(),
  target: ImportTarget,
  fields: z.array(ImportField),
  /** The first rows of the file, each read as the header row (the detected one among them). */
  headerChoices: z.array(ImportTable),
  /** The mapping last used for this target, if any. */
  savedMapping: z.record(z.string(), z.string().nullable()).nullable(),
  /** The value mapping last used for this target, if any. */
  savedValues: ImportValueMapping.nullable(),
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

/** A record of a register, offered for an unknown value. */
export const ImportRegisterEntry = z.object({ id: z.number().int().positive(), label: z.string() });
export type ImportRegisterEntry = z.infer<typeof ImportRegisterEntry>;

/** One distinct value of a register field that matches no record, listed once for the whole file. */
export const ImportUnknownValue = z.object({
  field: z.string(),
  /** The file's header for that field. */
  column: z.string(),
  /** As written in the file (its first occurrence). */
  value: z.string(),
  /** The key ImportValueMapping is keyed by: the value without case, accents, dots, spaces and the words E.P., de, del, la. */
  key: z.string(),
  /** How many rows hold it, and the first of them (Excel row numbers). */
  count: z.number().int().positive(),
  rows: z.array(z.number().int().positive()),
  /** The closest records first (by similarity of their names). */
  suggestions: z.array(ImportRegisterEntry),
  /**
   * A field that lists every value (an attendance sheet's marks) lists the ones it read too:
   * the record this check read it as (the clerk's choice, else the one its name matches).
   * Absent: the value matches nothing and its rows wait for the clerk's choice.
   */
  matched: z.number().int().positive().optional(),
});
export type ImportUnknownValue = z.infer<typeof ImportUnknownValue>;

/** What a dry run finds (and what a refused import fails with). */
export const ImportReport = z.object({
  mode: ImportMode,
  /** The header row the file was read from. */
  headerRow: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  valid: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  toCreate: z.number().int().nonnegative(),
  toUpdate: z.number().int().nonnegative(),
  /** The first MAX_REPORTED_ERRORS errors, in row order. */
  errors: z.array(ImportRowError),
  errorCount: z.number().int().nonnegative(),
  /** Rows with at least one error (rows whose only problem is an unknown value not counted). */
  errorRows: z.number().int().nonnegative(),
  /** Register values that match no record, each once (their rows count as invalid until mapped), and the values matched of a field that lists every value. */
  unknownValues: z.array(ImportUnknownValue),
  /** For each field with unknown values: every record it may be mapped to. */
  registers: z.record(z.string(), z.array(ImportRegisterEntry)),
  /** Values the clerk chose to create: what the import will add to a register. */
  newValues: z.array(z.object({ field: z.string(), value: z.string(), option: z.string(), count: z.number().int().positive() })),
  /** Totals rows passed over. */
  skipped: z.array(ImportSkippedRow),
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
