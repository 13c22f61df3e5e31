import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { appendAudit } from '../audit/audit';
import { createServerKnex, type ServerConfig } from '../db/connection';
import { resetSequences } from '../db/dialect';
import { inspectServerSchema, startServerDatabase } from '../db/server';
import { sha256, type AttachmentStore } from '../files/store';
import { withoutCapture } from '../sites/capture';

/**
 * "Llevar mis datos al servidor" (issue 8): the one-time copy of this PC's SQLite data into
 * an EMPTY database of the office's server. The server is migrated first (the same
 * migrations, under the migration lock); then every row of every table goes over in ONE
 * transaction, and before it commits each table is checked on both sides — the same number
 * of rows and the same SHA-256 of its rows — so that a copy that does not match leaves the
 * server as empty as it found it. The attachments' contents go too, from this PC's folder into
 * the server's attachment_blobs (files/store.ts), each checked by the server against its
 * SHA-256; a file missing from this PC's folder is counted and named in the report.
 */
export interface CopyTable {
  name: string;
  rows: number;
  /** SHA-256 of the table's rows (order-independent), equal on both sides. */
  sha256: string;
}

export type CopyOutcome =
  | { ok: true; tables: CopyTable[]; totalRows: number; files: { copied: number; missing: number } }
  | { ok: false; problem: 'notEmpty' | 'alreadyServer' | 'mismatch'; detail: string };

const BATCH_ROWS = 400;

/** The copy's own tables and SQLite's bookkeeping are not data. */
/** The server's attachment contents: filled from this PC's attachment folder, not from a table. */
const BLOBS = 'attachment_blobs';

const skipped = (t: string) => t.startsWith('knex_migrations') || t.startsWith('sqlite_') || t === BLOBS;

/** Roll-ups the server's triggers fill as the marks go over (migration 0025): not inserted, but checked like every table. */
const DERIVED = new Set(['attendance_monthly', 'attendance_workshop_monthly', 'attendance_month_people']);

/** One row as canonical JSON: booleans as true/false whichever side stored them, keys in order. */
function canonicalRow(row: Record<string, unknown>, booleans: Set<string>): string {
  const keys = Object.keys(row).sort();
  return JSON.stringify(
    keys.map((k) => {
      const v = row[k];
      if (v === null || v === undefined) return null;
      if (booleans.has(k)) return v === true || v === 1 || v === '1';
      if (Buffer.isBuffer(v)) return v.toString('base64');
      return v;
    }),
  );
}

/** SHA-256 over the sorted hashes of the rows: the same rows give the same value on SQLite and PostgreSQL. */
function tableHash(rows: Array<Record<string, unknown>>, booleans: Set<string>): string {
  const each = rows.map((r) => sha256(canonicalRow(r, booleans))).sort();
  return sha256(each.join('\n'));
}

/** The server's tables in an order where every table comes after those it references. */
async function dependencyOrder(db: Knex, tables: string[]): Promise<string[]> {
  const edges = (await db.raw(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  )) as { rows: Array<{ child: string; parent: string }> };
  const strip = (s: string) => s.replace(/^"|"$/g, '');
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges.rows) if (strip(e.child) !== strip(e.parent)) parents.get(strip(e.child))?.add(strip(e.parent));
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const p of parents.get(t) ?? []) visit(p);
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t);
  return out.filter((t) => tables.includes(t));
}

async function serverColumns(db: Knex, table: string): Promise<Map<string, string>> {
  const rows = (await db('information_schema.columns')
    .where({ table_schema: db.raw('current_schema()'), table_name: table })
    .select('column_name', 'data_type')) as Array<{ column_name: string; data_type: string }>;
  return new Map(rows.map((r) => [r.column_name, r.data_type]));
}

/** A migrated database nobody has worked in: no account, no audit entry. */
async function neverUsed(db: Knex): Promise<boolean> {
  for (const t of ['users', 'audit_log']) {
    if (!(await db.schema.hasTable(t))) continue;
    if (await db(t).first()) return false;
  }
  return true;
}

/**
 * Every attachment of this PC into the server's attachment_blobs, inside the copy's
 * transaction; the server computes each content's SHA-256 and it must be the name it is
 * stored under. A content missing (or damaged) on this PC is not copied and is counted.
 */
async function copyAttachments(source: Knex, files: AttachmentStore, trx: Knex): Promise<{ entry: CopyTable; missing: number }> {
  const rows = (await source('attachments').orderBy('hash').select('hash', 'mime')) as Array<{ hash: string; mime: string }>;
  const copied: string[] = [];
  let missing = 0;
  for (const { hash, mime } of rows) {
    const content = await files.read(hash, mime);
    if (!content || sha256(content) !== hash) {
      missing++;
      continue;
    }
    await trx(BLOBS).insert({ hash, content, thumbnail: await files.thumbnail(hash) });
    copied.push(hash);
  }
  const checked = (await trx.raw(`SELECT hash FROM ${BLOBS} WHERE encode(sha256(content), 'hex') = hash ORDER BY hash`)) as {
    rows: Array<{ hash: string }>;
  };
  const there = checked.rows.map((r) => r.hash);
  if (there.length !== copied.length || there.some((h, i) => h !== copied[i])) throw new CopyMismatch(BLOBS);
  return { entry: { name: BLOBS, rows: there.length, sha256: sha256(there.join('\n')) }, missing };
}

export async function copyToServer(
  source: Knex,
  config: ServerConfig,
  actor: Actor,
  now: string,
  files: AttachmentStore,
): Promise<CopyOutcome> {
  // Refused before anything is created on the server: only an empty database receives a copy.
  const probe = createServerKnex(config, { poolMax: 1, quiet: true });
  try {
    const schema = await inspectServerSchema(probe);
    // Empty, or only migrated (an earlier copy that was rolled back, or a server just set up): nobody has used it.
    const unused = schema.kind === 'empty' || (schema.kind === 'ours' && (await neverUsed(probe)));
    if (!unused) return { ok: false, problem: 'notEmpty', detail: config.database };
  } finally {
    await probe.destroy();
  }
  const started = await startServerDatabase(config, { poolMax: 2 });
  if (started.status !== 'ok') return { ok: false, problem: 'notEmpty', detail: config.database };
  const server = started.db;
  try {
    const sourceTables = ((await source('sqlite_master').where({ type: 'table' }).pluck('name')) as string[]).filter((t) => !skipped(t));
    const serverTables = (await server('information_schema.tables')
      .where({ table_schema: server.raw('current_schema()'), table_type: 'BASE TABLE' })
      .pluck('table_name')) as string[];
    const tables = await dependencyOrder(
      server,
      serverTables.filter((t) => !skipped(t) && sourceTables.includes(t)),
    );
    const report: CopyTable[] = [];
    let missing = 0;
    // The rows go over as they are, with the change log this PC kept: the server's triggers log nothing of the copy.
    await server.transaction((trx) =>
      withoutCapture(trx, async () => {
        // The migrations' own seed rows (regional offices, instrument types…) give way to this PC's.
        await trx(BLOBS).del();
        for (const t of [...tables].reverse()) await trx(t).del();
        // The derived roll-ups last: checked once the marks they follow are all there.
        for (const t of [...tables.filter((x) => !DERIVED.has(x)), ...tables.filter((x) => DERIVED.has(x))]) {
          const columns = await serverColumns(trx, t);
          const booleans = new Set([...columns].filter(([, type]) => type === 'boolean').map(([c]) => c));
          const rows = (await source(t).select('*').orderByRaw('rowid')) as Array<Record<string, unknown>>;
          const fit = rows.map((r) =>
            Object.fromEntries(
              Object.entries(r)
                .filter(([k]) => columns.has(k))
                .map(([k, v]) => [k, booleans.has(k) && v !== null ? v === 1 || v === true || v === '1' : v]),
            ),
          );
          const perBatch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(60_000 / Math.max(1, columns.size))));
          if (!DERIVED.has(t)) for (let i = 0; i < fit.length; i += perBatch) await trx(t).insert(fit.slice(i, i + perBatch));
          // Verified inside the transaction: a difference rolls everything back.
          const back = (await trx(t).select('*')) as Array<Record<string, unknown>>;
          const here = tableHash(fit, booleans);
          const there = tableHash(back, booleans);
          if (back.length !== rows.length || here !== there) throw new CopyMismatch(t);
          report.push({ name: t, rows: rows.length, sha256: there });
        }
        const blobs = await copyAttachments(source, files, trx);
        missing = blobs.missing;
        await resetSequences(trx);
        const rows = report.reduce((n, r) => n + r.rows, 0);
        report.push(blobs.entry);
        await appendAudit(trx, actor, 'office.copyToServer', now, {
          entity: 'database',
          entityId: null,
          action: 'copyToServer',
          after: { tables: report.length - 1, rows, files: blobs.entry.rows, missingFiles: missing },
        });
      }),
    );
    const files$ = report.find((t) => t.name === BLOBS)!;
    const tablesOnly = report.filter((t) => t !== files$);
    return { ok: true, tables: report, totalRows: tablesOnly.reduce((n, r) => n + r.rows, 0), files: { copied: files$.rows, missing } };
  } catch (err) {
    if (err instanceof CopyMismatch) return { ok: false, problem: 'mismatch', detail: err.table };
    throw err;
  } finally {
    await server.destroy();
  }
}

class CopyMismatch extends Error {
  constructor(readonly table: string) {
    super(`copy mismatch in ${table}`);
  }
}
