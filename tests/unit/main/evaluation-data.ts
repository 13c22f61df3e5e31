import { afterAll, beforeAll } from 'vitest';
import type { Knex } from 'knex';
import { insertId } from '../../../electron/main/db/writes';
import { newViolin, testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * A small handmade programme with known answers for the evaluation tests (issue 17):
 * - Lurigancho (men, population 1,000 on 31/12/2025; a count of 2,000 on 01/08/2026 comes after
 *   the period): workshop "Orquesta" (Música, initiative Orquestando) with 10 men enrolled on
 *   10/01/2026, 5 of them completed on 15/03/2026; the other 5 also in a band (01/02/2026).
 *   Two sessions of 90 minutes in January: 8 then 10 present of 10.
 * - Chorrillos (women, 200): workshop "Cerámica" with 4 women from 05/02/2026, in a choir too;
 *   one session of 60 minutes in February: 3 present of 4.
 * - Huacho (men, 500): nobody (the access gap).
 * - An event in Lurigancho (Orquestando) in April: 40 inmates, 3 relatives, 10 staff, 0 public,
 *   2 authorities. Three instruments in Lurigancho: 2 good, 1 poor.
 * - The 2026 budget at S/ 3.4000 per US$: S/ 340.00 of materials in March (Orquestando) and
 *   S/ 170.00 of events in April.
 */

export interface EvaluationData {
  app: TestApp;
  lur: number;
  cho: number;
  hua: number;
  initiative: number;
}

/** Who wrote the raw rows below, and when (5 January 2026). */
export const stamp = {
  version: 1,
  created_at: '2026-01-05T15:00:00.000Z',
  created_by: 'test',
  updated_at: '2026-01-05T15:00:00.000Z',
  updated_by: 'test',
};

/** A workshop written as a row (no channel: its dates are the test's). */
export const rawWorkshop = (db: Knex, name: string, discipline: string, establishmentId: number, initiativeId: number | null = null) =>
  insertId(db('workshops'), {
    name,
    name_key: name.toLowerCase(),
    programme: 'otro',
    discipline,
    establishment_id: establishmentId,
    start_date: '2026-01-10',
    capacity: 20,
    active: true,
    initiative_id: initiativeId,
    ...stamp,
  });

/** An active participant written as a row, named by its code. */
export const rawParticipant = (db: Knex, code: string, sex: 'masculino' | 'femenino', establishmentId: number) =>
  insertId(db('participants'), {
    code,
    first_names: 'Nombre',
    last_names: code,
    sex,
    birth_year: 1990,
    establishment_id: establishmentId,
    status: 'activo',
    search_text: code.toLowerCase(),
    sort_key: code.toLowerCase(),
    ...stamp,
  });

/** The dataset, built once before a file's tests and closed after them (filled in when they run). */
export function evaluationDataPerFile(): EvaluationData {
  const d = {} as EvaluationData;
  beforeAll(async () => {
    Object.assign(d, await evaluationData());
  }, 120_000);
  afterAll(() => d.app?.close());
  return d;
}

/** A budget expense written as a row (no channel: its date is the test's). */
export const rawExpense = (db: Knex, date: string, line: string, amount: number, initiativeId: number | null = null) =>
  db('budget_expenses').insert({
    date,
    budget_line: line,
    supplier_name: 'Proveedor SAC',
    supplier_ruc: '20100070970',
    document_type: 'factura',
    document_number: `F001-${amount}`,
    amount_centimos: amount,
    description: 'Gasto',
    initiative_id: initiativeId,
    voided: false,
    ...stamp,
  });

export async function evaluationData(): Promise<EvaluationData> {
  const app = await testApp();
  const db = app.db;
  const est = async (code: string, name: string, population: 'varones' | 'mujeres') =>
    (await app.ok('establishments.create', validEstablishment({ code, name, population }))).id;
  const lur = await est('EP-LUR-01', 'E.P. de Lurigancho', 'varones');
  const cho = await est('EP-CHO-01', 'E.P. de Chorrillos', 'mujeres');
  const hua = await est('EP-HUA-01', 'E.P. de Huacho', 'varones');
  const count = (establishmentId: number, countedOn: string, men: number, women: number) =>
    app.ok('population.record', { establishmentId, countedOn, men, women, source: 'Informe' });
  await count(lur, '2025-12-31', 1000, 0);
  await count(lur, '2026-08-01', 2000, 0);
  await count(cho, '2025-12-31', 0, 200);
  await count(hua, '2025-12-31', 500, 0);

  const initiative = await insertId(db('initiatives'), {
    name: 'INPE Orquestando',
    name_key: 'inpe orquestando',
    start_year: 2020,
    description: 'Talleres de educación musical',
    ...stamp,
  });
  const workshop = (name: string, discipline: string, establishmentId: number, initiativeId: number | null) =>
    rawWorkshop(db, name, discipline, establishmentId, initiativeId);
  const orquesta = await workshop('Orquesta', 'Música', lur, initiative);
  const ceramica = await workshop('Cerámica', 'Cerámica', cho, null);
  const ensemble = (name: string, type: string, establishmentId: number, initiativeId: number | null) =>
    insertId(db('ensembles'), {
      name,
      name_key: name.toLowerCase(),
      type,
      establishment_id: establishmentId,
      formed_on: '2026-02-01',
      active: true,
      initiative_id: initiativeId,
      ...stamp,
    });
  const band = await ensemble('Banda', 'banda_sinfonica', lur, initiative);
  const choir = await ensemble('Coro', 'coro_polifonico', cho, null);

  const person = (code: string, sex: 'masculino' | 'femenino', establishmentId: number) => rawParticipant(db, code, sex, establishmentId);
  const enrol = (
    participantId: number,
    group: { workshop_id?: number; ensemble_id?: number },
    enrolledOn: string,
    endedOn: string | null = null,
  ) =>
    db('enrolments').insert({
      participant_id: participantId,
      workshop_id: group.workshop_id ?? null,
      ensemble_id: group.ensemble_id ?? null,
      stage: endedOn ? 'completado' : 'activo',
      enrolled_on: enrolledOn,
      ended_on: endedOn,
      end_reason: endedOn ? 'completado' : null,
      ...stamp,
    });
  const men: number[] = [];
  for (let i = 1; i <= 10; i++) {
    const id = await person(`LUR-${i}`, 'masculino', lur);
    men.push(id);
    await enrol(id, { workshop_id: orquesta }, '2026-01-10', i <= 5 ? '2026-03-15' : null);
    if (i > 5) await enrol(id, { ensemble_id: band }, '2026-02-01');
  }
  const women: number[] = [];
  for (let i = 1; i <= 4; i++) {
    const id = await person(`CHO-${i}`, 'femenino', cho);
    women.push(id);
    await enrol(id, { workshop_id: ceramica }, '2026-02-05');
    await enrol(id, { ensemble_id: choir }, '2026-02-05');
  }
  const session = (workshopId: number, date: string, minutes: number) =>
    insertId(db('workshop_sessions'), { workshop_id: workshopId, date, duration_minutes: minutes, ...stamp });
  const mark = async (sessionId: number, people: number[], present: number) => {
    for (const [k, p] of people.entries())
      await db('attendance').insert({ session_id: sessionId, participant_id: p, present: k < present });
  };
  await mark(await session(orquesta, '2026-01-20', 90), men, 8);
  await mark(await session(orquesta, '2026-01-27', 90), men, 10);
  await mark(await session(ceramica, '2026-02-10', 60), women, 3);

  await db('events').insert({
    type: 'recital',
    title: 'Recital de otoño',
    date: '2026-04-12',
    venue_kind: 'establecimiento',
    establishment_id: lur,
    audience_internos: 40,
    audience_familiares: 3,
    audience_personal: 10,
    audience_externo: 0,
    audience_autoridades: 2,
    initiative_id: initiative,
    ...stamp,
  });
  await app.ok('instruments.create', newViolin('VIO-1', lur, { condition: 'bueno' }));
  await app.ok('instruments.create', newViolin('VIO-2', lur, { condition: 'bueno' }));
  await app.ok('instruments.create', newViolin('VIO-3', lur, { condition: 'malo', funding: 'donacion' }));

  await db('budget_years').insert({ year: 2026, exchange_rate_e4: 34000, version: 1, updated_at: stamp.updated_at, updated_by: 'test' });
  await db('budget_lines').insert([
    { year: 2026, line: 'materiales', amount_centimos: 1_000_000 },
    { year: 2026, line: 'eventos', amount_centimos: 500_000 },
  ]);
  const expense = (date: string, line: string, amount: number, initiativeId: number | null) =>
    rawExpense(db, date, line, amount, initiativeId);
  await expense('2026-03-05', 'materiales', 34_000, initiative);
  await expense('2026-04-01', 'eventos', 17_000, null);
  return { app, lur, cho, hua, initiative };
}
