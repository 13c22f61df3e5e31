import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PdfRequest } from '../main/platform';

/** The flags Debian's Chromium needs on the build machines (no sandbox as root, no GPU, no background networking on a closed network: docs/ARCHITECTURE.md, test tiers). */
/**
 * The Chromium the harness, tier 2 and the bench drive: CHROMIUM_PATH, else Debian's (the build
 * machines, where Playwright cannot download its own), else Playwright's own download
 * (`npx playwright install chromium`, as the release workflow does on Windows).
 */
export const chromiumPath: string | undefined =
  process.env['CHROMIUM_PATH'] ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumPdfPrinter {
  printPdf(request: PdfRequest): Promise<Buffer>;
  /** The same print streamed to a file (Chromium's stream read in 64 KB pieces): memory stays flat. */
  printPdfToFile(request: PdfRequest, target: string): Promise<void>;
  close(): Promise<void>;
}

/** Paper sizes in inches, as page.pdf({ format }) sends them (an @page size in the document wins). */
const PAPER_INCHES: Record<PdfRequest['pageSize'], { width: number; height: number }> = {
  A4: { width: 8.27, height: 11.7 },
  A5: { width: 5.83, height: 8.27 },
  Letter: { width: 8.5, height: 11 },
};

/** A file: URL inside `dir` (or the folder itself)? Anything unparsable is outside. */
export function isFileUrlInside(url: string, dir: string): boolean {
  try {
    const rel = path.relative(path.resolve(dir), fileURLToPath(url));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  } catch {
    return false;
  }
}

/** How long a page stays open after a print for the next one (the parts of a catalog follow each other). */
const IDLE_PAGE_MS = 3000;
/**
 * Prints one page serves before it is closed: what a renderer keeps from each part stays bounded.
 * The renderer grows with each part it prints: after 8 parts of 40 pages the printing browser
 * reached 597–602 MB for 500 works (the goal: 600); after 4, 486 MB for 200 works and 501 MB for
 * 500 (`npm run bench -- catalog`), for a new renderer every 160 pages (about half a second).
 */
const PRINTS_PER_PAGE = 4;

/** A page kept between prints: its context lets through data: and the files of the print in progress only. */
interface PrintPage {
  context: BrowserContext;
  page: Page;
  /** The assetsDir of the print in progress (none: only data: URLs). */
  dir: string | undefined;
  prints: number;
}

async function openPrintPage(browser: Browser): Promise<PrintPage> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route(/.*/, (route) => {
    const url = route.request().url();
    if (/^data:/i.test(url) || (slot.dir && /^file:/i.test(url) && isFileUrlInside(url, slot.dir))) return route.continue();
    return route.abort();
  });
  const slot: PrintPage = { context, page: await context.newPage(), dir: undefined, prints: 0 };
  return slot;
}

/**
 * Loads the request's HTML in the page: inline (only data: URLs may load), or, with
 * assetsDir, from a file written inside that folder (file: only within it). Answers a
 * clean-up for the written file.
 */
async function loadDocument(slot: PrintPage, req: PdfRequest): Promise<() => Promise<void>> {
  const dir = req.assetsDir;
  slot.dir = dir;
  if (!dir) {
    await slot.page.setContent(req.html, { waitUntil: 'load' });
    return async () => undefined;
  }
  const file = path.join(dir, `documento-${randomUUID()}.html`);
  await fs.promises.writeFile(file, req.html, 'utf8');
  await slot.page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return () => fs.promises.rm(file, { force: true });
}

/**
 * Platform.printPdf without Electron (browser harness, tests, bench): the same Chromium
 * print path through Playwright. The browser starts on the first print and is reused; a
 * print takes the idle page, or opens one (its own context, with no network and no
 * JavaScript), and gives it back blank: a catalog printed in parts reuses one renderer
 * instead of starting one per part (half a second of CPU each), still holding one part at a
 * time. The idle page is closed after IDLE_PAGE_MS, and a page whose print failed at once.
 */
export function createChromiumPdfPrinter(): ChromiumPdfPrinter {
  let launching: Promise<Browser> | null = null;
  let idle: { slot: PrintPage; timer: NodeJS.Timeout } | null = null;

  const browser = (): Promise<Browser> => {
    if (!launching) {
      const started = chromium.launch({
        executablePath: chromiumPath,
        args: CHROMIUM_FLAGS,
        headless: true,
      });
      // A failed launch is not cached: the next print tries again.
      started.catch(() => {
        if (launching === started) launching = null;
      });
      launching = started;
    }
    return launching;
  };

  const closeIdle = async () => {
    const was = idle;
    idle = null;
    if (!was) return;
    clearTimeout(was.timer);
    await was.slot.context.close().catch(() => undefined);
  };

  /** Runs one print in a page of its own (the idle one if there is one). */
  const withPage = async <T>(req: PdfRequest, print: (slot: PrintPage) => Promise<T>): Promise<T> => {
    let slot: PrintPage;
    if (idle) {
      slot = idle.slot;
      clearTimeout(idle.timer);
      idle = null;
    } else slot = await openPrintPage(await browser());
    let cleanup = async () => undefined as void;
    let reusable = false;
    try {
      cleanup = await loadDocument(slot, req);
      const result = await print(slot);
      if (++slot.prints < PRINTS_PER_PAGE) {
        // Blank again before it waits, its caches dropped: the part's document and images are released.
        await slot.page.goto('about:blank');
        const cdp = await slot.context.newCDPSession(slot.page);
        await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
        await cdp.detach();
        reusable = true;
      }
      return result;
    } finally {
      slot.dir = undefined;
      await cleanup();
      if (reusable && !idle && launching) {
        const timer = setTimeout(() => void closeIdle(), IDLE_PAGE_MS);
        timer.unref();
        idle = { slot, timer };
      } else await slot.context.close().catch(() => undefined);
    }
  };

  return {
    printPdf(req) {
      return withPage(req, (slot) =>
        slot.page.pdf({
          format: req.pageSize,
          landscape: req.landscape ?? false,
          printBackground: true,
          preferCSSPageSize: true,
        }),
      );
    },
    printPdfToFile(req, target) {
      return withPage(req, async ({ context, page }) => {
        const paper = PAPER_INCHES[req.pageSize];
        const cdp = await context.newCDPSession(page);
        let out: fs.promises.FileHandle | null = null;
        try {
          // What page.pdf() sends, but answered as a stream that is copied to the file piece by piece.
          const { stream } = await cdp.send('Page.printToPDF', {
            paperWidth: req.landscape ? paper.height : paper.width,
            paperHeight: req.landscape ? paper.width : paper.height,
            landscape: req.landscape ?? false,
            printBackground: true,
            preferCSSPageSize: true,
            marginTop: 0,
            marginBottom: 0,
            marginLeft: 0,
            marginRight: 0,
            transferMode: 'ReturnAsStream',
          });
          if (!stream) throw new Error('Chromium answered no PDF stream');
          out = await fs.promises.open(target, 'w');
          for (;;) {
            // Small pieces: each answer (base64 in a JSON message) stays in V8's young generation and is freed at once.
            const chunk = await cdp.send('IO.read', { handle: stream, size: 64 * 1024 });
            if (chunk.data) await out.write(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
            if (chunk.eof) break;
          }
          await cdp.send('IO.close', { handle: stream });
        } finally {
          await out?.close();
          await cdp.detach().catch(() => undefined);
        }
      });
    },
    async close() {
      await closeIdle();
      const pending = launching;
      launching = null;
      if (!pending) return;
      const b = await pending.catch(() => null);
      await b?.close();
    },
  };
}
