import { expect } from 'vitest';
import type { Case, Ctx } from '../../helpers/channel-cases';
import { carriedOverTeacherName, newTeacher, workshopWith } from '../../helpers/workshop-teachers';

/**
 * Workshops' teachers by id (issue 15, item 4) for channels.test.ts: one valid call each
 * (with what it must answer) and several invalid payloads that the schema must refuse in Spanish.
 */

export type WorkshopTeacherChannel =
  'workshops.teacherOptions' | 'workshops.teacherReviews' | 'workshops.linkTeacher' | 'workshops.dismissTeacher' | 'teaching.activity';
type Name = WorkshopTeacherChannel;

export function workshopTeacherCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const app = () => ctx().app;
  const ok: Parameters<typeof newTeacher>[0] = (name, input) => app().ok(name, input);
  const est = () => ctx().seeded.id;
  const review = async () => {
    const w = await workshopWith(ok, est(), []);
    return { w, id: await carriedOverTeacherName(app(), w.id, 'Prof. Julio Ramos') };
  };
  return {
    valid: {
      'workshops.teacherOptions': {
        input: async () => (await newTeacher(ok, 'carmen'), { search: 'rojas' }),
        check: (d) => expect(d).toMatchObject([{ name: 'Carmen Rojas Salas', active: true }]),
      },
      'workshops.teacherReviews': {
        input: async () => (await review(), {}),
        check: (d) =>
          expect(d).toMatchObject([{ originalText: 'Prof. Julio Ramos', status: 'pendiente', workshopName: 'Banda sinfónica' }]),
      },
      'workshops.linkTeacher': {
        input: async () => ({ id: (await review()).id, teacherId: (await newTeacher(ok, 'julio')).id }),
        check: (d) => expect(d).toMatchObject({ status: 'vinculado', teacherName: 'Julio César Ramos Huamán' }),
      },
      'workshops.dismissTeacher': {
        input: async () => ({ id: (await review()).id }),
        check: (d) => expect(d).toMatchObject({ status: 'descartado', teacherId: null }),
      },
      'teaching.activity': {
        input: async () => {
          const t = await newTeacher(ok, 'rosa');
          const w = await workshopWith(ok, est(), [t.id]);
          await app().ok('sessions.create', { workshopId: w.id, date: '2026-03-02', durationMinutes: 120, teacherId: t.id });
          return { teacherId: t.id };
        },
        check: (d) =>
          expect(d).toEqual({
            workshops: [expect.objectContaining({ name: 'Banda sinfónica', sessions: 1 })],
            months: [{ month: '2026-03', sessions: 1, taken: 0, minutes: 0 }],
          }),
      },
    },
    invalid: {
      'workshops.teacherOptions': [{ search: 5 }, { ids: ['x'] }, { search: 'a', other: 1 }],
      'workshops.teacherReviews': [{ status: 'pendientes' }, { status: 1 }],
      'workshops.linkTeacher': [{ id: 1 }, { id: 1, teacherId: 0 }, { teacherId: 1 }, { id: 1, teacherId: 'Julio' }],
      'workshops.dismissTeacher': [{}, { id: 'x' }, { id: 1, reason: 'no' }],
      'teaching.activity': [{}, { teacherId: 'x' }, { teacherId: -1 }],
    },
  };
}
