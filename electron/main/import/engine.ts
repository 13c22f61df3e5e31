import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { formatDate, normalizeText, parseDateInput, type Locale } from '../../../shared/format';
import {
  ImportValueChoice,
  MAX_IMPORT_BYTES,
  MAX_REPORTED_ERRORS,
  type ImportInspection,
  type ImportMapping,
  type ImportMode,
  type ImportReport,
  type ImportResult,
  type ImportRowError,
  type ImportSkippedRow,
  type ImportTable,
  type ImportTarget as ImportTargetName,
  type ImportUnknownValue,
  type ImportValueMapping,
} from '../../../shared/import/schemas';
import type { MessageRef } from '../../../shared/validation';
import { getSetting, setSetting } from '../app/settings';
import { establishmentScope } from '../auth/access';
import { translator, type Translate } from '../i18n';
import { runAuditedWrite, type Audit } from '../ipc/audited-write';
import type { HandlerContext, Session } from '../ipc/context';
import { AppError } from '../ipc/errors';
import { JobFailure, type JobControl } from '../jobs/jobs';
import { cellString, columnLetter, plainHeaderIndex, readSheet, tableAt, type Cell, type Sheet, type SheetRow } from './read';
import { findInRegister, registerIndex, registerKey, suggestFromRegister, type RegisterEntry, type RegisterIndex } from './values';

export type { Cell } from './read';
export type { RegisterEntry } from './values';

/**
 * The generic spreadsheet import. A file is read once (import.inspect) and kept in memory
 * under an uploadId; the engine finds its header row (the one of its first rows that best
 * matches the target's fields: a merged title above the table is passed over; the clerk
 * may choose another); the clerk maps its columns to a target's fields; a dry run
 * (import.dryRun) runs every check on every row and writes nothing; the import
 * (import.run) validates again and writes every row in ONE transaction with one audit
 * entry per record, or nothing at all when any row has an error. Both run as jobs
 * (progress, cancel). Totals rows are passed over with a note, as blank rows are.
 *
 * ─── Writing a target ────────────────────────────────────────────────────────────────────
 * A target is what the rows become (establishments, instruments…): an object of this shape
 * in electron/main/import/targets/<name>.ts, listed in targets/index.ts, its name in
 * shared/import/schemas.ts (importTargets).
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
  };
  scopeField?: string;
  prepare(db: Knex, env: ImportEnv): Promise<C>;
  register?(ctx: C, field: string): RegisterEntry[];
  /** Creates a new record of a register field (inside the import's transaction, with its audit entry); answers its id. */
  createValue?(trx: Knex.Transaction, field: string, name: string, option: string, audit: Audit): Promise<number>;
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
  register?: {
    /** Texts that mean "no record" (the central warehouse). */
    none?: string[];
    /** A value may stand for the one record whose name begins with it ("Cajón" → "Cajón peruano"). */
    prefix?: boolean;
    /** Unknown values may be created with the import: the options to choose for each (i18n label keys). */
    create?: Array<{ value: string; labelKey: string }>;
  };
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

// ─── Uploads ──────────────────────────────────────────────────────────────────────────────

interface Upload {
  id: string;
  target: ImportTargetName;
  fileName: string;
  sheet: Sheet;
  /** The header row detected (its Excel row number). */
  headerRow: number;
}

/** Uploads belong to the session that made them; a few are kept, the oldest dropped first. */
const MAX_UPLOADS = 5;
const uploadsBySession = new WeakMap<Session, Map<string, Upload>>();

function uploadsOf(session: Session): Map<string, Upload> {
  let m = uploadsBySession.get(session);
  if (!m) uploadsBySession.set(session, (m = new Map()));
  return m;
}

function getUpload(session: Session, id: string): Upload {
  const u = uploadsOf(session).get(id);
  if (!u) throw new AppError('not_found', 'import.errors.uploadGone');
  return u;
}

/** The target an upload was inspected for (the permission check of import.dryRun and import.run). */
export const uploadTarget = (session: Session, id: string): ImportTargetName => getUpload(session, id).target;

// ─── Matching headers to fields ───────────────────────────────────────────────────────────

/** Lower case, no accents, punctuation as spaces: "Cód. del E.P." → "cod del e p". */
export const matchKey = (s: string) =>
  normalizeText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const labelTranslators = [translator('es-PE'), translator('en')];

/** Each field → the first header equal to its label (Spanish or English), key or a synonym, ignoring case and accents. */
export function suggestMapping(target: AnyImportTarget, headers: string[]): Record<string, string | null> {
  const free = new Map(headers.map((h) => [matchKey(h), h] as const));
  const out: Record<string, string | null> = {};
  for (const f of target.fields) {
    const names = [...labelTranslators.map((t) => t(f.labelKey)), f.key, ...f.synonyms].map(matchKey);
    const hit = names.map((n) => free.get(n)).find((h) => h !== undefined) ?? null;
    out[f.key] = hit;
    if (hit !== null) free.delete(matchKey(hit));
  }
  return out;
}

/** How many of the first rows are offered as the header row. */
const HEADER_CHOICES = 10;

/**
 * The header row: among the first rows, the one whose cells name the most fields (by their
 * labels and synonyms), the earliest on a tie; when no row names any, the first row with
 * two different filled cells. Answers its index among the sheet's non-empty rows.
 */
export function detectHeaderIndex(target: AnyImportTarget, sheet: Sheet): number {
  let best = -1;
  let bestScore = 0;
  sheet.lines.slice(0, HEADER_CHOICES).forEach((line, i) => {
    const cells = line.cells.map((c) => (c === null ? '' : cellString(c))).filter((c) => c !== '');
    const score = Object.values(suggestMapping(target, [...new Set(cells)])).filter((h) => h !== null).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best >= 0 ? best : plainHeaderIndex(sheet);
}

const mappingKey = (target: AnyImportTarget) => `import.mapping.${target.entity}`;
const valuesKey = (target: AnyImportTarget) => `import.values.${target.entity}`;

async function savedMapping(db: Knex, target: AnyImportTarget): Promise<Record<string, string | null> | null> {
  const raw = await getSetting(db, mappingKey(target));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    const fields = new Set(target.fields.map((f) => f.key));
    return Object.fromEntries(
      Object.entries(v).filter(([k, h]) => fields.has(k) && (typeof h === 'string' || h === null)),
    ) as Record<string, string | null>;
  } catch {
    return null;
  }
}

/** The value mapping last used for this target: only register fields, only well-formed choices. */
async function savedValues(db: Knex, target: AnyImportTarget): Promise<ImportValueMapping | null> {
  const raw = await getSetting(db, valuesKey(target));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    const fields = new Set(target.fields.filter((f) => f.register).map((f) => f.key));
    const out: ImportValueMapping = {};
    for (const [field, choices] of Object.entries(v as Record<string, unknown>)) {
      if (!fields.has(field) || typeof choices !== 'object' || choices === null) continue;
      for (const [key, choice] of Object.entries(choices as Record<string, unknown>)) {
        const c = ImportValueChoice.safeParse(choice);
        if (c.success && 'id' in c.data) (out[field] ??= {})[key] = c.data;
      }
    }
    return out;
  } catch {
    return null;
  }
}

/** Field key → column index, after checking the mapping against the target and the file. */
function resolveMapping(target: AnyImportTarget, headers: string[], mapping: ImportMapping): Map<string, number> {
  const fields = new Map(target.fields.map((f) => [f.key, f]));
  const errors: FieldErrors = {};
  const columns = new Map<string, number>();
  const used = new Map<string, string>();
  for (const [key, header] of Object.entries(mapping)) {
    if (!fields.has(key)) {
      errors[`mapping.${key}`] = { key: 'errors.unexpectedField' };
      continue;
    }
    if (header === null || header === '') continue;
    const index = headers.indexOf(header);
    if (index < 0) errors[`mapping.${key}`] = { key: 'import.errors.noSuchColumn', params: { column: header } };
    else if (used.has(header)) errors[`mapping.${key}`] = { key: 'import.errors.columnTwice', params: { column: header } };
    else {
      used.set(header, key);
      columns.set(key, index);
    }
  }
  for (const f of target.fields) {
    if (f.required && !columns.has(f.key)) errors[`mapping.${f.key}`] ??= { key: 'import.errors.mapRequired' };
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation', 'errors.validation', {}, errors);
  return columns;
}

/** The value mapping checked against the target: only its register fields; "create" only where allowed, with one of its options. */
function resolveValues(target: AnyImportTarget, values: ImportValueMapping | undefined): ImportValueMapping {
  const errors: FieldErrors = {};
  const fields = new Map(target.fields.map((f) => [f.key, f]));
  for (const [field, choices] of Object.entries(values ?? {})) {
    const f = fields.get(field);
    if (!f?.register) {
      errors[`values.${field}`] = { key: 'errors.unexpectedField' };
      continue;
    }
    const options = new Set((f.register.create ?? []).map((o) => o.value));
    for (const [key, choice] of Object.entries(choices)) {
      if ('create' in choice && !options.has(choice.create)) errors[`values.${field}.${key}`] = { key: 'errors.invalid' };
    }
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation', 'errors.validation', {}, errors);
  return values ?? {};
}

// ─── Tables ───────────────────────────────────────────────────────────────────────────────

/** The sheet read with this header row; totals rows set apart. */
function tableFor(upload: Upload, headerIndex: number, t: Translate) {
  const table = tableAt(upload.sheet, headerIndex, (i) => t('import.blankColumn', { letter: columnLetter(i) }));
  const skipped: ImportSkippedRow[] = table.rows
    .filter((r) => r.totals)
    .map((r) => ({ row: r.row, message: t('import.skippedTotals', { row: r.row }) }));
  return { headerRow: upload.sheet.lines[headerIndex]!.row, headers: table.headers, rows: table.rows.filter((r) => !r.totals), skipped };
}

function headerIndexOf(upload: Upload, headerRow: number | undefined): number {
  const row = headerRow ?? upload.headerRow;
  const i = upload.sheet.lines.findIndex((l) => l.row === row);
  if (i < 0 || i >= HEADER_CHOICES) {
    throw new AppError('validation', 'errors.validation', {}, { headerRow: { key: 'import.errors.noSuchHeaderRow', params: { row } } });
  }
  return i;
}

// ─── Validation ───────────────────────────────────────────────────────────────────────────

/** A cell as the clerk sees it: dates dd/mm/aaaa, booleans Sí/No. */
export function cellText(c: Cell | undefined, t: Translate): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return formatDate(parseDateInput(c)) || c.toISOString();
  if (typeof c === 'boolean') return t(c ? 'common.yes' : 'common.no');
  return String(c).trim();
}

const PROGRESS_EVERY = 200;

/** progress(done) for a phase: checks for a cancel every time, reports every ~200 rows. */
function ticker(job: JobControl, phase: string, total: number) {
  job.progress(0, total, phase);
  return (done: number) => {
    job.signal.throwIfAborted();
    if (done % PROGRESS_EVERY === 0 || done === total) job.progress(done, total, phase);
  };
}

/** How many rows of an unknown value the report names. */
const UNKNOWN_ROWS_SHOWN = 20;

interface Validated {
  report: ImportReport;
  rows: ParsedRow<unknown>[];
  ctx: unknown;
  /** The values to create before writing: field, key, name as written, option. */
  creates: Array<{ field: string; key: string; name: string; option: string }>;
}

async function validateAll(
  db: Knex,
  target: AnyImportTarget,
  table: { headerRow: number; headers: string[]; rows: SheetRow[]; skipped: ImportSkippedRow[] },
  columns: Map<string, number>,
  values: ImportValueMapping,
  mode: ImportMode,
  env: ImportEnv,
  t: Translate,
  job: JobControl,
): Promise<Validated> {
  const ctx: unknown = await target.prepare(db, env);
  const total = table.rows.length;
  const tick = ticker(job, 'validate', total);
  const scope = env.scope;

  // The registers of the mapped register fields.
  const registers = new Map<
    string,
    { def: NonNullable<ImportFieldDef['register']>; index: RegisterIndex; none: Set<string>; offered: RegisterIndex }
  >();
  for (const f of target.fields) {
    if (!f.register || !columns.has(f.key) || !target.register) continue;
    const entries = target.register(ctx, f.key);
    const index = registerIndex(entries, f.register.prefix);
    registers.set(f.key, {
      def: f.register,
      // Every record is recognised (a name outside the user's scope is refused as such)…
      index,
      none: new Set((f.register.none ?? []).map(registerKey)),
      // …but a restricted user is offered only their establishments.
      offered:
        f.key === target.scopeField && scope !== null ? registerIndex(entries.filter((e) => scope.includes(e.id)), f.register.prefix) : index,
    });
  }

  const rowErrors = new Map<number, Array<[string, MessageRef]>>();
  const addError = (index: number, field: string, ref: MessageRef) => {
    const list = rowErrors.get(index) ?? [];
    list.push([field, ref]);
    rowErrors.set(index, list);
  };
  const unknown = new Map<string, { field: string; key: string; value: string; rows: number[] }>();
  const creates = new Map<string, { field: string; key: string; name: string; option: string; count: number }>();
  const unknownRows = new Set<number>();
  const rawRows: RawRow[] = [];
  const refsOf: Refs[] = [];
  const parsed = new Map<number, ParsedRow<unknown>>();

  for (const [index, sheetRow] of table.rows.entries()) {
    // Every ~200 rows, let main answer what waits (the progress polls, Cancel): reading a
    // long sheet would otherwise hold the process until its last row.
    if (index > 0 && index % PROGRESS_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const raw: RawRow = {};
    for (const [key, col] of columns) raw[key] = sheetRow.cells[col] ?? null;
    rawRows.push(raw);

    const refs: Refs = {};
    for (const [field, reg] of registers) {
      const text = raw[field] === undefined ? '' : cellString(raw[field] ?? null);
      if (text === '') {
        refs[field] = null;
        continue;
      }
      const key = registerKey(text);
      if (reg.none.has(key)) {
        refs[field] = null;
        continue;
      }
      const found = findInRegister(reg.index, text);
      const choice = values[field]?.[key];
      if (found !== undefined) refs[field] = { id: found };
      else if (choice && 'id' in choice && reg.index.ids.has(choice.id)) refs[field] = { id: choice.id };
      else if (choice && 'create' in choice && reg.def.create) {
        const id = `${field}\u0000${key}`;
        const c = creates.get(id) ?? { field, key, name: text, option: choice.create, count: 0 };
        c.count++;
        creates.set(id, c);
        refs[field] = { unknown: key };
      } else {
        const id = `${field}\u0000${key}`;
        const u = unknown.get(id) ?? { field, key, value: text, rows: [] };
        u.rows.push(sheetRow.row);
        unknown.set(id, u);
        unknownRows.add(index);
        refs[field] = { unknown: key };
      }
    }
    refsOf.push(refs);

    const r = target.parseRow(raw, ctx, refs);
    if ('errors' in r) for (const [field, ref] of Object.entries(r.errors)) addError(index, field, ref);
    else parsed.set(index, { row: sheetRow.row, values: r.values });
    tick(index + 1);
  }

  // The key checks, on every row, whatever else is wrong with it.
  const keyField = target.key.field;
  const list = new Intl.ListFormat(env.locale === 'en' ? 'en' : 'es', { type: 'conjunction' });
  const keys = rawRows.map((raw) => {
    const k = raw[keyField] === undefined ? '' : cellString(raw[keyField] ?? null).toUpperCase();
    return k === '' ? null : k;
  });
  const rowsByKey = new Map<string, number[]>();
  keys.forEach((k, index) => {
    if (k !== null) rowsByKey.set(k, [...(rowsByKey.get(k) ?? []), table.rows[index]!.row]);
  });
  const existing = await target.key.existing(db, [...rowsByKey.keys()]);
  job.signal.throwIfAborted();

  let toCreate = 0;
  let toUpdate = 0;
  const valid: ParsedRow<unknown>[] = [];
  keys.forEach((k, index) => {
    const found = k === null ? undefined : existing.get(k);
    if (k !== null && rowsByKey.get(k)!.length > 1) {
      addError(index, keyField, { key: 'import.errors.duplicateInFile', params: { code: k, rows: list.format(rowsByKey.get(k)!.map(String)) } });
    }
    if (found && mode === 'create') addError(index, keyField, target.key.exists(k!));
    if (scope !== null && target.scopeField) {
      if (found && mode === 'upsert') {
        if (!(found.establishments ?? []).some((e) => e !== null && scope.includes(e))) {
          addError(index, keyField, { key: 'import.errors.recordOutOfScope', params: { code: k ?? '' } });
        }
      } else if (!found) {
        const ref = refsOf[index]![target.scopeField];
        if (ref === null || ref === undefined) addError(index, target.scopeField, { key: 'import.errors.noEstablishmentInScope' });
        else if ('id' in ref && !scope.includes(ref.id)) addError(index, target.scopeField, { key: 'import.errors.outOfScope' });
      }
    }
    const row = parsed.get(index);
    if (row && !rowErrors.has(index) && !unknownRows.has(index)) {
      valid.push(row);
      if (found) toUpdate++;
      else toCreate++;
    }
  });

  const headerOf = new Map([...columns].map(([key, col]) => [key, table.headers[col] ?? '']));
  const order = new Map(target.fields.map((f, i) => [f.key, i]));
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  for (const index of [...rowErrors.keys()].sort((a, b) => a - b)) {
    const fieldErrors = [...rowErrors.get(index)!].sort(([a], [b]) => (order.get(a) ?? -1) - (order.get(b) ?? -1));
    for (const [field, ref] of fieldErrors) {
      errorCount++;
      if (errors.length >= MAX_REPORTED_ERRORS) continue;
      errors.push({
        row: table.rows[index]!.row,
        field,
        column: headerOf.get(field) ?? '',
        value: cellText(rawRows[index]![field], t),
        message: t(ref.key, ref.params ?? {}),
      });
    }
  }
  const byFieldThenRow = (a: { field: string; rows: number[] }, b: { field: string; rows: number[] }) =>
    (order.get(a.field) ?? -1) - (order.get(b.field) ?? -1) || a.rows[0]! - b.rows[0]!;
  const unknownValues: ImportUnknownValue[] = [...unknown.values()].sort(byFieldThenRow).map((u) => ({
    field: u.field,
    column: headerOf.get(u.field) ?? '',
    value: u.value,
    key: u.key,
    count: u.rows.length,
    rows: u.rows.slice(0, UNKNOWN_ROWS_SHOWN),
    suggestions: suggestFromRegister(registers.get(u.field)!.offered, u.value).map((e) => ({ id: e.id, label: e.label })),
  }));
  const registersShown: Record<string, Array<{ id: number; label: string }>> = {};
  for (const field of new Set(unknownValues.map((u) => u.field))) {
    registersShown[field] = registers
      .get(field)!
      .offered.entries.map((e) => ({ id: e.id, label: e.label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'es'));
  }
  const invalid = new Set([...rowErrors.keys(), ...unknownRows]).size;
  const report: ImportReport = {
    mode,
    headerRow: table.headerRow,
    total,
    valid: valid.length,
    invalid,
    toCreate,
    toUpdate,
    errors,
    errorCount,
    errorRows: rowErrors.size,
    unknownValues,
    registers: registersShown,
    newValues: [...creates.values()].map((c) => ({ field: c.field, value: c.name, option: c.option, count: c.count })),
    skipped: table.skipped,
  };
  return { report, rows: valid, ctx, creates: [...creates.values()] };
}

// ─── The channels' work ───────────────────────────────────────────────────────────────────

const inspectTable = (target: AnyImportTarget, table: ReturnType<typeof tableFor>, t: Translate): ImportTable => ({
  headerRow: table.headerRow,
  headers: table.headers,
  sampleRows: table.rows.slice(0, 5).map((r) => r.cells.map((c) => cellText(c, t))),
  rowCount: table.rows.length,
  suggestedMapping: suggestMapping(target, table.headers),
  skipped: table.skipped,
});

/** import.inspect: read the file, keep it, find its header row, suggest a mapping. */
export async function inspectUpload(
  ctx: HandlerContext,
  target: AnyImportTarget,
  targetName: ImportTargetName,
  fileName: string,
  dataBase64: string,
): Promise<ImportInspection> {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError('validation', 'import.errors.tooLarge', {}, { dataBase64: { key: 'import.errors.tooLarge' } });
  }
  const sheet = await readSheet(bytes, fileName);
  const detected = detectHeaderIndex(target, sheet);
  const upload: Upload = { id: randomUUID(), target: targetName, fileName, sheet, headerRow: sheet.lines[detected]!.row };
  const table = tableFor(upload, detected, ctx.t);
  if (table.rows.length === 0) throw new AppError('validation', 'import.errors.noRows');

  const uploads = uploadsOf(ctx.session);
  uploads.set(upload.id, upload);
  for (const old of [...uploads.keys()].slice(0, Math.max(0, uploads.size - MAX_UPLOADS))) uploads.delete(old);

  const choices = sheet.lines.slice(0, HEADER_CHOICES).map((_, i) => inspectTable(target, i === detected ? table : tableFor(upload, i, ctx.t), ctx.t));
  return {
    ...inspectTable(target, table, ctx.t),
    uploadId: upload.id,
    fileName,
    target: targetName,
    fields: target.fields.map((f) => ({
      key: f.key,
      label: ctx.t(f.labelKey),
      required: f.required,
      register: !!f.register,
      createOptions: (f.register?.create ?? []).map((o) => ({ value: o.value, label: ctx.t(o.labelKey) })),
    })),
    headerChoices: choices,
    savedMapping: await savedMapping(ctx.db, target),
    savedValues: await savedValues(ctx.db, target),
  };
}

/**
 * import.dryRun (write = false) and import.run (write = true): checks the header row, the
 * mapping and the value mapping at once (a wrong one is refused as the channel's
 * validation error), then starts the job.
 */
export function startImportJob(
  ctx: HandlerContext,
  targets: Record<ImportTargetName, AnyImportTarget>,
  input: { uploadId: string; mapping: ImportMapping; mode: ImportMode; headerRow?: number; values?: ImportValueMapping },
  write: boolean,
): string {
  const upload = getUpload(ctx.session, input.uploadId);
  const target = targets[upload.target];
  const table = tableFor(upload, headerIndexOf(upload, input.headerRow), translator(ctx.session.locale));
  const columns = resolveMapping(target, table.headers, input.mapping);
  const values = resolveValues(target, input.values);
  const { db, session } = ctx;
  const channel = write ? 'import.run' : 'import.dryRun';

  return ctx.jobs.start(channel, async (job) => {
    const t = translator(session.locale);
    const env: ImportEnv = { actor: session.actor, locale: session.locale, now: new Date().toISOString(), scope: establishmentScope(session) };
    if (table.rows.length === 0) throw new AppError('validation', 'import.errors.noRows');
    if (!write) return (await validateAll(db, target, table, columns, values, input.mode, env, t, job)).report;

    return runAuditedWrite(
      db,
      session,
      channel,
      async (trx, audit): Promise<ImportResult> => {
        let v = await validateAll(trx, target, table, columns, values, input.mode, env, t, job);
        if (v.report.invalid > 0) {
          const count = v.report.invalid;
          throw new JobFailure(new AppError('validation', 'import.errors.rowsInvalid', { count }), v.report);
        }
        if (v.creates.length > 0) {
          // The values the clerk chose to create: created first, in this transaction; the
          // rows are then read again and find them in the register.
          for (const c of v.creates) await target.createValue!(trx, c.field, c.name, c.option, audit);
          v = await validateAll(trx, target, table, columns, values, input.mode, env, t, job);
          if (v.report.invalid > 0 || v.creates.length > 0) {
            throw new JobFailure(new AppError('validation', 'import.errors.rowsInvalid', { count: v.report.invalid }), v.report);
          }
        }
        const tick = ticker(job, 'write', v.rows.length);
        const { created, updated } = await target.write(trx, v.rows, v.ctx, audit, input.mode, tick);
        const used = Object.fromEntries([...columns].map(([key, col]) => [key, table.headers[col] ?? null]));
        await setSetting(trx, mappingKey(target), JSON.stringify(used));
        await setSetting(trx, valuesKey(target), JSON.stringify(mergeValues((await savedValues(trx, target)) ?? {}, values)));
        job.signal.throwIfAborted();
        return { total: v.rows.length, created, updated };
      },
      env.now,
    );
  });
}

/** The remembered value mapping with this import's choices of existing records over it. */
function mergeValues(saved: ImportValueMapping, used: ImportValueMapping): ImportValueMapping {
  const out: ImportValueMapping = structuredClone(saved);
  for (const [field, choices] of Object.entries(used)) {
    for (const [key, choice] of Object.entries(choices)) if ('id' in choice) (out[field] ??= {})[key] = choice;
  }
  return out;
}
