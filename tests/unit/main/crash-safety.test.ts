import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOnly } from '../../helpers/pg';
import { verifyBackup } from '../../../electron/main/backups/archive';
import { listFullBackups } from '../../../electron/main/backups/store';
import { createKnex } from '../../../electron/main/db/connection';

/**
 * Crash safety: a child process (tests/helpers/crash-child.ts, bundled once) imports
 * spreadsheets, transfers instruments and makes backups over one data folder, and is
 * killed with SIGKILL at a random moment, KILLS times in a row. After each kill the
 * database passes PRAGMA integrity_check, every step the child logged as committed is
 * there, no import is half-written (each batch has all its rows or none), and every
 * backup that looks finished verifies (hashes and integrity); an interrupted one is
 * never listed.
 */
const KILLS = 50;
const root = path.resolve(__dirname, '../../..');
const BATCH_ROWS = 120;
let dir: string;
const logFile = () => path.join(dir, 'committed.log');
const verified = new Set<string>();
/**
 * The child, bundled once with esbuild (its packages left to node_modules, so it sits in the
 * project's test-results/): 50 starts of plain Node instead of 50 TypeScript transpilations.
 */
const childFile = path.join(root, 'test-results', `crash-child-${process.pid}.mjs`);
/**
 * Node's compile cache for the child (NODE_COMPILE_CACHE): the first start that reaches its
 * work writes the compiled modules (the child flushes them, since a SIGKILL never lets Node do
 * it at exit), and the 49 starts after it load them instead of compiling again.
 */
const compileCache = `${childFile}.cache`;

beforeAll(async () => {
  await build({
    entryPoints: [path.join(root, 'tests/helpers/crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: childFile,
    logLevel: 'warning',
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-crash-'));
  const attachments = path.join(dir, 'datos', 'adjuntos');
  fs.mkdirSync(attachments, { recursive: true });
  // Named as the app names managed attachments (<2 hex>/<sha256>.jpg): the only files backups copy.
  for (let i = 0; i < 4; i++) {
    const bytes = randomBytes(200_000);
    const hash = createHash('sha256').update(bytes).digest('hex');
    fs.mkdirSync(path.join(attachments, hash.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(attachments, hash.slice(0, 2), `${hash}.jpg`), bytes);
  }
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(childFile, { force: true });
  fs.rmSync(compileCache, { recursive: true, force: true });
});

/** The steps the child repeats, each announced on its output ("step import") as it starts. */
const STEPS = ['import', 'move', 'backup'] as const;

/**
 * Starts the child and kills it `delayMs` into a step of its work: the `round`-th time it
 * starts `step` (1 = its first round). Chosen by the child's progress, not by the clock, the
 * kills fall within each kind of work however fast or loaded the machine is. Answers what
 * the child printed.
 */
function runAndKill(step: (typeof STEPS)[number], round: number, delayMs: number): Promise<{ output: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, path.join(dir, 'datos'), logFile()], {
      cwd: root,
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    const marker = `step ${step}\n`;
    const onData = (d: Buffer) => {
      output += d.toString();
      if (!timer && output.split(marker).length - 1 >= round) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // A child that never reaches its step (it failed) is stopped, and the test says why.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      resolve({ output, killed: signal === 'SIGKILL' && timer !== undefined });
    });
  });
}

function committed(): { imports: number[]; moves: Array<[number, number]>; backups: string[] } {
  const text = fs.existsSync(logFile()) ? fs.readFileSync(logFile(), 'utf8') : '';
  const lines = text.split('\n').slice(0, -1); // a last line without its newline was cut by the kill
  const out = { imports: [] as number[], moves: [] as Array<[number, number]>, backups: [] as string[] };
  for (const l of lines) {
    const [kind, a, b] = l.split(' ');
    if (kind === 'import') out.imports.push(Number(a));
    else if (kind === 'move') out.moves.push([Number(a), Number(b)]);
    else if (kind === 'backup') out.backups.push(a!);
  }
  return out;
}

async function check(): Promise<string[]> {
  const problems: string[] = [];
  const db = createKnex(path.join(dir, 'datos', 'arteinpe.sqlite'));
  try {
    const integrity = (await db.raw('PRAGMA integrity_check')) as Array<{ integrity_check: string }>;
    if (integrity[0]?.integrity_check !== 'ok' || integrity.length !== 1) problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
    const tables = (await db('sqlite_master').where({ type: 'table', name: 'instruments' }).pluck('name')) as string[];
    if (tables.length === 0) return problems; // killed before the first migration finished: nothing committed yet
    const batches = (await db('instruments')
      .where('code', 'like', 'K%-%')
      .select(db.raw("substr(code, 2, instr(code, '-') - 2) AS k"))
      .count({ n: '*' })
      .groupBy('k')) as Array<{ k: string; n: number }>;
    const found = new Map(batches.map((b) => [Number(b.k), Number(b.n)]));
    for (const [k, n] of found) if (n !== BATCH_ROWS) problems.push(`import ${k} half-written: ${n} of ${BATCH_ROWS} rows`);
    const log = committed();
    for (const k of log.imports)
      if (found.get(k) !== BATCH_ROWS) problems.push(`import ${k} was committed but has ${found.get(k) ?? 0} rows`);
    // The ledger and the cached count of every moved instrument, in two reads instead of two per move.
    const movedIds = [...new Set(log.moves.map(([id]) => id))];
    const ledger = (await db('instrument_movements')
      .whereIn('instrument_id', movedIds)
      .groupBy('instrument_id')
      .select('instrument_id')
      .count({ n: '*' })) as Array<{ instrument_id: number; n: number }>;
    const movements = new Map(ledger.map((r) => [Number(r.instrument_id), Number(r.n)]));
    const cached = (await db('instruments').whereIn('id', movedIds).select('id', 'movement_count')) as Array<{
      id: number;
      movement_count: number;
    }>;
    const cachedCount = new Map(cached.map((r) => [Number(r.id), r.movement_count]));
    for (const [id, count] of log.moves) {
      const n = movements.get(id) ?? 0;
      if (n < count) problems.push(`instrument ${id}: ${n} movements, ${count} committed`);
      const inst = cachedCount.get(id);
      if (inst !== n) problems.push(`instrument ${id}: cached count ${inst} ≠ ledger ${n}`);
    }
    const audited = (await db('audit_log').where({ channel: 'import.run' }).count({ n: '*' })) as Array<{ n: number }>;
    if (Number(audited[0]!.n) !== found.size * BATCH_ROWS)
      problems.push(`audit: ${audited[0]!.n} import entries for ${found.size} batches`);
  } finally {
    await db.destroy();
  }
  const backupDir = path.join(dir, 'datos', 'copias');
  const listed = listFullBackups(backupDir).map((b) => b.name);
  for (const name of committed().backups) if (!listed.includes(name)) problems.push(`backup ${name} was committed but is not listed`);
  for (const name of listed.filter((n) => !verified.has(n))) {
    // A finished backup never changes: each is verified once, after the kill that followed it.
    await verifyBackup(path.join(backupDir, name)).then(
      () => verified.add(name),
      (err: unknown) => problems.push(`backup ${name} does not verify: ${String(err)}`),
    );
  }
  // Anything visible in the backup folder is a complete backup (interrupted ones stay hidden).
  for (const f of fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []) {
    if (!f.startsWith('.') && !listed.includes(f)) problems.push(`incomplete backup visible: ${f}`);
  }
  return problems;
}

describe.skipIf(sqliteOnly('SIGKILL crash safety is about the SQLite file and its WAL on this PC'))('crash safety', () => {
  // The budget is per kill, not a speed goal: each is a process start (a second or two on an
  // idle PC, several on a loaded 2-core machine) and a check of the data folder.
  it(
    `survives ${KILLS} SIGKILLs at random moments: intact database, committed work kept, nothing half-written`,
    { timeout: KILLS * 20_000 },
    async () => {
      let kills = 0;
      for (let i = 0; i < KILLS; i++) {
        // Each step in turn, in the first or the second round, up to 300 ms into it.
        const r = await runAndKill(STEPS[i % STEPS.length]!, 1 + (Math.floor(i / STEPS.length) % 2), Math.floor(Math.random() * 300));
        if (r.killed) kills++;
        else throw new Error(`the child did not run: ${r.output.slice(-2000)}`);
        const t0 = Date.now();
        const problems = await check();
        if (process.env.CRASH_DEBUG) console.log(`kill ${i + 1}: check ${Date.now() - t0} ms, ${committed().imports.length} imports`);
        expect(problems, `after kill ${i + 1}`).toEqual([]);
      }
      expect(kills).toBe(KILLS);
      const log = committed();
      // The kills fell while work was being done, not only between runs.
      expect(log.imports.length).toBeGreaterThan(5);
      expect(log.backups.length).toBeGreaterThan(2);
    },
  );
});
