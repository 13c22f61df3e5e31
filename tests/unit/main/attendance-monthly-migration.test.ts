import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { fixtureUpgrade, type UpgradeTarget } from '../../helpers/migration';
import { migrationsUpTo, onPostgres, sqliteOnly } from '../../helpers/pg';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Migration 20261207_0025 (the monthly attendance roll-ups behind the evaluation page) on the
 * demonstration database an earlier version wrote, started by the app up to 0025: the roll-ups
 * hold what the marks say, and stay so when marks are added, changed and removed afterwards
 * (triggers). Rolled back, they go and the marks are as they were.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const MIGRATION = '20261207_0025_attendance_monthly';
const tables = ['attendance_monthly', 'attendance_workshop_monthly', 'attendance_month_people'];

const cleanups = cleanupsAfterEach();

type Row = Record<string, unknown>;

const upgraded = fixtureUpgrade(cleanups, {
  fixture: FIXTURE,
  migration: MIGRATION,
  remember: async (old) => ({ marks: (await old('attendance').orderBy(['session_id', 'participant_id']).select()) as Row[] }),
});

const present = 'CASE WHEN a.present THEN 1 ELSE 0 END';
const byRows = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'month' ? v : Number(v)])));

/** The three roll-ups, and what the marks give counted afresh: they must be equal. */
async function rollupsAndMarks(db: Knex) {
  const read = async (sql: string) => {
    const res = (await db.raw(sql)) as Row[] | { rows: Row[] };
    return byRows(Array.isArray(res) ? res : res.rows);
  };
  return {
    monthly: await read('SELECT workshop_id, month, participant_id, marks, present, minutes FROM attendance_monthly ORDER BY 1, 2, 3'),
    monthlyFromMarks: await read(`SELECT s.workshop_id, substr(s.date, 1, 7) AS month, a.participant_id, COUNT(*) AS marks,
        SUM(${present}) AS present, SUM(${present} * s.duration_minutes) AS minutes
      FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    workshops: await read('SELECT workshop_id, month, sessions, marks, present, minutes FROM attendance_workshop_monthly ORDER BY 1, 2'),
    workshopsFromMarks:
      await read(`SELECT s.workshop_id, substr(s.date, 1, 7) AS month, COUNT(DISTINCT s.id) AS sessions, COUNT(*) AS marks,
        SUM(${present}) AS present, SUM(${present} * s.duration_minutes) AS minutes
      FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id GROUP BY 1, 2 ORDER BY 1, 2`),
    people: await read('SELECT month, people, present_people FROM attendance_month_people ORDER BY 1'),
    peopleFromMarks: await read(`SELECT substr(s.date, 1, 7) AS month, COUNT(DISTINCT a.participant_id) AS people,
        COUNT(DISTINCT CASE WHEN a.present THEN a.participant_id END) AS present_people
      FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id GROUP BY 1 ORDER BY 1`),
  };
}

async function expectInStep(db: Knex): Promise<void> {
  const r = await rollupsAndMarks(db);
  expect(r.monthly).toEqual(r.monthlyFromMarks);
  expect(r.workshops).toEqual(r.workshopsFromMarks);
  expect(r.people).toEqual(r.peopleFromMarks);
}

async function checkUpgrade(target: UpgradeTarget): Promise<void> {
  const { started, was } = await upgraded(target);
  const db = started.db;
  expect(started.migrated.at(-1)).toBe(MIGRATION);
  expect(was.marks.length).toBeGreaterThan(0);
  const r = await rollupsAndMarks(db);
  expect(r.people.length).toBeGreaterThan(0);
  await expectInStep(db);

  // Marks changed, removed and added, several in one statement: the roll-ups follow.
  const first = was.marks[0]!;
  await db('attendance')
    .where({ session_id: first.session_id })
    .update({ present: db.raw('NOT present') });
  await db('attendance').where({ session_id: first.session_id, participant_id: first.participant_id }).del();
  await expectInStep(db);
  const other = (await db('attendance').whereNot({ session_id: first.session_id }).first('session_id')) as Row;
  const marks = (await db('attendance').where({ session_id: other.session_id }).select()) as Row[];
  await db('attendance').where({ session_id: other.session_id }).del();
  await expectInStep(db);
  await db('attendance').insert(marks);
  await expectInStep(db);
  // A mark is not moved to another session by an update: it is removed and written again.
  await expect(
    db('attendance')
      .where({ session_id: other.session_id, participant_id: marks[0]!.participant_id })
      .update({ session_id: first.session_id }),
  ).rejects.toThrow(/not moved/);
  // Nor is a session with marks moved to another month behind the roll-ups' back.
  await expect(db('workshop_sessions').where({ id: other.session_id }).update({ date: '2020-01-15' })).rejects.toThrow(
    /writing its marks again/,
  );
  await db('workshop_sessions').where({ id: other.session_id }).update({ topic: 'Escalas' });
  await expectInStep(db);
}

async function checkRollback(target: UpgradeTarget): Promise<void> {
  const { started, was } = await upgraded(target);
  const db = started.db;
  await db.migrate.down({ migrationSource: migrationsUpTo(MIGRATION) });
  for (const t of tables) expect(await db.schema.hasTable(t), t).toBe(false);
  expect(await db('attendance').orderBy(['session_id', 'participant_id']).select()).toEqual(was.marks);
  // Marks are written as before, with nothing left to keep in step.
  await db('attendance').where({ session_id: was.marks[0]!.session_id }).del();
}

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'attendance roll-ups, on the SQLite file the previous version wrote',
  () => {
    it('are filled from the marks and follow every change to them', () => checkUpgrade('sqlite'));
    it('rolled back, the roll-ups go and the marks stay', () => checkRollback('sqlite'));
  },
);

describe.skipIf(!onPostgres())('attendance roll-ups, on an office server with the same data', () => {
  it('are filled from the marks and follow every change to them', () => checkUpgrade('server'));
  it('rolled back, the roll-ups go and the marks stay', () => checkRollback('server'));
});
