import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { formatDate, normalizeText, parseDateInput, type Locale } from '../../../shared/format';
import {
  MAX_IMPORT_BYTES,
  MAX_REPORTED_ERRORS,
  type ImportInspection,
  type ImportMapping,
  type ImportMode,
  type ImportReport,
  type ImportResult,
  type ImportRowError,
  type ImportTarget as ImportTargetName,
} from '../../../shared/import/schemas';
import type { MessageRef } from '../../../shared/validation';
import { getSetting, setSetting } from '../app/settings';
import { translator, type Translate } from '../i18n';
import { runAuditedWrite, type Audit } from '../ipc/audited-write';
import type { HandlerContext, Session } from '../ipc/dispatcher';
import { AppError } from '../ipc/errors';
import { JobFailure, type JobControl } from '../jobs/jobs';
import { columnLetter, readTable, type Cell, type SheetRow } from './read';

export type { Cell } from './read';

/**
 * The generic spreadsheet import. A file is read once (import.inspect) and kept in memory
 * under an uploadId; the clerk maps its columns to a target's fields; a dry run
 * (import.dryRun) validates every row and writes nothing; the import (import.run)
 * validates again and writes every row in ONE transaction with one audit entry per record,
 * or nothing at all when any row has an error. Both run as jobs (progress, cancel).
 *
 * ─── Writing a target ────────────────────────────────────────────────────────────────────
 * A target is what the rows become (establishments, instruments…): an object of this shape
 * in electron/main/import/targets/<name>.ts, listed in targets/index.ts, its name in
 * shared/import/schemas.ts (importTargets).
 *
 *   entity      the target's name; the mapping last used is remembered in the settings
 *               table under `import.mapping.<entity>`.
 *   fields      the columns it understands, in the order the wizard shows them:
 *               { key, labelKey (an i18n key: its Spanish and English texts are matched
 *               against the headers), required, synonyms (other headers clerks use) }.
 *   prepare     loads once what parsing needs (lookup tables of references) and keeps
 *               env.actor / env.now for `write`.
 *   parseRow    one row → its values, or its errors by field key (i18n MessageRefs).
 *               `raw[key]` is undefined when the field is not mapped, null when its cell
 *               is empty; a cell is text, a number, a boolean or a Date.
 *               Pure: no database.
 *   checkBatch  the rows that parsed, all together: errors that need the whole file or
 *               the database (a code repeated in the file, a code that already exists in
 *               'create' mode, an unknown reference); answers one RowCheck per row, in
 *               order, saying whether the row would create or update.
 *   write       writes every row (all valid) inside `trx`, calling `audit` once per
 *               record created or updated and `progress(done)` after each row (it may
 *               throw when the job is cancelled: let it propagate, the transaction then
 *               rolls back). Reuse the domain's repository, never a second copy of its SQL.
 */
export interface ImportTarget<V = unknown, C = unknown> {
  entity: string;
  fields: ImportFieldDef[];
  prepare(db: Knex, env: ImportEnv): Promise<C>;
  parseRow(raw: RawRow, ctx: C): { values: V } | { errors: FieldErrors };
  checkBatch(rows: ReadonlyArray<ParsedRow<V>>, db: Knex, ctx: C, mode: ImportMode): Promise<RowCheck[]>;
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
}

/** Field key → its cell (undefined: the field is not mapped; null: the cell is empty). */
export type RawRow = Record<string, Cell | undefined>;
/** Field key → what is wrong with it ('' for the whole row). */
export type FieldErrors = Record<string, MessageRef>;
export interface ImportEnv {
  actor: Actor;
  /** The user's language, for texts a target composes itself (lists of rows). */
  locale: Locale;
  /** The import's time, UTC ISO: every row it writes carries the same one. */
  now: string;
}
/** One row that parsed: its spreadsheet row number and its values. */
export interface ParsedRow<V> {
  row: number;
  values: V;
}
export interface RowCheck {
  action: 'create' | 'update';
  errors?: FieldErrors;
}

export type AnyImportTarget = ImportTarget<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// ─── Uploads ──────────────────────────────────────────────────────────────────────────────

interface Upload {
  id: string;
  target: ImportTargetName;
  fileName: string;
  headers: string[];
  rows: SheetRow[];
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

const mappingKey = (target: AnyImportTarget) => `import.mapping.${target.entity}`;

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

/** Field key → column index, after checking the mapping against the target and the file. */
function resolveMapping(target: AnyImportTarget, upload: Upload, mapping: ImportMapping): Map<string, number> {
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
    const index = upload.headers.indexOf(header);
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

interface Validated {
  report: ImportReport;
  rows: ParsedRow<unknown>[];
  ctx: unknown;
}

async function validateAll(
  db: Knex,
  target: AnyImportTarget,
  upload: Upload,
  columns: Map<string, number>,
  mode: ImportMode,
  env: ImportEnv,
  t: Translate,
  job: JobControl,
): Promise<Validated> {
  const ctx: unknown = await target.prepare(db, env);
  const total = upload.rows.length;
  const tick = ticker(job, 'validate', total);
  const rawRows: RawRow[] = [];
  const errorsByIndex = new Map<number, FieldErrors>();
  const parsed: Array<{ index: number; row: ParsedRow<unknown> }> = [];

  upload.rows.forEach((sheetRow, index) => {
    const raw: RawRow = {};
    for (const [key, col] of columns) raw[key] = sheetRow.cells[col] ?? null;
    rawRows.push(raw);
    const r = target.parseRow(raw, ctx);
    if ('errors' in r) errorsByIndex.set(index, r.errors);
    else parsed.push({ index, row: { row: sheetRow.row, values: r.values } });
    tick(index + 1);
  });

  const checks = await target.checkBatch(
    parsed.map((p) => p.row),
    db,
    ctx,
    mode,
  );
  job.signal.throwIfAborted();
  let toCreate = 0;
  let toUpdate = 0;
  const valid: ParsedRow<unknown>[] = [];
  parsed.forEach((p, i) => {
    const check = checks[i] ?? { action: 'create' as const };
    if (check.errors && Object.keys(check.errors).length > 0) errorsByIndex.set(p.index, check.errors);
    else {
      valid.push(p.row);
      if (check.action === 'update') toUpdate++;
      else toCreate++;
    }
  });

  const headerOf = new Map([...columns].map(([key, col]) => [key, upload.headers[col] ?? '']));
  const order = new Map(target.fields.map((f, i) => [f.key, i]));
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  for (const index of [...errorsByIndex.keys()].sort((a, b) => a - b)) {
    const fieldErrors = Object.entries(errorsByIndex.get(index)!).sort(
      ([a], [b]) => (order.get(a) ?? -1) - (order.get(b) ?? -1),
    );
    for (const [field, ref] of fieldErrors) {
      errorCount++;
      if (errors.length >= MAX_REPORTED_ERRORS) continue;
      errors.push({
        row: upload.rows[index]!.row,
        field,
        column: headerOf.get(field) ?? '',
        value: cellText(rawRows[index]![field], t),
        message: t(ref.key, ref.params ?? {}),
      });
    }
  }
  const report: ImportReport = {
    mode,
    total,
    valid: valid.length,
    invalid: errorsByIndex.size,
    toCreate,
    toUpdate,
    errors,
    errorCount,
  };
  return { report, rows: valid, ctx };
}

// ─── The channels' work ───────────────────────────────────────────────────────────────────

/** import.inspect: read the file, keep it, suggest a mapping. */
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
  const table = await readTable(bytes, fileName, (i) => ctx.t('import.blankColumn', { letter: columnLetter(i) }));
  if (table.rows.length === 0) throw new AppError('validation', 'import.errors.noRows');

  const upload: Upload = { id: randomUUID(), target: targetName, fileName, headers: table.headers, rows: table.rows };
  const uploads = uploadsOf(ctx.session);
  uploads.set(upload.id, upload);
  for (const old of [...uploads.keys()].slice(0, Math.max(0, uploads.size - MAX_UPLOADS))) uploads.delete(old);

  return {
    uploadId: upload.id,
    fileName,
    target: targetName,
    headers: table.headers,
    sampleRows: table.rows.slice(0, 5).map((r) => r.cells.map((c) => cellText(c, ctx.t))),
    rowCount: table.rows.length,
    fields: target.fields.map((f) => ({ key: f.key, label: ctx.t(f.labelKey), required: f.required })),
    suggestedMapping: suggestMapping(target, table.headers),
    savedMapping: await savedMapping(ctx.db, target),
  };
}

/**
 * import.dryRun (write = false) and import.run (write = true): checks the mapping at once
 * (a wrong one is refused as the channel's validation error), then starts the job.
 */
export function startImportJob(
  ctx: HandlerContext,
  targets: Record<ImportTargetName, AnyImportTarget>,
  input: { uploadId: string; mapping: ImportMapping; mode: ImportMode },
  write: boolean,
): string {
  const upload = getUpload(ctx.session, input.uploadId);
  const target = targets[upload.target];
  const columns = resolveMapping(target, upload, input.mapping);
  const { db, session } = ctx;
  const channel = write ? 'import.run' : 'import.dryRun';

  return ctx.jobs.start(channel, async (job) => {
    const t = translator(session.locale);
    const env: ImportEnv = { actor: session.actor, locale: session.locale, now: new Date().toISOString() };
    if (!write) return (await validateAll(db, target, upload, columns, input.mode, env, t, job)).report;

    return runAuditedWrite(
      db,
      session,
      channel,
      async (trx, audit): Promise<ImportResult> => {
        const v = await validateAll(trx, target, upload, columns, input.mode, env, t, job);
        if (v.report.invalid > 0) {
          throw new JobFailure(new AppError('validation', 'import.errors.rowsInvalid', { count: v.report.invalid }), v.report);
        }
        const tick = ticker(job, 'write', v.rows.length);
        const { created, updated } = await target.write(trx, v.rows, v.ctx, audit, input.mode, tick);
        const used = Object.fromEntries([...columns].map(([key, col]) => [key, upload.headers[col] ?? null]));
        await setSetting(trx, mappingKey(target), JSON.stringify(used));
        job.signal.throwIfAborted();
        return { total: v.rows.length, created, updated };
      },
      env.now,
    );
  });
}
