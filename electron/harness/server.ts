import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { channelNames } from '../../shared/channels';
import { createServices, type Services } from '../main/compose';
import type { AppLog } from '../main/logs/log';
import { startDatabase } from '../main/db/open';
import type { Platform } from '../main/platform';
import { memorySecrets } from './secrets';
import { createChromiumPdfPrinter, type ChromiumPdfPrinter } from './chromium-pdf';
import { PRODUCTION_CSP, resolveInside } from '../main/security';
import { translator } from '../main/i18n';

/**
 * The browser harness: the production renderer build served from 127.0.0.1, with
 * window.api bound over HTTP to the very same main-process services and pipeline the
 * Electron app uses. For machines without the Electron binary (npm run start:browser)
 * and for the tier-2 tests — for trying the app and testing, not for real data.
 *
 * Who may call a channel: only the page opened with this launch's address. Each start
 * draws a random key (`token`), part of the address it prints (…/?token=…); the page keeps
 * it in sessionStorage (and takes it out of the address bar) and sends it in a header
 * with every call. A channel call is refused (403, a Spanish message) without that key,
 * from another page's Origin (or Sec-Fetch-Site other than same-origin), with a body that
 * is not application/json, or addressed to a host name other than 127.0.0.1/localhost
 * with this port (DNS rebinding). A page of another site can therefore neither send a
 * "simple" cross-site request (text/plain, no custom header) nor read the key.
 */
export interface HarnessOptions {
  dbPath: string;
  /** Where "save as" puts files: the browser has no native save dialog. */
  exportDir: string;
  rendererDir: string;
  port?: number;
  version?: string;
  /**
   * The PDF printer to use, kept open by its owner (the test tier's worker shares one, so a
   * test's first PDF does not wait for a browser to start). Absent: the harness starts its
   * own on the first print and closes it with the harness.
   */
  printer?: ChromiumPdfPrinter;
  /** The app's log (electron/main/logs/log.ts): none by default. */
  log?: AppLog;
}

export interface Harness {
  /** The address to open, with this launch's key (…/?token=…). */
  url: string;
  /** The bare address, without the key. */
  origin: string;
  /** This launch's key: the X-ArteINPE-Token header of every channel call. */
  token: string;
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

/** The header that carries the launch's key. */
export const TOKEN_HEADER = 'x-arteinpe-token';

/**
 * The page's window.api, built from the contract's channel names (a file, so the strict
 * CSP holds). It takes the key from the address (?token=…) into sessionStorage — so a
 * reload keeps it, and it leaves the address bar and the history — and sends it with
 * every call. It holds no key itself: a page of another site that loads it learns nothing.
 */
const apiScript = `(() => {
  const names = ${JSON.stringify(channelNames)};
  const KEY = 'arteinpe.harness.token';
  const params = new URLSearchParams(location.search);
  const fromAddress = params.get('token');
  if (fromAddress) {
    sessionStorage.setItem(KEY, fromAddress);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
  }
  const token = sessionStorage.getItem(KEY) || '';
  const api = {};
  for (const name of names) {
    api[name] = (input) =>
      fetch('/api/' + name, {
        method: 'POST',
        headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': token },
        body: JSON.stringify(input === undefined ? {} : input),
      }).then((r) => r.json());
  }
  window.api = Object.freeze(api);
})();
`;

/** Equal keys, compared in constant time. */
function sameKey(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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
    // No file dialog either: the newest file of the asked type in the export folder (a package
    // another instance saved there, as a USB stick carries it), or a cancel when there is none.
    async chooseOpenFile(req) {
      fs.mkdirSync(exportDir, { recursive: true });
      const found = fs
        .readdirSync(exportDir)
        .filter((f) => req.extensions.some((x) => f.endsWith(`.${x}`)))
        .map((f) => ({ f, at: fs.statSync(path.join(exportDir, f)).mtimeMs }))
        .sort((a, b) => a.at - b.at)
        .pop();
      return found ? path.join(exportDir, found.f) : null;
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
  const printer = opts.printer ?? createChromiumPdfPrinter();
  const services = await createServices(db, browserPlatform(paths, opts.exportDir, opts.version ?? '0.0.0', printer), {
    onInternalError: (channel, err) => console.error(`[harness] ${channel}`, err),
    log: opts.log,
  });

  const indexHtml = () =>
    fs
      .readFileSync(path.join(opts.rendererDir, 'index.html'), 'utf8')
      .replace('<head>', '<head>\n    <script src="/harness-api.js"></script>');

  const token = crypto.randomBytes(32).toString('base64url');
  let hosts: string[] = [];
  let origins: string[] = [];
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const t = translator(services.session.locale);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': PRODUCTION_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        // The first address carries the key: never pass it on in a Referer.
        'Referrer-Policy': 'no-referrer',
      });
      res.end(body);
    };
    const page = (status: number, text: string) =>
      send(
        status,
        'text/html; charset=utf-8',
        `<!doctype html>\n<html lang="${services.session.locale}"><head><meta charset="utf-8"><title>${escapeHtml(t('auth.harness.title'))}</title></head>` +
          `<body><main><h1>${escapeHtml(t('auth.harness.title'))}</h1><p>${escapeHtml(text)}</p></main></body></html>\n`,
      );
    /** A refused channel call: a Result the page's window.api shows like any refusal, in Spanish. */
    const refuse = (key: string) =>
      send(
        403,
        'application/json; charset=utf-8',
        JSON.stringify({ ok: false, error: { code: 'forbidden', message: t(key), fields: {} } }),
      );
    try {
      // Only requests addressed to this very server by name (no DNS rebinding from another site).
      const host = req.headers.host ?? '';
      if (!hosts.includes(host)) return page(403, t('auth.harness.wrongHost', { url: `http://${hosts[0]}/` }));
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(405, 'text/plain; charset=utf-8', t('auth.harness.method'));
        // Only this page: another site's Origin (a browser always sends one with a POST) is refused…
        const origin = req.headers.origin;
        const site = req.headers['sec-fetch-site'];
        if ((origin !== undefined && !origins.includes(origin)) || (site !== undefined && site !== 'same-origin')) {
          return refuse('auth.harness.foreignOrigin');
        }
        // …and so is a call without this launch's key, or one whose body is not JSON (a "simple" cross-site request).
        if (!sameKey(req.headers[TOKEN_HEADER], token)) return refuse('auth.harness.noToken');
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json') return refuse('auth.harness.notJson');
        let input: unknown;
        try {
          input = JSON.parse((await readBody(req)) || '{}');
        } catch {
          input = Symbol('unparseable');
        }
        const result = await services.dispatch(url.pathname.slice('/api/'.length), input);
        return send(200, 'application/json; charset=utf-8', JSON.stringify(result));
      }
      if (req.method !== 'GET') return send(405, 'text/plain; charset=utf-8', t('auth.harness.method'));
      if (url.pathname === '/harness-api.js') return send(200, contentTypes['.js']!, apiScript);
      if (url.pathname === '/' || url.pathname === '/index.html') return send(200, contentTypes['.html']!, indexHtml());
      const file = resolveInside(opts.rendererDir, url.pathname);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile())
        return send(404, 'text/plain; charset=utf-8', t('auth.harness.notFound'));
      return send(200, contentTypes[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
    } catch (err) {
      console.error('[harness]', err);
      return send(500, 'text/plain; charset=utf-8', t('errors.internal'));
    }
  };
  // Requests still being answered when the harness closes: awaited before the database goes.
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const p = handle(req, res).finally(() => inFlight.delete(p));
    inFlight.add(p);
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // 127.0.0.1 (the address printed) and localhost (what people type) name this server; nothing else does.
  hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  origins = hosts.map((h) => `http://${h}`);
  return {
    url: `http://${hosts[0]}/?token=${token}`,
    origin: `http://${hosts[0]}`,
    token,
    db,
    services,
    exportDir: opts.exportDir,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await Promise.allSettled([...inFlight]);
      if (!opts.printer) await printer.close(); // a printer given is its owner's to close
      await services.close();
      await db.destroy();
    },
  };
}
