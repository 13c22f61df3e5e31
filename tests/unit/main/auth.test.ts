import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../electron/main/auth/passwords';
import { snapshot, TEST_PASSWORD, testApp, validEstablishment, type TestApp } from '../../helpers/services';

let app: TestApp;
afterEach(() => app?.close());

/** Wrong password, unknown user and locked account alike (issue 12: sign-in does not tell which user names exist). */
const BAD_CREDENTIALS =
  'El usuario o la contraseña no son correctos. Tras 5 intentos fallidos seguidos, la cuenta se bloquea por 5 minutos.';

const newUser = (over: Record<string, unknown> = {}) => ({
  username: 'rquispe',
  fullName: 'Rosa Quispe Mamani',
  role: 'inventario' as const,
  password: 'Inicial-2026',
  confirm: 'Inicial-2026',
  ...over,
});

describe('first run', () => {
  it('with no account, only the administrator’s creation is offered; it signs in, once', async () => {
    app = await testApp({ as: null });
    await app.db('users').delete();
    expect(await app.ok('auth.status', {})).toMatchObject({ setupNeeded: true, user: null });
    expect(await app.call('establishments.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const admin = await app.ok('auth.setupAdmin', {
      username: 'MFlores',
      fullName: 'María Flores',
      password: 'Arte-2026-inpe',
      confirm: 'Arte-2026-inpe',
    });
    expect(admin).toMatchObject({ username: 'mflores', role: 'administrador' });
    expect(await app.ok('auth.status', {})).toMatchObject({ setupNeeded: false, user: { username: 'mflores' } });
    expect(await app.db('audit_log').where({ entity: 'user' }).first()).toMatchObject({ user_id: 'mflores', action: 'create' });

    const before = await snapshot(app.db);
    expect(
      await app.call('auth.setupAdmin', {
        username: 'otro',
        fullName: 'Otro Admin',
        password: 'Arte-2026-inpe',
        confirm: 'Arte-2026-inpe',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'El administrador ya fue creado. Ingrese con su usuario.' },
    });
    expect(await snapshot(app.db)).toBe(before);
  });
});

describe('passwords', () => {
  it('are kept only as scrypt hashes with a salt of their own', async () => {
    const a = await hashPassword('Clave-2026');
    const b = await hashPassword('Clave-2026');
    // At the tests' lower cost (helpers/services.ts); the production cost: auth-hardening.test.ts.
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Clave');
    expect(await verifyPassword('Clave-2026', a)).toBe(true);
    expect(await verifyPassword('clave-2026', a)).toBe(false);
    expect(await verifyPassword('Clave-2026', 'texto-cualquiera')).toBe(false);

    app = await testApp();
    await app.ok('users.create', newUser());
    const row = await app.db('users').where({ username: 'rquispe' }).first();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(await app.db('audit_log').select('*'))).not.toMatch(/scrypt|Inicial-2026/);
  });
});

describe('signing in', () => {
  it('a wrong password gets a clear Spanish message and nothing else changes', async () => {
    app = await testApp({ as: null });
    const r = await app.call('auth.signIn', { username: 'admin-local', password: 'equivocada' });
    expect(r).toMatchObject({ ok: false, error: { fields: { password: BAD_CREDENTIALS } } });
    const unknown = await app.call('auth.signIn', { username: 'nadie', password: 'equivocada' });
    expect(unknown).toMatchObject({ ok: false, error: { fields: { password: BAD_CREDENTIALS } } });
    expect(app.session.auth?.user).toBeNull();
    expect(await app.ok('auth.signIn', { username: 'admin-local', password: TEST_PASSWORD })).toMatchObject({ username: 'admin-local' });
    expect(await app.call('establishments.list', {})).toMatchObject({ ok: true });
  });

  it('five failures lock the account for five minutes, even with the right password; the lock is audited', async () => {
    app = await testApp({ as: null });
    for (let i = 0; i < 4; i++) await app.call('auth.signIn', { username: 'admin-local', password: `mala-${i}` });
    const fifth = await app.call('auth.signIn', { username: 'admin-local', password: 'mala-5' });
    // The same answer as any wrong password (it tells that failures lock the account), never "this account is locked".
    expect(fifth).toMatchObject({ ok: false, error: { code: 'validation', message: BAD_CREDENTIALS } });
    const right = await app.call('auth.signIn', { username: 'admin-local', password: TEST_PASSWORD });
    expect(right).toEqual(fifth);
    expect(app.session.auth?.user).toBeNull();
    const log = await app.db('audit_log').where({ entity: 'session' }).orderBy('id').pluck('action');
    expect(log).toEqual(['signInFailed', 'signInFailed', 'signInFailed', 'signInFailed', 'accountLocked']);

    // Five minutes later (the lock's end moved into the past), the right password works again.
    await app
      .db('users')
      .where({ username: 'admin-local' })
      .update({ locked_until: new Date(Date.now() - 1000).toISOString() });
    expect(await app.call('auth.signIn', { username: 'admin-local', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect(await app.db('users').where({ username: 'admin-local' }).first()).toMatchObject({ failed_attempts: 0, locked_until: null });
  });

  it('a disabled account cannot sign in', async () => {
    app = await testApp();
    const u = await app.ok('users.create', newUser());
    await app.ok('users.setActive', { id: u.id, version: u.version, active: false });
    await app.signInAs(null);
    expect(await app.call('auth.signIn', { username: 'rquispe', password: 'Inicial-2026' })).toMatchObject({
      ok: false,
      error: { message: 'Su cuenta está desactivada. Comuníquese con el administrador.' },
    });
  });

  it('a first password from the administrator must be changed before anything else', async () => {
    app = await testApp();
    const est = await app.ok('establishments.create', validEstablishment());
    await app.ok('users.create', newUser());
    await app.ok('auth.signOut', {});
    const user = await app.ok('auth.signIn', { username: 'rquispe', password: 'Inicial-2026' });
    expect(user.mustChangePassword).toBe(true);
    expect(await app.call('instruments.list', {})).toMatchObject({
      ok: false,
      error: { message: 'Cambie primero su contraseña temporal.' },
    });
    expect(
      await app.call('auth.changePassword', { currentPassword: 'equivocada', password: 'Propia-2026', confirm: 'Propia-2026' }),
    ).toMatchObject({
      ok: false,
      error: { fields: { currentPassword: 'La contraseña actual no es correcta.' } },
    });
    await app.ok('auth.changePassword', { currentPassword: 'Inicial-2026', password: 'Propia-2026', confirm: 'Propia-2026' });
    expect(await app.call('instruments.list', { establishmentId: est.id })).toMatchObject({ ok: true });
    await app.ok('auth.signOut', {});
    expect(await app.call('auth.signIn', { username: 'rquispe', password: 'Inicial-2026' })).toMatchObject({ ok: false });
    expect(await app.call('auth.signIn', { username: 'rquispe', password: 'Propia-2026' })).toMatchObject({ ok: true });
  });

  it('every write is attributed to the user who made it', async () => {
    app = await testApp();
    await app.ok('users.create', newUser({ role: 'administrador' }));
    await app.ok('auth.signOut', {});
    await app.ok('auth.signIn', { username: 'rquispe', password: 'Inicial-2026' });
    await app.ok('auth.changePassword', { currentPassword: 'Inicial-2026', password: 'Propia-2026', confirm: 'Propia-2026' });
    const e = await app.ok('establishments.create', validEstablishment());
    expect(e.updatedBy).toBe('Rosa Quispe Mamani');
    expect(await app.db('audit_log').where({ entity: 'establishment' }).first()).toMatchObject({
      user_id: 'rquispe',
      user_name: 'Rosa Quispe Mamani',
    });
  });
});

describe('the idle lock', () => {
  it('locks the session after 15 idle minutes; the password opens it again; polling does not keep it open', async () => {
    let now = Date.parse('2026-11-26T15:00:00Z');
    app = await testApp({ clock: () => now });
    expect(await app.call('establishments.list', {})).toMatchObject({ ok: true });
    now += 14 * 60_000;
    expect(await app.call('jobs.status', { id: 'ninguna' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    now += 2 * 60_000; // 16 minutes since the user last did something
    expect(await app.call('establishments.list', {})).toMatchObject({
      ok: false,
      error: { code: 'locked', message: 'La sesión está bloqueada. Escriba su contraseña para continuar.' },
    });
    expect(await app.ok('auth.status', {})).toMatchObject({ locked: true, user: { username: 'admin-local' } });
    expect(await app.call('auth.unlock', { password: 'equivocada' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    await app.ok('auth.unlock', { password: TEST_PASSWORD });
    expect(await app.call('establishments.list', {})).toMatchObject({ ok: true });
  });

  it('the user may lock it at once, and sign out from the lock screen', async () => {
    app = await testApp();
    await app.ok('auth.lock', {});
    expect(await app.call('dashboard.summary', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    await app.ok('auth.signOut', {});
    expect(await app.ok('auth.status', {})).toMatchObject({ user: null, locked: false });
  });

  it('five wrong passwords at the lock screen sign out and lock the account', async () => {
    app = await testApp();
    await app.ok('auth.lock', {});
    for (let i = 0; i < 5; i++) await app.call('auth.unlock', { password: `mala-${i}` });
    expect(app.session.auth?.user).toBeNull();
    expect(await app.call('auth.signIn', { username: 'admin-local', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: BAD_CREDENTIALS },
    });
    expect(await app.db('users').where({ username: 'admin-local' }).first()).toMatchObject({ locked_until: expect.any(String) });
  });
});

describe('the administrator’s user accounts', () => {
  it('creates, edits, disables and resets; a reset unlocks the account', async () => {
    app = await testApp();
    const est = await app.ok('establishments.create', validEstablishment());
    const u = await app.ok('users.create', newUser({ establishmentIds: [est.id] }));
    expect(u).toMatchObject({ role: 'inventario', establishmentNames: ['E.P. de Prueba'], mustChangePassword: true });
    expect(await app.call('users.create', newUser({ username: 'RQUISPE' }))).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { username: 'Ya existe el usuario rquispe.' } },
    });
    const edited = await app.ok('users.update', {
      id: u.id,
      version: u.version,
      fullName: 'Rosa Quispe',
      role: 'consulta',
      establishmentIds: [],
    });
    expect(edited).toMatchObject({ role: 'consulta', establishmentIds: [] });
    await app.db('users').where({ id: u.id }).update({ failed_attempts: 3, locked_until: '2999-01-01T00:00:00.000Z' });
    const reset = await app.ok('users.resetPassword', {
      id: u.id,
      version: edited.version,
      password: 'Temporal-77',
      confirm: 'Temporal-77',
    });
    expect(reset).toMatchObject({ lockedUntil: null, failedAttempts: 0, mustChangePassword: true });
    const actions = await app
      .db('audit_log')
      .where({ entity: 'user', entity_id: String(u.id) })
      .orderBy('id')
      .pluck('action');
    expect(actions).toEqual(['create', 'update', 'resetPassword']);
  });

  it('keeps one active administrator and never disables the signed-in user', async () => {
    app = await testApp();
    const me = (await app.ok('users.list', {}))[0]!;
    const before = await snapshot(app.db);
    expect(await app.call('users.setActive', { id: me.id, version: me.version, active: false })).toMatchObject({
      ok: false,
      error: { message: 'No puede desactivar su propia cuenta.' },
    });
    expect(
      await app.call('users.update', { id: me.id, version: me.version, fullName: me.fullName, role: 'consulta', establishmentIds: [] }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Debe quedar al menos un administrador activo.' },
    });
    expect(await snapshot(app.db)).toBe(before);
  });
});
