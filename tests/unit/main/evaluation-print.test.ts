import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { evaluationDataPerFile } from './evaluation-data';

/**
 * The evaluation page printed to PDF (issue 17) on the small handmade programme of
 * evaluation-data.ts, read back with poppler as a reader would: the filters in words, every
 * chart's title and figures, small cells "< 5", no participant; bad filters refused in main;
 * who may print. And the annual report PDF carries the same charts for its year.
 */

const d = evaluationDataPerFile();

const half = { from: '2026-01-01', to: '2026-06-30' };
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** The PDF's text, with runs of spaces (layout) made one; poppler may read "< 5" and "1 %" without their space. */
const text = (file: string) => run('pdftotext', '-layout', file, '-').replace(/[ \t]+/g, ' ');
const small = String.raw`<\s?5`;
/** The handmade participants: first names «Nombre», codes LUR-n and CHO-n (the partners' table has a column «Nombre»). */
const noOne = /Nombre (LUR|CHO)|(LUR|CHO)-\d/;

async function printed(input: Record<string, unknown>): Promise<string> {
  const r = await d.app.ok('evaluation.print', { ...half, ...input } as never);
  if (r.status !== 'saved') throw new Error('cancelled');
  expect(r.path).toMatch(/evaluacion-graficos-2026-01-01-2026-06-30-.*\.pdf$/);
  return r.path;
}

describe('evaluation.print', () => {
  it('prints every chart with its title, its figures and the filters applied, landscape A4, naming no one', async () => {
    const file = await printed({});
    const info = run('pdfinfo', file);
    const [, w, hgt] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect([Math.round(Number(w)), Math.round(Number(hgt))]).toEqual([842, 595]);
    const pdf = text(file);
    expect(pdf).toContain('Evaluación del programa');
    expect(pdf).toContain('Periodo: del 01/01/2026 al 30/06/2026');
    // Not filtered: each filter reads «Todos».
    expect(pdf).toMatch(/Establecimiento: Todos/);
    expect(pdf).toMatch(/Sexo: Todos/);
    for (const title of [
      'Alcance por establecimiento',
      'Brecha de acceso',
      'Inscripciones por etapa',
      'Retención por cohorte',
      'Asistencia por mes',
      'Asistencia por taller',
      'Horas por participante',
      'Culminaciones y certificados',
      'Elencos formados',
      'Eventos y públicos',
      'Instrumentos por estado',
      'Ejecución presupuestal',
    ])
      expect(pdf).toContain(title);
    // Lurigancho: 10 participants of 1,000 (1 %); Chorrillos' 4 are a small cell; the gap names Huacho.
    expect(pdf).toMatch(/10 1,000 1 ?%/);
    expect(pdf).toMatch(new RegExp(`E\\.P\\. de Chorrillos Lima ${small} 200 —`));
    expect(pdf).toMatch(/Total nacional — 14 1,700 0\.8 %/);
    expect(pdf).toMatch(/Población de los establecimientos atendidos/);
    expect(pdf).toContain('Se atiende a 2 de 3 establecimientos; la población sin atender es de 500 personas.');
    // Attendance 90 % in January, the month of 4 people hidden; 2.7 hours per participant.
    expect(pdf).toMatch(/Ene\. 2026 2 10 20 18 90 %/);
    expect(pdf).toMatch(new RegExp(`Feb\\. 2026 1 ${small} — — —`));
    expect(pdf).toContain('2.7');
    // The event's small audiences read "< 5"; money in soles.
    expect(pdf).toMatch(new RegExp(`Abr\\. 2026 1 40 ${small} 10 0 ${small} 55`));
    expect(pdf).toContain('S/ 340.00');
    expect(pdf).not.toMatch(noOne);
  });

  it('says the filters in words: the establishment, the initiative, the sex', async () => {
    const pdf = text(await printed({ establishmentId: d.lur, initiativeId: d.initiative, sex: 'masculino', discipline: 'Música' }));
    expect(pdf).toMatch(/Establecimiento: E\.P\. de Lurigancho/);
    expect(pdf).toMatch(/Iniciativa: INPE Orquestando/);
    expect(pdf).toMatch(/Disciplina: Música/);
    expect(pdf).toMatch(/Sexo: Masculino/i);
    expect(pdf).not.toContain('E.P. de Chorrillos');
  });

  it('refuses bad filters in main, in Spanish beside the field, before asking where to save', async () => {
    expect(await d.app.call('evaluation.print', { from: '2026-06-30', to: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { to: 'La fecha final debe ser igual o posterior a la inicial.' } },
    });
    expect(await d.app.call('evaluation.print', { ...half, sex: 'otro' } as never)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await d.app.call('evaluation.print', { ...half, chart: 'all' } as never)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('is printed as the Excel export is allowed: the programmes role within its prisons, not the read-only role or inventory', async () => {
    try {
      await d.app.signInAs('consulta');
      expect(await d.app.call('evaluation.print', half)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await d.app.signInAs('inventario');
      expect(await d.app.call('evaluation.print', half)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await d.app.signInAs('programas', { establishmentIds: [d.lur] });
      const r = await d.app.ok('evaluation.print', half);
      if (r.status !== 'saved') throw new Error('cancelled');
      const pdf = text(r.path);
      expect(pdf).toContain('E.P. de Lurigancho');
      expect(pdf).not.toContain('E.P. de Chorrillos');
      expect(pdf).not.toContain('E.P. de Huacho');
      expect((await d.app.call('evaluation.print', { ...half, establishmentId: d.cho })).ok).toBe(false);
    } finally {
      await d.app.signInAs('administrador');
    }
  });
});

describe('the annual report PDF', () => {
  it('carries the evaluation charts of its year, small cells hidden, naming no one', async () => {
    const r = await d.app.ok('programmeReports.annual', { from: '2026-01-01', to: '2026-12-31', format: 'pdf' });
    if (r.status !== 'saved') throw new Error('cancelled');
    const pdf = text(r.path);
    expect(pdf).toContain('Gráficos del año');
    for (const title of [
      'Alcance por establecimiento',
      'Brecha de acceso',
      'Retención por cohorte',
      'Asistencia por mes',
      'Eventos y públicos',
      'Instrumentos por estado',
      'Ejecución presupuestal',
    ])
      expect(pdf).toContain(title);
    expect(pdf).toMatch(new RegExp(`E\\.P\\. de Chorrillos Lima ${small} 200 —`));
    expect(pdf).not.toMatch(noOne);
  });
});
