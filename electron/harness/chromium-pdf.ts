import { chromium, type Browser } from 'playwright-core';
import type { PdfRequest } from '../main/platform';

/** The flags Debian's Chromium needs on the build machines (see DEVELOPERS.md). */
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
  close(): Promise<void>;
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
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
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
      try {
        await context.route(/^(?!data:)/i, (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(req.html, { waitUntil: 'load' });
        return await page.pdf({
          format: req.pageSize,
          landscape: req.landscape ?? false,
          printBackground: true,
          preferCSSPageSize: true,
        });
      } finally {
        await context.close();
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
