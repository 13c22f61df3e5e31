import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import type { Locale } from '../../../shared/format';
import type { ImportMode } from '../../../shared/import/schemas';
import type { MessageRef } from '../../../shared/validation';
import type { Audit } from '../ipc/audited-write';
import type { AttachmentStore } from '../files/attachments';
import type { Cell } from './read';
import type { RegisterEntry } from './values';

export type { Cell } from './read';
export type { RegisterEntry } from './values';

/**
 * A target is what the rows become (establishments, instruments…): an object of this shape
 * in its domain's folder (electron/main/establishments/import-target.ts), listed in
 * import/targets/index.ts, its name in shared/import/schemas.ts (importTargets).
 *
 *   entity      the target's name; the mappings last used are remembered in the settings
 *               table under `import.mapping.<entity>` and `import.values.<entity>`.
 *   fields      the columns it understands, in the order the wizard shows them:
 *               { key, labelKey (an i18n key: its Spanish and English texts are matched
 *               against the headers), required, synonyms (other headers clerks use),
 *               register (the field names a record of a register: see below) }.
 *   key         the field that identifies a record (its code) and how to find the records
 *               already registered: the engine reports a code repeated in the file and an
 *               existing one in 'create' mode on EVERY row, even one with other errors,
 *               and says whether each row creates or updates.
 *   scopeField  (targets whose records are in an establishment) the register field naming
 *               it: a user restricted to some establishments may create records only in
 *               theirs, and update only records that are in theirs (`existing` answers
 *               each record's establishments).
 *   prepare     loads once what parsing needs and keeps env.actor / env.now for `write`.
 *   register    the records of a register field (types, establishments): the engine
 *               matches the cells' text against their names ignoring case, accents, dots,
 *               spaces and the words E.P., de, del, la; a value that matches none is
 *               listed ONCE in the report with its row count and suggestions, for the
 *               clerk to map to a record (ImportRequest.values) or, where the field allows
 *               it, to create with the import (`createValue`).
 *   parseRow    one row → its values, or its errors by field key (i18n MessageRefs).
 *               `raw[key]` is undefined when the field is not mapped, null when its cell
 *               is empty; a cell is text, a number, a boolean or a Date. `refs[key]` is a
 *               register field's record ({ id }), null (empty, or a "none" word such as
 *               Almacén central), { unknown } (listed by the engine: no error here) or
 *               undefined (unmapped). Pure: no database.
 *   example     one or two rows of made-up values by field key, for the template the
 *               clerk may save ("Descargar plantilla", import.template): a sheet whose
 *               headers are the fields' labels in the user's language and whose rows
 *               are these, as the import reads them back (a test imports each target's
 *               template). Dates as dd/mm/aaaa text, amounts as "S/ 1,234.50" or numbers.
 *   columnKey   (optional) reads columns by their header rather than by a mapping: a sheet
 *               with a column per session date. `exampleColumns` are then the template's.
 *   write       writes every row (all valid) inside `trx`, calling `audit` once per
 *               record created or updated and `progress(done)` after each row (it may
 *               throw when the job is cancelled: let it propagate, the transaction then
 *               rolls back). Reuse the domain's repository, never a second copy of its SQL.
 */
export interface ImportTarget<V = unknown, C = unknown> {
  entity: string;
  fields: ImportFieldDef[];
  key: {
    field: string;
    /** The records already registered with these keys (codes, in capitals). */
    existing(db: Knex, keys: string[]): Promise<Map<string, ExistingRecord>>;
    /** The error for an existing key in 'create' mode. */
    exists(key: string): MessageRef;
    /**
     * What makes two rows the same record, for the "repeated in the file" check (default:
     * the key; consumables: an article at one establishment). null: no key.
     */
    rowKey?(raw: RawRow, refs: Refs): string | null;
  };
  scopeField?: string;
  prepare(db: Knex, env: ImportEnv): Promise<C>;
  register?(ctx: C, field: string): RegisterEntry[];
  /** Creates a new record of a register field (inside the import's transaction, with its audit entry); answers its id. */
  createValue?(trx: Knex.Transaction, field: string, name: string, option: string, audit: Audit): Promise<number>;
  example: Array<Record<string, Cell>>;
  /** Headers of the template's further columns (read by columnKey), their cells in `example` under the same names. */
  exampleColumns?: string[];
  /**
   * A column no field is mapped to that the target reads by its header (each session date
   * of an attendance sheet): the key its cells go under in RawRow and in the row errors
   * (reported with that header), or null to leave the column out.
   */
  columnKey?(header: string): string | null;
  parseRow(raw: RawRow, ctx: C, refs: Refs): { values: V } | { errors: FieldErrors };
  write(
    trx: Knex.Transaction,
    rows: ReadonlyArray<ParsedRow<V>>,
    ctx: C,
    audit: Audit,
    mode: ImportMode,
    progress: (done: number) => void,
  ): Promise<{ created: number; updated: number }>;
}

export interface ImportFieldDef {
  key: string;
  labelKey: string;
  required: boolean;
  synonyms: string[];
  /**
   * Not mapped to a column: the field's values are the cells of the columns read by their
   * header (columnKey: an attendance sheet's marks), each matched against its register and
   * passed to parseRow in `refs` under its column's key. EVERY distinct value is listed in
   * the report once, the ones matched too (with `matched`: what they were read as), for the
   * clerk to confirm or change; a choice of the clerk's goes before the match.
   */
  fromColumns?: boolean;
  register?: {
    /** Texts that mean "no record" (the central warehouse). */
    none?: string[];
    /** A value may stand for the one record whose name begins with it ("Cajón" → "Cajón peruano"). */
    prefix?: boolean;
    /** Unknown values may be created with the import: the options to choose for each (i18n label keys). */
    create?: Array<{ value: string; labelKey: string }>;
  };
}

/**
 * An import target's fields, one a line in the order the template shows them:
 * `key: 'its label (an i18n key) | the headers clerks give its column, ", " between them'`,
 * then ` | opcional` for a field a row may leave empty and ` | registro` for one read against
 * a register. `more` adds to a field what its line does not say (a register's options).
 */
export function importFields(table: Record<string, string>, more: Record<string, Partial<ImportFieldDef>> = {}): ImportFieldDef[] {
  return Object.entries(table).map(([key, line]) => {
    const [labelKey = '', synonyms = '', ...flags] = line.split(' | ');
    if (labelKey === '' || flags.some((flag) => flag !== 'opcional' && flag !== 'registro'))
      throw new Error(`import field ${key}: ${line}`);
    return {
      key,
      labelKey,
      required: !flags.includes('opcional'),
      synonyms: synonyms === '' ? [] : synonyms.split(', '),
      ...(flags.includes('registro') ? { register: {} } : {}),
      ...more[key],
    };
  });
}

/** Field key → its cell (undefined: the field is not mapped; null: the cell is empty). */
export type RawRow = Record<string, Cell | undefined>;
/** A register field's value: its record, none, or a value listed as unknown. */
export type Ref = { id: number } | { unknown: string } | null;
/** Register field key → its value (undefined: the field is not mapped). */
export type Refs = Record<string, Ref | undefined>;
/** Field key → what is wrong with it ('' for the whole row). */
export type FieldErrors = Record<string, MessageRef>;
export interface ImportEnv {
  actor: Actor;
  /** The user's language, for texts a target composes itself (lists of rows). */
  locale: Locale;
  /** The import's time, UTC ISO: every row it writes carries the same one. */
  now: string;
  /** The establishments the user works with (null: all). */
  scope: number[] | null;
  /** The folder of the photos the rows name (import.chooseFolder), or null. */
  folder: string | null;
  /** Where attachments' contents are stored (a target that stores photos). */
  attachments: AttachmentStore;
}
/** One row that parsed: its spreadsheet row number and its values. */
export interface ParsedRow<V> {
  row: number;
  values: V;
}
/** A record already registered: its id and (for a target with a scopeField) the establishments it is in. */
export interface ExistingRecord {
  id: number;
  establishments?: Array<number | null>;
}

export type AnyImportTarget = ImportTarget<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
