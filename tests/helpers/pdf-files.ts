import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { filePrinter } from './file-printer';

/**
 * A test file's PDF printer (Debian's Chromium through Playwright, the path Electron's
 * printToPDF takes) and a temporary folder for what it prints, both closed and removed after
 * the file's tests. `file(kind, ext)` names a new file there: `<kind>-<n><ext>`.
 */
export function pdfWorkbench(prefix: string) {
  const printer = filePrinter();
  let dir = '';
  let n = 0;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { printer, file: (kind = 'doc', ext = '.pdf') => path.join(dir, `${kind}-${++n}${ext}`) };
}
