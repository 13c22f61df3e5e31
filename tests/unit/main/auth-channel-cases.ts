import fs from 'node:fs';
import { expect } from 'vitest';
import type { auditChannels } from '../../../shared/audit/channels';
import type { authChannels } from '../../../shared/auth/channels';
import type { userChannels } from '../../../shared/users/channels';
import type { backupChannels } from '../../../shared/backups/channels';
import { TEST_PASSWORD, type TestApp } from '../../helpers/services';
import type { Case } from '../../helpers/channel-cases';

/**
 * Users and roles, the audit log and backups: cases for channels.test.ts. One valid call per
 * channel (as the administrator testApp signs in) and payloads the schemas refuse (each must
 * change nothing and answer in Spanish).
 */
type Name = (typeof authChannels | typeof userChannels | typeof auditChannels | typeof backupChannels)[number];

const newUser = (over: Record<string, unknown> = {}) => ({
  username: 'mflores',
  fullName: 'Marta Flores Quispe',
  role: 'inventario',
  establishmentIds: [],
  password: 'Inicial-2026',
  confirm: 'Inicial-2026',
  ...over,
});
const reason = 'Auditoría anual del Órgano de Control Institucional 2026';

export function authChannelCases(get: () => { app: TestApp; establishmentId: number }): {
  valid: { [K in Name]: Case };
  invalid: { [K in Name]: unknown[] };
} {
  const app = () => get().app;
  const created = () => app().ok('users.create', newUser() as never);
  const localBackup = async () => {
    const { jobId } = await app().ok('backups.create', { destination: 'local' });
    const s = await app().jobs.wait(jobId);
    return (s!.result as { name: string }).name;
  };

  const valid: { [K in Name]: Case } = {
    'auth.status': {
      input: () => ({}),
      check: (d) =>
        expect(d).toMatchObject({
          setupNeeded: false,
          locked: false,
          idleMinutes: 15,
          user: { username: 'admin-local', role: 'administrador' },
        }),
    },
    'auth.setupAdmin': {
      // The first run: no account exists yet.
      input: async () => (
        await app().db('users').delete(),
        { username: 'Jefa.Arte', fullName: 'María Flores', password: 'Inpe-2026-arte', confirm: 'Inpe-2026-arte' }
      ),
      check: (d) =>
        expect(d).toMatchObject({
          username: 'jefa.arte',
          role: 'administrador',
          permissions: ['personalData', 'artists'],
          mustChangePassword: false,
        }),
    },
    'auth.signIn': {
      input: () => ({ username: 'ADMIN-LOCAL', password: TEST_PASSWORD }),
      check: (d) => expect(d).toMatchObject({ username: 'admin-local', fullName: 'Administrador local' }),
    },
    'auth.signOut': { input: () => ({}), check: () => expect(app().session.auth?.user).toBeNull() },
    'auth.lock': { input: () => ({}), check: () => expect(app().session.auth?.locked).toBe(true) },
    'auth.unlock': {
      input: async () => (await app().ok('auth.lock', {}), { password: TEST_PASSWORD }),
      check: () => expect(app().session.auth?.locked).toBe(false),
    },
    'auth.changePassword': {
      input: () => ({ currentPassword: TEST_PASSWORD, password: 'Nueva-clave-2027', confirm: 'Nueva-clave-2027' }),
      check: (d) => expect(d).toMatchObject({ username: 'admin-local', mustChangePassword: false }),
    },
    'users.list': {
      input: () => ({}),
      check: (d) => expect(d).toMatchObject([{ username: 'admin-local', role: 'administrador', active: true }]),
    },
    'users.create': {
      input: () => newUser({ establishmentIds: [get().establishmentId] }),
      check: (d) =>
        expect(d).toMatchObject({ username: 'mflores', mustChangePassword: true, establishmentNames: ['E.P. Base'], active: true }),
    },
    'users.update': {
      input: async () => {
        const u = await created();
        return { id: u.id, version: u.version, fullName: 'Marta Flores', role: 'consulta', establishmentIds: [] };
      },
      check: (d) => expect(d).toMatchObject({ fullName: 'Marta Flores', role: 'consulta', version: 2 }),
    },
    'users.setActive': {
      input: async () => {
        const u = await created();
        return { id: u.id, version: u.version, active: false };
      },
      check: (d) => expect(d).toMatchObject({ active: false }),
    },
    'users.resetPassword': {
      input: async () => {
        const u = await created();
        return { id: u.id, version: u.version, password: 'Temporal-99', confirm: 'Temporal-99' };
      },
      check: (d) => expect(d).toMatchObject({ mustChangePassword: true, failedAttempts: 0, lockedUntil: null }),
    },
    'audit.list': {
      input: () => ({ filter: { entity: 'establishment' } }),
      check: (d) =>
        expect(d).toMatchObject({ total: 1, rows: [{ userId: 'admin-local', channel: 'establishments.create', action: 'create' }] }),
    },
    'audit.facets': {
      input: () => ({}),
      check: (d) => expect(d).toEqual({ users: [{ id: 'admin-local', name: 'Administrador local' }], entities: ['establishment'] }),
    },
    'audit.export': {
      input: () => ({ filter: {}, format: 'xlsx', reason }),
      check: async (d) => {
        const r = d as { status: string; path: string; rows: number };
        expect(r).toMatchObject({ status: 'saved', rows: 1 });
        expect(fs.statSync(r.path).size).toBeGreaterThan(0);
        expect(await app().db('personal_data_exports').select('user_id', 'reason', 'rows', 'channel')).toEqual([
          { user_id: 'admin-local', reason, rows: 1, channel: 'audit.export' },
        ]);
      },
    },
    'audit.personalDataExports': { input: () => ({}), check: (d) => expect(d).toMatchObject({ total: 0, rows: [] }) },
    'backups.list': { input: () => ({}), check: (d) => expect(d).toMatchObject({ backups: [], networkShare: null, lastBackupAt: null }) },
    'backups.create': {
      input: () => ({ destination: 'external', reason: 'Copia mensual para el archivo de la oficina central' }),
      check: async (d) => {
        const s = await app().jobs.wait((d as { jobId: string }).jobId);
        expect(s).toMatchObject({ state: 'done', result: { status: 'saved' } });
        expect(fs.existsSync(`${(s!.result as { path: string }).path}/manifest.json`)).toBe(true);
      },
    },
    'backups.restore': {
      input: async () => ({ source: { kind: 'local', name: await localBackup() }, confirm: true }),
      check: (d) => {
        expect(d).toMatchObject({ status: 'restored', attachmentsCopied: 0, migrated: [] });
        expect(app().session.auth?.user).toBeNull();
      },
    },
  };

  const invalid: { [K in Name]: unknown[] } = {
    'auth.status': [{ user: 'admin' }],
    'auth.setupAdmin': [
      {},
      { username: 'Ana Flores', fullName: 'Ana Flores', password: 'Clave-2026', confirm: 'Clave-2026' },
      { username: 'ana', fullName: 'Ana Flores', password: 'corta1', confirm: 'corta1' },
      { username: 'ana', fullName: 'Ana Flores', password: 'sinnumeros', confirm: 'sinnumeros' },
      { username: 'ana', fullName: 'Ana Flores', password: 'Clave-2026', confirm: 'Clave-2025' },
      { username: 'ana', fullName: 'Ana Flores', password: 'Clave-2026', confirm: 'Clave-2026', role: 'consulta' },
    ],
    'auth.signIn': [
      {},
      { username: 'admin-local' },
      { username: 'admin-local', password: 5 },
      { username: 'a', password: 'b', remember: true },
    ],
    'auth.signOut': [{ everyone: true }],
    'auth.lock': [{ minutes: 5 }],
    'auth.unlock': [{}, { password: '' }, { password: 'x'.repeat(200) }],
    'auth.changePassword': [
      { currentPassword: TEST_PASSWORD, password: 'corta1', confirm: 'corta1' },
      { currentPassword: TEST_PASSWORD, password: 'Nueva-clave-2027', confirm: 'Nueva-clave-2028' },
      { currentPassword: TEST_PASSWORD, password: TEST_PASSWORD, confirm: TEST_PASSWORD },
      { password: 'Nueva-clave-2027', confirm: 'Nueva-clave-2027' },
    ],
    'users.list': [{ role: 'jefe' }, { status: 'borrados' }, { search: 'x'.repeat(101) }],
    'users.create': [
      {},
      newUser({ username: 'Marta Flores' }),
      newUser({ username: 'ma' }),
      newUser({ role: 'root' }),
      newUser({ password: 'abc', confirm: 'abc' }),
      newUser({ confirm: 'Otra-2026' }),
      newUser({ establishmentIds: ['1'] }),
      newUser({ fullName: '' }),
      { ...newUser(), passwordHash: 'scrypt$1$1$1$x$y' },
    ],
    'users.update': [{ id: 1 }, { id: 1, version: 1, fullName: 'Ana Flores', role: 'jefe', establishmentIds: [] }],
    'users.setActive': [
      { id: 1, version: 1 },
      { id: 1, version: 1, active: 'no' },
    ],
    'users.resetPassword': [
      { id: 1, version: 1, password: 'abc', confirm: 'abc' },
      { id: 1, password: 'Temporal-99', confirm: 'Temporal-99' },
    ],
    'audit.list': [
      { page: 0 },
      { pageSize: 7 },
      { filter: { from: '2026-02-31' } },
      { filter: { from: '2026-12-01', to: '2026-01-01' } },
      { filter: { where: '1=1' } },
      { direction: 'arriba' },
    ],
    'audit.facets': [{ all: true }],
    'audit.export': [
      { filter: {}, format: 'xlsx' },
      { filter: {}, format: 'xlsx', reason: 'porque sí' },
      { filter: {}, format: 'pdf', reason },
      { filter: { userId: 'x'.repeat(101) }, format: 'csv', reason },
    ],
    'audit.personalDataExports': [{ page: -1 }, { pageSize: 1000 }],
    'backups.list': [{ dir: '/' }],
    'backups.create': [
      {},
      { destination: 'nube' },
      { destination: 'local', path: '/tmp' },
      { destination: 'external' },
      { destination: 'external', reason: 'USB' },
    ],
    'backups.restore': [
      { source: { kind: 'local', name: '../../etc' }, confirm: true },
      { source: { kind: 'local', name: 'arteinpe-20260101-000000-manual' } },
      { source: { kind: 'local', name: 'arteinpe-20260101-000000-manual' }, confirm: false },
      { source: { kind: 'ftp' }, confirm: true },
      { source: { kind: 'external', path: 'C:\\copias' }, confirm: true },
    ],
  };
  return { valid, invalid };
}
