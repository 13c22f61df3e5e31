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

/**
 * Loads the request's HTML in a page of `context`: inline (only data: URLs may load), or,
 * with assetsDir, from a file written inside that folder (file: only within it). Answers a
 * clean-up for the written file.
 */
async function loadDocument(context: BrowserContext, req: PdfRequest): Promise<{ page: Page; cleanup: () => Promise<void> }> {
  const dir = req.assetsDir;
  await context.route(/.*/, (route) => {
    const url = route.request().url();
    if (/^data:/i.test(url) || (dir && /^file:/i.test(url) && isFileUrlInside(url, dir))) return route.continue();
    return route.abort();
  });
  const page = await context.newPage();
  if (!dir) {
    await page.setContent(req.html, { waitUntil: 'load' });
    return { page, cleanup: async () => undefined };
  }
  const file = path.join(dir, `documento-${randomUUID()}.html`);
  await fs.promises.writeFile(file, req.html, 'utf8');
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, cleanup: () => fs.promises.rm(file, { force: true }) };
}

/**
 * Platform.printPdf without Electron (browser harness, tests, bench): the same Chromium
 * print path through Playwright. The browser starts on the first print and is reused;
 * each print gets its own context and page, with no network and no JavaScript.
 */
export function createChromiumPdfPrinter(): ChromiumPdfPrinter {
  let launching: Promise<Browser> | null = null;

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

  return {
    async printPdf(req) {
      const context = await (await browser()).newContext({ javaScriptEnabled: false });
      let cleanup = async () => undefined as void;
      try {
        const loaded = await loadDocument(context, req);
        cleanup = loaded.cleanup;
        return await loaded.page.pdf({
          format: req.pageSize,
          landscape: req.landscape ?? false,
          printBackground: true,
          preferCSSPageSize: true,
        });
      } finally {
        await context.close();
        await cleanup();
      }
    },
    async printPdfToFile(req, target) {
      const context = await (await browser()).newContext({ javaScriptEnabled: false });
      let cleanup = async () => undefined as void;
      let out: fs.promises.FileHandle | null = null;
      try {
        const loaded = await loadDocument(context, req);
        cleanup = loaded.cleanup;
        const paper = PAPER_INCHES[req.pageSize];
        const cdp = await context.newCDPSession(loaded.page);
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
        await context.close();
        await cleanup();
      }
    },
    async close() {
      const pending = launching;
      launching = null;
      if (!pending) return;
      const b = await pending.catch(() => null);
      await b?.close();
    },
  };
}
