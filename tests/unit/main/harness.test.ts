import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TOKEN_HEADER, type Harness } from '../../../electron/harness/server';
import { PRODUCTION_CSP } from '../../../electron/main/security';
import { ensureUser, signInAs } from '../../../electron/main/auth/seed';
import { TEST_PASSWORD } from '../../helpers/services';

let dir: string;
let h: Harness;
/** A channel call as the harness's own page makes it: its launch key, a JSON body. */
const api = (channel: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${h.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token, ...headers },
    body,
  });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-harness-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>x</title></head><body></body></html>');
  h = await startHarness({ dbPath: path.join(dir, 'db.sqlite'), exportDir: path.join(dir, 'exp'), rendererDir });
  // The harness starts signed out, like the app: nothing but the sign-in channels answers.
  const before = await api('regionalOffices.list', '{}').then((r) => r.json());
  expect(before).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  await ensureUser(h.db, { username: 'admin', fullName: 'Administradora', role: 'administrador', password: TEST_PASSWORD });
  await signInAs(h.db, h.services.session, 'admin');
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the browser harness (npm run start:browser)', () => {
  it('listens on 127.0.0.1 only and serves pages under the production CSP', async () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(h.url).toBe(`${h.origin}/?token=${h.token}`);
    const res = await fetch(h.url);
    expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toContain('<script src="/harness-api.js"></script>');
  });

  it('binds window.api to the real pipeline', async () => {
    const ok = (await api('regionalOffices.list', '{}').then((r) => r.json())) as { data: unknown[] };
    expect(ok).toMatchObject({ ok: true });
    expect(ok.data).toHaveLength(8);
    const bad = await api('establishments.create', 'no es json').then((r) => r.json());
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    const script = await fetch(`${h.origin}/harness-api.js`).then((r) => r.text());
    expect(script).toContain('"establishments.list"');
    // The page's script sends the key it read from the address; it holds none itself.
    expect(script).toContain(TOKEN_HEADER);
    expect(script).not.toContain(h.token);
  });

  it('refuses requests addressed to another host name (DNS rebinding) with a Spanish page, and files outside the build', async () => {
    const http = await import('node:http');
    const answer = await new Promise<{ status: number; body: string }>((resolve) => {
      const req = http.request(`${h.origin}/api/app.info`, { method: 'POST', headers: { host: 'evil.example:80' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.end('{}');
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Esta dirección no corresponde a ArteINPE en esta PC.');
    expect(answer.body).not.toContain(h.token);
    expect((await fetch(`${h.origin}/..%2f..%2fdb.sqlite`)).status).toBe(404);
  });

  it('answers at localhost:<port> as well (what people type), still only with the key', async () => {
    const local = h.origin.replace('127.0.0.1', 'localhost');
    const page = await fetch(`${local}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/harness-api.js"></script>');
    const withKey = await fetch(`${local}/api/regionalOffices.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token, origin: local },
      body: '{}',
    });
    expect(await withKey.json()).toMatchObject({ ok: true });
  });
});

describe('another web page or local process cannot drive the signed-in harness (issue 12, item 2)', () => {
  const attack = JSON.stringify({
    username: 'intruso',
    fullName: 'Intruso Externo',
    role: 'administrador',
    establishmentIds: [],
    password: 'Intruso-2026',
    confirm: 'Intruso-2026',
  });
  const userCount = async () => Number(((await h.db('users').count({ n: '*' }).first()) as { n: number }).n);

  it('a cross-site no-cors POST (text/plain, no key, another Origin) creating an administrator is refused; nothing is written', async () => {
    const before = await userCount();
    const audits = await h.db('audit_log').count({ n: '*' }).first();
    // What a page of another site can send without a preflight: a "simple" request.
    const res = await fetch(`${h.origin}/api/users.create`, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain;charset=UTF-8',
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'no-cors',
      },
      body: attack,
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Solicitud rechazada: viene de otra página web, no de ArteINPE.', fields: {} },
    });
    expect(await userCount()).toBe(before);
    expect(await h.db('users').where({ username: 'intruso' }).first()).toBeUndefined();
    expect(await h.db('audit_log').count({ n: '*' }).first()).toEqual(audits);
  });

  it('each defence holds on its own: without the key, with a foreign Origin, with a body that is not JSON', async () => {
    const before = await userCount();
    const cases: Array<{ headers: Record<string, string>; message: string }> = [
      // A local process (or a page) that does not know this launch's key.
      { headers: { [TOKEN_HEADER]: '' }, message: 'Falta la clave de acceso de esta ventana.' },
      {
        headers: { [TOKEN_HEADER]: h.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
        message: 'Falta la clave de acceso de esta ventana.',
      },
      // The right key (say, leaked) but sent from another site's page.
      { headers: { origin: 'http://evil.example' }, message: 'Solicitud rechazada: viene de otra página web, no de ArteINPE.' },
      { headers: { origin: 'null' }, message: 'Solicitud rechazada: viene de otra página web, no de ArteINPE.' },
      { headers: { 'sec-fetch-site': 'same-site' }, message: 'Solicitud rechazada: viene de otra página web, no de ArteINPE.' },
      // The right key, but a form's or a beacon's body type.
      { headers: { 'content-type': 'text/plain' }, message: 'Solicitud rechazada: ArteINPE solo acepta datos en formato JSON.' },
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        message: 'Solicitud rechazada: ArteINPE solo acepta datos en formato JSON.',
      },
    ];
    for (const c of cases) {
      const res = await api('users.create', attack, c.headers);
      expect(res.status, JSON.stringify(c.headers)).toBe(403);
      const body = (await res.json()) as { ok: boolean; error: { message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.message.startsWith(c.message), body.error.message).toBe(true);
    }
    const missing = await fetch(`${h.origin}/api/users.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: attack,
    });
    expect(missing.status).toBe(403);
    expect(await userCount()).toBe(before);

    // The page itself, with its key, its Origin and JSON, may.
    const allowed = await api('users.create', attack, { origin: h.origin, 'sec-fetch-site': 'same-origin' }).then((r) => r.json());
    expect(allowed).toMatchObject({ ok: true, data: { username: 'intruso' } });
    expect(await userCount()).toBe(before + 1);
  });
});
