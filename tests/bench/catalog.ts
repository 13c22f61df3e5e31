import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedArtworksForBench } from '../../electron/main/internarte/demo';
import type { Dispatch } from '../../electron/main/ipc/dispatcher';
import type { JobRegistry } from '../../electron/main/jobs/jobs';
import { photoLikeJpeg } from '../helpers/catalog';
import type { Scenario } from './scenarios';

/**
 * catalog.pdf200 and catalog.pdf500: an exhibition of 200 (then 500) works, each with its 2,400 × 3,000 px photo (a
 * photograph-like JPEG made once with sharp), every artist's consent recorded (seeded with
 * internarte/demo.ts seedArtworksForBench: names, initials, pseudonyms, anonymous); then "Exportar catálogo (PDF)" as the window calls it: catalogData
 * (consent applied) → images prepared at 300 ppi → HTML → Chromium prints it in parts of
 * about 40 pages (make.ts catalogParts), each joined at once into the file (pdf-lib).
 *
 * Printed: seconds (from the call to the finished file), the phases, `cpu_main_s` and
 * `cpu_browser_s` = CPU seconds of this process (sharp, pdf-lib) and of the browser (Linux; the
 * machine may be shared, so compare runs by these too), `mb` = the finished
 * PDF's size (what the goal's "60 MB" bounds, as backup.full's MB is the backup's size) and
 * its pages; and, for the whole picture of memory on an old PC: `rss_mb` = the peak growth of
 * this process's resident memory during the run over its level just before (sampled every
 * 10 ms; a small catalog is made first so the browser and the image library are loaded),
 * `heap_mb` = the same for V8's heap (every 50 ms), and the Chromium processes that print (Linux, PSS, read
 * each time their private memory passes its last high by 4 MB, and at least every 2 s): their growth during
 * the run (`browser_mb`) and their peak (`browser_peak_mb`).
 */

const MB = 1024 * 1024;

/** The two sizes measured: the catalog is printed in parts of about 40 pages, so the browser's peak should not grow with the works. */
const SIZES = [
  { works: 200, scenario: 'catalog.pdf200', goal: '<= 15 s, browser peak <= 600 MB, PDF <= 60 MB' },
  { works: 500, scenario: 'catalog.pdf500', goal: '<= 40 s, browser peak <= 600 MB, PDF <= 150 MB (60 MB per 200 works)' },
] as const;

async function call(dispatch: Dispatch, channel: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.data as Record<string, unknown>;
}

/**
 * Memory (bytes) of this process's descendants (the browser's processes) from /proc, as PSS:
 * shared pages (the browser's code, mapped in each of its processes) counted once. 0 off Linux.
 */
function descendantsPss(pids = descendants()): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      total += m ? Number(m[1]) * 1024 : 0;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * The private resident memory (bytes) of these processes from /proc/<pid>/statm (resident less
 * its shared pages): counters the kernel keeps, cheap to read, where PSS (smaps_rollup) walks every
 * page of the process — each reading of the browser's processes took about 30 ms of this process's
 * CPU, on the thread that runs the catalog. PSS is their private memory plus a share of the
 * shared pages (the browser's code, nearly constant), so it peaks when their private memory does.
 */
function privateOf(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const f = fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
      total += (Number(f[1]) - Number(f[2])) * PAGE_BYTES;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}
const PAGE_BYTES = 4096;
/** How far the browser's private memory grows past its last high before its PSS is read again. */
const PSS_STEP = 4 * MB;

/** CPU seconds (user + system) spent so far by this process's descendants (the browser); 0 off Linux. */
function descendantsCpu(): number {
  let ticks = 0;
  for (const pid of descendants()) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, and cutime, cstime: the renderers that ended (reaped by the zygote, a descendant too).
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100; // USER_HZ
}

/** The pids of this process's descendants (Linux). */
function descendants(): number[] {
  if (process.platform !== 'linux') return [];
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  mine.delete(process.pid);
  return [...mine];
}

async function exportAndWait(dispatch: Dispatch, jobs: JobRegistry, exhibitionId: number, onPhase?: (phase: string) => void) {
  const unwatch = onPhase ? jobs.watch((s) => s.phase && onPhase(s.phase)) : () => undefined;
  try {
    const started = await call(dispatch, 'catalog.export', { exhibitionId, pageSize: 'A4', layout: 'one', lang: 'es-PE' });
    if (started.status !== 'started') throw new Error('catalog.export: the save dialog answered nothing');
    const done = await jobs.wait(String(started.jobId));
    if (done?.state !== 'done') throw new Error(`catalog.export: ${JSON.stringify(done?.error)}`);
    return done.result as { path: string; pages: number; bytes: number; works: number; images: number };
  } finally {
    unwatch();
  }
}

export const catalogScenarios: Scenario = async ({ db, dispatch, jobs, dir }) => {
  const rows: Array<Record<string, unknown>> = [];
  const photo = path.join(dir, 'foto-obra-2400x3000.jpg');
  await photoLikeJpeg(photo, 2400, 3000);
  // The managed attachments folder of the bench's platform (run.ts), where catalogData finds the originals.
  const attachmentsDir = path.join(dir, 'adjuntos');
  const t0 = performance.now();
  const seed = (count: number, title: string) =>
    db.transaction(async (trx) => (await seedArtworksForBench(trx, { attachmentsDir }, { count, imagePath: photo, title })).exhibitionId);
  const warm = await seed(2, 'Calentamiento del catálogo');
  // A small catalog first: the browser, the image library and the code paths are loaded.
  fs.rmSync((await exportAndWait(dispatch, jobs, warm)).path, { force: true });
  for (const size of SIZES) {
    const s0 = performance.now();
    const exhibitionId = await seed(size.works, `InternArte: otra forma de libertad (${size.works})`);
    process.stderr.write(`${size.scenario}: ${size.works} works seeded in ${((performance.now() - s0) / 1000).toFixed(1)} s\n`);
    rows.push(await measure(dispatch, jobs, exhibitionId, size));
  }
  process.stderr.write(`catalog: ${((performance.now() - t0) / 1000).toFixed(1)} s in all\n`);
  return rows;
};

async function measure(dispatch: Dispatch, jobs: JobRegistry, exhibitionId: number, size: (typeof SIZES)[number]) {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let rssPeak = rss0;
  let heapPeak = heap0;
  const browser0 = descendantsPss();
  let browserPeak = browser0;
  // This process's resident memory every 10 ms (a cheap read), V8's heap every 50 ms (heap statistics cost more).
  let ticks = 0;
  const fast = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    if (++ticks % 5 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 10);
  // The browser's PSS is read when its private memory passes its last high by PSS_STEP (a peak
  // that passes it by less is missed by as much at the most), and every 2 s whatever it does.
  let privateHigh = 0;
  let lastPss = 0;
  const slow = setInterval(() => {
    const pids = descendants();
    const now = performance.now();
    const priv = privateOf(pids);
    if (priv > privateHigh + PSS_STEP || now - lastPss >= 2000) {
      privateHigh = Math.max(privateHigh, priv);
      lastPss = now;
      browserPeak = Math.max(browserPeak, descendantsPss(pids));
    }
  }, 250);
  let printStart = 0;
  const cpu0 = process.cpuUsage();
  const browserCpu0 = descendantsCpu();
  const start = performance.now();
  let made;
  try {
    made = await exportAndWait(dispatch, jobs, exhibitionId, (phase) => {
      if (phase === 'print' && !printStart) printStart = performance.now();
    });
  } finally {
    clearInterval(fast);
    clearInterval(slow);
  }
  const end = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const browserCpu = descendantsCpu() - browserCpu0;
  const m = process.memoryUsage();
  rssPeak = Math.max(rssPeak, m.rss);
  heapPeak = Math.max(heapPeak, m.heapUsed);
  fs.rmSync(made.path, { force: true });
  const s = (ms: number) => Number((ms / 1000).toFixed(2));
  return {
    scenario: size.scenario,
    n: made.works,
    images: made.images,
    seconds: s(end - start),
    data_and_images_s: s((printStart || end) - start),
    print_s: s(end - (printStart || end)),
    // CPU seconds of this process (sharp's threads, pdf-lib) and of the printing browser: the machine is shared.
    cpu_main_s: s((cpu.user + cpu.system) / 1000),
    cpu_browser_s: Number(browserCpu.toFixed(2)),
    mb: Number((made.bytes / MB).toFixed(1)),
    pages: made.pages,
    rss_mb: Number(((rssPeak - rss0) / MB).toFixed(1)),
    heap_mb: Number(((heapPeak - heap0) / MB).toFixed(1)),
    browser_mb: Number(((browserPeak - browser0) / MB).toFixed(0)),
    browser_peak_mb: Number((browserPeak / MB).toFixed(0)),
    goal: size.goal,
  };
}
