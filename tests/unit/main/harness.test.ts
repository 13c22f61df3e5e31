import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { PRODUCTION_CSP } from '../../../electron/main/security';
import { ensureUser, signInAs } from '../../../electron/main/auth/seed';

let dir: string;
let h: Harness;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-harness-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>x</title></head><body></body></html>');
  h = await startHarness({ dbPath: path.join(dir, 'db.sqlite'), exportDir: path.join(dir, 'exp'), rendererDir });
  // The harness starts signed out, like the app: nothing but the sign-in channels answers.
  const before = await fetch(`${h.url}api/regionalOffices.list`, { method: 'POST', body: '{}' }).then((r) => r.json());
  expect(before).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  await ensureUser(h.db, { username: 'admin', fullName: 'Administradora', role: 'administrador', password: 'Clave-2026-segura' });
  await signInAs(h.db, h.services.session, 'admin');
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the browser harness (npm run start:browser)', () => {
  it('listens on 127.0.0.1 only and serves pages under the production CSP', async () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(h.url);
    expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(await res.text()).toContain('<script src="/harness-api.js"></script>');
  });

  it('binds window.api to the real pipeline', async () => {
    const ok = await fetch(`${h.url}api/regionalOffices.list`, { method: 'POST', body: '{}' }).then((r) => r.json());
    expect(ok).toMatchObject({ ok: true });
    expect(ok.data).toHaveLength(8);
    const bad = await fetch(`${h.url}api/establishments.create`, { method: 'POST', body: 'no es json' }).then((r) => r.json());
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    const script = await fetch(`${h.url}harness-api.js`).then((r) => r.text());
    expect(script).toContain('"establishments.list"');
  });

  it('refuses requests addressed to another host name (DNS rebinding) and files outside the build', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(h.url + 'api/app.info', { method: 'POST', headers: { host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(403);
    expect((await fetch(`${h.url}..%2f..%2fdb.sqlite`)).status).toBe(404);
  });
});
