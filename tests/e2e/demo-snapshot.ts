import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../../electron/harness/server';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import { sessionMayCall, sessionRefusal } from '../../electron/main/auth/access';
import type { Result } from '../../shared/ipc';
import { copyMigratedDatabase } from '../helpers/migrated-template';
import { TEST_ADMIN, TEST_PASSWORD } from '../helpers/services';
import { rendererDir } from './fixtures';

/**
 * The demonstration data (demo.load) for the tier-2 tests, made once per worker and copied.
 *
 * demo.load is the heaviest write of the app (about 3 s on an idle machine, over 15 s on a
 * loaded one, most of it drawing the InternArte works' photos and thumbnails), and a test
 * that only needs the data to be there paid it again each time. Here the worker's first
 * call runs the real demo.load once, through the channel, as the test administrator, over a
 * migrated database of its own (the snapshot); each test's `loadDemo` then copies what that
 * call wrote (the rows of every table it filled, and the attachments folder) into the test's
 * own database in one transaction: the same rows, ids, photos and audit entry a demo.load
 * of the test would have written, minutes earlier. The rows derived by triggers (the search
 * indexes, the attendance roll-ups) are written by the same triggers as the rows arrive.
 *
 * A test that is about loading the demonstration (the button on the empty home page) does
 * not use this: it goes through the channel. And when the test's database or session is not
 * the one the snapshot was made from (another user signed in, records written before), or
 * the day has changed since (the demonstration's dates count from today), `loadDemo` calls
 * demo.load itself.
 */

interface Snapshot {
  /** The UTC day it was made: demo.load dates its records from it. */
  day: string;
  dbPath: string;
  attachmentsDir: string;
  /** What demo.load answered. */
  result: Result<unknown>;
  /** Every table's row count before and after demo.load. */
  before: Record<string, number>;
  after: Record<string, number>;
  /** The tables demo.load filled, in the order they were created (parents before children). */
  copied: string[];
  /** The full-text indexes' storage: its pages depend on how the rows were written, not compared. */
  fullText: string[];
}

let snapshot: Promise<Snapshot> | undefined;
const today = () => new Date().toISOString().slice(0, 10);

/** Every table of a database (sqlite_master order: as the migrations created them). */
async function tableNames(db: Harness['db'], schema = 'main'): Promise<string[]> {
  const rows = (await db.raw(`SELECT name FROM "${schema}".sqlite_master WHERE type = 'table' ORDER BY rowid`)) as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

async function rowCounts(db: Harness['db'], tables: string[], schema = 'main'): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = ((await db.raw(`SELECT count(*) AS n FROM "${schema}"."${t}"`)) as Array<{ n: number }>)[0]!.n;
  return counts;
}

/**
 * The tables that triggers write (the search indexes, the attendance roll-ups, the sites'
 * outbox) and the full-text indexes' own storage: never copied, the triggers fill them as the
 * copied rows arrive.
 */
async function derivedTables(db: Harness['db'], tables: string[]): Promise<Set<string>> {
  const rows = (await db.raw(`SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'`)) as Array<{ tbl_name: string; sql: string }>;
  const derived = new Set<string>();
  for (const { tbl_name: own, sql } of rows) {
    // A trigger's own table is not derived (the sites' triggers give a new row its gid: a copied row has one).
    for (const m of sql.matchAll(/\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(\w+)"?/gi)) {
      if (m[1] !== own) derived.add(m[1]!);
    }
  }
  const virtual = (await db.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)) as Array<{
    name: string;
  }>;
  for (const { name } of virtual) for (const t of tables) if (t === name || t.startsWith(`${name}_`)) derived.add(t);
  return derived;
}

async function makeSnapshot(): Promise<Snapshot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-e2e-demo-snapshot-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const dbPath = path.join(dir, 'arteinpe.sqlite');
  await copyMigratedDatabase(dbPath);
  const h = await startHarness({ dbPath, exportDir: path.join(dir, 'exportaciones'), rendererDir, version: 'e2e' });
  try {
    await ensureUser(h.db, { ...TEST_ADMIN, role: 'administrador', password: TEST_PASSWORD });
    await signInAs(h.db, h.services.session, TEST_ADMIN.username);
    const tables = await tableNames(h.db);
    const day = today();
    const before = await rowCounts(h.db, tables);
    const result = await h.services.dispatch('demo.load', {});
    if (!result.ok) throw new Error(`demo.load: ${JSON.stringify(result.error)}`);
    const after = await rowCounts(h.db, tables);
    const derived = await derivedTables(h.db, tables);
    const copied = tables.filter((t) => after[t] !== before[t] && !t.startsWith('sqlite_') && !derived.has(t));
    const virtual = (await h.db.raw(`SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'`)) as Array<{ name: string }>;
    const fullText = tables.filter((t) => virtual.some((v) => t.startsWith(`${v.name}_`)));
    // Only tables demo.load filled from empty (and the audit log, appended to): anything else would need merging.
    const merged = copied.filter((t) => before[t] !== 0 && t !== 'audit_log');
    if (merged.length > 0) throw new Error(`demo snapshot: demo.load added to tables that had rows: ${merged.join(', ')}`);
    return { day, dbPath, attachmentsDir: path.join(dir, 'adjuntos'), result, before, after, copied, fullText };
  } finally {
    // Closing the last connection checkpoints the write-ahead log into the file.
    await h.close();
  }
}

/** The worker's snapshot, made on first use and again when the day has changed. */
async function currentSnapshot(): Promise<Snapshot> {
  if (snapshot) {
    const s = await snapshot.catch(() => undefined);
    if (s?.day === today()) return s;
  }
  snapshot = makeSnapshot();
  return snapshot;
}

/** demo.load through the channel; a refusal throws (set-up). */
async function loadedByChannel(harness: Harness): Promise<Result<unknown>> {
  const r = await harness.services.dispatch('demo.load', {});
  if (!r.ok) throw new Error(`demo.load: ${JSON.stringify(r.error)}`);
  return r;
}

/**
 * The demonstration data in the test's database, as `harness.services.dispatch('demo.load', {})`
 * would write it, answering what it answers (see above); a refusal throws. Set-up only.
 */
export async function loadDemo(harness: Harness): Promise<Result<unknown>> {
  const { db, services } = harness;
  const session = services.session;
  const sameCaller =
    session.actor.id === TEST_ADMIN.username &&
    session.actor.name === TEST_ADMIN.fullName &&
    sessionRefusal(session, 'demo.load') === null &&
    sessionMayCall(session, 'demo.load');
  if (!sameCaller) return loadedByChannel(harness);
  const snap = await currentSnapshot();
  // The same starting point: every table as in the snapshot before demo.load, but for the
  // accounts (the test's own role accounts), the audit log and the sequences.
  const tables = Object.keys(snap.before);
  const ignored = new Set(['users', 'user_establishments', 'audit_log', 'sqlite_sequence', ...snap.fullText]);
  const now = await rowCounts(db, tables);
  const unlike = tables.filter((t) => now[t] !== snap.before[t] && !ignored.has(t));
  if (unlike.length > 0 || (await tableNames(db)).join() !== tables.join()) return loadedByChannel(harness);

  // The photos first, as storeAttachment does: a row never points at a missing file.
  const paths = (await services.dispatch('app.info', {})) as Result<{ dataPath: string }>;
  if (!paths.ok) throw new Error(`app.info: ${JSON.stringify(paths.error)}`);
  if (fs.existsSync(snap.attachmentsDir)) {
    fs.cpSync(snap.attachmentsDir, path.join(path.dirname(paths.data.dataPath), 'adjuntos'), { recursive: true });
  }
  // One connection (db/connection.ts): the attached file is seen by the transaction that follows.
  await db.raw('ATTACH DATABASE ? AS demo_snapshot', [snap.dbPath]);
  try {
    await db.transaction(async (trx) => {
      await trx.raw('PRAGMA defer_foreign_keys = ON');
      for (const t of snap.copied) {
        if (t === 'audit_log') {
          // Appended after the test's own entries, numbered by the log as demo.load's would be.
          const columns = ((await trx.raw(`PRAGMA main.table_info("audit_log")`)) as Array<{ name: string }>)
            .map((c) => `"${c.name}"`)
            .filter((c) => c !== '"id"')
            .join(', ');
          await trx.raw(
            `INSERT INTO main."audit_log" (${columns}) SELECT ${columns} FROM demo_snapshot."audit_log" ORDER BY id LIMIT -1 OFFSET ?`,
            [snap.before.audit_log ?? 0],
          );
        } else {
          await trx.raw(`INSERT INTO main."${t}" SELECT * FROM demo_snapshot."${t}" ORDER BY rowid`);
        }
      }
    });
  } finally {
    // After a failed copy the connection may still hold the file: the copy's own error is the one to tell.
    await db.raw('DETACH DATABASE demo_snapshot').catch(() => undefined);
  }
  // What the copy gave: every table demo.load changed, as many rows as it left (the trigger-written ones included).
  const after = await rowCounts(db, tables);
  const wrong = tables.filter((t) => !ignored.has(t) && after[t] !== snap.after[t]);
  if (after.audit_log! - now.audit_log! !== snap.after.audit_log! - snap.before.audit_log!) wrong.push('audit_log');
  if (wrong.length > 0) throw new Error(`demo snapshot: the copy differs from demo.load in ${wrong.join(', ')}`);
  return snap.result;
}

/**
 * A copy of the snapshot's database and attachments as the database of a new harness at
 * `dbPath` (its folder must exist): the demonstration loaded by the test administrator.
 */
export async function copyDemoDatabase(dbPath: string): Promise<void> {
  const snap = await currentSnapshot();
  fs.copyFileSync(snap.dbPath, dbPath);
  if (fs.existsSync(snap.attachmentsDir)) fs.cpSync(snap.attachmentsDir, path.join(path.dirname(dbPath), 'adjuntos'), { recursive: true });
}
