import path from 'node:path';
import type { Knex } from 'knex';
import { beforeEach, describe, expect, it } from 'vitest';
import { runAuditedWrite } from '../../../electron/main/ipc/audited-write';
import { withoutCapture } from '../../../electron/main/sites/capture';
import { capturing, startCapture } from '../../../electron/main/sites/repository/capture';
import { changesSince } from '../../../electron/main/sites/repository/changes';
import { GID_TABLES, TRAVELLING } from '../../../electron/main/sites/travelling';
import { isPostgres } from '../../../electron/main/db/dialect';
import { cleanupsAfterEach } from '../../helpers/cleanups';
import { fixtureUpgrade, type UpgradeTarget } from '../../helpers/migration';
import { migrationsUpTo, onPostgres, sqliteOnly } from '../../helpers/pg';
import { appPerTest } from '../../helpers/per-test';
import { appWithDemoEstablishments, newParticipantAt, TEST_ADMIN, validEstablishment } from '../../helpers/services';
import { newWorkshop } from '../../helpers/workshop-teachers';

/**
 * Issue 20's global ids and change capture (migration 20261210_0028_site_sync), on SQLite and on
 * PostgreSQL: the rows already there get distinct UUID v7 gids; every write of a travelling row,
 * through a channel or not, gets its gid from the database and a line in site_changes in the same
 * transaction, attributed to the writing user; nothing is logged while capture is off.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const MIGRATION = '20261210_0028_site_sync';
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The Unix milliseconds a v7 gid starts with. */
const msOf = (gid: string) => parseInt(gid.replace(/-/g, '').slice(0, 12), 16);

const rowsOf = (res: unknown) => (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Array<Record<string, unknown>>;

// ── The rows already there ──

const cleanups = cleanupsAfterEach();
const upgraded = fixtureUpgrade(cleanups, { fixture: FIXTURE, migration: MIGRATION });

async function checkUpgrade(target: UpgradeTarget): Promise<void> {
  const before = Date.now();
  const { started } = await upgraded(target);
  const after = Date.now();
  const db = started.db;
  expect(started.migrated.at(-1)).toBe(MIGRATION);
  const gids: string[] = [];
  for (const table of ['participants', 'workshops', 'workshop_sessions', 'instruments', 'instrument_movements', 'enrolments']) {
    const rows = (await db(table).pluck('gid')) as string[];
    expect(rows.length, table).toBeGreaterThan(0);
    gids.push(...rows);
  }
  expect(gids.every((g) => V7.test(g))).toBe(true);
  expect(new Set(gids).size).toBe(gids.length);
  // Their time is the migration's.
  for (const g of gids) expect(msOf(g)).toBeGreaterThanOrEqual(before - 1000);
  for (const g of gids) expect(msOf(g)).toBeLessThanOrEqual(after + 1000);
  // Giving ids is no change to send.
  expect(await changesSince(db)).toEqual([]);
  // The ledgers still refuse any other update.
  const move = (await db('participant_movements').first('id')) as { id: number };
  await expect(db('participant_movements').where({ id: move.id }).update({ notes: 'cambiada' })).rejects.toThrow(/append-only/);
  // A row added later sorts after every one of them.
  await new Promise((r) => setTimeout(r, 5));
  const est = (await db('establishments').first()) as Record<string, unknown>;
  await db('establishments').insert({ ...est, id: undefined, gid: undefined, code: 'EP-NEW-01', name: 'E.P. Nueva' });
  const added = (await db('establishments').where({ code: 'EP-NEW-01' }).first('gid')) as { gid: string };
  expect(added.gid > [...gids].sort().at(-1)!).toBe(true);
}

async function checkRollback(target: UpgradeTarget): Promise<void> {
  const { started } = await upgraded(target);
  const db = started.db;
  await db.migrate.down({ migrationSource: migrationsUpTo(MIGRATION) });
  expect(await db.schema.hasTable('site_changes')).toBe(false);
  expect(await db.schema.hasColumn('participants', 'gid')).toBe(false);
  // The ledgers refuse every update again, and the writes go on without a log.
  const move = (await db('participant_movements').first('id', 'notes')) as { id: number };
  await expect(db('participant_movements').where({ id: move.id }).update({ notes: 'cambiada' })).rejects.toThrow(/append-only/);
  await db('attendance')
    .where({ session_id: ((await db('attendance').first('session_id')) as { session_id: number }).session_id })
    .del();
}

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'global ids, on the SQLite file the previous version wrote',
  () => {
    it('every travelling row already there gets a distinct v7 gid, with nothing logged', () => checkUpgrade('sqlite'));
    it('rolled back, the gids and the log go and the ledgers are append-only as before', () => checkRollback('sqlite'));
  },
);

describe.skipIf(!onPostgres())('global ids, on an office server with the same data', () => {
  it('every travelling row already there gets a distinct v7 gid, with nothing logged', () => checkUpgrade('server'));
  it('rolled back, the gids and the log go and the ledgers are append-only as before', () => checkRollback('server'));
});

// ── Writes after the migration ──

const gidOf = async (db: Knex, table: string, id: number) => ((await db(table).where({ id }).first('gid')) as { gid: string }).gid;
const lastSeq = async (db: Knex) => Number(((await db('site_changes').max('id as n').first()) as { n: number | null }).n ?? 0);

/** A copy of an establishment's row under a new code, as a plain insert (no channel). */
async function copyOfEstablishment(db: Knex, code: string): Promise<Record<string, unknown>> {
  const row = (await db('establishments').orderBy('id').first()) as Record<string, unknown>;
  return { ...row, id: undefined, gid: undefined, code, name: `E.P. ${code}` };
}

describe('before any site is enrolled', () => {
  const app = appPerTest(appWithDemoEstablishments);

  it('rows get their gids but nothing is logged, until capture starts', async () => {
    expect(await capturing(app.db)).toBe(false);
    const created = await app.ok('establishments.create', validEstablishment({ code: 'EP-SIN-01', name: 'E.P. Sin sedes' }));
    expect(await gidOf(app.db, 'establishments', created.id)).toMatch(V7);
    expect(await changesSince(app.db)).toEqual([]);
    await startCapture(app.db);
    expect(await capturing(app.db)).toBe(true);
    await app.ok('establishments.update', {
      ...validEstablishment({ code: 'EP-SIN-01', name: 'E.P. Con sede' }),
      id: created.id,
      version: created.version,
    });
    expect((await changesSince(app.db)).map((c) => [c.table, c.op])).toEqual([['establishments', 'U']]);
  });
});

describe('change capture', () => {
  const app = appPerTest(appWithDemoEstablishments);
  beforeEach(() => startCapture(app.db));

  it('has triggers on exactly the travelling tables, and a gid on the tables that need one', async () => {
    const db = app.db;
    const triggers = isPostgres(db)
      ? ((await db('information_schema.triggers')
          .where('trigger_name', 'like', '%_site_insert')
          .distinct()
          .pluck('event_object_table')) as string[])
      : ((await db('sqlite_master').where({ type: 'trigger' }).where('name', 'like', '%_site_insert').pluck('tbl_name')) as string[]);
    expect([...new Set(triggers)].sort()).toEqual(Object.keys(TRAVELLING).sort());
    const withGid = isPostgres(db)
      ? ((await db('information_schema.columns')
          .where({ table_schema: db.raw('current_schema()'), column_name: 'gid' })
          .pluck('table_name')) as string[])
      : rowsOf(
          await db.raw(`SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'gid'`),
        ).map((r) => String(r.name));
    expect(withGid.filter((t) => t !== 'site_changes').sort()).toEqual([...GID_TABLES].sort());
  });

  it('a row created through a channel gets a v7 gid and one logged insert, by the signed-in user', async () => {
    const seq = await lastSeq(app.db);
    const created = await app.ok('establishments.create', validEstablishment({ code: 'EP-SIT-01', name: 'E.P. Sede' }));
    const gid = await gidOf(app.db, 'establishments', created.id);
    expect(gid).toMatch(V7);
    expect(Math.abs(msOf(gid) - Date.now())).toBeLessThan(60_000);
    const changes = await changesSince(app.db, seq);
    expect(changes).toEqual([
      expect.objectContaining({
        table: 'establishments',
        gid,
        gid2: null,
        op: 'I',
        userId: TEST_ADMIN.username,
        userName: TEST_ADMIN.fullName,
      }),
    ]);
    expect(Math.abs(Date.parse(changes[0]!.at) - Date.now())).toBeLessThan(60_000);
    // Outside a user's write, nobody is named.
    await app.db('establishments').where({ id: created.id }).update({ city: 'Cusco' });
    expect((await changesSince(app.db, changes[0]!.seq)).map((c) => [c.op, c.gid, c.userId])).toEqual([['U', gid, null]]);
  });

  it('an update keeps the gid and is logged; a delete is logged with the gid the row had', async () => {
    const created = await app.ok('establishments.create', validEstablishment({ code: 'EP-SIT-02', name: 'E.P. Sede dos' }));
    const gid = await gidOf(app.db, 'establishments', created.id);
    const seq = await lastSeq(app.db);
    await app.ok('establishments.update', {
      ...validEstablishment({ code: 'EP-SIT-02', name: 'E.P. Renombrada' }),
      id: created.id,
      version: created.version,
    });
    expect(await gidOf(app.db, 'establishments', created.id)).toBe(gid);
    await app.db('establishments').where({ id: created.id }).del();
    expect((await changesSince(app.db, seq)).map((c) => [c.table, c.op, c.gid])).toEqual([
      ['establishments', 'U', gid],
      ['establishments', 'D', gid],
    ]);
    // A gid never changes.
    const other = (await app.db('establishments').first('id')) as { id: number };
    await expect(app.db('establishments').where({ id: other.id }).update({ gid: gid })).rejects.toThrow(/never changes/);
  });

  it('a write rolled back leaves neither the row nor its change', async () => {
    const seq = await lastSeq(app.db);
    const row = await copyOfEstablishment(app.db, 'EP-ROL-01');
    await expect(
      runAuditedWrite(app.db, app.session, 'establishments.create', async (trx, audit) => {
        await trx('establishments').insert(row);
        // Inside the transaction the change is there, with its gid.
        const inside = (await trx('site_changes').where('id', '>', seq).select('gid')) as Array<{ gid: string }>;
        const gid = ((await trx('establishments').where({ code: 'EP-ROL-01' }).first('gid')) as { gid: string }).gid;
        expect(inside).toEqual([{ gid }]);
        await audit({ entity: 'establishment', entityId: null, action: 'create' });
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(await app.db('establishments').where({ code: 'EP-ROL-01' }).first()).toBeUndefined();
    expect(await changesSince(app.db, seq)).toEqual([]);
  });

  it('an attendance mark is known by its session and participant', async () => {
    const est = (await app.db('establishments').where({ name: 'E.P. de Huancayo' }).first('id')) as { id: number };
    const w = await newWorkshop(app.ok, est.id, { name: 'Canto coral', discipline: 'Canto', endDate: '2026-07-31' });
    const p = await newParticipantAt(app, est.id, 'HY-0001', 'Juan', 'Quispe Huamán');
    await app.ok('enrolments.create', { workshopId: w.id, participantIds: [p.id], date: '2026-03-01' });
    const s = await app.ok('sessions.create', { workshopId: w.id, date: '2026-03-02', durationMinutes: 120 });
    const seq = await lastSeq(app.db);
    await app.ok('attendance.save', { sessionId: s.id, marks: [{ participantId: p.id, present: true }] });
    const marks = (await changesSince(app.db, seq)).filter((c) => c.table === 'attendance');
    const key = [await gidOf(app.db, 'workshop_sessions', s.id), await gidOf(app.db, 'participants', p.id)];
    expect(marks.map((c) => [c.op, c.gid, c.gid2])).toEqual([['I', ...key]]);
    // The sheet saved again as it was: no mark is rewritten, nothing to send. Changed: one update.
    const again = await lastSeq(app.db);
    await app.ok('attendance.save', { sessionId: s.id, marks: [{ participantId: p.id, present: true }] });
    expect((await changesSince(app.db, again)).filter((c) => c.table === 'attendance')).toEqual([]);
    await app.ok('attendance.save', { sessionId: s.id, marks: [{ participantId: p.id, present: false }] });
    const changed = (await changesSince(app.db, again)).filter((c) => c.table === 'attendance');
    expect(changed.map((c) => [c.op, c.gid, c.gid2])).toEqual([['U', ...key]]);
    expect(await app.ok('attendance.get', { id: s.id })).toMatchObject({
      rows: [expect.objectContaining({ participantId: p.id, present: false })],
    });
  });

  it('paused for a package, nothing is logged, the rows still get their gids, and capture goes on afterwards', async () => {
    const seq = await lastSeq(app.db);
    const row = await copyOfEstablishment(app.db, 'EP-PAQ-01');
    await app.db.transaction((trx) =>
      withoutCapture(trx, async () => {
        await trx('establishments').insert(row);
        await trx('establishments').where({ code: 'EP-PAQ-01' }).update({ city: 'Puno' });
      }),
    );
    const gid = ((await app.db('establishments').where({ code: 'EP-PAQ-01' }).first('gid')) as { gid: string }).gid;
    expect(gid).toMatch(V7);
    expect(await changesSince(app.db, seq)).toEqual([]);
    // A package applied keeps the gid it carries.
    const carried = '01934f6a-0000-7000-8000-000000000001';
    await app.db.transaction((trx) =>
      withoutCapture(trx, async () => trx('establishments').insert({ ...row, code: 'EP-PAQ-02', gid: carried })),
    );
    expect(await app.db('establishments').where({ gid: carried }).first('code')).toEqual({ code: 'EP-PAQ-02' });
    expect(await changesSince(app.db, seq)).toEqual([]);
    await app.db('establishments').where({ code: 'EP-PAQ-01' }).update({ city: 'Tacna' });
    expect((await changesSince(app.db, seq)).map((c) => [c.op, c.gid])).toEqual([['U', gid]]);
  });
});
