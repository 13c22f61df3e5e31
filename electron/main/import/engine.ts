import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  MAX_IMPORT_BYTES,
  type ImportInspection,
  type ImportFolderResult,
  type ImportMapping,
  type ImportMode,
  type ImportResult,
  type ImportSkippedRow,
  type ImportTable,
  type ImportTarget as ImportTargetName,
  type ImportValueMapping,
} from '../../../shared/import/schemas';
import { setSetting } from '../app/repository';
import { establishmentScope } from '../auth/access';
import { translator, type Translate } from '../i18n';
import { runAuditedWrite } from '../ipc/audited-write';
import type { HandlerContext, Session } from '../ipc/context';
import { AppError, fieldError } from '../ipc/errors';
import { JobFailure } from '../jobs/jobs';
import { columnLetter, readSheet, tableAt, type Sheet } from './read';
import {
  HEADER_CHOICES,
  detectHeaderIndex,
  mappingKey,
  mergeValues,
  resolveMapping,
  resolveValues,
  savedMapping,
  savedValues,
  suggestMapping,
  valuesKey,
} from './mapping';
import type { AnyImportTarget, ImportEnv } from './target';
import { cellText, ticker, validateAll } from './validate';

/** A target's shape (target.ts) and the header matching (mapping.ts), for the targets and their tests. */
export type * from './target';
export { matchKey, suggestMapping } from './mapping';

/**
 * The generic spreadsheet import. A file is read once (import.inspect) and kept in memory
 * under an uploadId; the engine finds its header row (the one of its first rows that best
 * matches the target's fields: a merged title above the table is passed over; the clerk
 * may choose another); the clerk maps its columns to a target's fields; a dry run
 * (import.dryRun) runs every check on every row and writes nothing; the import
 * (import.run) validates again and writes every row in ONE transaction with one audit
 * entry per record, or nothing at all when any row has an error. Both run as jobs
 * (progress, cancel). Totals rows are passed over with a note, as blank rows are.
 */

// ─── Uploads ──────────────────────────────────────────────────────────────────────────────

interface Upload {
  id: string;
  target: ImportTargetName;
  fileName: string;
  sheet: Sheet;
  /** The header row detected (its Excel row number). */
  headerRow: number;
  /** Register fields chosen before the file (ImportInspect.fixed): field → record id. */
  fixed: Record<string, number>;
  /** The photos' folder chosen in main's dialog (import.chooseFolder), for a target that matches files. */
  folder?: string;
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

// ─── Tables ───────────────────────────────────────────────────────────────────────────────

/** Runs of consecutive blank rows: one note each ("Filas 7 a 9: en blanco…"). */
function blankRuns(rows: number[], t: Translate): ImportSkippedRow[] {
  const out: ImportSkippedRow[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && rows[i - 1] === row - 1) return;
    let to = row;
    while (rows[i + to - row + 1] === to + 1) to++;
    out.push({ row, message: to === row ? t('import.skippedBlank', { row }) : t('import.skippedBlankRows', { from: row, to }) });
  });
  return out;
}

/** The sheet read with this header row; totals rows set apart, blank rows noted. */
function tableFor(upload: Upload, headerIndex: number, t: Translate) {
  const table = tableAt(upload.sheet, headerIndex, (i) => t('import.blankColumn', { letter: columnLetter(i) }));
  const skipped: ImportSkippedRow[] = table.rows
    .filter((r) => r.totals)
    .map((r) => ({ row: r.row, message: t('import.skippedTotals', { row: r.row }) }))
    .concat(blankRuns(table.blank, t))
    .sort((a, b) => a.row - b.row);
  return { headerRow: upload.sheet.lines[headerIndex]!.row, headers: table.headers, rows: table.rows.filter((r) => !r.totals), skipped };
}

function headerIndexOf(upload: Upload, headerRow: number | undefined): number {
  const row = headerRow ?? upload.headerRow;
  const i = upload.sheet.lines.findIndex((l) => l.row === row);
  if (i < 0 || i >= HEADER_CHOICES) {
    throw fieldError('headerRow', 'import.errors.noSuchHeaderRow', { row });
  }
  return i;
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
  fixed: Record<string, number> = {},
): Promise<ImportInspection> {
  for (const key of Object.keys(fixed)) {
    if (!target.fields.some((f) => f.key === key && f.register && !f.fromColumns)) {
      throw fieldError(`fixed.${key}`, 'errors.unexpectedField');
    }
  }
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError('validation', 'import.errors.tooLarge', {}, { dataBase64: { key: 'import.errors.tooLarge' } });
  }
  const sheet = await readSheet(bytes, fileName);
  const detected = detectHeaderIndex(target, sheet);
  const upload: Upload = { id: randomUUID(), target: targetName, fileName, sheet, headerRow: sheet.lines[detected]!.row, fixed };
  const table = tableFor(upload, detected, ctx.t);
  if (table.rows.length === 0) throw new AppError('validation', 'import.errors.noRows');

  const uploads = uploadsOf(ctx.session);
  uploads.set(upload.id, upload);
  for (const old of [...uploads.keys()].slice(0, Math.max(0, uploads.size - MAX_UPLOADS))) uploads.delete(old);

  const choices = sheet.lines
    .slice(0, HEADER_CHOICES)
    .map((_, i) => inspectTable(target, i === detected ? table : tableFor(upload, i, ctx.t), ctx.t));
  return {
    ...inspectTable(target, table, ctx.t),
    uploadId: upload.id,
    fileName,
    target: targetName,
    fields: target.fields
      .filter((f) => !(f.key in fixed) && !f.fromColumns)
      .map((f) => ({
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
  const mapping = Object.fromEntries(Object.entries(input.mapping).filter(([key]) => !(key in upload.fixed)));
  const columns = resolveMapping(target, table.headers, mapping, upload.fixed);
  const values = resolveValues(target, input.values);
  const { db, session } = ctx;
  const channel = write ? 'import.run' : 'import.dryRun';

  return ctx.jobs.start(channel, async (job) => {
    const t = translator(session.locale);
    const env: ImportEnv = {
      actor: session.actor,
      locale: session.locale,
      now: new Date().toISOString(),
      scope: establishmentScope(session),
      folder: upload.folder ?? null,
      attachments: ctx.attachments,
    };
    if (table.rows.length === 0) throw new AppError('validation', 'import.errors.noRows');
    if (!write) return (await validateAll(db, target, table, columns, values, input.mode, env, t, job, upload.fixed)).report;

    return runAuditedWrite(
      db,
      session,
      channel,
      async (trx, audit): Promise<ImportResult> => {
        let v = await validateAll(trx, target, table, columns, values, input.mode, env, t, job, upload.fixed);
        if (v.report.invalid > 0) {
          const count = v.report.invalid;
          throw new JobFailure(new AppError('validation', 'import.errors.rowsInvalid', { count }), v.report);
        }
        if (v.creates.length > 0) {
          // The values the clerk chose to create: created first, in this transaction; the
          // rows are then read again and find them in the register.
          for (const c of v.creates) await target.createValue!(trx, c.field, c.name, c.option, audit);
          v = await validateAll(trx, target, table, columns, values, input.mode, env, t, job, upload.fixed);
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

/** import.chooseFolder: main's dialog; the folder is kept on the upload, never named by the renderer. */
export async function chooseImportFolder(ctx: HandlerContext, uploadId: string): Promise<ImportFolderResult> {
  const upload = getUpload(ctx.session, uploadId);
  if (!ctx.platform.chooseFolder) throw new AppError('forbidden', 'import.errors.noFolderDialog');
  const folder = await ctx.platform.chooseFolder({ purpose: 'photos', title: ctx.t('import.folder.dialogTitle') });
  if (folder === null) return { status: 'cancelled' };
  const files = (await fs.promises.readdir(folder, { withFileTypes: true })).filter((f) => f.isFile()).length;
  upload.folder = folder;
  return { status: 'chosen', folder: path.basename(folder), files };
}
