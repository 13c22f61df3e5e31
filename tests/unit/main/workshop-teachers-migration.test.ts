import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { migrationSource } from '../../../migrations';
import { onPostgres, sqliteOnly } from '../../helpers/pg';
import { fixtureUpgrade, servicesOver } from '../../helpers/migration';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Issue 15, item 4: the workshops' teachers typed as text, carried over to teacher records
 * on the demonstration database the previous version wrote (tests/fixtures/db/README.md),
 * with a few workshops' texts as a clerk may have typed them — on a SQLite file and on an
 * office server with the same rows. A name that is exactly one teacher's links them; any
 * other is one "sin vincular" item; the text stays as it was typed; sessions get their
 * teacher only where the workshop named exactly one, linked.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/db/demo-before-0011.sqlite.gz');
const MIGRATION = '20261204_0012_workshop_teachers';

const cleanups = cleanupsAfterEach();

type Row = Record<string, unknown>;

/** A second teacher named Gladys Mamani Apaza (another DNI): her name alone names no one. */
const HOMONYM_DNI = '40999002';

/**
 * Workshops (by id in the fixture) whose text this test types differently, what it must
 * link (teachers by first names) and what it must leave for review.
 */
const typed: Record<number, { text: string; links: string[]; pending: string[] }> = {
  2: { text: 'Prof. Carmen Rojas Salas', links: ['Carmen'], pending: [] },
  5: { text: 'Ramos Huamán, Julio César', links: ['Julio César'], pending: [] },
  6: {
    text: 'Prof. Víctor Hugo Flores Condori / lic. JOSE LUIS VARGAS PAREDES (guitarra y cajón)',
    links: ['Víctor Hugo', 'José Luis'],
    pending: [],
  },
  8: { text: 'Prof. Carmen Rojas Salas y Prof. Julio Ramos', links: ['Carmen'], pending: ['Prof. Julio Ramos'] },
  13: { text: 'Gladys Mamani Apaza', links: [], pending: ['Gladys Mamani Apaza'] },
  14: { text: 'Mtra. Milagros Salas Huamán (ceramista); Prof. Ana Lucía Cárdenas Espinoza', links: ['Milagros', 'Ana Lucía'], pending: [] },
};

/** The fixture's texts left as they were: each is one name, and none is exactly a teacher's. */
const untouched: Record<string, string> = {
  'Prof. Julio Ramos': 'Prof. Julio Ramos',
  'Prof. Carmen Rojas': 'Prof. Carmen Rojas',
  'Prof. Víctor Salas': 'Prof. Víctor Salas',
  'Prof. Elena Torres': 'Prof. Elena Torres',
  'Mtra. Rosa Huamán (ceramista)': 'Mtra. Rosa Huamán (ceramista)',
  'Elenco invitado de la Municipalidad de Lima': 'Elenco invitado de la Municipalidad de Lima',
};

/** The fixture, with the rows the previous version could have written, started by the app up to the migration. */
const upgraded = fixtureUpgrade(cleanups, { fixture: FIXTURE, migration: MIGRATION, addRows: addOldRows, remember: before });

/** What the previous version's clerk typed, and a homonym teacher. */
async function addOldRows(db: Knex): Promise<void> {
  for (const [id, t] of Object.entries(typed))
    await db('workshops')
      .where({ id: Number(id) })
      .update({ teachers: t.text });
  const gladys = (await db('teachers').where({ first_names: 'Gladys' }).first()) as Row;
  const { id: _id, ...copy } = gladys;
  await db('teachers').insert({ ...copy, dni: HOMONYM_DNI, ruc: null, search_text: `${String(copy.search_text)} ${HOMONYM_DNI}` });
}

interface Before {
  workshops: Row[];
  sessions: Row[];
}

async function before(db: Knex): Promise<Before> {
  expect(await db.schema.hasTable('workshop_teachers')).toBe(false);
  return {
    workshops: (await db('workshops').orderBy('id').select('id', 'teachers', 'version', 'updated_at')) as Row[],
    sessions: (await db('workshop_sessions')
      .orderBy('id')
      .select('id', 'workshop_id', 'date', 'duration_minutes', 'attendance_at', 'version')) as Row[],
  };
}

const teacherIdByFirst = async (db: Knex, first: string) =>
  Number(((await db('teachers').where({ first_names: first }).whereNot({ dni: HOMONYM_DNI }).first('id')) as Row).id);

async function checkCarryOver(db: Knex, was: Before): Promise<void> {
  // Nothing that was there changed: the typed texts, the workshops' versions, the sessions.
  expect(await db('workshops').orderBy('id').select('id', 'teachers', 'version', 'updated_at')).toEqual(was.workshops);
  expect(
    await db('workshop_sessions').orderBy('id').select('id', 'workshop_id', 'date', 'duration_minutes', 'attendance_at', 'version'),
  ).toEqual(was.sessions);

  const links = (await db('workshop_teachers').select('workshop_id', 'teacher_id')) as Row[];
  const reviews = (await db('workshop_teacher_reviews').orderBy('id').select('*')) as Row[];
  for (const w of was.workshops) {
    const id = Number(w.id);
    const expected = typed[id] ?? { links: [], pending: [untouched[String(w.teachers)]!] };
    const teacherIds = await Promise.all(expected.links.map((f) => teacherIdByFirst(db, f)));
    expect(
      links
        .filter((l) => Number(l.workshop_id) === id)
        .map((l) => Number(l.teacher_id))
        .sort(),
      `workshop ${id}`,
    ).toEqual(teacherIds.sort());
    expect(
      reviews.filter((r) => Number(r.workshop_id) === id).map((r) => [r.original_text, r.status, r.teacher_id ?? null]),
      `workshop ${id}`,
    ).toEqual(expected.pending.map((p) => [p, 'pendiente', null]));
  }
  // Sessions: led by the one teacher of workshops 2 and 5 (one name, linked); no one elsewhere.
  const led = (await db('workshop_sessions').whereNotNull('teacher_id').select('workshop_id', 'teacher_id')) as Row[];
  const carmen = await teacherIdByFirst(db, 'Carmen');
  const julio = await teacherIdByFirst(db, 'Julio César');
  const byWorkshop = new Map<number, Set<number>>();
  for (const r of led)
    byWorkshop.set(Number(r.workshop_id), (byWorkshop.get(Number(r.workshop_id)) ?? new Set()).add(Number(r.teacher_id)));
  expect([...byWorkshop.entries()].sort()).toEqual([
    [2, new Set([carmen])],
    [5, new Set([julio])],
  ]);
  expect(led.length).toBe(was.sessions.filter((s) => [2, 5].includes(Number(s.workshop_id))).length);
}

/** Today's channels on the carried-over data: the review list, a clerk's links and dismissals, a teacher's months. */
async function checkChannels(db: Knex, dir: string): Promise<void> {
  const ok = await servicesOver(db, dir);
  const pending = await ok('workshops.teacherReviews', { status: 'pendiente' });
  expect(pending.length).toBe(
    await db('workshop_teacher_reviews')
      .where({ status: 'pendiente' })
      .count({ n: '*' })
      .then((r) => Number(r[0]!.n)),
  );
  const ofWorkshop = (id: number) => pending.filter((r) => r.workshopId === id);
  expect(ofWorkshop(8)).toMatchObject([
    { originalText: 'Prof. Julio Ramos', workshopText: 'Prof. Carmen Rojas Salas y Prof. Julio Ramos', status: 'pendiente' },
  ]);
  const julio = await teacherIdByFirst(db, 'Julio César');

  // Workshop 8 names two teachers: linking Julio adds him, and its sessions still name no one.
  await ok('workshops.linkTeacher', { id: ofWorkshop(8)[0]!.id, teacherId: julio });
  const w8 = await ok('workshops.get', { id: 8 });
  expect(w8.teacherLinks.map((t) => t.name)).toEqual(['Carmen Rojas Salas', 'Julio César Ramos Huamán']);
  expect(w8).toMatchObject({ teachers: 'Prof. Carmen Rojas Salas y Prof. Julio Ramos', pendingTeachers: 0 });
  expect((await ok('sessions.list', { workshopId: 8 })).every((s) => s.teacherId === null)).toBe(true);

  // Workshop 1's only name was "Prof. Julio Ramos": once the clerk says who, its sessions were led by him.
  await ok('workshops.linkTeacher', { id: ofWorkshop(1)[0]!.id, teacherId: julio });
  const sessions1 = await ok('sessions.list', { workshopId: 1 });
  expect(sessions1.length).toBe(40);
  expect(new Set(sessions1.map((s) => s.teacherName))).toEqual(new Set(['Julio César Ramos Huamán']));

  // The guest ensemble is no teacher: dismissed, it leaves the list and the text stays.
  const guest = ofWorkshop(9)[0]!;
  expect(await ok('workshops.dismissTeacher', { id: guest.id })).toMatchObject({ status: 'descartado', teacherId: null });
  expect((await ok('workshops.teacherReviews', { status: 'pendiente' })).length).toBe(pending.length - 3);
  expect((await ok('workshops.get', { id: 9 })).teachers).toBe('Elenco invitado de la Municipalidad de Lima');

  // Julio's page: workshops 1, 5 and 8; by month, the sessions of 1 and 5 (his) and of 8 (it names him, with Carmen,
  // and its sessions name no one: they count for each of its teachers, as on the conformity); hours where attendance was taken.
  const activity = await ok('teaching.activity', { teacherId: julio });
  expect(activity.workshops.map((w) => w.id).sort()).toEqual([1, 5, 8]);
  const rows = (await db('workshop_sessions')
    .whereIn('workshop_id', [1, 5, 8])
    .select('date', 'duration_minutes', 'attendance_at')) as Row[];
  const months = new Map<string, { month: string; sessions: number; taken: number; minutes: number }>();
  for (const r of rows) {
    const month = String(r.date).slice(0, 7);
    const m = months.get(month) ?? { month, sessions: 0, taken: 0, minutes: 0 };
    m.sessions++;
    if (r.attendance_at != null) {
      m.taken++;
      m.minutes += Number(r.duration_minutes);
    }
    months.set(month, m);
  }
  expect(activity.months).toEqual([...months.values()].sort((a, b) => b.month.localeCompare(a.month)));
  expect(activity.months.reduce((a, m) => a + m.sessions, 0)).toBe(76);
}

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  "carry-over of the workshops' typed teachers, on the SQLite file the previous version wrote",
  () => {
    it('links a name that is exactly one teacher, lists the rest "sin vincular", keeps every text; sessions led where one teacher was named', async () => {
      const { started, dir, was } = await upgraded('sqlite');
      expect(started.migrated.at(-1)).toBe(MIGRATION);
      await checkCarryOver(started.db, was);
      await started.db.migrate.latest({ migrationSource });
      await checkChannels(started.db, dir);
    });
  },
);

describe.skipIf(!onPostgres())("carry-over of the workshops' typed teachers, on an office server with the same data", () => {
  it('the server migrated from 0010 with the fixture rows is carried over exactly as the SQLite file is', async () => {
    const { started, dir, was } = await upgraded('server', async (_old, copied) => {
      expect(copied).toMatchObject({ workshops: 21, workshop_sessions: 560, teachers: 12 });
    });
    expect(started.migrated.at(-1)).toBe(MIGRATION);
    await checkCarryOver(started.db, was);
    await started.db.migrate.latest({ migrationSource });
    await checkChannels(started.db, dir);
  });
});
