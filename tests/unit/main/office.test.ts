import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/main/compose';
import { ensureUser, signInAs } from '../../../electron/main/auth/seed';
import { createServerKnex, type ServerConfig } from '../../../electron/main/db/connection';
import { serverTables, startServerDatabase } from '../../../electron/main/db/server';
import { migrations, migrationSource } from '../../../migrations';
import { choicePath } from '../../../electron/main/office/config';
import { newViolin, snapshot, TEST_PASSWORD, testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { createTestDatabase, serverForm, testServerUrl } from '../../helpers/pg';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Office mode (issue 8): several clerks on one database. The first part runs on both
 * backends (SQLite by default; PostgreSQL in the server tier); the second needs a server
 * (ARTEINPE_TEST_PG) and is reported skipped, with its reason, without one.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const cleanups = cleanupsAfterEach();

/** A second clerk's session over the same database as `app` (another PC on the same server). */
async function secondClerk(app: TestApp, username: string, fullName: string) {
  const other = await createServices(app.db, app.platform);
  await ensureUser(app.db, { username, fullName, role: 'administrador', password: TEST_PASSWORD });
  await signInAs(app.db, other.session, username);
  return other;
}

describe('several clerks on one database', () => {
  it('a save over a newer change is refused and says who changed it and when; nothing of it is written', async () => {
    const app = await testApp();
    cleanups.push(() => app.close());
    const e = await app.ok('establishments.create', validEstablishment());
    const maria = await secondClerk(app, 'mperez', 'María Pérez');

    // Both loaded version 1. María saves first.
    const first = await maria.dispatch('establishments.update', {
      ...validEstablishment({ city: 'Callao' }),
      id: e.id,
      version: e.version,
    });
    expect(first.ok).toBe(true);
    const before = await snapshot(app.db);

    const late = await app.call('establishments.update', { ...validEstablishment({ city: 'Chorrillos' }), id: e.id, version: e.version });
    expect(late.ok).toBe(false);
    if (late.ok) return;
    expect(late.error.code).toBe('stale');
    expect(late.error.message).toMatch(/^María Pérez modificó este registro el \d{2}\/\d{2}\/\d{4} a las \d{2}:\d{2}/);
    expect(late.error.message).toContain('lo que usted escribió sigue en el formulario');
    expect(await snapshot(app.db)).toBe(before);
    expect((await app.ok('establishments.get', { id: e.id })).city).toBe('Callao');
  });

  it('an app older than the database refuses every write with "actualice la aplicación" and still reads', async () => {
    const app = await testApp();
    cleanups.push(() => app.close());
    const e = await app.ok('establishments.create', validEstablishment());
    const old = await createServices(app.db, app.platform, { readOnly: { unknownMigrations: ['20270101_0099_futuro'] } });
    await signInAs(app.db, old.session, 'admin-local');
    const before = await snapshot(app.db);

    const listed = await old.dispatch('establishments.list', {});
    expect(listed.ok).toBe(true);
    for (const [channel, input] of [
      ['establishments.create', validEstablishment({ code: 'EP-TST-02' })],
      ['establishments.update', { ...validEstablishment({ city: 'Callao' }), id: e.id, version: e.version }],
      ['establishments.setActive', { id: e.id, version: e.version, active: false }],
    ] as const) {
      const r = await old.dispatch(channel, input);
      expect(r.ok, channel).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('read_only');
      expect(r.error.message).toContain('actualice la aplicación en este equipo');
    }
    expect(await snapshot(app.db)).toBe(before);
  });
});

const url = testServerUrl();
if (!url) console.info('[office] skipped: the PostgreSQL server tests need ARTEINPE_TEST_PG (.ci/pg-server.sh start prints one)');

describe.skipIf(!url)('office mode on a PostgreSQL server', () => {
  function child(args: string[]): Promise<{ code: number | null; lines: Array<Record<string, unknown>>; stderr: string }> {
    return new Promise((resolve) => {
      const p = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/helpers/office-child.ts'), ...args], { cwd: root });
      let out = '';
      let err = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('close', (code) =>
        resolve({
          code,
          stderr: err,
          lines: out
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .map((l) => JSON.parse(l) as Record<string, unknown>),
        }),
      );
    });
  }

  async function emptyDatabase(): Promise<ServerConfig> {
    const target = await createTestDatabase({ empty: true });
    cleanups.push(target.drop);
    return target.config;
  }

  it('two PCs starting at the same moment migrate once: one runs every migration, the other finds nothing to do', async () => {
    const config = await emptyDatabase();
    const results = await Promise.all([child(['migrate', JSON.stringify(config)]), child(['migrate', JSON.stringify(config)])]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const migrated = results.map((r) => (r.lines[0]!.migrated as string[]).length).sort((a, b) => a - b);
    expect(migrated).toEqual([0, migrations.length]);
    const db = createServerKnex(config, { poolMax: 1 });
    try {
      const names = (await db('knex_migrations').orderBy('id').pluck('name')) as string[];
      expect(names).toEqual(migrations.map(([n]) => n));
    } finally {
      await db.destroy();
    }
  });

  it('the same migrations run up on an empty server database, down again to nothing, and up again', async () => {
    const config = await emptyDatabase();
    const up = await startServerDatabase(config, { poolMax: 2 });
    expect(up.status).toBe('ok');
    if (up.status !== 'ok') return;
    try {
      expect(up.migrated).toEqual(migrations.map(([n]) => n));
      const tables = await serverTables(up.db);
      expect(tables).toEqual(
        expect.arrayContaining(['establishments', 'instruments', 'instrument_movements', 'audit_log', 'contracts', 'participants']),
      );
      // The ledgers are append-only on the server as on SQLite.
      await up.db('audit_log').insert({ at: '2026-11-26T10:00:00Z', user_id: 'x', user_name: 'X', channel: 'c', entity: 'e', action: 'a' });
      await expect(up.db('audit_log').update({ user_name: 'Y' })).rejects.toThrow(/append-only/);
      await expect(up.db('audit_log').del()).rejects.toThrow(/append-only/);
      await up.db.migrate.rollback({ migrationSource }, true);
      expect(await serverTables(up.db)).toEqual([]);
      const [, again] = (await up.db.migrate.latest({ migrationSource })) as [number, string[]];
      expect(again).toEqual(migrations.map(([n]) => n));
    } finally {
      await up.db.destroy();
    }
  });

  it('a server whose schema is newer than this app opens read-only and is not migrated', async () => {
    const target = await createTestDatabase({ fresh: true });
    cleanups.push(target.drop);
    const db = createServerKnex(target.config, { poolMax: 1 });
    await db('knex_migrations').insert({ name: '20270101_0099_futuro', batch: 9, migration_time: new Date() });
    await db.destroy();
    const r = await startServerDatabase(target.config, { poolMax: 1 });
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    cleanups.push(() => r.db.destroy());
    expect(r.readOnly).toBe(true);
    expect(r.readOnly && r.unknownMigrations).toEqual(['20270101_0099_futuro']);
    expect(r.migrated).toEqual([]);
  });

  it("a database holding someone else's tables is refused and left untouched", async () => {
    const config = await emptyDatabase();
    const db = createServerKnex(config, { poolMax: 1 });
    try {
      await db.schema.createTable('clientes', (t) => {
        t.increments('id');
        t.string('nombre');
      });
      const r = await startServerDatabase(config, { poolMax: 1 });
      expect(r).toEqual({ status: 'foreign', tables: ['clientes'] });
      const tables = (await db('information_schema.tables').where({ table_schema: 'public' }).pluck('table_name')) as string[];
      expect(tables).toEqual(['clientes']);
    } finally {
      await db.destroy();
    }
  });

  it('Settings → Base de datos keeps the server with its password sealed (never in plain text), and tests it with the kept one', async () => {
    const pc = await testApp({ sqlite: true });
    cleanups.push(() => pc.close());
    const config = await emptyDatabase();
    const form = serverForm(config);

    const wrong = await pc.ok('office.testDatabase', { ...form, password: 'no-es-la-clave' });
    expect(wrong).toMatchObject({ ok: false, problem: 'auth', message: expect.stringContaining('rechazó el usuario o la contraseña') });
    const missing = await pc.ok('office.testDatabase', { ...form, database: 'no_existe_esta_base' });
    expect(missing).toMatchObject({ ok: false, problem: 'noDatabase', message: expect.stringContaining('«no_existe_esta_base»') });
    const good = await pc.ok('office.testDatabase', form);
    expect(good).toMatchObject({ ok: true, empty: true, message: expect.stringMatching(/^Conexión correcta con PostgreSQL \d+/) });

    const saved = await pc.ok('office.saveDatabase', { mode: 'server', ...form });
    expect(saved).toEqual({ mode: 'server', restartRequired: true });
    const file = fs.readFileSync(choicePath(pc.platform.paths), 'utf8');
    expect(file).not.toContain(config.password);
    expect(JSON.parse(file)).toMatchObject({
      mode: 'server',
      server: { host: config.host, database: config.database, passwordSealed: expect.any(String) },
    });
    expect(await pc.ok('office.database', {})).toMatchObject({ mode: 'server', active: 'local', server: { hasPassword: true } });
    // The form never receives the password back: an empty one means "the one kept".
    expect(await pc.ok('office.testDatabase', { ...form, password: '' })).toMatchObject({ ok: true });
    // The change of database is in the audit log, without the password.
    const entry = (await pc.db('audit_log').where({ channel: 'office.saveDatabase' }).first()) as { after_json: string };
    expect(entry.after_json).not.toContain(config.password);
  });

  it('"Llevar mis datos al servidor": the PC data goes to an empty server database, checked table by table, and reads the same there', async () => {
    const pc = await testApp({ sqlite: true });
    cleanups.push(() => pc.close());
    await pc.ok('demo.load', {});
    const [first] = (await pc.ok('instruments.list', { sort: 'code', direction: 'asc', page: 1, pageSize: 10 })).rows;
    const e = (await pc.ok('establishments.list', { sort: 'name', direction: 'asc', page: 1, pageSize: 10 })).rows[0]!;
    await pc.ok('establishments.update', {
      id: e.id,
      version: e.version,
      code: e.code,
      name: e.name,
      regionalOfficeId: e.regionalOfficeId,
      population: e.population,
      city: 'Chosica',
      inProgramme: e.inProgramme,
    });
    const config = await emptyDatabase();
    const form = serverForm(config);

    const report = await pc.ok('office.copyToServer', { ...form, confirm: true });
    expect(report.ok, report.message).toBe(true);
    expect(report.message).toMatch(/^Se copiaron \d+ registros de \d+ tablas al servidor y se comprobaron tabla por tabla/);
    // The attachments' files go too (issue 8), each checked by its SHA-256 on the server.
    const attachments = Number(((await pc.db('attachments').count({ n: '*' })) as Array<{ n: number }>)[0]!.n);
    expect(attachments).toBeGreaterThan(0);
    expect(report.message).toContain(`También se llevaron ${attachments} archivos adjuntos, comprobados por su huella SHA-256.`);
    expect(report.message).not.toContain('Faltaba');

    // Every table: the same number of rows on both sides.
    const server = createServerKnex(config, { poolMax: 2 });
    cleanups.push(() => server.destroy());
    for (const t of report.tables) {
      // attachment_blobs: on the PC the contents are files, one per attachment.
      const here = Number(
        ((await pc.db(t.name === 'attachment_blobs' ? 'attachments' : t.name).count({ n: '*' })) as Array<{ n: number }>)[0]!.n,
      );
      const there = Number(((await server(t.name).count({ n: '*' })) as Array<{ n: number }>)[0]!.n);
      // audit_log: the copy is audited on the server, and the action on this PC (issue 12): one more entry on each side.
      expect(there, t.name).toBe(here);
    }
    expect(report.tables.find((t) => t.name === 'instrument_movements')!.rows).toBeGreaterThan(100);

    // The app on the server shows what the PC showed, and new records get new ids.
    // Another PC: its own local folder, empty — the photos come from the server.
    const officeDir = path.join(pc.dir, 'otra-pc-adjuntos');
    const office = await createServices(server, { ...pc.platform, paths: { ...pc.platform.paths, attachmentsDir: officeDir } });
    await signInAs(server, office.session, 'admin-local');
    const same = async (channel: string, input: unknown) => {
      const a = await pc.dispatch(channel, input);
      const b = await office.dispatch(channel, input);
      expect(b, channel).toEqual(a);
    };
    await same('instruments.list', { sort: 'code', direction: 'asc', page: 1, pageSize: 25 });
    await same('instruments.history', { id: first!.id });
    await same('establishments.list', { search: 'chosica', sort: 'name', direction: 'asc', page: 1, pageSize: 25 });
    await same('dashboard.summary', {});
    const withPhoto = (await pc.db('artwork_photos').first('artwork_id')) as { artwork_id: number };
    await same('artworks.photos', { id: withPhoto.artwork_id });
    const photos = (await office.dispatch('artworks.photos', { id: withPhoto.artwork_id })) as {
      ok: true;
      data: Array<{ thumbnail: string | null }>;
    };
    expect(photos.data[0]!.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(fs.existsSync(officeDir)).toBe(true); // fetched once into that PC's own folder
    const created = await office.dispatch('establishments.create', validEstablishment({ code: 'EP-NUEVO-01' }));
    expect(created.ok, JSON.stringify(created)).toBe(true);

    // A second copy is refused: the server already holds data; nothing changes there.
    const again = await pc.ok('office.copyToServer', { ...form, confirm: true });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining('ya tiene datos') });
  }, 120_000);

  it('four PCs hammering the same instruments and record: no lost update, no instrument in two places, every refusal reported', async () => {
    const app = await testApp();
    cleanups.push(() => app.close());
    const ests: number[] = [];
    for (const n of [1, 2, 3]) {
      ests.push((await app.ok('establishments.create', validEstablishment({ code: `EP-OF-0${n}`, name: `E.P. Oficina ${n}` }))).id);
    }
    const instrumentIds: number[] = [];
    for (const n of [1, 2, 3]) {
      const i = await app.ok('instruments.create', newViolin(`VIO-OF-${n}`, ests[0]!));
      instrumentIds.push(i.id);
    }
    const initial = new Map<number, number>();
    for (const id of instrumentIds) initial.set(id, (await app.db('instrument_movements').where({ instrument_id: id }).pluck('id')).length);
    const record = ests[0]!;
    const startVersion = (await app.ok('establishments.get', { id: record })).version;
    const config = app.server!;
    const rounds = 12;
    const workers = ['w1', 'w2', 'w3', 'w4'];
    const results = await Promise.all(
      workers.map((w) =>
        child(['hammer', JSON.stringify(config), w, String(rounds), instrumentIds.join(','), ests.join(','), String(record)]),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const lines = results.flatMap((r) => r.lines.filter((l) => 'kind' in l));
    const moves = lines.filter((l) => l.kind === 'move');
    const edits = lines.filter((l) => l.kind === 'edit');
    // Every attempt answered: a success or a refusal in Spanish, never an internal error.
    expect(moves).toHaveLength(workers.length * rounds);
    expect(edits).toHaveLength(workers.length * rounds);
    for (const l of [...moves, ...edits].filter((x) => !x.ok)) {
      const error = l.error as { code: string; message: string };
      expect(['stale', 'conflict']).toContain(error.code);
      expect(error.message.length).toBeGreaterThan(20);
    }
    // Some attempts collided (the test would prove nothing otherwise).
    expect(moves.some((m) => !m.ok) || edits.some((e) => !e.ok)).toBe(true);

    // No lost update: the record's version rose once per accepted save, and it holds the last one.
    const okEdits = edits.filter((e) => e.ok);
    const final = await app.ok('establishments.get', { id: record });
    expect(final.version).toBe(startVersion + okEdits.length);
    const last = okEdits.find((e) => e.version === final.version)!;
    expect(final.city).toBe(last.city);
    expect(new Set(okEdits.map((e) => e.version)).size).toBe(okEdits.length);
    const audited = await app
      .db('audit_log')
      .where({ channel: 'establishments.update', entity_id: String(record) })
      .count({ n: '*' });
    expect(Number(audited[0]!.n)).toBe(okEdits.length);

    // No instrument in two places: each ledger has one entry per accepted move, in an
    // unbroken sequence, and replaying it gives the instrument's current place.
    for (const id of instrumentIds) {
      const accepted = moves.filter((m) => m.ok && m.id === id).length;
      const ledger = (await app.db('instrument_movements').where({ instrument_id: id }).orderBy('seq')) as Array<{
        seq: number;
        kind: string;
        status_after: string;
        establishment_after_id: number | null;
      }>;
      expect(ledger.map((m) => m.seq)).toEqual(ledger.map((_, k) => k + 1));
      const first = initial.get(id)!;
      expect(ledger.length).toBe(first + accepted); // the alta, then every accepted move
      for (let k = first; k < ledger.length; k++) {
        // despacho and recepción alternate: never two dispatches of the same instrument.
        expect(ledger[k]!.kind).toBe((k - first) % 2 === 0 ? 'despacho' : 'recepcion');
      }
      const now = await app.ok('instruments.get', { id });
      expect(now.status).toBe(ledger.at(-1)!.status_after);
      expect(now.establishmentId).toBe(ledger.at(-1)!.establishment_after_id);
    }
  }, 120_000);
});
