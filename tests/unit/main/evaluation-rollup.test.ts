import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../../shared/import/schemas';
import { importJob, titledSheet } from '../../helpers/import';
import { evaluationDataPerFile } from './evaluation-data';

/**
 * The evaluation page reads attendance for whole months from the monthly roll-ups (migration
 * 0025), kept in step by triggers on the marks. After each way a mark is written (the sheet, the
 * import, a mark changed, a session moved to another month) the page's attendance and hours follow,
 * and per workshop equal what the marks themselves give (a period starting on 31/12 is counted from the marks).
 */

const d = evaluationDataPerFile();

const months = { from: '2026-01-01', to: '2026-06-30' };
const fromMarks = { from: '2025-12-31', to: '2026-06-30' };

async function figures() {
  const [rolled, counted] = [await d.app.ok('evaluation.summary', months), await d.app.ok('evaluation.summary', fromMarks)];
  expect(rolled.attendance).toEqual(counted.attendance);
  expect(rolled.hours).toEqual(counted.hours);
  expect(rolled.attendanceWorkshops).toEqual(counted.attendanceWorkshops);
  return rolled;
}

const month = (s: Awaited<ReturnType<typeof figures>>, m: string) => ({
  attendance: s.attendance.find((r) => r.month === m),
  hours: s.hours.find((r) => r.month === m),
});

async function orquesta() {
  const w = (await d.app.db('workshops').where({ name: 'Orquesta' }).first('id')) as { id: number };
  const men = (await d.app.db('participants').where('code', 'like', 'LUR-%').orderBy('id').pluck('id')) as number[];
  return { workshopId: w.id, men };
}

describe('the monthly attendance roll-ups', () => {
  it('start from the marks already there', async () => {
    const s = await figures();
    expect(month(s, '2026-01').attendance).toMatchObject({ sessions: 2, people: 10, marks: 20, present: 18, rate: 0.9 });
    expect(month(s, '2026-01').hours).toMatchObject({ people: 10, hours: 27 });
  });

  it('follow a sheet saved, a mark changed and a session moved to another month', async () => {
    const { workshopId, men } = await orquesta();
    const session = await d.app.ok('sessions.create', { workshopId, date: '2026-03-03', durationMinutes: 120 });
    const marks = (present: number) => men.map((participantId, k) => ({ participantId, present: k < present }));
    await d.app.ok('attendance.save', { sessionId: session.id, marks: marks(6) });
    let s = await figures();
    expect(month(s, '2026-03').attendance).toMatchObject({ sessions: 1, people: 10, marks: 10, present: 6, rate: 0.6 });
    expect(month(s, '2026-03').hours).toMatchObject({ people: 6, hours: 12, perParticipant: 2 });

    await d.app.ok('attendance.save', { sessionId: session.id, marks: marks(9) });
    s = await figures();
    expect(month(s, '2026-03').attendance).toMatchObject({ marks: 10, present: 9, rate: 0.9 });
    expect(month(s, '2026-03').hours).toMatchObject({ people: 9, hours: 18 });

    const now = (await d.app.db('workshop_sessions').where({ id: session.id }).first('version')) as { version: number };
    await d.app.ok('sessions.update', { id: session.id, version: now.version, date: '2026-04-07', durationMinutes: 60, topic: null });
    s = await figures();
    expect(month(s, '2026-03').attendance).toBeUndefined();
    expect(month(s, '2026-04').attendance).toMatchObject({ sessions: 1, people: 10, marks: 10, present: 9 });
    expect(month(s, '2026-04').hours).toMatchObject({ people: 9, hours: 9, perParticipant: 1 });
  });

  it('follow an attendance import', async () => {
    const dataBase64 = await titledSheet(
      'Asistencia',
      [],
      [
        ['Taller', 'Participante', '20/01/2026'],
        ['Orquesta', 'LUR-9', 'A'],
        ['Orquesta', 'LUR-10', 'A'],
      ],
    );
    const up = await d.app.ok('import.inspect', { target: 'attendance', fileName: 'asistencia.xlsx', dataBase64 });
    const done = await importJob(d.app, 'import.run', up.uploadId, up.suggestedMapping as ImportMapping, { mode: 'upsert' });
    expect(done.state).toBe('done');
    const s = await figures();
    // 8 then 10 present of 10 in January; now 10 and 10.
    expect(month(s, '2026-01').attendance).toMatchObject({ sessions: 2, people: 10, marks: 20, present: 20, rate: 1 });
    expect(month(s, '2026-01').hours).toMatchObject({ people: 10, hours: 30 });
  });
});
