import { afterAll } from 'vitest';
import { createChromiumPdfPrinter, type ChromiumPdfPrinter } from '../../electron/harness/chromium-pdf';

/**
 * One Chromium that prints the PDFs of every app a test file opens (`testApp({ printer })`),
 * started at the first print and closed after the file's last test, instead of a browser
 * started for, and closed with, each app. Call it at the top of the file.
 */
export function filePrinter(): ChromiumPdfPrinter {
  const printer = createChromiumPdfPrinter();
  afterAll(() => printer.close());
  return printer;
}
