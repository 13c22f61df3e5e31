import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { ExportFormat, ExportResult } from '../../../shared/ipc';
import { hasPermission, requirePermission } from '../auth/access';
import { saveExport, tableBytes, type Column } from '../export/table';
import type { HandlerContext, Session } from '../ipc/context';
import { insertPersonalDataExport } from './repository';

/**
 * Personal data: participants (persons deprived of liberty) are the most sensitive data in
 * the app. Their names and codes are for the roles holding the 'personalData' permission
 * (administrador, programas: shared/auth/permissions.ts), and every file that carries them
 * out of the app is logged with who, when, what and why (personal_data_exports, append-only).
 *
 * How a module uses it:
 *  - a handler that shows names: `canSeePersonalData(ctx.session)` to show or mask them,
 *    or `requirePermission(ctx, 'personalData')` (auth/access.ts) to refuse the call;
 *  - an export with names: add `reason: PersonalDataReason` (shared/auth/schemas.ts) to its
 *    input schema, and write it with `exportTableWithReason` (a table) or `exportWithReason`
 *    (any bytes: a PDF, a certificate); the renderer asks for the reason with
 *    `askPersonalDataReason()` (renderer/src/features/privacy/PersonalDataReason.tsx).
 */

export const canSeePersonalData = (session: Session): boolean => hasPermission(session, 'personalData');

export interface PersonalDataExportRecord {
  /** What left the app, in words an auditor reads ("Participantes del E.P. Lurigancho"). */
  what: string;
  reason: string;
  /** How many records (people) the file holds. */
  rows: number;
  /** The file written. */
  path: string;
}

/** Appends one entry to the log of exports with personal data. */
export async function recordPersonalDataExport(
  db: Knex,
  session: Session,
  channel: string,
  at: string,
  rec: PersonalDataExportRecord,
): Promise<void> {
  await insertPersonalDataExport(db, {
    at,
    userId: session.actor.id,
    userName: session.actor.name,
    channel,
    what: rec.what.slice(0, 200),
    reason: rec.reason,
    rows: rec.rows,
    fileName: path.basename(rec.path).slice(0, 255),
  });
}

/**
 * An export that carries personal data: only for a role holding 'personalData'; asks where
 * (save dialog), writes the file, and logs who, when, what and why. When the log cannot be
 * written the file is removed again: no file with personal data leaves unlogged.
 * `anyRole`: the file is open to roles without the permission because the caller masked
 * the participants' names for them (the instrument register's custodians); it is still
 * logged with its reason.
 */
export async function exportWithReason(
  ctx: HandlerContext,
  opts: {
    reason: string;
    what: string;
    baseName: string;
    extension: 'xlsx' | 'csv' | 'pdf';
    rows: number;
    build: () => Promise<Buffer>;
    anyRole?: boolean;
  },
): Promise<ExportResult> {
  if (!opts.anyRole) requirePermission(ctx, 'personalData');
  const saved = await saveExport(ctx, opts);
  if (saved.status !== 'saved') return saved;
  try {
    await recordPersonalDataExport(ctx.db, ctx.session, ctx.channel, ctx.now, {
      what: opts.what,
      reason: opts.reason,
      rows: opts.rows,
      path: saved.path,
    });
  } catch (err) {
    fs.rmSync(saved.path, { force: true });
    ctx.session.writtenFiles.delete(path.resolve(saved.path));
    throw err;
  }
  return saved;
}

/** exportTable (export/table.ts) for a list with personal data: the same XLSX/CSV, logged with its reason. */
export function exportTableWithReason<T>(
  ctx: HandlerContext,
  opts: {
    reason: string;
    what: string;
    baseName: string;
    sheetName: string;
    format: ExportFormat;
    columns: Column<T>[];
    rows: T[];
    anyRole?: boolean;
  },
): Promise<ExportResult> {
  return exportWithReason(ctx, {
    anyRole: opts.anyRole,
    reason: opts.reason,
    what: opts.what,
    baseName: opts.baseName,
    extension: opts.format,
    rows: opts.rows.length,
    build: () => tableBytes(opts.format, opts.sheetName, opts.columns, opts.rows),
  });
}
