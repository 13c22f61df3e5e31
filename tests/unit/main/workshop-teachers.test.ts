import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { people } from '../../helpers/contracts';
import { testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { carriedOverTeacherName, newTeacher, workshopUpdateOf, workshopWith } from '../../helpers/workshop-teachers';
import { refusedUnchanged } from '../../helpers/refused';

/**
 * Workshops' teachers by id (issue 15, item 4), through the pipeline the window uses: a
 * workshop names teacher records, a session the teacher who led it, the "sin vincular" names
 * a clerk links or dismisses, and what the teacher's page shows (sessions and hours by month).
 */

let app: TestApp;
let lur: number;
let cho: number;
const ok: Parameters<typeof newTeacher>[0] = (name, input) => app.ok(name, input);

beforeEach(async () => {
  app = await testApp();
  lur = (await app.ok('establishments.create', validEstablishment({ code: 'EP-LUR-01', name: 'E.P. Lurigancho' }))).id;
  cho = (await app.ok('establishments.create', validEstablishment({ code: 'EP-CHO-01', name: 'E.P. Chorrillos' }))).id;
}, 30000);
afterEach(() => app.close());

/** A call that must be refused without writing anything: answers the error. */
const refused = (call: () => ReturnType<TestApp['call']>) => refusedUnchanged(app, call);

/** Carmen's teacher record, made inactive through teachers.update. */
async function inactiveCarmen() {
  const carmen = await newTeacher(ok, 'carmen');
  await app.ok('teachers.update', {
    ...people.carmen,
    id: carmen.id,
    version: carmen.version,
    active: false,
    disciplines: ['musica'],
    suspensions: [],
  });
  return carmen;
}

/** A participant enrolled in the workshop, and attendance taken at a session. */
async function takeAttendance(workshopId: number, sessionId: number, establishmentId: number, code: string) {
  const found = await app.ok('participants.search', { q: code });
  const p =
    found[0] ??
    (await app.ok('participants.create', {
      code,
      firstNames: 'Juan',
      lastNames: 'Pérez Quispe',
      sex: 'masculino',
      birthYear: 1988,
      establishmentId,
      date: '2026-02-01',
    }));
  if (!found[0]) await app.ok('enrolments.create', { workshopId, participantIds: [p.id], date: '2026-03-01' });
  await app.ok('attendance.save', { sessionId, marks: [{ participantId: p.id, present: true }] });
}

describe("a workshop's teachers are teacher records", () => {
  it('a workshop names teachers by id; an edit changes them; the old typed text is neither written nor lost', async () => {
    const rosa = await newTeacher(ok, 'rosa');
    const julio = await newTeacher(ok, 'julio');
    const w = await workshopWith(ok, lur, [rosa.id, julio.id]);
    expect(w.teacherLinks).toEqual([
      { id: julio.id, name: 'Julio César Ramos Huamán', active: true },
      { id: rosa.id, name: 'Rosa Elena Quispe Mamani', active: true },
    ]);
    expect(w).toMatchObject({ teachers: null, pendingTeachers: 0 });

    // A workshop carried over with its text: an edit of the teachers leaves the text as it was typed.
    await carriedOverTeacherName(app, w.id, 'Prof. Rosa Quispe y Prof. Julio Ramos', 'Prof. Julio Ramos');
    const read = await app.ok('workshops.get', { id: w.id });
    const rest = workshopUpdateOf(read);
    const edited = await app.ok('workshops.update', { ...rest, teacherIds: [rosa.id] });
    expect(edited.teacherLinks.map((t) => t.name)).toEqual(['Rosa Elena Quispe Mamani']);
    expect(edited).toMatchObject({ teachers: 'Prof. Rosa Quispe y Prof. Julio Ramos', pendingTeachers: 1, version: 2 });
    // An edit that does not mention teachers keeps them.
    const {
      teacherLinks: _l2,
      pendingTeachers: _p2,
      teachers: _t2,
      enrolled: _e2,
      sessions: _s2,
      establishmentName: _n2,
      updatedAt: _u2,
      updatedBy: _b2,
      ...again
    } = edited;
    expect((await app.ok('workshops.update', { ...again, capacity: 40 })).teacherLinks.map((t) => t.id)).toEqual([rosa.id]);
    // The typed text is no longer an input.
    const e = await refused(() => app.call('workshops.create', { ...input(lur), teachers: 'Prof. Julio Ramos' } as never));
    expect(e.code).toBe('validation');
  });

  it('an unknown teacher, a deactivated one newly named, or a teacher who led sessions being removed is refused beside the field', async () => {
    const rosa = await newTeacher(ok, 'rosa');
    const carmen = await inactiveCarmen();
    expect((await refused(() => app.call('workshops.create', { ...input(lur), teacherIds: [9999] }))).fields).toEqual({
      teacherIds: 'El docente elegido no existe.',
    });
    expect((await refused(() => app.call('workshops.create', { ...input(lur), teacherIds: [carmen.id] }))).fields).toEqual({
      teacherIds: 'El registro de Carmen Rojas Salas está inactivo: no puede dictar un taller nuevo.',
    });
    const w = await workshopWith(ok, lur, [rosa.id]);
    await app.ok('sessions.create', { workshopId: w.id, date: '2026-03-02', durationMinutes: 120, teacherId: rosa.id });
    const rest = workshopUpdateOf(w);
    expect((await refused(() => app.call('workshops.update', { ...rest, teacherIds: [] }))).fields).toEqual({
      teacherIds: 'Rosa Elena Quispe Mamani dirigió sesiones de este taller: no se puede quitar.',
    });
  });
});

describe('a session records which of the workshop’s teachers led it', () => {
  it('led by one of its teachers (another is refused); an edit without a teacher keeps who led it, null clears it', async () => {
    const rosa = await newTeacher(ok, 'rosa');
    const julio = await newTeacher(ok, 'julio');
    const w = await workshopWith(ok, lur, [rosa.id]);
    const e = await refused(() =>
      app.call('sessions.create', { workshopId: w.id, date: '2026-03-02', durationMinutes: 120, teacherId: julio.id }),
    );
    expect(e.fields).toEqual({ teacherId: 'El docente elegido no dicta este taller.' });
    const s = await app.ok('sessions.create', { workshopId: w.id, date: '2026-03-02', durationMinutes: 120, teacherId: rosa.id });
    expect(s).toMatchObject({ teacherId: rosa.id, teacherName: 'Rosa Elena Quispe Mamani' });
    const kept = await app.ok('sessions.update', { id: s.id, version: s.version, date: '2026-03-03', durationMinutes: 90 });
    expect(kept).toMatchObject({ teacherId: rosa.id, date: '2026-03-03' });
    const cleared = await app.ok('sessions.update', {
      id: s.id,
      version: kept.version,
      date: '2026-03-03',
      durationMinutes: 90,
      teacherId: null,
    });
    expect(cleared).toMatchObject({ teacherId: null, teacherName: null });
  });
});

describe("the teacher's page: workshops, sessions and hours per month", () => {
  it('counts the sessions each teacher led by month, and hours only where attendance was taken; scoped to the viewer’s establishments', async () => {
    const rosa = await newTeacher(ok, 'rosa');
    const julio = await newTeacher(ok, 'julio');
    const band = await workshopWith(ok, lur, [rosa.id, julio.id]);
    const choir = await workshopWith(ok, cho, [rosa.id], { name: 'Coro polifónico', programme: 'otro', discipline: 'Canto' });
    const led = async (workshopId: number, teacherId: number, date: string, minutes: number, taken: boolean) => {
      const s = await app.ok('sessions.create', { workshopId, date, durationMinutes: minutes, teacherId });
      if (!taken) return;
      if (workshopId === band.id) await takeAttendance(workshopId, s.id, lur, 'PPL-0001');
      else await takeAttendance(workshopId, s.id, cho, 'PPL-0002');
    };
    await led(band.id, rosa.id, '2026-03-02', 120, true);
    await led(band.id, rosa.id, '2026-03-09', 90, true);
    await led(band.id, julio.id, '2026-03-16', 120, true);
    await led(band.id, rosa.id, '2026-04-06', 180, false);
    await led(choir.id, rosa.id, '2026-04-08', 60, true);

    const activity = await app.ok('teaching.activity', { teacherId: rosa.id });
    expect(activity.workshops.map((w) => [w.name, w.establishmentName, w.sessions])).toEqual([
      ['Banda sinfónica', 'E.P. Lurigancho', 3],
      ['Coro polifónico', 'E.P. Chorrillos', 1],
    ]);
    expect(activity.months).toEqual([
      { month: '2026-04', sessions: 2, taken: 1, minutes: 60 },
      { month: '2026-03', sessions: 2, taken: 2, minutes: 210 },
    ]);

    // The contracts clerk reads it from the teacher's page; a programmes clerk of Lurigancho sees Lurigancho only.
    await app.signInAs('contratos');
    expect((await app.ok('teaching.activity', { teacherId: rosa.id })).months).toHaveLength(2);
    expect(await app.call('workshops.teacherReviews', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await app.signInAs('programas', { establishmentIds: [lur] });
    const scoped = await app.ok('teaching.activity', { teacherId: rosa.id });
    expect(scoped.workshops.map((w) => w.name)).toEqual(['Banda sinfónica']);
    expect(scoped.months).toEqual([
      { month: '2026-04', sessions: 1, taken: 0, minutes: 0 },
      { month: '2026-03', sessions: 2, taken: 2, minutes: 210 },
    ]);
  });
});

describe('names carried over as text: "sin vincular" until a clerk links or dismisses each', () => {
  it('linking adds the teacher to the workshop and, as its only teacher, to the sessions that named no one; dismissing keeps the text', async () => {
    const julio = await newTeacher(ok, 'julio');
    const w = await workshopWith(ok, lur, []);
    const s = await app.ok('sessions.create', { workshopId: w.id, date: '2026-03-02', durationMinutes: 120 });
    const id = await carriedOverTeacherName(app, w.id, 'Prof. Julio Ramos');
    const other = await workshopWith(ok, cho, [], { name: 'Teatro' });
    const guest = await carriedOverTeacherName(app, other.id, 'Elenco invitado de la Municipalidad de Lima');
    expect((await app.ok('workshops.teacherReviews', {})).map((r) => [r.workshopName, r.establishmentName, r.originalText])).toEqual([
      ['Teatro', 'E.P. Chorrillos', 'Elenco invitado de la Municipalidad de Lima'],
      ['Banda sinfónica', 'E.P. Lurigancho', 'Prof. Julio Ramos'],
    ]);
    // A programmes clerk of Lurigancho sees and resolves Lurigancho's only.
    await app.signInAs('programas', { establishmentIds: [lur] });
    expect((await app.ok('workshops.teacherReviews', {})).map((r) => r.id)).toEqual([id]);
    expect(await app.call('workshops.dismissTeacher', { id: guest })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const linked = await app.ok('workshops.linkTeacher', { id, teacherId: julio.id });
    expect(linked).toMatchObject({
      status: 'vinculado',
      teacherId: julio.id,
      teacherName: 'Julio César Ramos Huamán',
      originalText: 'Prof. Julio Ramos',
    });
    expect((await app.ok('workshops.get', { id: w.id })).teacherLinks.map((t) => t.id)).toEqual([julio.id]);
    expect((await app.ok('sessions.list', { workshopId: w.id })).map((x) => [x.id, x.teacherName])).toEqual([
      [s.id, 'Julio César Ramos Huamán'],
    ]);
    expect(await app.ok('workshops.teacherReviews', {})).toEqual([]);
    expect((await app.ok('workshops.teacherReviews', { status: 'vinculado' })).map((r) => r.id)).toEqual([id]);
    // Once resolved it cannot be resolved again.
    expect((await refused(() => app.call('workshops.dismissTeacher', { id }))).code).toBe('conflict');

    await app.signInAs('administrador');
    expect(await app.ok('workshops.dismissTeacher', { id: guest })).toMatchObject({ status: 'descartado', teacherId: null });
    expect((await app.ok('workshops.get', { id: other.id })).teachers).toBe('Elenco invitado de la Municipalidad de Lima');
    const audit = (await app
      .db('audit_log')
      .whereIn('action', ['linkTeacher', 'dismissTeacher'])
      .orderBy('id')
      .select('entity', 'action', 'entity_id')) as Array<Record<string, unknown>>;
    expect(audit.map((a) => [a.entity, a.action, Number(a.entity_id)])).toEqual([
      ['workshop', 'linkTeacher', w.id],
      ['workshop', 'dismissTeacher', other.id],
    ]);
  });

  it('the teachers to choose from: active ones by name, with those already chosen', async () => {
    const rosa = await newTeacher(ok, 'rosa');
    const carmen = await inactiveCarmen();
    expect((await app.ok('workshops.teacherOptions', { search: 'quispe' })).map((t) => t.name)).toEqual(['Rosa Elena Quispe Mamani']);
    expect((await app.ok('workshops.teacherOptions', { search: '' })).map((t) => t.id)).toEqual([rosa.id]);
    expect((await app.ok('workshops.teacherOptions', { search: 'rosa', ids: [carmen.id] })).map((t) => [t.name, t.active])).toEqual([
      ['Carmen Rojas Salas', false],
      ['Rosa Elena Quispe Mamani', true],
    ]);
  });
});

function input(establishmentId: number) {
  return {
    name: 'Banda sinfónica',
    programme: 'inpe_orquestando' as const,
    discipline: 'Vientos',
    establishmentId,
    startDate: '2026-03-01',
    capacity: 30,
  };
}

describe('the demonstration data', () => {
  it('links workshops to teacher records, each session to the teacher who led it, and leaves the other typed names "sin vincular"', async () => {
    await app.db.transaction(async (trx) => {
      for (const t of ['establishments']) await trx(t).delete();
    });
    await app.ok('demo.load', {});
    const { rows } = await app.ok('workshops.list', { pageSize: 100, status: 'all' });
    const linked = rows.filter((w) => w.teacherLinks.length > 0);
    expect(linked.length).toBeGreaterThan(rows.length / 2);
    // A workshop with no teacher record keeps its typed text, listed "sin vincular".
    const reviews = await app.ok('workshops.teacherReviews', {});
    expect(reviews.map((r) => r.workshopId).sort()).toEqual(
      rows
        .filter((w) => w.teacherLinks.length === 0)
        .map((w) => w.id)
        .sort(),
    );
    expect(reviews.every((r) => r.originalText === r.workshopText)).toBe(true);
    // Every session of a workshop with teachers names one of them; the teacher's page has months with hours.
    const w = linked[0]!;
    const sessions = await app.ok('sessions.list', { workshopId: w.id });
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => w.teacherLinks.some((x) => x.id === s.teacherId))).toBe(true);
    const activity = await app.ok('teaching.activity', { teacherId: w.teacherLinks[0]!.id });
    expect(activity.workshops.map((x) => x.id)).toContain(w.id);
    expect(activity.months.some((m) => m.minutes > 0)).toBe(true);
  }, 90000);
});
