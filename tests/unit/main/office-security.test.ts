import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverConfigFromUrl, sslOption } from '../../../electron/main/db/connection';
import { choicePath, readChoice, writeChoice, type DatabaseChoice } from '../../../electron/main/office/config';
import { classifyConnectionError, probeServer } from '../../../electron/main/office/probe';
import { ServerSettingsInput, DatabaseSave } from '../../../shared/office/schemas';
import { translator } from '../../../electron/main/i18n';
import { testApp, type TestApp } from '../../helpers/services';
import { fakePostgres, type FakePostgres } from '../../helpers/fake-pg';
import { testServerUrl } from '../../helpers/pg';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Issue 12 (security), office mode: the saved server password goes only to the server it
 * was saved for; TLS is on by default, verified, with the server's CA certificate as a
 * setting, and its failures are named in Spanish. Each attack is performed against a local
 * listener that records what it is sent (helpers/fake-pg.ts).
 */

const cleanups = cleanupsAfterEach();

const tlsDir = path.resolve(import.meta.dirname, '../../helpers/tls');
const pem = (name: string) => fs.readFileSync(path.join(tlsDir, name), 'utf8');

const SAVED = 'Clave-Guardada-Oficina-2026';

async function pcWithSavedServer(server: Partial<NonNullable<DatabaseChoice['server']>> = {}): Promise<TestApp> {
  const pc = await testApp({ sqlite: true });
  cleanups.push(() => pc.close());
  writeChoice(pc.platform.paths, {
    mode: 'server',
    server: {
      host: 'servidor-oficina',
      port: 5432,
      database: 'arteinpe',
      user: 'arteinpe',
      ssl: false,
      caCert: null,
      passwordSealed: await pc.platform.secrets!.seal(SAVED),
      ...server,
    },
  });
  return pc;
}

async function listener(opts: Parameters<typeof fakePostgres>[0] = {}): Promise<FakePostgres> {
  const fake = await fakePostgres(opts);
  cleanups.push(() => fake.close());
  return fake;
}

/** The form filled in for the local listener: the office's database and account; no TLS and the password left empty unless `over` says otherwise. */
const listenerForm = (fake: FakePostgres, over: { password?: string; ssl?: boolean } = {}) => ({
  host: '127.0.0.1',
  port: fake.port,
  database: 'arteinpe',
  user: 'arteinpe',
  password: '',
  ssl: false,
  ...over,
});

type AuditRow = { channel: string; action: string; entity: string; after_json: string };
const audits = async (pc: TestApp, channel: string) =>
  ((await pc.db('audit_log').where({ channel }).orderBy('id').select('channel', 'action', 'entity', 'after_json')) as AuditRow[]).map(
    (r) => ({
      ...r,
      after: JSON.parse(r.after_json) as Record<string, unknown>,
    }),
  );

describe('the saved office password goes only to the server it was saved for', () => {
  it('"Probar conexión" with another host and the password left empty does not send the saved password, says so in Spanish, and is audited', async () => {
    const fake = await listener();
    const pc = await pcWithSavedServer();
    const form = listenerForm(fake);

    const r = await pc.ok('office.testDatabase', form);
    expect(fake.passwords).not.toContain(SAVED);
    expect(r).toMatchObject({ ok: false, problem: 'passwordNeeded' });
    expect(r.message).toContain('Escriba la contraseña: la contraseña guardada solo se usa con el mismo servidor');
    expect(r.message).toContain('no se envió a 127.0.0.1');

    const [entry, ...more] = await audits(pc, 'office.testDatabase');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ entity: 'database', action: 'testConnection' });
    expect(entry!.after).toEqual({
      host: '127.0.0.1',
      port: fake.port,
      database: 'arteinpe',
      user: 'arteinpe',
      ssl: false,
      caCert: null,
      password: 'none',
      result: 'passwordNeeded',
    });
    expect(entry!.after_json).not.toContain(SAVED);
  });

  it('the saved password is sent to the very server it was saved for, and not when the database, the user or the port differ, or TLS is turned off', async () => {
    const fake = await listener();
    const pc = await pcWithSavedServer({ host: '127.0.0.1', port: fake.port });
    const same = listenerForm(fake);

    // The same server: the kept password is what lets a clerk test without retyping it.
    await pc.ok('office.testDatabase', same);
    expect(fake.passwords).toEqual([SAVED]);

    for (const other of [{ database: 'otra_base' }, { user: 'intruso' }]) {
      const r = await pc.ok('office.testDatabase', { ...same, ...other });
      expect(r.problem).toBe('passwordNeeded');
    }
    expect(fake.passwords).toEqual([SAVED, '', '']);
    const otherPort = await listener();
    expect((await pc.ok('office.testDatabase', { ...same, port: otherPort.port })).problem).toBe('passwordNeeded');
    expect(otherPort.passwords).toEqual(['']);

    // Saved with TLS: never sent over a connection without it.
    const tlsPc = await pcWithSavedServer({ host: '127.0.0.1', port: fake.port, ssl: true });
    const r = await tlsPc.ok('office.testDatabase', same);
    expect(r.problem).toBe('passwordNeeded');
    expect(fake.passwords.filter((p) => p === SAVED)).toHaveLength(1);

    const logged = await audits(pc, 'office.testDatabase');
    expect(logged.map((e) => e.after.password)).toEqual(['saved', 'none', 'none', 'none']);
  });

  it('"Llevar mis datos al servidor" with another host and the password left empty does not send the saved password, and is audited', async () => {
    const fake = await listener();
    const pc = await pcWithSavedServer();
    const r = await pc.ok('office.copyToServer', { ...listenerForm(fake), confirm: true });
    expect(fake.passwords).not.toContain(SAVED);
    expect(r).toMatchObject({ ok: false, totalRows: 0, message: expect.stringContaining('Escriba la contraseña') });

    const [entry, ...more] = await audits(pc, 'office.copyToServer');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ entity: 'database', action: 'copyToServer' });
    expect(entry!.after).toMatchObject({ host: '127.0.0.1', port: fake.port, password: 'none', result: 'passwordNeeded' });
    expect(entry!.after_json).not.toContain(SAVED);
  });

  it('saving another host with the password left empty sends nothing kept, says next to the password field why, and keeps the old choice', async () => {
    const fake = await listener();
    const pc = await pcWithSavedServer();
    const before = fs.readFileSync(choicePath(pc.platform.paths), 'utf8');
    const r = await pc.call('office.saveDatabase', { mode: 'server', ...listenerForm(fake) });
    expect(fake.passwords).not.toContain(SAVED);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { password: expect.stringContaining('Escriba la contraseña') } },
    });
    expect(fs.readFileSync(choicePath(pc.platform.paths), 'utf8')).toBe(before);
  });

  it('a password typed in the form is the one sent', async () => {
    const fake = await listener();
    const pc = await pcWithSavedServer();
    await pc.ok('office.testDatabase', listenerForm(fake, { password: 'Otra-Clave' }));
    expect(fake.passwords).toEqual(['Otra-Clave']);
    expect((await audits(pc, 'office.testDatabase'))[0]!.after).toMatchObject({ password: 'typed', result: 'auth' });
  });
});

describe('office connections: TLS on by default, verified, with the server CA as a setting', () => {
  it('a new server configuration has TLS on and no CA of its own', () => {
    const form = { host: 'servidor-oficina', port: 5432, database: 'arteinpe', user: 'arteinpe' };
    expect(ServerSettingsInput.parse(form)).toMatchObject({ ssl: true, caCert: null, password: '' });
    expect(DatabaseSave.parse({ mode: 'server', ...form })).toMatchObject({ ssl: true, caCert: null });
    // A configuration file written before the CA setting: read with none, its TLS as it was.
    expect(sslOption({ ssl: true })).toEqual({ rejectUnauthorized: true });
    expect(sslOption({ ssl: true, caCert: pem('ca.pem') })).toEqual({ rejectUnauthorized: true, ca: pem('ca.pem') });
    expect(sslOption({ ssl: false, caCert: pem('ca.pem') })).toBe(false);
    // A postgres:// URL (tests, bench, tools) follows its sslmode.
    expect(serverConfigFromUrl('postgres://u:p@h:5432/db?sslmode=verify-full').ssl).toBe(true);
    expect(serverConfigFromUrl('postgres://u:p@h:5432/db').ssl).toBe(false);
  });

  it('the TLS failures of pg and Node are named by what to do about them', () => {
    const cases: Array<[{ code?: string; message: string }, string]> = [
      [{ message: 'The server does not support SSL connections' }, 'tlsUnsupported'],
      [{ code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain' }, 'tlsUntrusted'],
      [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'tlsUntrusted'],
      [{ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' }, 'tlsUntrusted'],
      [{ code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', message: 'unable to get local issuer certificate' }, 'tlsUntrusted'],
      [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: "Hostname/IP does not match certificate's altnames" }, 'tlsName'],
      [{ code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }, 'tlsExpired'],
      [{ code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'wrong version number' }, 'tls'],
      [{ code: '28P01', message: 'password authentication failed' }, 'auth'],
      [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'unreachable'],
    ];
    for (const [err, problem] of cases)
      expect(classifyConnectionError(Object.assign(new Error(err.message), err)), err.message).toBe(problem);
  });

  it('every TLS problem has its own sentence in Spanish that says what to do', () => {
    const params = { host: 'servidor-oficina', port: 5432, database: 'arteinpe', detail: 'x' };
    const es = translator('es-PE');
    expect(es('office.test.tlsUnsupported', params)).toMatch(/^El servidor servidor-oficina no acepta conexiones cifradas \(TLS\)/);
    expect(es('office.test.tlsUntrusted', params)).toContain('certificado de la autoridad (CA)');
    expect(es('office.test.tlsName', params)).toContain('no corresponde al nombre «servidor-oficina»');
    expect(es('office.test.tlsExpired', params)).toContain('vencido');
  });

  it('TLS on against a server without TLS: refused in Spanish before any password is sent', async () => {
    const fake = await listener();
    const pc = await testApp({ sqlite: true });
    cleanups.push(() => pc.close());
    const r = await pc.ok('office.testDatabase', {
      host: '127.0.0.1',
      port: fake.port,
      database: 'arteinpe',
      user: 'arteinpe',
      password: 'Secreta-2026',
    });
    expect(r).toMatchObject({
      ok: false,
      problem: 'tlsUnsupported',
      message: expect.stringContaining('no acepta conexiones cifradas (TLS)'),
    });
    expect(fake.passwords).toEqual([]);
  });

  it('a server certificate no trusted authority signed is refused in Spanish; with its CA chosen it verifies; for another name it is refused', async () => {
    const pc = await testApp({ sqlite: true });
    cleanups.push(() => pc.close());
    const form = { host: '127.0.0.1', database: 'arteinpe', user: 'arteinpe', password: 'Secreta-2026', ssl: true };

    const trusted = await listener({ tls: { key: pem('server.key'), cert: pem('server.pem') } });
    const untrusted = await pc.ok('office.testDatabase', { ...form, port: trusted.port });
    expect(untrusted).toMatchObject({
      ok: false,
      problem: 'tlsUntrusted',
      message: expect.stringContaining('No se pudo verificar el certificado del servidor 127.0.0.1'),
    });
    expect(trusted.passwords).toEqual([]);

    // The administrator chooses the office's CA certificate: the handshake verifies, and only then the password goes (encrypted).
    const withCa = await pc.ok('office.testDatabase', { ...form, port: trusted.port, caCert: pem('ca.pem') });
    expect(withCa.problem).toBe('auth');
    expect(trusted.tlsSessions).toBe(1);
    expect(trusted.passwords).toEqual(['Secreta-2026']);

    const otherName = await listener({ tls: { key: pem('other.key'), cert: pem('other.pem') } });
    const wrongName = await pc.ok('office.testDatabase', { ...form, port: otherName.port, caCert: pem('ca.pem') });
    expect(wrongName).toMatchObject({
      ok: false,
      problem: 'tlsName',
      message: expect.stringContaining('no corresponde al nombre «127.0.0.1»'),
    });
    expect(otherName.passwords).toEqual([]);

    const logged = await audits(pc, 'office.testDatabase');
    expect(logged.map((e) => e.after.result)).toEqual(['tlsUntrusted', 'auth', 'tlsName']);
    expect(logged[1]!.after.caCert).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('a CA file that is not a PEM certificate is refused next to its field, as it was chosen, and nothing is sent', async () => {
    const fake = await listener();
    const pc = await testApp({ sqlite: true });
    cleanups.push(() => pc.close());
    const form = listenerForm(fake, { password: 'Secreta-2026', ssl: true });
    for (const caCert of ['no es un certificado', pem('server.key'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----']) {
      const r = await pc.call('office.testDatabase', { ...form, caCert });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'validation', fields: { caCert: expect.stringContaining('no es un certificado PEM válido') } },
      });
    }
    expect(fake.passwords).toEqual([]);
  });

  it('the CA certificate is kept with the choice (as text, it is public) and shown by its subject', async () => {
    const fake = await listener({ tls: { key: pem('server.key'), cert: pem('server.pem') } });
    const pc = await pcWithSavedServer({ host: '127.0.0.1', port: fake.port, ssl: true, caCert: pem('ca.pem') });
    expect(readChoice(pc.platform.paths).server!.caCert).toBe(pem('ca.pem'));
    const settings = await pc.ok('office.database', {});
    expect(settings.server).toMatchObject({
      ssl: true,
      caCert: pem('ca.pem'),
      caCertSubject: expect.stringContaining('CN=Autoridad de prueba ArteINPE'),
    });
    // The kept password goes to that server with that CA, and not when another CA is chosen.
    await pc.ok('office.testDatabase', { ...listenerForm(fake, { ssl: true }), caCert: pem('ca.pem') });
    expect(fake.passwords).toEqual([SAVED]);
  });
});

const url = testServerUrl();
describe.skipIf(!url)('TLS against the throwaway PostgreSQL server (ARTEINPE_TEST_PG)', () => {
  it('the test server has no TLS: a probe with TLS on says so in Spanish; with TLS off it connects', async () => {
    const config = serverConfigFromUrl(url!);
    const on = await probeServer({ ...config, ssl: true });
    expect(on.problem).toBe('tlsUnsupported');
    const off = await probeServer({ ...config, ssl: false });
    expect(off.problem).toBeNull();
  });
});
