import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertId } from '../../../electron/main/db/writes';
import { previousMonth } from '../../../electron/main/evaluation/for-dashboard';
import { newViolin, testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { rawExpense, rawParticipant, rawWorkshop, stamp } from './evaluation-data';

/**
 * The home page's small charts (issue 17, item 4: dashboard.charts) on a small handmade
 * programme with known answers, as each role and an establishment-scoped user see them.
 * The clock is 15/03/2026 in Lima: "last month" is February, "this month" March.
 * - Lurigancho: instruments 2 good, 1 poor; a February session with 6 men, 5 present, and a
 *   March session with the same 6, 3 present.
 * - Chorrillos: 1 new instrument; a February session with 3 women, 2 present (a small cell).
 * - The 2026 budget: S/ 10,000.00 of materials (S/ 340.00 spent in February), S/ 170.00 of
 *   events spent in March with nothing assigned; an expense of 2025 stays out.
 */

let app: TestApp;
let lur: number;
let cho: number;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-15T17:00:00.000Z') });
  app = await testApp();
  const db = app.db;
  lur = (
    await app.ok('establishments.create', validEstablishment({ code: 'EP-LUR-01', name: 'E.P. de Lurigancho', population: 'varones' }))
  ).id;
  cho = (
    await app.ok('establishments.create', validEstablishment({ code: 'EP-CHO-01', name: 'E.P. de Chorrillos', population: 'mujeres' }))
  ).id;

  await app.ok('instruments.create', newViolin('VIO-1', lur, { condition: 'bueno' }));
  await app.ok('instruments.create', newViolin('VIO-2', lur, { condition: 'bueno' }));
  await app.ok('instruments.create', newViolin('VIO-3', lur, { condition: 'malo' }));
  await app.ok('instruments.create', newViolin('VIO-4', cho, { condition: 'nuevo' }));

  const workshop = (name: string, establishmentId: number) => rawWorkshop(db, name, 'Música', establishmentId);
  const person = (code: string, sex: 'masculino' | 'femenino', establishmentId: number) => rawParticipant(db, code, sex, establishmentId);
  const session = async (workshopId: number, date: string, people: number[], present: number) => {
    const id = await insertId(db('workshop_sessions'), { workshop_id: workshopId, date, duration_minutes: 90, ...stamp });
    for (const [k, p] of people.entries()) await db('attendance').insert({ session_id: id, participant_id: p, present: k < present });
  };
  const orquesta = await workshop('Orquesta', lur);
  const coro = await workshop('Coro', cho);
  const men: number[] = [];
  for (let i = 1; i <= 6; i++) men.push(await person(`LUR-${i}`, 'masculino', lur));
  const women: number[] = [];
  for (let i = 1; i <= 3; i++) women.push(await person(`CHO-${i}`, 'femenino', cho));
  await session(orquesta, '2026-02-10', men, 5);
  await session(orquesta, '2026-03-10', men, 3);
  await session(coro, '2026-02-12', women, 2);
  // January is neither month: it stays out.
  await session(orquesta, '2026-01-20', men, 0);

  await db('budget_years').insert({ year: 2026, exchange_rate_e4: 34000, version: 1, updated_at: stamp.updated_at, updated_by: 'test' });
  await db('budget_lines').insert([{ year: 2026, line: 'materiales', amount_centimos: 1_000_000 }]);
  const expense = (date: string, line: string, amount: number) => rawExpense(db, date, line, amount);
  await expense('2026-02-05', 'materiales', 34_000);
  await expense('2026-03-01', 'eventos', 17_000);
  await expense('2025-12-20', 'materiales', 99_900);
}, 120_000);

afterAll(async () => {
  await app?.close();
  vi.useRealTimers();
});

const charts = () => app.ok('dashboard.charts', {});

describe('dashboard.charts on known data', () => {
  it('counts instruments by condition, compares February with March, and sets the year budget beside its execution', async () => {
    await app.signInAs('administrador');
    const c = await charts();
    expect(c.instruments).toEqual({ nuevo: 1, bueno: 2, regular: 0, malo: 1, inoperativo: 0, total: 4 });
    expect(c.attendance).toEqual([
      // 6 men (5 present) and 3 women (2 present): 9 persons, 7 present marks of 9.
      { month: '2026-02', sessions: 2, people: 9, rate: 7 / 9, suppressed: [] },
      { month: '2026-03', sessions: 1, people: 6, rate: 0.5, suppressed: [] },
    ]);
    expect(c.budget).toEqual({
      year: 2026,
      lines: [
        { line: 'instrumentos', planned: 0, executed: 0 },
        { line: 'docentes', planned: 0, executed: 0 },
        { line: 'capacitacion', planned: 0, executed: 0 },
        { line: 'materiales', planned: 1_000_000, executed: 34_000 },
        { line: 'eventos', planned: 0, executed: 17_000 },
      ],
    });
  });

  it('gives each role only the charts of the modules it reads; the read-only role reads all three', async () => {
    const seen = async (role: 'consulta' | 'inventario' | 'contratos' | 'programas' | 'exposiciones') => {
      await app.signInAs(role);
      const c = await charts();
      return { instruments: c.instruments !== null, attendance: c.attendance !== null, budget: c.budget !== null };
    };
    expect(await seen('consulta')).toEqual({ instruments: true, attendance: true, budget: true });
    expect(await seen('inventario')).toEqual({ instruments: true, attendance: false, budget: false });
    expect(await seen('contratos')).toEqual({ instruments: false, attendance: false, budget: true });
    expect(await seen('programas')).toEqual({ instruments: false, attendance: true, budget: false });
    expect(await seen('exposiciones')).toEqual({ instruments: false, attendance: false, budget: false });
  });

  it("shows an establishment-scoped user that establishment's figures only, small cells hidden, and no national budget", async () => {
    await app.signInAs('consulta', { establishmentIds: [cho] });
    const c = await charts();
    expect(c.instruments).toEqual({ nuevo: 1, bueno: 0, regular: 0, malo: 0, inoperativo: 0, total: 1 });
    expect(c.attendance).toEqual([
      // 3 women: "< 5", and the rate built on them too.
      { month: '2026-02', sessions: 1, people: null, rate: null, suppressed: ['people'] },
      { month: '2026-03', sessions: 0, people: 0, rate: null, suppressed: [] },
    ]);
    expect(c.budget).toBeNull();

    await app.signInAs('consulta', { establishmentIds: [lur] });
    const l = await charts();
    expect(l.instruments?.total).toBe(3);
    expect(l.attendance?.map((m) => m.rate)).toEqual([5 / 6, 0.5]);
  });

  it('takes December of the year before as the month before January', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
  });
});
