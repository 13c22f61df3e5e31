import fs from 'node:fs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { esPE } from '../../../shared/i18n/es-PE';
import { en } from '../../../shared/i18n/en';
import type { Programme } from '../../../shared/programmes/rules';
import type { UnescoTextsSave } from '../../../shared/programmes/schemas';
import { refusedUnchanged } from '../../helpers/refused';
import { testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * The UNESCO entry of issue 17, item 5, rebuilt from a small handmade dataset: its sections in
 * the order and wording of the periodic report form (the seed's entry), the figures right, counts
 * of persons under 5 as "< 5", no participant's name, in the Word file and the plain text; and
 * the office's texts kept per year with a version check.
 */

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
}, 30000);
afterEach(() => app.close());

const period = { from: '2026-01-01', to: '2026-12-31' };
const names = ['Zacarías', 'Ñahuincopa', 'Gumercinda', 'Huillca', 'PPL-10', 'PPL-20'];
const headingKeys = [
  'mainFeatures',
  'activities',
  'results',
  'financial',
  'partners',
  'evaluated',
  'conclusions',
  'goals',
  'domains',
] as const;
const headingsEs = headingKeys.map((k) => esPE.programmes.unescoEntry.headings[k]);

/** Six men in one workshop (one initiative), one woman in another (another initiative), an event, a partner, the year's budget. */
async function dataset() {
  const men = (await app.ok('establishments.create', validEstablishment({ code: 'EP-V', name: 'E.P. Varones', population: 'varones' }))).id;
  const women = (await app.ok('establishments.create', validEstablishment({ code: 'EP-M', name: 'E.P. Mujeres', population: 'mujeres' })))
    .id;
  const workshop = (establishmentId: number, programme: Programme, name: string) =>
    app.ok('workshops.create', { name, programme, discipline: 'Vientos', establishmentId, startDate: '2026-03-01', capacity: 30 });
  const band = await workshop(men, 'inpe_orquestando', 'Banda');
  const clay = await workshop(women, 'ceramica', 'Cerámica');
  const people = [];
  for (let i = 0; i < 6; i++) {
    people.push(
      await app.ok('participants.create', {
        code: `PPL-1${i}`,
        firstNames: 'Zacarías',
        lastNames: `Ñahuincopa ${i}`,
        sex: 'masculino',
        birthYear: 1990,
        establishmentId: men,
        date: '2026-02-01',
      }),
    );
  }
  const gum = await app.ok('participants.create', {
    code: 'PPL-20',
    firstNames: 'Gumercinda',
    lastNames: 'Huillca',
    sex: 'femenino',
    birthYear: 1985,
    establishmentId: women,
    date: '2026-02-01',
  });
  await app.ok('enrolments.create', { workshopId: band.id, participantIds: people.map((p) => p.id), date: '2026-03-02' });
  await app.ok('enrolments.create', { workshopId: clay.id, participantIds: [gum.id], date: '2026-03-02' });
  const mml = await app.ok('partners.create', { name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico' });
  const event = await app.ok('events.create', {
    type: 'concierto_educativo',
    title: 'Concierto de apertura',
    date: '2026-04-10',
    venueKind: 'establecimiento',
    establishmentId: men,
    partnerIds: [mml.id],
    audiences: { internos: 200, familiares: 30, personal: 15, externo: 0, autoridades: 3 },
  });
  const orq = await app.ok('initiatives.create', {
    name: 'INPE Orquestando',
    startYear: 2019,
    description: 'Talleres de educación musical',
    partnerIds: [mml.id],
  });
  await app.ok('initiatives.assign', { id: orq.id, kind: 'workshops', recordIds: [band.id] });
  await app.ok('initiatives.assign', { id: orq.id, kind: 'events', recordIds: [event.id] });
  const cer = await app.ok('initiatives.create', { name: 'Cerámica de alta temperatura', startYear: 2026, description: 'Capacitación.' });
  await app.ok('initiatives.assign', { id: cer.id, kind: 'workshops', recordIds: [clay.id] });
  // The year's exchange rate (3.40 soles per dollar) and S/ 500,000.00 executed in May.
  const at = {
    version: 1,
    created_at: '2026-01-02T00:00:00Z',
    created_by: 'prueba',
    updated_at: '2026-01-02T00:00:00Z',
    updated_by: 'prueba',
  };
  await app
    .db('budget_years')
    .insert({ year: 2026, exchange_rate_e4: 34000, notes: null, version: 1, updated_at: at.updated_at, updated_by: 'prueba' });
  await app.db('budget_expenses').insert({
    date: '2026-05-10',
    budget_line: 'instrumentos',
    supplier_name: 'Casa de música SAC',
    supplier_ruc: '20100070970',
    document_type: 'factura',
    document_number: 'F001-1',
    amount_centimos: 50_000_000,
    description: 'Instrumentos de viento',
    voided: false,
    ...at,
  });
  await app.ok('programmeReports.saveUnescoTexts', {
    year: 2026,
    mainFeatures: 'Esta iniciativa se centra en la gestión y promoción del arte y la cultura.',
    evaluated: true,
    conclusions: 'Cerrar las brechas de acceso.',
    goals: ['goal4'],
    domains: ['music', 'crafts'],
    version: null,
  });
}

/** Word's text, a paragraph per line (tags stripped, entities read). */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ');
}

/** Each heading found after the one before it: the form's order. */
function expectInOrder(text: string, parts: string[]) {
  let at = -1;
  for (const p of parts) {
    const next = text.indexOf(p, at + 1);
    expect(next, p).toBeGreaterThan(at);
    at = next;
  }
}

/** What both files must say about the dataset. */
function expectFigures(text: string) {
  expectInOrder(text, [
    'Esta iniciativa se centra en la gestión y promoción del arte y la cultura.',
    'I- INPE Orquestando. Talleres de educación musical. Talleres: 1; sesiones: 0 (0 h); participantes: 6; eventos: 1; público: 248; exposiciones: 0.',
    'II- Cerámica de alta temperatura. Capacitación. Talleres: 1; sesiones: 0 (0 h); participantes: < 5;',
    'Eventos (recitales, conciertos y presentaciones): 1; público asistente: 248 (Internos: 200; Familiares: 30; Personal INPE: 15; Público externo: 0; Autoridades: < 5).',
    'Alianzas institucionales: 1 (Municipalidad Metropolitana de Lima); convenios vigentes: 0.',
    'Presupuesto ejecutado en el periodo: S/ 500,000.00.',
    'Establecimientos penitenciarios: 2 (de varones: 1; de mujeres: 1; mixtos: 0).',
    'Total de participantes beneficiarios: 7 (varones: 6; mujeres: < 5).',
    'Aproximadamente USD 147,058.82: S/ 500,000.00 ejecutados en el periodo, al tipo de cambio del año (2026: 3.4).',
    'Municipalidad Metropolitana de Lima',
    'Sector público',
    'Sí',
    'Cerrar las brechas de acceso.',
    'Objetivo 4: Promover los derechos humanos y las libertades fundamentales',
    'Música',
    'Artesanía',
  ]);
  for (const n of names) expect(text).not.toContain(n);
}

describe('the UNESCO entry', () => {
  it('follows the form: the English headings are the seed entry’s own, in its order, and the Spanish twin matches them one to one', () => {
    const seed = fs.readFileSync(new URL('../../fixtures/unesco/programme-description.txt', import.meta.url), 'utf8');
    expectInOrder(
      seed,
      headingKeys.map((k) => en.programmes.unescoEntry.headings[k]),
    );
    expect(new Set(headingsEs).size).toBe(headingKeys.length);
  });

  it('exports to Word with the form’s headings in order, the figures right and no participant’s name', async () => {
    await dataset();
    const saved = await app.ok('programmeReports.unescoExport', { ...period, format: 'docx' });
    if (saved.status !== 'saved') throw new Error('cancelled');
    expect(saved.path.endsWith('.docx')).toBe(true);
    const text = await docxText(saved.path);
    expectInOrder(text, headingsEs);
    expectFigures(text);
    // Each figure sits under its heading: the budget after "resultados", the USD after "recursos".
    expect(text.indexOf('USD 147,058.82')).toBeGreaterThan(text.indexOf(headingsEs[3]!));
    expect(text.indexOf('participantes beneficiarios: 7')).toBeGreaterThan(text.indexOf(headingsEs[2]!));
    expect(text.indexOf('participantes beneficiarios: 7')).toBeLessThan(text.indexOf(headingsEs[3]!));
  });

  it('exports to plain UTF-8 text for the online form, the same entry', async () => {
    await dataset();
    const saved = await app.ok('programmeReports.unescoExport', { ...period, format: 'txt' });
    if (saved.status !== 'saved') throw new Error('cancelled');
    // Amounts keep their no-break spaces (S/ 500,000.00 stays on one line in the form).
    const text = fs.readFileSync(saved.path, 'utf8').replace(/\u00a0/g, ' ');
    expect(text).not.toMatch(/<[a-z]/);
    expectInOrder(text, headingsEs);
    expectFigures(text);
    expect(text).toContain('Nombre del socio\tTipo de entidad\nMunicipalidad Metropolitana de Lima\tSector público');
    // The Excel file of the card is the entry too, never the annual workbook.
    const xlsx = await app.ok('programmeReports.unescoExport', { ...period, format: 'xlsx' });
    if (xlsx.status !== 'saved') throw new Error('cancelled');
    const sheet = (await JSZip.loadAsync(fs.readFileSync(xlsx.path))).file('xl/sharedStrings.xml');
    const strings = await sheet!.async('string');
    expect(strings).toContain(headingsEs[0]);
    expect(strings).not.toContain('Cifras clave');
  });

  it('without initiatives nor an exchange rate: activities by programme, USD not available', async () => {
    const men = (await app.ok('establishments.create', validEstablishment({ code: 'EP-V', name: 'E.P. Varones', population: 'varones' })))
      .id;
    await app.ok('workshops.create', {
      name: 'Banda',
      programme: 'inpe_orquestando',
      discipline: 'Vientos',
      establishmentId: men,
      startDate: '2026-03-01',
      capacity: 30,
    });
    const e = await app.ok('programmeReports.unesco', period);
    expect(e.activities).toEqual(['INPE Orquestando. Talleres: 1; sesiones: 0 (0 h); participantes: 0.']);
    expect(e.financial).toBe('No disponible: el tipo de cambio del año no está registrado en el presupuesto del programa.');
    expect(e.evaluated).toBeNull();
    expect(e.description).toBe(esPE.programmes.unesco.description);
  });

  it('keeps the office’s texts per year and refuses a save over a newer version in Spanish', async () => {
    const texts = (year: number, over: Partial<UnescoTextsSave> = {}): UnescoTextsSave => ({
      year,
      mainFeatures: `Rasgos ${year}`,
      evaluated: false,
      conclusions: '',
      goals: ['goal1', 'goal4'],
      domains: ['music'],
      version: null,
      ...over,
    });
    const first = await app.ok('programmeReports.saveUnescoTexts', texts(2025));
    expect(first).toMatchObject({ year: 2025, mainFeatures: 'Rasgos 2025', evaluated: false, goals: ['goal1', 'goal4'], version: 1 });
    await app.ok('programmeReports.saveUnescoTexts', texts(2026, { goals: ['goal3'] }));
    const edited = await app.ok('programmeReports.saveUnescoTexts', texts(2025, { mainFeatures: 'Otro texto', version: 1 }));
    expect(edited.version).toBe(2);
    expect(await app.ok('programmeReports.unescoTexts', { year: 2026 })).toMatchObject({ mainFeatures: 'Rasgos 2026', goals: ['goal3'] });
    expect(await app.ok('programmeReports.unescoTexts', { year: 2024 })).toMatchObject({ mainFeatures: '', version: null });
    // The year's entry uses them.
    expect((await app.ok('programmeReports.unesco', { from: '2025-01-01', to: '2025-12-31' })).description).toBe('Otro texto');
    for (const stale of [texts(2025, { version: 1 }), texts(2025, { version: null }), texts(2024, { version: 3 })]) {
      const refusal = await refusedUnchanged(app, () => app.call('programmeReports.saveUnescoTexts', stale));
      expect(refusal.code).toBe('stale');
      expect(refusal.message).toMatch(/^Otra persona modificó este registro/);
    }
    const audit = await app.db('audit_log').where({ entity: 'unescoEntry' }).orderBy('id').select('action', 'entity_id');
    expect(audit).toEqual([
      { action: 'create', entity_id: '2025' },
      { action: 'create', entity_id: '2026' },
      { action: 'update', entity_id: '2025' },
    ]);
  });
});
