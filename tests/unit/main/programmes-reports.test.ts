import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { filePrinter } from '../../helpers/file-printer';
import { app, appWithPrisonsForEachTest, mark, men, participant, session, trumpetType, women, workshop } from './programmes-setup';

/**
 * The programmes' reports: the UNESCO entry's figures from a known dataset, the annual report,
 * certificates, and the rule that aggregate reports never carry a participant's name.
 */

const printer = filePrinter();
appWithPrisonsForEachTest(printer);

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);

/** A known dataset: 3 participants (2 men, 1 woman) in 2 prisons, a workshop with 2 sessions, an ensemble, 2 events, 2 partners. */
async function knownDataset() {
  const juan = await participant('PPL-100', 'Zacarías', 'Ñahuincopa Tello', men);
  const pedro = await participant('PPL-101', 'Pedro', 'Yupanqui Soto', men);
  const maria = await participant('PPL-200', 'Gumercinda', 'Huillca Apaza', women, 'femenino');
  const w = await workshop(men, { capacity: 20 });
  const wc = await workshop(women, {
    name: 'Cerámica de alta temperatura',
    programme: 'ceramica',
    discipline: 'Cerámica',
    startDate: '2026-03-01',
    endDate: '2026-06-30',
  });
  await app.ok('enrolments.create', { workshopId: w.id, participantIds: [juan.id, pedro.id], date: '2026-03-01' });
  await app.ok('enrolments.create', { workshopId: wc.id, participantIds: [maria.id], date: '2026-03-01' });
  const s1 = await session(w.id, '2026-03-02', 120);
  const s2 = await session(w.id, '2026-03-09', 120);
  const s3 = await session(wc.id, '2026-03-03', 180);
  await mark(s1.id, [
    [juan.id, true],
    [pedro.id, true],
  ]);
  await mark(s2.id, [
    [juan.id, true],
    [pedro.id, false],
  ]);
  await mark(s3.id, [[maria.id, true]]);
  // Pedro withdraws; María completes ceramics.
  const [pe] = await app.ok('enrolments.list', { participantId: pedro.id });
  await app.ok('enrolments.setStage', {
    id: pe!.id,
    version: pe!.version,
    stage: 'retirado',
    date: '2026-04-01',
    reason: 'Decisión personal',
  });
  const [me] = await app.ok('enrolments.list', { participantId: maria.id });
  await app.ok('enrolments.setStage', { id: me!.id, version: me!.version, stage: 'completado', date: '2026-06-30' });
  const band = await app.ok('ensembles.create', { name: 'Banda sinfónica Varones', type: 'banda_sinfonica', establishmentId: men });
  await app.ok('enrolments.create', {
    ensembleId: band.id,
    participantIds: [juan.id],
    date: '2026-03-15',
    partTypeId: await trumpetType(),
  });
  const mml = await app.ok('partners.create', { name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico' });
  const pucp = await app.ok('partners.create', { name: 'Museo de Artes y Tradiciones Populares (PUCP)', type: 'privado' });
  await app.ok('partners.create', { name: 'Aliado sin actividad', type: 'sociedad_civil' });
  await app.ok('agreements.create', {
    partnerId: mml.id,
    title: 'Arte sin Barreras',
    object: 'Puestas en escena',
    startDate: '2025-03-01',
    endDate: '2027-02-28',
  });
  const season = await app.ok('seasons.create', { name: 'Temporada 2026', startDate: '2026-03-01', endDate: '2026-12-20' });
  const audiences = (internos: number, familiares: number, personal: number, externo: number, autoridades: number) => ({
    internos,
    familiares,
    personal,
    externo,
    autoridades,
  });
  await app.ok('events.create', {
    type: 'concierto_educativo',
    seasonId: season.id,
    title: 'Concierto de apertura',
    date: '2026-04-10',
    venueKind: 'establecimiento',
    establishmentId: men,
    partnerIds: [mml.id],
    ensembleIds: [band.id],
    audiences: audiences(200, 30, 15, 0, 5),
  });
  await app.ok('events.create', {
    type: 'inauguracion_exposicion',
    seasonId: season.id,
    title: 'InternArte',
    date: '2026-08-20',
    venueKind: 'externo',
    venueName: 'Museo (PUCP)',
    partnerIds: [pucp.id],
    audiences: audiences(0, 10, 5, 300, 3),
  });
  // Outside the period: not counted.
  await app.ok('events.create', {
    type: 'recital',
    title: 'Recital 2025',
    date: '2025-12-01',
    venueKind: 'establecimiento',
    establishmentId: men,
    audiences: audiences(50, 0, 0, 0, 0),
  });
  return { juan, pedro, maria };
}

describe('UNESCO 2005 Convention entry and the annual report', () => {
  it('figures from a known dataset', async () => {
    await knownDataset();
    const e = await app.ok('programmeReports.unesco', { from: '2026-01-01', to: '2026-12-31' });
    const f = e.figures;
    expect(f.participants).toEqual({ total: 3, men: 2, women: 1, active: 1, new: 3 });
    expect(f.establishments).toEqual({ total: 2, men: 1, women: 1, mixed: 0 });
    expect(f.workshops).toEqual({ total: 2, sessions: 3, hours: 7 });
    expect(f.ensembles).toEqual({ total: 1, members: 1, byType: [{ type: 'banda_sinfonica', count: 1 }] });
    expect(f.events.total).toBe(2);
    expect(f.events.audience).toEqual({ internos: 200, familiares: 40, personal: 20, externo: 300, autoridades: 8 });
    expect(f.events.totalAudience).toBe(568);
    expect(f.partners).toEqual([
      { name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico', events: 1, agreements: 1 },
      { name: 'Museo de Artes y Tradiciones Populares (PUCP)', type: 'privado', events: 1, agreements: 0 },
    ]);
    // Workshop enrolments: 3; Pedro withdrew by choice, María completed: retention 2/3, completion 1/2.
    expect(f.evaluation.retention).toBeCloseTo(2 / 3, 10);
    expect(f.evaluation).toMatchObject({ completion: 0.5, completed: 1, withdrawn: 1, endedByCustody: 0 });
    // Marks: 5, present 4 → 0.8; present minutes 120+120+120+180 = 540 over 3 participants = 3 h each.
    expect(f.evaluation.attendanceRate).toBe(0.8);
    expect(f.evaluation.hoursPerParticipant).toBe(3);
    expect(f.finance).toBeNull();
    // Counts of persons under 5 read "< 5" (issue 17); no budget year: no exchange rate.
    expect(e.results).toEqual([
      'Eventos (recitales, conciertos y presentaciones): 2; público asistente: 568 (Internos: 200; Familiares: 40; Personal INPE: 20; Público externo: 300; Autoridades: 8).',
      'Alianzas institucionales: 2 (Municipalidad Metropolitana de Lima, Museo de Artes y Tradiciones Populares (PUCP)); convenios vigentes: 1.',
      'Presupuesto ejecutado en el periodo: S/\u00a00.00.',
      'Establecimientos penitenciarios: 2 (de varones: 1; de mujeres: 1; mixtos: 0).',
      'Total de participantes beneficiarios: < 5 (varones: < 5; mujeres: < 5).',
      'Elencos conformados: 1; integrantes: < 5 (banda sinfónica (1)).',
    ]);
    expect(e.financial).toBe('No disponible: el tipo de cambio del año no está registrado en el presupuesto del programa.');
    expect(e.partners).toEqual([
      { name: 'Municipalidad Metropolitana de Lima', type: 'Sector público' },
      { name: 'Museo de Artes y Tradiciones Populares (PUCP)', type: 'Sector privado' },
    ]);
    expect(e.evaluation[3]).toBe('Horas de asistencia por participante: 3.');
    // A narrower period counts only what falls in it: Pedro left in April and ceramics ended in June.
    const second = await app.ok('programmeReports.figures', { from: '2026-07-01', to: '2026-12-31' });
    expect(second.events.total).toBe(1);
    expect(second.participants).toEqual({ total: 1, men: 1, women: 0, active: 1, new: 0 });
  });

  it('financial resources in USD from the budget and exchange rate of the year', async () => {
    await app
      .db('budget_years')
      .insert({ year: 2026, exchange_rate_e4: 34000, notes: null, version: 1, updated_at: '2026-01-02T00:00:00Z', updated_by: 'prueba' });
    await app.db('budget_lines').insert([
      { year: 2026, line: 'instrumentos', amount_centimos: 30_000_000 },
      { year: 2026, line: 'docentes', amount_centimos: 20_000_000 },
    ]);
    const e = await app.ok('programmeReports.unesco', { from: '2026-01-01', to: '2026-12-31' });
    // S/ 500,000.00 at 3.40 soles per dollar = USD 147,058.82.
    expect(e.figures.finance).toMatchObject({ year: 2026, pen: 50_000_000, usd: 14_705_882, exchangeRate: 3.4 });
    // The UNESCO entry reports what was executed (no expense yet), at the year's exchange rate
    // (the executed amounts are tested in unesco-entry.test.ts); the annual report, the budget assigned.
    expect(e.financial.replace(/\u00a0/g, ' ')).toBe(
      'Aproximadamente USD 0.00: S/ 0.00 ejecutados en el periodo, al tipo de cambio del año (2026: 3.4). Solo del INPE, según los gastos del presupuesto del programa.',
    );
  });

  it('no participant name in the aggregate reports (annual XLSX and PDF, UNESCO PDF and entry)', async () => {
    await knownDataset();
    const names = ['Zacarías', 'Ñahuincopa', 'Yupanqui', 'Gumercinda', 'Huillca', 'PPL-100', 'PPL-200'];
    const entry = JSON.stringify(await app.ok('programmeReports.unesco', { from: '2026-01-01', to: '2026-12-31' }));
    for (const n of names) expect(entry).not.toContain(n);

    const xlsx = await app.ok('programmeReports.annual', { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' });
    if (xlsx.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain('Participantes (beneficiarios)');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Cifras clave',
      'Por establecimiento',
      'Por programa',
      'Eventos por tipo',
      'Aliados',
    ]);
    for (const n of names) expect(cells.join('\n')).not.toContain(n);

    for (const [channel, heading] of [
      ['programmeReports.annual', 'Reporte anual del programa de arte y cultura'],
      ['programmeReports.unescoExport', 'Gestión y promoción del arte y la cultura en el tratamiento penitenciario'],
    ] as const) {
      const pdf = await app.ok(channel, { from: '2026-01-01', to: '2026-12-31', format: 'pdf' });
      if (pdf.status !== 'saved') throw new Error('cancelled');
      const text = pdfText(pdf.path).replace(/\s+/g, ' ');
      expect(text).toContain(heading);
      expect(text).toContain('Municipalidad Metropolitana de Lima');
      for (const n of names) expect(text).not.toContain(n);
    }
  }, 60000);

  it('the annual report hides counts of 1 to 4 persons as «< 5», and the shares built on them', async () => {
    await knownDataset(); // three participants: two men and one woman
    const xlsx = await app.ok('programmeReports.annual', { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' });
    if (xlsx.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const key = new Map<string, unknown>();
    wb.getWorksheet('Cifras clave')!.eachRow((row) => key.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(key.get('Participantes (beneficiarios)')).toBe('< 5');
    expect(key.get('Mujeres')).toBe('< 5');
    expect(key.get('Varones')).toBe('< 5');
    expect(key.get('Eventos')).toBe(2); // events are not persons: shown
    expect(key.get('Asistencia promedio')).toBeNull();

    const pdf = await app.ok('programmeReports.annual', { from: '2026-01-01', to: '2026-12-31', format: 'pdf' });
    if (pdf.status !== 'saved') throw new Error('cancelled');
    const text = pdfText(pdf.path).replace(/\s+/g, ' ');
    expect(text).toMatch(/Mujeres < ?5/);
    expect(text).not.toMatch(/Mujeres 1\b/);
  }, 60000);
});

describe('the annual report in Excel (issue 13 item 10)', () => {
  it('the period as Excel dates, counts and hours as numbers, shares as percentages, so the office can sum them', async () => {
    await knownDataset();
    // Enough participants for the counts and shares to be printed (1 to 4 persons read «< 5»).
    const more = [];
    for (const code of ['PPL-300', 'PPL-301', 'PPL-302']) more.push(await participant(code, 'Julio', 'Mamani Quispe', men));
    const w = await workshop(men, { name: 'Percusión', capacity: 20 });
    await app.ok('enrolments.create', { workshopId: w.id, participantIds: more.map((p) => p.id), date: '2026-03-01' });
    const xlsx = await app.ok('programmeReports.annual', { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' });
    if (xlsx.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const ws = wb.getWorksheet('Cifras clave')!;
    const byLabel = new Map<string, ExcelJS.Cell>();
    ws.eachRow((row, n) => {
      if (n > 1) byLabel.set(String(row.getCell(1).value), row.getCell(2));
    });
    const from = byLabel.get('Periodo: desde')!;
    expect(from.value).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(from.numFmt).toBe('dd/mm/yyyy');
    expect(byLabel.get('Periodo: hasta')!.value).toEqual(new Date(Date.UTC(2026, 11, 31)));
    const participants = byLabel.get('Participantes (beneficiarios)')!;
    expect(typeof participants.value).toBe('number');
    expect(participants.value).toBeGreaterThan(0);
    const hours = [...byLabel.entries()].find(([k]) => /^Horas/.test(k))![1];
    expect(typeof hours.value).toBe('number');
    expect(hours.numFmt).toBe('#,##0.0');
    for (const [label, cell] of byLabel) {
      if (cell.numFmt !== '0.0%' || cell.value === null) continue;
      expect(typeof cell.value, label).toBe('number');
      expect(cell.value as number, label).toBeGreaterThanOrEqual(0);
      expect(cell.value as number, label).toBeLessThanOrEqual(1);
    }
    expect([...byLabel.values()].filter((c) => c.numFmt === '0.0%')).toHaveLength(3);
  });
});

describe('certificates', () => {
  it('one Spanish PDF page per participant who completed, with the hours from attendance', async () => {
    const { maria } = await knownDataset();
    const ws = await app.ok('workshops.list', { search: 'ceramica' });
    const w = ws.rows[0]!;
    const candidates = await app.ok('certificates.candidates', { id: w.id });
    expect(candidates).toMatchObject([{ code: 'PPL-200', stage: 'completado', minutes: 180 }]);
    const r = await app.ok('certificates.issue', {
      workshopId: w.id,
      participantIds: [maria.id],
      date: '2026-07-05',
      reason: 'Entrega de certificados en la clausura',
    });
    if (r.status !== 'saved') throw new Error('cancelled');
    const text = pdfText(r.path).replace(/\s+/g, ' ');
    expect(text).toContain('CERTIFICADO DE PARTICIPACIÓN');
    expect(text).toContain('Gumercinda Huillca Apaza');
    expect(text).toContain('Código interno: PPL-200');
    expect(text).toContain(
      '«Cerámica de alta temperatura» del programa Cerámica, realizado en el E.P. Mujeres Prueba del 01/03/2026 al 30/06/2026, con 3 horas de asistencia acumulada.',
    );
    expect(text).toContain('Lima, 5 de julio de 2026');
    expect(pdfPages(r.path)).toBe(1);

    // Bulk for the band: nobody completed it yet → refused, nothing written.
    const band = (await app.ok('workshops.list', { search: 'banda' })).rows[0]!;
    expect(
      await app.call('certificates.issue', { workshopId: band.id, date: '2026-07-05', reason: 'Entrega de certificados en la clausura' }),
    ).toMatchObject({
      ok: false,
      error: { fields: { participantIds: 'Nadie ha completado aún este taller: no hay certificados que emitir.' } },
    });
  }, 60000);

  it('in bulk: one page each for everyone who completed the workshop', async () => {
    const people = [];
    for (let i = 1; i <= 3; i++) people.push(await participant(`PPL-90${i}`, `Nombre${'ABC'[i - 1]}`, `Apellido${'XYZ'[i - 1]}`, men));
    const w = await workshop(men, { name: 'Cuerdas frotadas' });
    await app.ok('enrolments.create', { workshopId: w.id, participantIds: people.map((p) => p.id), date: '2026-03-01' });
    const s = await session(w.id, '2026-03-02', 150);
    await mark(
      s.id,
      people.map((p) => [p.id, true] as [number, boolean]),
    );
    for (const e of await app.ok('enrolments.list', { workshopId: w.id })) {
      await app.ok('enrolments.setStage', { id: e.id, version: e.version, stage: 'completado', date: '2026-07-31' });
    }
    const r = await app.ok('certificates.issue', {
      workshopId: w.id,
      date: '2026-08-01',
      reason: 'Entrega de certificados en la clausura',
    });
    if (r.status !== 'saved') throw new Error('cancelled');
    expect(r.rows).toBe(3);
    expect(pdfPages(r.path)).toBe(3);
    const text = pdfText(r.path);
    for (const n of ['NombreA ApellidoX', 'NombreB ApellidoY', 'NombreC ApellidoZ']) expect(text).toContain(n);
    expect(text.replace(/\s+/g, ' ')).toContain('con 2.5 horas de asistencia acumulada');
  }, 60000);
});
