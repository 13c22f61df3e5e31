// The renderer's part of `npm run bench`: the production renderer build in Debian's Chromium
// (Playwright, the tier-2 executable and flags), served by the browser harness over a fresh
// database with the demonstration data. Three JSON lines:
//   renderer.bundle       initial_kb: the JavaScript the first screen (sign-in) loads; total_kb: all of it
//   renderer.first_screen ms: from navigation to the sign-in form usable (median of FIRST_RUNS cold loads)
//   renderer.page_switch  p50_ms/p95_ms over every navigation link, ROUNDS times: from the click to the
//                         page's heading shown, no loader in the main area and no channel call in flight
// ARTEINPE_BENCH_VERBOSE=1 prints each page's times and first-round calls; ARTEINPE_BENCH_SAMPLES=1
// prints every page switch (round, href, ms, the calls it made with their ms) to find the outliers.
// Alone: `npm run bench -- renderer` (or ARTEINPE_BENCH=renderer npm run bench). It builds the renderer
// into a temporary folder first, or measures ARTEINPE_RENDERER_DIR (a build already made) when set.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startHarness } from '../../electron/harness/server';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import { chromiumArgs, chromiumPath } from '../e2e/playwright.config';

const root = path.resolve(__dirname, '../..');
const FIRST_RUNS = 5;
const ROUNDS = 3;
const BENCH_USER = {
  username: 'bench-renderer',
  fullName: 'Administrador (bench)',
  role: 'administrador',
  password: 'Bench-2026-clave',
} as const;

type Emit = (line: Record<string, unknown>) => void;

/** Whether the command line (or ARTEINPE_BENCH) asks for the renderer's part only. */
export const rendererOnly = (argv: string[] = process.argv): boolean =>
  argv.includes('renderer') || process.env.ARTEINPE_BENCH === 'renderer';

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 10) / 10;
}

/** A production build of the renderer in a folder of its own (never out/renderer, which others use). */
function buildRenderer(dir: string): string {
  const outDir = path.join(dir, 'renderer');
  const r = spawnSync(
    path.join(root, 'node_modules/.bin/vite'),
    ['build', '--config', 'renderer/vite.config.mts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error('renderer build failed');
  return outDir;
}

/** Every JavaScript file of the build, in KB. */
function totalJsKb(rendererDir: string): number {
  const assets = path.join(rendererDir, 'assets');
  const bytes = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + fs.statSync(path.join(assets, f)).size, 0);
  return Math.round(bytes / 1024);
}

/**
 * The renderer's JavaScript this page asked for until the sign-in form was usable, in KB (the
 * harness's own window.api script aside): what the app fetches in the background once the form
 * is up (the signed-in app's code, while the form sits idle) is not the first screen's.
 */
async function firstScreenJsKb(page: Page): Promise<number> {
  const bytes = (await page.evaluate(`performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.endsWith('.js') && !e.name.includes('/harness-api.js') && e.startTime <= window.__benchFormReady)
    .reduce((sum, e) => sum + e.decodedBodySize, 0)`)) as number;
  return Math.round(bytes / 1024);
}

/**
 * Counts the channel calls in flight (window.__benchInflight), installed before any script of
 * the page runs. In-page code is kept as text: tsx would wrap named functions in a helper the
 * page does not have.
 */
const countCalls = `
  window.__benchInflight = 0;
  window.__benchCalls = [];
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const api = String(input instanceof Request ? input.url : input).includes('/api/');
    const call = api ? { name: String(input).split('/api/').pop(), t0: performance.now(), ms: 0 } : null;
    if (call) { window.__benchInflight++; window.__benchCalls.push(call); }
    try { return await original(input, init); } finally { if (call) { window.__benchInflight--; call.ms = Math.round(performance.now() - call.t0); } }
  };
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, ms: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
`;

/** Records when the sign-in form is usable (window.__benchFormReady, ms since the navigation began, the page's own clock). */
const watchSignIn = `
  const watch = () => {
    const user = document.querySelector('input[autocomplete="username"]');
    const submit = document.querySelector('form button[type="submit"]');
    if (user && submit && !user.disabled && !submit.disabled) window.__benchFormReady = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
`;

/**
 * Clicks the navigation link `href` and resolves with the ms until its page is shown with its
 * data, in the page's own clock: a heading other than the previous page's, no loader in the main
 * area and no channel call in flight, two frames in a row (not between one call and the next).
 */
const switchScript = `([href, previousHeading]) => new Promise((resolve, reject) => {
  const link = [...document.querySelectorAll('.mantine-AppShell-navbar a[href]')].find((a) => a.getAttribute('href') === href);
  if (!link) return reject(new Error('no link ' + href));
  const visible = (e) => e.offsetParent !== null && getComputedStyle(e).opacity !== '0';
  const t0 = performance.now();
  const firstCall = window.__benchCalls.length;
  let quietFrames = 0;
  const marks = {};
  const check = () => {
    const main = document.querySelector('main');
    const heading = (main && main.querySelector('h1, h2') && main.querySelector('h1, h2').textContent) || '';
    const loading = !!main && [...main.querySelectorAll('.mantine-Loader-root, [class*="datatable-loader"], .mantine-Skeleton-root')].some(visible);
    const now = performance.now() - t0;
    if (heading && heading !== previousHeading) marks.heading ??= now;
    if (loading) marks.loader = now;
    if (window.__benchInflight > 0) marks.calls = now;
    quietFrames = heading && heading !== previousHeading && !loading && window.__benchInflight === 0 ? quietFrames + 1 : 0;
    if (quietFrames >= 2) {
      const t1 = performance.now();
      const longTasks = window.__benchLongTasks.filter((e) => e.start + e.ms > t0 && e.start < t1).map((e) => Math.round(e.ms));
      const chunks = performance.getEntriesByType('resource')
        .filter((e) => e.startTime >= t0 && new URL(e.name).pathname.endsWith('.js'))
        .map((e) => new URL(e.name).pathname.split('/').pop());
      return resolve({ ms: t1 - t0, heading, calls: window.__benchCalls.slice(firstCall), longTasks, chunks, marks });
    }
    if (performance.now() - t0 > 15000) return reject(new Error('page ' + href + ' not ready after 15 s'));
    requestAnimationFrame(check);
  };
  link.click();
  requestAnimationFrame(check);
})`;

interface Switch {
  ms: number;
  heading: string;
  /** The channels the page called on the way, with how long each took (ms, in the page). */
  calls: Array<{ name: string; ms: number }>;
  /** The main thread's long tasks (over 50 ms) during the switch, in ms. */
  longTasks: number[];
  /** The JavaScript files fetched during the switch (code the idle prefetch had not brought). */
  chunks: string[];
  /** The last frame (ms after the click) with a loader shown or a call in flight, and the first with the new heading. */
  marks: { heading?: number; loader?: number; calls?: number };
}

async function switchTo(page: Page, href: string, previousHeading: string): Promise<Switch> {
  return (await page.evaluate(`(${switchScript})(${JSON.stringify([href, previousHeading])})`)) as Switch;
}

export async function rendererBench(emit: Emit): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-bench-renderer-'));
  let browser: Browser | undefined;
  const rendererDir = process.env.ARTEINPE_RENDERER_DIR ?? buildRenderer(dir);
  const h = await startHarness({
    dbPath: path.join(dir, 'arteinpe.sqlite'),
    exportDir: path.join(dir, 'exportaciones'),
    rendererDir,
    version: 'bench',
  });
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const contextOptions = { locale: 'es-PE', timezoneId: 'America/Lima', viewport: { width: 1366, height: 800 } };
    await ensureUser(h.db, { ...BENCH_USER });

    // The first screen, signed out: the sign-in form, from a cold cache each time.
    const firstMs: number[] = [];
    let initialKb = 0;
    for (let i = 0; i < FIRST_RUNS; i++) {
      const context = await browser.newContext(contextOptions);
      await context.addInitScript(watchSignIn);
      const page = await context.newPage();
      await page.goto(h.url);
      await page.getByRole('button', { name: 'Ingresar' }).waitFor();
      await page.waitForFunction('window.__benchFormReady !== undefined');
      firstMs.push(Math.round((await page.evaluate('window.__benchFormReady')) as number));
      await page.waitForLoadState('load'); // every script asked for before the form was usable has arrived
      initialKb = await firstScreenJsKb(page);
      await context.close();
    }
    firstMs.sort((a, b) => a - b);
    emit({ scenario: 'renderer.bundle', initial_kb: initialKb, total_kb: totalJsKb(rendererDir), goal: 'initial_kb <= 1024' });
    emit({ scenario: 'renderer.first_screen', ms: percentile(firstMs, 50), max_ms: firstMs.at(-1), n: FIRST_RUNS, goal: 'ms <= 1000' });

    // Page switches, signed in, on the demonstration data.
    await signInAs(h.db, h.services.session, BENCH_USER.username);
    const demo = await h.services.dispatch('demo.load', {});
    if (!demo.ok) throw new Error(`demo.load: ${demo.error.message}`);
    const context = await browser.newContext(contextOptions);
    await context.addInitScript(countCalls);
    const page = await context.newPage();
    await page.goto(h.url);
    await page.getByRole('heading', { name: 'Inicio' }).waitFor();
    await page.waitForLoadState('networkidle');
    const hrefs = (await page.evaluate(
      `[...document.querySelectorAll('.mantine-AppShell-navbar a[href]')].map((a) => a.getAttribute('href'))`,
    )) as string[];
    const samples: number[] = [];
    const byPage = new Map<string, number[]>();
    const callsOf = new Map<string, Switch['calls']>();
    let heading = 'Inicio';
    for (let round = 0; round < ROUNDS; round++) {
      // From the home page on: each click changes the page (the last goes back home).
      for (const href of [...hrefs.slice(1), hrefs[0]!]) {
        const r = await switchTo(page, href, heading);
        heading = r.heading;
        samples.push(r.ms);
        byPage.set(href, [...(byPage.get(href) ?? []), r.ms]);
        if (round === 0) callsOf.set(href, r.calls);
        if (process.env.ARTEINPE_BENCH_SAMPLES) {
          const calls = r.calls.map((c) => `${c.name} ${c.ms}`).join(', ') || 'no calls';
          const long = r.longTasks.length > 0 ? `; long tasks ${r.longTasks.join('+')} ms` : '';
          const chunks = r.chunks.length > 0 ? `; fetched ${r.chunks.join(', ')}` : '';
          const marks = Object.entries(r.marks)
            .map(([k, v]) => `${k} ${Math.round(v)}`)
            .join(' ');
          process.stderr.write(`sample round ${round + 1} ${href} ${Math.round(r.ms)} ms (${marks}): ${calls}${long}${chunks}\n`);
        }
        await page.waitForLoadState('networkidle');
      }
    }
    samples.sort((a, b) => a - b);
    const slowest = [...byPage.entries()]
      .map(([href, ms]) => ({
        href,
        ms: percentile(
          [...ms].sort((a, b) => a - b),
          50,
        ),
      }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((s) => `${s.href} ${s.ms} ms, ${callsOf.get(s.href)?.length ?? 0} calls`);
    if (process.env.ARTEINPE_BENCH_VERBOSE) {
      for (const [href, calls] of callsOf) {
        const ms = byPage
          .get(href)!
          .map((m) => Math.round(m))
          .join('/');
        process.stderr.write(`${href} ${ms} ms: ${calls.map((c) => `${c.name} ${c.ms}`).join(', ')}\n`);
      }
    }
    emit({
      scenario: 'renderer.page_switch',
      p50_ms: percentile(samples, 50),
      p95_ms: percentile(samples, 95),
      n: samples.length,
      pages: hrefs.length,
      slowest,
      goal: 'p95_ms <= 150',
    });
    await context.close();
  } finally {
    await browser?.close();
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
