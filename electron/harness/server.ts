import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { channelNames } from '../../shared/channels';
import { createServices, type Services } from '../main/compose';
import { startDatabase } from '../main/db/open';
import type { Platform } from '../main/platform';
import { memorySecrets } from './secrets';
import { createChromiumPdfPrinter, type ChromiumPdfPrinter } from './chromium-pdf';
import { PRODUCTION_CSP, resolveInside } from '../main/security';

/**
 * The browser harness: the production renderer build served from 127.0.0.1, with
 * window.api bound over HTTP to the very same main-process services and pipeline the
 * Electron app uses. For machines without the Electron binary (npm run start:browser)
 * and for the tier-2 tests.
 */
export interface HarnessOptions {
  dbPath: string;
  /** Where "save as" puts files: the browser has no native save dialog. */
  exportDir: string;
  rendererDir: string;
  port?: number;
  version?: string;
}

export interface Harness {
  url: string;
  db: Knex;
  services: Services;
  exportDir: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** The page's window.api, built from the contract's channel names (a file, so the strict CSP holds). */
const apiScript = `(() => {
  const names = ${JSON.stringify(channelNames)};
  const api = {};
  for (const name of names) {
    api[name] = (input) =>
      fetch('/api/' + name, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
      }).then((r) => r.json());
  }
  window.api = Object.freeze(api);
})();
`;

function browserPlatform(paths: Platform['paths'], exportDir: string, version: string, printer: ChromiumPdfPrinter): Platform {
  return {
    shell: 'browser',
    version,
    paths,
    async chooseSavePath(req) {
      fs.mkdirSync(exportDir, { recursive: true });
      return path.join(exportDir, req.defaultName);
    },
    async showInFolder() {
      // No file manager to open from a browser page.
    },
    printPdf: (req) => printer.printPdf(req),
    printPdfToFile: (req, target) => printer.printPdfToFile(req, target),
    secrets: memorySecrets(),
    // No folder dialog in a browser page: backups go to the export folder, and a restore
    // "from another folder" takes the newest backup found there.
    async chooseFolder(req) {
      fs.mkdirSync(exportDir, { recursive: true });
      if (req.purpose === 'backup') return exportDir;
      const found = fs
        .readdirSync(exportDir)
        .filter((f) => /^arteinpe-\d{8}-\d{6}-/.test(f))
        .sort()
        .pop();
      return found ? path.join(exportDir, found) : null;
    },
  };
}

// Large enough for an import: a 15 MB spreadsheet travels as about 20 MB of base64.
async function readBody(req: http.IncomingMessage, limit = 24 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const paths = {
    dbPath: opts.dbPath,
    backupDir: path.join(path.dirname(opts.dbPath), 'copias-de-seguridad'),
    attachmentsDir: path.join(path.dirname(opts.dbPath), 'adjuntos'),
  };
  const started = await startDatabase(paths);
  if (started.status !== 'ok') throw new Error(`Base de datos dañada: ${started.problems.join('; ')}`);
  const db = started.db;
  const printer = createChromiumPdfPrinter();
  const services = await createServices(db, browserPlatform(paths, opts.exportDir, opts.version ?? '0.0.0', printer), {
    onInternalError: (channel, err) => console.error(`[harness] ${channel}`, err),
  });

  const indexHtml = () =>
    fs
      .readFileSync(path.join(opts.rendererDir, 'index.html'), 'utf8')
      .replace('<head>', '<head>\n    <script src="/harness-api.js"></script>');

  let expectedHost = '';
  const server = http.createServer(async (req, res) => {
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': PRODUCTION_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    };
    try {
      // Only pages addressed to this very server (no DNS rebinding from another site).
      if (req.headers.host !== expectedHost) return send(403, 'text/plain', 'forbidden');
      const url = new URL(req.url ?? '/', `http://${expectedHost}`);
      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        let input: unknown;
        try {
          input = JSON.parse((await readBody(req)) || '{}');
        } catch {
          input = Symbol('unparseable');
        }
        const result = await services.dispatch(url.pathname.slice('/api/'.length), input);
        return send(200, 'application/json; charset=utf-8', JSON.stringify(result));
      }
      if (req.method !== 'GET') return send(405, 'text/plain', 'method not allowed');
      if (url.pathname === '/harness-api.js') return send(200, contentTypes['.js']!, apiScript);
      if (url.pathname === '/' || url.pathname === '/index.html') return send(200, contentTypes['.html']!, indexHtml());
      const file = resolveInside(opts.rendererDir, url.pathname);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(404, 'text/plain', 'not found');
      return send(200, contentTypes[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
    } catch (err) {
      console.error('[harness]', err);
      return send(500, 'text/plain', 'error');
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  return {
    url: `http://${expectedHost}/`,
    db,
    services,
    exportDir: opts.exportDir,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await printer.close();
      await db.destroy();
    },
  };
}
