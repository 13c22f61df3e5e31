#!/usr/bin/env node
// npm test: every tier, one summary line.
//   tier 4 (static): strict TypeScript, lint with the folder rules
//   tier 1 (vitest): shared rules, migrations, services, every IPC channel on real SQLite files
//   tier 1 on PostgreSQL: the same database tests against a throwaway PostgreSQL server (office mode)
//   build: electron-vite build (main, preload and the production renderer)
//   tier 2 (Playwright + Debian chromium): the production renderer bound to the real main-process handlers
//   tier 3 (Playwright Electron): the real app where the Electron binary exists; otherwise reported as skipped
// Ends with "N passed, N failed, N skipped" counting every tier; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, args, env = {}) {
  console.log(`\n=== ${label}: ${args.join(' ')}`);
  // npx is a .cmd script on Windows: Node runs those only through the shell.
  const r = spawnSync(npx, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return r.status === 0;
}

function check(label, ok) {
  totals[ok ? 'passed' : 'failed']++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// Tier 4: static checks, one count each.
// The three TypeScript parts: Node (main, no DOM types), web (the renderer, no Node types),
// page (the preload and the Playwright tests, both).
const tsParts = ['tsconfig.json', 'renderer/tsconfig.json', 'tsconfig.page.json'];
check(
  'typecheck (tsc --noEmit, strict: node, web, page)',
  tsParts.map((p) => run(`typecheck ${p}`, ['tsc', '--noEmit', '-p', p])).every(Boolean),
);
check('lint (eslint, folder rules as errors)', run('lint', ['eslint', '--max-warnings', '0', '.']));
check('format (prettier --check)', run('format', ['prettier', '--check', '.']));

// Tier 1: vitest.
const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
// On SQLite files, even when ARTEINPE_TEST_PG is set (that server is for the PostgreSQL run below).
const vitestOk = run(
  'vitest',
  [
    'vitest',
    'run',
    '--config',
    'vitest.config.mts',
    // Both SQLite projects: the files that share a worker process, and those that need one each (vitest.config.mts).
    '--project',
    'sqlite',
    '--project',
    'sqlite-isolated',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ],
  {
    ARTEINPE_TEST_PG: '',
  },
);
const v = readJson(vitestJson);
if (v) {
  const skipped = (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += skipped;
  lines.push(`     vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed, ${skipped} skipped`);
  if (!vitestOk && v.numFailedTests === 0) check('vitest run (crashed outside a test)', false);
} else {
  check('vitest run (no report)', false);
}

// Tier 1 again on PostgreSQL (office mode): the "postgres" project of vitest.config.mts, the
// test files that open a database, each testApp on a fresh database of that server.
// The server: ARTEINPE_TEST_PG when given; otherwise a throwaway one started here with
// .ci/pg-server.sh where PostgreSQL is installed; otherwise this tier is reported SKIPPED
// (counted as skipped, never as passed).
{
  let url = process.env.ARTEINPE_TEST_PG || '';
  let startedHere = false;
  let why = '';
  const pgEnv = { ...process.env, ARTEINPE_PG_STATE: path.join(results, 'postgres.state') };
  if (!url && process.platform !== 'win32') {
    const r = spawnSync('bash', [path.join(root, '.ci/pg-server.sh'), 'start'], { cwd: root, encoding: 'utf8', env: pgEnv });
    if (r.status === 0) {
      url = r.stdout.trim().split('\n').pop() ?? '';
      startedHere = true;
    } else {
      why = (r.stderr || r.stdout || '').trim().split('\n').pop() ?? '';
    }
  }
  if (!url) {
    const reason = `no PostgreSQL server (set ARTEINPE_TEST_PG, or install postgresql so .ci/pg-server.sh can start one)${why ? `: ${why}` : ''}`;
    console.log(`\n=== vitest on PostgreSQL: SKIPPED — ${reason}`);
    totals.skipped++;
    lines.push(`SKIP vitest on PostgreSQL — ${reason}`);
  } else {
    const pgJson = path.join(results, 'vitest-postgres.json');
    fs.rmSync(pgJson, { force: true });
    const pgOk = run(
      'vitest on PostgreSQL',
      [
        'vitest',
        'run',
        '--config',
        'vitest.config.mts',
        '--project',
        'postgres',
        '--project',
        'postgres-isolated',
        '--reporter=dot',
        '--reporter=json',
        `--outputFile.json=${pgJson}`,
      ],
      {
        ARTEINPE_TEST_PG: url,
      },
    );
    if (startedHere) spawnSync('bash', [path.join(root, '.ci/pg-server.sh'), 'stop'], { cwd: root, stdio: 'inherit', env: pgEnv });
    const pv = readJson(pgJson);
    if (pv) {
      const skipped = (pv.numPendingTests ?? 0) + (pv.numTodoTests ?? 0);
      totals.passed += pv.numPassedTests;
      totals.failed += pv.numFailedTests;
      totals.skipped += skipped;
      lines.push(
        `     vitest on PostgreSQL (${pv.numTotalTestSuites} files): ${pv.numPassedTests} passed, ${pv.numFailedTests} failed, ${skipped} skipped (SQLite-only tests, each with its reason)`,
      );
      if (!pgOk && pv.numFailedTests === 0) check('vitest on PostgreSQL (crashed outside a test)', false);
    } else {
      check('vitest on PostgreSQL (no report)', false);
    }
  }
}

// Build: main, preload and the production renderer.
const built = run('build', ['electron-vite', 'build']);
check('electron-vite build (main, preload, renderer)', built);

// Tiers 2 and 3: Playwright.
const pwJson = path.join(results, 'e2e.json');
fs.rmSync(pwJson, { force: true });
if (built) {
  const pwOk = run('playwright', ['playwright', 'test', '--config', 'tests/e2e/playwright.config.ts']);
  const p = readJson(pwJson);
  if (p?.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = p.stats;
    totals.passed += expected;
    totals.failed += unexpected + flaky;
    totals.skipped += skipped;
    lines.push(`     playwright: ${expected} passed, ${unexpected + flaky} failed, ${skipped} skipped`);
    const skips = [];
    const walk = (suite) => {
      for (const s of suite.suites ?? []) walk(s);
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          if (t.status === 'skipped') {
            const why = t.annotations?.find((a) => a.type === 'skip')?.description ?? '';
            skips.push(`     skipped: ${spec.title} — ${why}`);
          }
    };
    for (const s of p.suites ?? []) walk(s);
    lines.push(...skips);
    if (!pwOk && unexpected + flaky === 0) check('playwright run (crashed outside a test)', false);
  } else {
    check('playwright run (no report)', false);
  }
} else {
  lines.push('     playwright: not run (the build failed)');
  totals.failed++;
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
