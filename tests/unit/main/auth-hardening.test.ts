import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/main/compose';
import { createKnex, createServerKnex } from '../../../electron/main/db/connection';
import { ensureUser } from '../../../electron/main/auth/seed';
import { currentHashCost, hashPassword, PRODUCTION_HASH_COST, setHashCostForTests } from '../../../electron/main/auth/passwords';
import { TEST_HASH_COST, TEST_PASSWORD, testApp, type TestApp } from '../../helpers/services';

/**
 * Issue 12 (security), sign-in and session: every test performs the attack and shows it
 * refused. They run on SQLite and, with ARTEINPE_TEST_PG, on PostgreSQL: "another PC" is
 * a second set of services over its own connection to the same database.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  setHashCostForTests(TEST_HASH_COST);
  while (cleanups.length) await cleanups.pop()!();
});

async function open(opts: Parameters<typeof testApp>[0] = {}): Promise<TestApp> {
  const app = await testApp(opts);
  cleanups.push(() => app.close());
  return app;
}

/** Another PC of the office: the app's services over a second connection (pool) to the same database. */
async function otherPc(app: TestApp): Promise<Services & { db: Knex }> {
  const db = app.server ? createServerKnex(app.server, { poolMax: 4 }) : createKnex(app.platform.paths.dbPath);
  cleanups.push(() => db.destroy());
  const services = await createServices(db, app.platform, { onInternalError: (channel, err) => console.error(channel, err) });
  return { ...services, db };
}

const BAD_CREDENTIALS =
  'El usuario o la contraseña no son correctos. Tras 5 intentos fallidos seguidos, la cuenta se bloquea por 5 minutos.';

describe('the account lock cannot be raced (item 7)', () => {
  it('200 wrong guesses at once, from two PCs, lock the account: the right password is then refused like a wrong one', async () => {
    const app = await open({ as: null });
    const pc2 = await otherPc(app);
    const guesses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 === 0 ? app.dispatch : pc2.dispatch)('auth.signIn', { username: 'admin-local', password: `adivinanza-${i}` }),
      ),
    );
    expect(guesses.filter((g) => g.ok)).toHaveLength(0);

    const right = await app.call('auth.signIn', { username: 'admin-local', password: TEST_PASSWORD });
    expect(right).toEqual({ ok: false, error: { code: 'validation', message: BAD_CREDENTIALS, fields: { password: BAD_CREDENTIALS } } });
    expect(await pc2.dispatch('auth.signIn', { username: 'admin-local', password: TEST_PASSWORD })).toEqual(right);
    expect(app.session.auth?.user).toBeNull();
    expect(pc2.session.auth?.user).toBeNull();
    expect(await app.call('establishments.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    // Only five passwords were checked: four failures and the lock, each audited once.
    const row = await app.db('users').where({ username: 'admin-local' }).first();
    expect(String(row.locked_until) > new Date().toISOString()).toBe(true);
    const log = await app.db('audit_log').where({ entity: 'session' }).orderBy('id').pluck('action');
    expect(log.sort()).toEqual(['accountLocked', 'signInFailed', 'signInFailed', 'signInFailed', 'signInFailed']);
  });

  it('a locked account, a wrong password and an unknown user name get the very same answer (item 13)', async () => {
    const app = await open({ as: null });
    const wrong = await app.call('auth.signIn', { username: 'admin-local', password: 'equivocada-1' });
    const unknown = await app.call('auth.signIn', { username: 'no-existe', password: 'equivocada-1' });
    for (let i = 2; i <= 5; i++) await app.call('auth.signIn', { username: 'admin-local', password: `equivocada-${i}` });
    const locked = await app.call('auth.signIn', { username: 'admin-local', password: TEST_PASSWORD });
    expect(wrong).toEqual({ ok: false, error: { code: 'validation', message: BAD_CREDENTIALS, fields: { password: BAD_CREDENTIALS } } });
    expect(unknown).toEqual(wrong);
    expect(locked).toEqual(wrong);
  });
});

describe('roles and the active flag are read again on every call (item 8)', () => {
  it('a user demoted on one PC loses the rights at once on the other; deactivated, their session ends with the reason', async () => {
    const admin = await open();
    await ensureUser(admin.db, { username: 'jsalas', fullName: 'Julia Salas Rojas', role: 'administrador', password: TEST_PASSWORD });
    const pc2 = await otherPc(admin);
    const signedIn = await pc2.dispatch('auth.signIn', { username: 'jsalas', password: TEST_PASSWORD });
    expect(signedIn).toMatchObject({ ok: true, data: { role: 'administrador' } });
    expect(await pc2.dispatch('users.list', {})).toMatchObject({ ok: true });

    const users = await admin.ok('users.list', {});
    const julia = users.find((u) => u.username === 'jsalas')!;
    const demoted = await admin.ok('users.update', {
      id: julia.id,
      version: julia.version,
      fullName: julia.fullName,
      role: 'consulta',
      establishmentIds: [],
    });

    expect(await pc2.dispatch('users.list', {})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Su usuario no tiene permiso para esta acción.', fields: {} },
    });
    expect(await pc2.dispatch('auth.status', {})).toMatchObject({ ok: true, data: { user: { username: 'jsalas', role: 'consulta' } } });
    expect(await pc2.dispatch('establishments.list', {})).toMatchObject({ ok: true });

    await admin.ok('users.setActive', { id: julia.id, version: demoted.version, active: false });
    expect(await pc2.dispatch('establishments.list', {})).toEqual({
      ok: false,
      error: {
        code: 'unauthenticated',
        message: 'Un administrador desactivó su cuenta y su sesión se cerró. Si la necesita, comuníquese con el administrador.',
        fields: {},
      },
    });
    expect(pc2.session.auth?.user).toBeNull();
    // The sign-in screen that follows says why.
    expect(await pc2.dispatch('auth.status', {})).toMatchObject({ ok: true, data: { user: null, ended: 'deactivated' } });
    expect(await pc2.dispatch('auth.signIn', { username: 'jsalas', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { message: 'Su cuenta está desactivada. Comuníquese con el administrador.' },
    });
  });

  it('an idle-locked session of a deactivated user ends too, and the check costs one read of the account per call', async () => {
    const admin = await open();
    await ensureUser(admin.db, { username: 'jsalas', fullName: 'Julia Salas Rojas', role: 'inventario', password: TEST_PASSWORD });
    const pc2 = await otherPc(admin);
    await pc2.dispatch('auth.signIn', { username: 'jsalas', password: TEST_PASSWORD });

    const queries: string[] = [];
    const listen = (q: { sql: string }) => queries.push(q.sql);
    pc2.db.on('query', listen);
    expect(await pc2.dispatch('instruments.list', {})).toMatchObject({ ok: true });
    pc2.db.off('query', listen);
    expect(queries.filter((sql) => /from [`"]users[`"]/i.test(sql))).toHaveLength(1);

    await pc2.dispatch('auth.lock', {});
    const julia = (await admin.ok('users.list', {})).find((u) => u.username === 'jsalas')!;
    await admin.ok('users.setActive', { id: julia.id, version: julia.version, active: false });
    expect(await pc2.dispatch('auth.unlock', { password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(pc2.session.auth?.user).toBeNull();
  });
});

describe('password hashes (item 13)', () => {
  it('the app hashes at N = 2^17 or more, with its parameters stored in the hash', async () => {
    setHashCostForTests(null);
    expect(currentHashCost()).toEqual(PRODUCTION_HASH_COST);
    expect(PRODUCTION_HASH_COST.N).toBeGreaterThanOrEqual(2 ** 17);
    const hash = await hashPassword('Clave-2026');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    // (That it opens the account again: the next test signs in with an upgraded hash.)
  });

  it('an old N = 2^14 hash is replaced by a stronger one at its owner’s next sign-in, and still opens the account', async () => {
    const app = await open({ as: null });
    await ensureUser(app.db, { username: 'rquispe', fullName: 'Rosa Quispe Mamani', role: 'inventario', password: TEST_PASSWORD });
    // A hash of the app's earlier cost, and the app's own cost from now on.
    const old = await hashPassword('Clave-antigua-2024', { N: 2 ** 14, r: 8, p: 1 });
    await app.db('users').where({ username: 'rquispe' }).update({ password_hash: old });
    setHashCostForTests(null);

    expect(await app.call('auth.signIn', { username: 'rquispe', password: 'Clave-antigua-2024' })).toMatchObject({ ok: true });
    const upgraded = String((await app.db('users').where({ username: 'rquispe' }).first()).password_hash);
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    const signIn = await app.db('audit_log').where({ entity: 'session', entity_id: 'rquispe', action: 'signIn' }).first();
    expect(JSON.parse(String(signIn.after_json))).toEqual({ passwordHashUpgraded: true });
    await app.ok('auth.signOut', {});
    expect(await app.call('auth.signIn', { username: 'rquispe', password: 'Clave-antigua-2024' })).toMatchObject({ ok: true });
    expect(String((await app.db('users').where({ username: 'rquispe' }).first()).password_hash)).toBe(upgraded);
  });

  it('the lower test cost is set only by the test helpers, never by the app', () => {
    const callers: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name) && fs.readFileSync(p, 'utf8').includes('setHashCostForTests'))
          callers.push(path.relative(root, p));
      }
    };
    for (const d of ['electron', 'renderer', 'shared', 'migrations']) walk(path.join(root, d));
    expect(callers).toEqual([path.join('electron', 'main', 'auth', 'passwords.ts')]);
  });
});

describe('the first-run administrator (item 15)', () => {
  it('two PCs creating it at once on one database: exactly one administrator, the other PC told in Spanish', async () => {
    const app = await open({ as: null });
    await app.db('users').delete();
    const pc2 = await otherPc(app);
    const account = (username: string, fullName: string) => ({ username, fullName, password: 'Arte-2026-inpe', confirm: 'Arte-2026-inpe' });
    const results = await Promise.all([
      app.dispatch('auth.setupAdmin', account('mflores', 'María Flores Quispe')),
      pc2.dispatch('auth.setupAdmin', account('jperez', 'Juan Pérez Huamán')),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'El administrador ya fue creado. Ingrese con su usuario.', fields: {} },
    });
    const users = await app.db('users').select('username', 'role');
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ role: 'administrador' });
    expect(await app.db('audit_log').where({ entity: 'user', action: 'create' }).pluck('user_id')).toEqual([users[0].username]);
  });
});
