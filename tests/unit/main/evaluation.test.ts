import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { cellText, isSmallCell, safeRate, suppressRow } from '../../../shared/evaluation/suppression';
import { evaluationDataPerFile } from './evaluation-data';

/**
 * The evaluation page's figures (issue 17) on a small handmade programme with known answers
 * (tests/unit/main/evaluation-data.ts): reach and the access gap, cohort retention, attendance
 * and hours, the small cells of persons hidden, the filters, the budget in S/ and US$, the export.
 */

const d = evaluationDataPerFile();

const half = { from: '2026-01-01', to: '2026-06-30' };
const summary = (over: Partial<ChannelInput<'evaluation.summary'>> = {}) => d.app.ok('evaluation.summary', { ...half, ...over });

describe('the small-cell rule (shared)', () => {
  it('hides 1 to 4 persons, shows 0 and 5, and nulls a rate built on a hidden count', () => {
    expect([0, 1, 4, 5].map(isSmallCell)).toEqual([false, true, true, false]);
    expect(suppressRow({ a: 4, b: 5, c: 0, name: 'x' }, ['a', 'b', 'c'])).toEqual({ a: null, b: 5, c: 0, name: 'x', suppressed: ['a'] });
    expect(safeRate(4, 10, { part: true })).toBeNull();
    expect(safeRate(5, 10, { part: true })).toBe(0.5);
    expect(safeRate(3, 0)).toBeNull();
    expect(cellText(null, true)).toBe('< 5');
    expect(cellText(12, false)).toBe('12');
  });
});

describe('evaluation.summary on known data', () => {
  it('answers reach per establishment served, the national reach and the access gap', async () => {
    const s = await summary();
    expect(s.reach.rows).toEqual([
      // Chorrillos has 4 participants: hidden, and so is its ratio.
      {
        establishmentId: d.cho,
        name: 'E.P. de Chorrillos',
        regionalOfficeName: expect.any(String),
        participants: null,
        population: 200,
        ratio: null,
        suppressed: ['participants'],
      },
      // Lurigancho's population is the count of 31/12/2025: the one of August comes after the period.
      {
        establishmentId: d.lur,
        name: 'E.P. de Lurigancho',
        regionalOfficeName: expect.any(String),
        participants: 10,
        population: 1000,
        ratio: 0.01,
        suppressed: [],
      },
    ]);
    expect(s.reach.national).toEqual({ participants: 14, population: 1700, ratio: 14 / 1700, suppressed: [] });
    expect(s.gap).toMatchObject({
      served: 2,
      establishments: 3,
      unservedPopulation: 500,
      rows: [{ establishmentId: d.hua, population: 500 }],
    });
  });

  it('counts enrolments by stage, the cell of 5 shown', async () => {
    const s = await summary();
    expect(s.stages).toEqual([
      { stage: 'inscrito', enrolments: 0, suppressed: [] },
      { stage: 'activo', enrolments: 18, suppressed: [] },
      { stage: 'completado', enrolments: 5, suppressed: [] },
      { stage: 'retirado', enrolments: 0, suppressed: [] },
    ]);
  });

  it('follows each cohort 1, 3 and 6 months on, only as far as the period reaches', async () => {
    const s = await summary();
    expect(s.retention).toEqual([
      // January: 10 started; all 10 still enrolled on 10/02, 5 on 10/04 (5 completed on 15/03); 10/07 is after 30/06.
      { cohort: '2026-01', started: 10, after1: 10, after3: 5, after6: null, rate1: 1, rate3: 0.5, rate6: null, suppressed: [] },
      // February: 4 women, a small cell, and so is everything derived from it.
      {
        cohort: '2026-02',
        started: null,
        after1: null,
        after3: null,
        after6: null,
        rate1: null,
        rate3: null,
        rate6: null,
        suppressed: ['started', 'after1', 'after3'],
      },
    ]);
    const year = await summary({ to: '2026-12-31' });
    expect(year.retention[0]).toMatchObject({ cohort: '2026-01', after6: 5, rate6: 0.5 });
  });

  it('answers the attendance rate and the hours per participant per month, hiding a month of 4 people', async () => {
    const s = await summary();
    expect(s.attendance).toEqual([
      { month: '2026-01', sessions: 2, people: 10, marks: 20, present: 18, rate: 0.9, suppressed: [] },
      { month: '2026-02', sessions: 1, people: null, marks: null, present: null, rate: null, suppressed: ['people'] },
    ]);
    // 18 present marks × 1.5 h = 27 h over 10 people present.
    expect(s.hours).toEqual([
      { month: '2026-01', people: 10, hours: 27, perParticipant: 2.7, suppressed: [] },
      { month: '2026-02', people: null, hours: null, perParticipant: null, suppressed: ['people'] },
    ]);
    expect(s.attendanceWorkshops.map((w) => [w.name, w.establishmentName, w.sessions, w.people, w.rate])).toEqual([
      ['Orquesta', 'E.P. de Lurigancho', 2, 10, 0.9],
      ['Cerámica', 'E.P. de Chorrillos', 1, null, null],
    ]);
    expect(s.attendanceWorkshops[1]!.months).toEqual([{ month: '2026-02', rate: null, suppressed: true }]);
  });

  it('answers completions, ensembles with their members, events by audience, instruments by condition', async () => {
    const s = await summary();
    expect(s.completions).toEqual([{ month: '2026-03', completions: 5, certificates: 0, suppressed: [] }]);
    expect(s.ensembles).toEqual([
      { type: 'banda_sinfonica', ensembles: 1, formed: 1, members: 5, suppressed: [] },
      { type: 'coro_polifonico', ensembles: 1, formed: 1, members: null, suppressed: ['members'] },
    ]);
    expect(s.events).toEqual([
      {
        month: '2026-04',
        events: 1,
        internos: 40,
        familiares: null,
        personal: 10,
        externo: 0,
        autoridades: null,
        total: 55,
        suppressed: ['familiares', 'autoridades'],
      },
    ]);
    // Things, not persons: 1 and 2 are shown.
    expect(s.instruments).toEqual([
      { establishmentId: d.lur, name: 'E.P. de Lurigancho', nuevo: 0, bueno: 2, regular: 0, malo: 1, inoperativo: 0, total: 3 },
    ]);
    expect(JSON.stringify(s)).not.toMatch(/LUR-|CHO-|Nombre/);
  });

  it('answers the budget executed by line and month in céntimos and US cents at the year rate', async () => {
    const s = await summary();
    expect(s.budget.filter((r) => r.pen !== 0 && r.line !== 'instrumentos')).toEqual([
      { month: '2026-03', line: 'materiales', pen: 34_000, usd: 10_000 },
      { month: '2026-04', line: 'eventos', pen: 17_000, usd: 5_000 },
    ]);
    expect(new Set(s.budget.map((r) => r.month)).size).toBe(6);
    expect(s.budgetLines).toContainEqual({ year: 2026, line: 'materiales', pen: 1_000_000, usd: 294_118 });
  });
});

describe('evaluation.summary filters', () => {
  it('by establishment: that prison alone, and its gap', async () => {
    const s = await summary({ establishmentId: d.lur });
    expect(s.reach.rows.map((r) => r.name)).toEqual(['E.P. de Lurigancho']);
    expect(s.gap).toMatchObject({ served: 1, establishments: 1, rows: [] });
    expect(s.events).toHaveLength(1);
    expect(s.attendance.map((m) => m.month)).toEqual(['2026-01']);
    expect(s.completions[0]!.certificates).toBeNull();
  });

  it('by sex: the women alone (4: hidden) against the women of the prisons', async () => {
    const s = await summary({ sex: 'femenino' });
    expect(s.reach.national).toEqual({ participants: null, population: 200, ratio: null, suppressed: ['participants'] });
    expect(s.gap.served).toBe(1);
    expect(s.attendance).toEqual([
      { month: '2026-02', sessions: 1, people: null, marks: null, present: null, rate: null, suppressed: ['people'] },
    ]);
    expect(s.stages.find((x) => x.stage === 'completado')!.enrolments).toBe(0);
  });

  it('by initiative: its workshops, ensembles, events and expenses only', async () => {
    const s = await summary({ initiativeId: d.initiative });
    expect(s.reach.national.participants).toBe(10);
    expect(s.ensembles.map((e) => e.type)).toEqual(['banda_sinfonica']);
    expect(s.events).toHaveLength(1);
    expect(s.budget.filter((r) => r.pen !== 0)).toEqual([{ month: '2026-03', line: 'materiales', pen: 34_000, usd: 10_000 }]);
    expect(s.budgetLines).toEqual([]);
    const none = await summary({ initiativeId: d.initiative + 1 });
    expect(none.reach.national.participants).toBe(0);
    expect(none.events).toEqual([]);
  });

  it('by discipline: the workshops of it (ensembles have none)', async () => {
    const s = await summary({ discipline: 'Cerámica' });
    expect(s.reach.rows.map((r) => r.name)).toEqual(['E.P. de Chorrillos']);
    expect(s.stages.find((x) => x.stage === 'activo')!.enrolments).toBeNull();
  });

  it('refuses a period that ends before it starts, in Spanish beside the end date', async () => {
    const r = await d.app.call('evaluation.summary', { from: '2026-06-30', to: '2026-01-01' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { to: 'La fecha final debe ser igual o posterior a la inicial.' } },
    });
  });
});

describe('evaluation.export', () => {
  const read = async (path: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  };

  it('writes one chart as its table, a small cell as "< 5"', async () => {
    const r = await d.app.ok('evaluation.export', { ...half, chart: 'reach' });
    if (r.status !== 'saved') throw new Error('cancelled');
    const wb = await read(r.path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Alcance por establecimiento']);
    const rows = wb.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((x) => [x[1], x[3], x[4], x[5]])).toEqual([
      ['E.P. de Chorrillos', '< 5', 200, undefined],
      ['E.P. de Lurigancho', 10, 1000, 0.01],
      ['Total nacional', 14, 1700, 14 / 1700],
    ]);
  });

  it('writes every chart, one sheet each, with money in soles and dollars', async () => {
    const r = await d.app.ok('evaluation.export', { ...half, chart: 'all' });
    if (r.status !== 'saved') throw new Error('cancelled');
    const wb = await read(r.path);
    expect(wb.worksheets).toHaveLength(12);
    const budget = wb.getWorksheet('Ejecución presupuestal')!;
    const march = (budget.getSheetValues() as unknown[][]).find((x) => x?.[1] === '2026-03' && x[2] === 'Materiales')!;
    expect([march[3], march[4]]).toEqual([340, 100]);
  });

  it('is open to the read-only role as figures but not as a file, and to each user within their prisons', async () => {
    await d.app.signInAs('consulta');
    try {
      expect((await d.app.call('evaluation.summary', half)).ok).toBe(true);
      expect(await d.app.call('evaluation.export', { ...half, chart: 'all' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await d.app.signInAs('inventario');
      expect(await d.app.call('evaluation.summary', half)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // A user of one prison sees that prison's figures only, and cannot name another.
      await d.app.signInAs('programas', { establishmentIds: [d.lur] });
      const own = await d.app.ok('evaluation.summary', half);
      expect([own.reach.rows.map((r) => r.name), own.gap.establishments, own.reach.national.participants]).toEqual([
        ['E.P. de Lurigancho'],
        1,
        10,
      ]);
      expect((await d.app.call('evaluation.summary', { ...half, establishmentId: d.cho })).ok).toBe(false);
    } finally {
      await d.app.signInAs('administrador');
    }
  });
});
