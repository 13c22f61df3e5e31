import sharp from 'sharp';
import { expect } from 'vitest';
import type { programmeChannels } from '../../../shared/programmes/channels';
import { type Case, type Ctx, saved } from '../../helpers/channel-cases';
import { programmeRecords } from './programme-channel-cases';

/**
 * The cases of the programme channels of ensembles and what they perform at (seasons, events,
 * partners, agreements) and of the programme's reports, for channels.test.ts: one valid call
 * each (with what it must answer) and several invalid payloads that the schema must refuse in Spanish.
 */

export type ProgrammeEventChannel = Extract<
  (typeof programmeChannels)[number],
  `${'ensembles' | 'seasons' | 'events' | 'partners' | 'agreements' | 'programmeReports'}.${string}`
>;
type Name = ProgrammeEventChannel;

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#3b3' } })
    .png()
    .toBuffer();
const audiences = { internos: 120, familiares: 20, personal: 10, externo: 0, autoridades: 3 };

export function programmeEventCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const { app, est, participant, ensemble } = programmeRecords(ctx);
  /** A choir member whose part was typed before the list ("Voz primera") and waits for a clerk, as migration 0011 leaves it. */
  const pendingPart = async () => {
    const g = await ensemble();
    const p = await participant();
    const { enrolments } = await app().ok('enrolments.create', { ensembleId: g.id, participantIds: [p.id], date: '2026-03-01' });
    await app().db('enrolments').where({ id: enrolments[0]!.id }).update({ part: 'Voz primera' });
    await app().db('ensemble_part_reviews').insert({
      enrolment_id: enrolments[0]!.id,
      original_text: 'Voz primera',
      status: 'pendiente',
      created_at: '2026-12-04T15:00:00.000Z',
    });
    return (await app().ok('ensembles.partReviews', {}))[0]!;
  };
  const season = () => app().ok('seasons.create', { name: 'Temporada 2026', startDate: '2026-03-01', endDate: '2026-12-20' });
  const event = () =>
    app().ok('events.create', {
      type: 'recital',
      title: 'Recital de cuerdas',
      date: '2026-05-10',
      venueKind: 'establecimiento',
      establishmentId: est(),
      audiences,
    });
  const partner = () => app().ok('partners.create', { name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico' });
  const agreement = async () =>
    app().ok('agreements.create', {
      partnerId: (await partner()).id,
      title: 'Arte sin Barreras',
      object: 'Puestas en escena',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
  const period = { from: '2026-01-01', to: '2026-12-31' };

  const valid: { [K in Name]: Case } = {
    'ensembles.list': {
      input: async () => (await ensemble(), {}),
      check: (d) => expect(d).toMatchObject([{ name: 'Coro polifónico', members: 0 }]),
    },
    'ensembles.get': {
      input: async () => ({ id: (await ensemble()).id }),
      check: (d) => expect(d).toMatchObject({ type: 'coro_polifonico' }),
    },
    'ensembles.create': {
      input: () => ({
        name: 'Banda sinfónica de Lurigancho',
        type: 'banda_sinfonica',
        establishmentId: est(),
        director: 'Prof. Julio Ramos',
        formedOn: '2025-05-01',
      }),
      check: (d) => expect(d).toMatchObject({ active: true, director: 'Prof. Julio Ramos' }),
    },
    'ensembles.update': {
      input: async () => {
        const g = await ensemble();
        return {
          id: g.id,
          version: g.version,
          name: 'Coro polifónico INPE',
          type: g.type,
          establishmentId: g.establishmentId,
          active: true,
        };
      },
      check: (d) => expect(d).toMatchObject({ name: 'Coro polifónico INPE', version: 2 }),
    },
    'ensembles.partTypes': {
      input: () => ({}),
      check: (d) => expect(d).toEqual(expect.arrayContaining([{ id: expect.any(Number), name: 'Trompeta', family: 'vientos_metal' }])),
    },
    'ensembles.instruments': {
      input: async () => ({ id: (await ensemble()).id }),
      check: (d) => expect(d).toEqual({ inventory: true, instruments: [], parts: [], withoutOwn: [] }),
    },
    'ensembles.partReviews': {
      input: async () => (await pendingPart(), { status: 'pendiente' }),
      check: (d) => expect(d).toMatchObject([{ originalText: 'Voz primera', status: 'pendiente', participantCode: 'PPL-0001' }]),
    },
    'ensembles.linkPart': {
      input: async () => ({ id: (await pendingPart()).id, partVoice: 'soprano' }),
      check: (d) => expect(d).toMatchObject({ originalText: 'Voz primera', status: 'vinculado', partVoice: 'soprano', partTypeId: null }),
    },
    'ensembles.dismissPart': {
      input: async () => ({ id: (await pendingPart()).id }),
      check: (d) => expect(d).toMatchObject({ originalText: 'Voz primera', status: 'descartado', partVoice: null }),
    },
    'seasons.list': {
      input: async () => (await season(), {}),
      check: (d) => expect(d).toMatchObject([{ name: 'Temporada 2026', events: 0 }]),
    },
    'seasons.create': {
      input: () => ({ name: 'Temporada 2027', startDate: '2027-03-01', endDate: '2027-12-15' }),
      check: (d) => expect(d).toMatchObject({ events: 0, audience: 0 }),
    },
    'seasons.update': {
      input: async () => {
        const s = await season();
        return { id: s.id, version: s.version, name: s.name, startDate: '2026-02-15', endDate: s.endDate };
      },
      check: (d) => expect(d).toMatchObject({ startDate: '2026-02-15', version: 2 }),
    },
    'events.list': {
      input: async () => (await event(), { from: '2026-05-01', to: '2026-05-31' }),
      check: (d) => expect(d).toMatchObject([{ title: 'Recital de cuerdas', totalAudience: 153 }]),
    },
    'events.get': {
      input: async () => ({ id: (await event()).id }),
      check: (d) => expect(d).toMatchObject({ audiences, establishmentName: 'E.P. Base' }),
    },
    'events.create': {
      input: async () => ({
        type: 'concierto_educativo',
        seasonId: (await season()).id,
        title: 'Concierto educativo',
        date: '2026-06-21',
        time: '10:30',
        venueKind: 'externo',
        venueName: 'Teatro Municipal de Lima',
        partnerIds: [(await partner()).id],
        ensembleIds: [(await ensemble()).id],
        audiences: { ...audiences, externo: 250 },
      }),
      check: (d) =>
        expect(d).toMatchObject({
          totalAudience: 403,
          time: '10:30',
          partners: [{ name: 'Municipalidad Metropolitana de Lima' }],
          ensembles: [{ name: 'Coro polifónico' }],
        }),
    },
    'events.update': {
      input: async () => {
        const e = await event();
        return {
          id: e.id,
          version: e.version,
          type: e.type,
          title: e.title,
          date: e.date,
          venueKind: 'establecimiento',
          establishmentId: est(),
          audiences: { ...audiences, internos: 300 },
        };
      },
      check: (d) => expect(d).toMatchObject({ totalAudience: 333, version: 2 }),
    },
    'events.photos': { input: async () => ({ id: (await event()).id }), check: (d) => expect(d).toEqual([]) },
    'events.addPhoto': {
      input: async () => ({ id: (await event()).id, fileName: 'recital.png', dataBase64: (await png()).toString('base64') }),
      check: (d) => expect(d).toMatchObject([{ originalName: 'recital.png' }]),
    },
    'events.removePhoto': {
      input: async () => {
        const e = await event();
        const [p] = await app().ok('events.addPhoto', { id: e.id, fileName: 'a.png', dataBase64: (await png()).toString('base64') });
        return { id: e.id, hash: p!.hash };
      },
      check: (d) => expect(d).toEqual([]),
    },
    'partners.list': {
      input: async () => (await partner(), { search: 'lima' }),
      check: (d) => expect(d).toMatchObject([{ type: 'sector_publico', agreements: 0 }]),
    },
    'partners.get': {
      input: async () => ({ id: (await partner()).id }),
      check: (d) => expect(d).toMatchObject({ events: [], donations: [] }),
    },
    'partners.create': {
      input: () => ({
        name: 'Alianza Francesa de Lima',
        type: 'sociedad_civil',
        contactName: 'Coordinación cultural',
        contactEmail: 'cultura@af.example',
        contactPhone: '+51 1 610-8000',
      }),
      check: (d) => expect(d).toMatchObject({ active: true, contactEmail: 'cultura@af.example' }),
    },
    'partners.update': {
      input: async () => {
        const p = await partner();
        return { id: p.id, version: p.version, name: p.name, type: p.type, contactName: 'Gerencia de Cultura', active: true };
      },
      check: (d) => expect(d).toMatchObject({ contactName: 'Gerencia de Cultura', version: 2 }),
    },
    'partners.addDonation': {
      input: async () => ({ partnerId: (await partner()).id, date: '2026-06-01', description: 'Vestuario', valueCentimos: 150000 }),
      check: (d) => expect(d).toMatchObject({ partner: { donationsCentimos: 150000 }, donations: [{ description: 'Vestuario' }] }),
    },
    'partners.setLogo': {
      input: async () => ({ id: (await partner()).id, fileName: 'logo-mml.png', dataBase64: (await png()).toString('base64') }),
      check: (d) => expect(d).toMatchObject({ logo: { name: 'logo-mml.png', mime: 'image/png' } }),
    },
    'partners.removeLogo': {
      input: async () => {
        const p = await partner();
        await app().ok('partners.setLogo', { id: p.id, fileName: 'logo-mml.png', dataBase64: (await png()).toString('base64') });
        return { id: p.id };
      },
      check: (d) => expect(d).toMatchObject({ logo: null }),
    },
    'agreements.list': {
      input: async () => (await agreement(), {}),
      check: (d) => expect(d).toMatchObject([{ title: 'Arte sin Barreras', document: null }]),
    },
    'agreements.get': {
      input: async () => ({ id: (await agreement()).id }),
      check: (d) =>
        expect(d).toMatchObject({ agreement: { title: 'Arte sin Barreras' }, events: [], totalAudience: 0, donatedCentimos: 0 }),
    },
    'agreements.create': {
      input: async () => ({
        partnerId: (await partner()).id,
        title: 'Convenio marco',
        object: 'Cooperación cultural',
        startDate: '2026-01-01',
      }),
      check: (d) => expect(d).toMatchObject({ state: 'indefinido', daysLeft: null }),
    },
    'agreements.update': {
      input: async () => {
        const a = await agreement();
        return {
          id: a.id,
          version: a.version,
          partnerId: a.partnerId,
          title: a.title,
          object: a.object,
          startDate: '2020-01-01',
          endDate: '2020-12-31',
        };
      },
      check: (d) => expect(d).toMatchObject({ state: 'vencido', version: 2 }),
    },
    'agreements.attachDocument': {
      input: async () => ({ id: (await agreement()).id, fileName: 'convenio.png', dataBase64: (await png()).toString('base64') }),
      check: (d) => expect(d).toMatchObject({ document: { name: 'convenio.png' } }),
    },
    'agreements.saveDocument': {
      input: async () => {
        const a = await agreement();
        await app().ok('agreements.attachDocument', { id: a.id, fileName: 'convenio.png', dataBase64: (await png()).toString('base64') });
        return { id: a.id };
      },
      check: saved,
    },
    'programmeReports.summary': {
      input: async () => (await participant(), {}),
      check: (d) => expect(d).toMatchObject({ participants: 1, byEstablishment: [{ name: 'E.P. Base', men: 1, women: 0 }] }),
    },
    'programmeReports.figures': {
      input: async () => (await event(), period),
      check: (d) => expect(d).toMatchObject({ events: { total: 1, totalAudience: 153 } }),
    },
    'programmeReports.unesco': {
      input: () => period,
      check: (d) => expect(d).toMatchObject({ title: 'Gestión y promoción del arte y la cultura en el tratamiento penitenciario' }),
    },
    'programmeReports.annual': { input: () => ({ ...period, format: 'xlsx' }), check: saved },
    'programmeReports.unescoExport': { input: () => ({ ...period, format: 'pdf' }), check: saved },
    'programmeReports.unescoTexts': {
      input: () => ({ year: 2026 }),
      check: (d) => expect(d).toMatchObject({ year: 2026, mainFeatures: '', version: null }),
    },
    'programmeReports.saveUnescoTexts': {
      input: () => ({
        year: 2026,
        mainFeatures: 'Rasgos',
        evaluated: true,
        conclusions: '',
        goals: ['goal4'],
        domains: ['music'],
        version: null,
      }),
      check: (d) => expect(d).toMatchObject({ year: 2026, goals: ['goal4'], version: 1 }),
    },
  };

  const goodEvent = { type: 'recital', title: 'Recital', date: '2026-05-01', venueKind: 'establecimiento', establishmentId: 1, audiences };
  const invalid: { [K in Name]: unknown[] } = {
    'ensembles.list': [{ type: 'cumbia' }, { status: 'x' }],
    'ensembles.get': [{ id: null }],
    'ensembles.create': [
      {},
      { name: 'Coro', type: 'coro', establishmentId: 1 },
      { name: 'Coro polifónico', type: 'coro_polifonico', establishmentId: 1, formedOn: '2026-02-30' },
    ],
    'ensembles.update': [{ name: 'Coro polifónico', type: 'coro_polifonico', establishmentId: 1, id: 1 }],
    'ensembles.partTypes': [{ family: 'x' }],
    'ensembles.instruments': [{}, { id: 'x' }],
    'ensembles.partReviews': [{ status: 'x' }, { ensembleId: 'x' }],
    'ensembles.linkPart': [{ id: 1 }, { id: 1, partTypeId: 1, partVoice: 'tenor' }, { id: 1, partVoice: 'falsete' }],
    'ensembles.dismissPart': [{}, { id: 1, partVoice: 'tenor' }],
    'seasons.list': [{ year: 2026 }],
    'seasons.create': [
      { name: 'T', startDate: '2026-01-01', endDate: '2026-12-31' },
      { name: 'Temporada', startDate: '2026-12-31', endDate: '2026-01-01' },
    ],
    'seasons.update': [{ id: 1, name: 'Temporada', startDate: '2026-01-01', endDate: '2026-12-31' }],
    'events.list': [{ type: 'misa' }, { from: '2026-99-01' }],
    'events.get': [{ id: 1.5 }],
    'events.create': [
      {},
      { ...goodEvent, type: 'misa' },
      { ...goodEvent, establishmentId: null },
      { ...goodEvent, venueKind: 'externo', establishmentId: null },
      { ...goodEvent, time: '25:00' },
      { ...goodEvent, audiences: { ...audiences, internos: -5 } },
      { ...goodEvent, audiences: { ...audiences, internos: 2.5 } },
      { ...goodEvent, audiences: { internos: 10 } },
    ],
    'events.update': [
      { ...goodEvent, id: 1 },
      { ...goodEvent, id: 1, version: 1, audiences: { ...audiences, presos: 3 } },
    ],
    'events.photos': [{}],
    'events.addPhoto': [
      { id: 1, fileName: 'a.png' },
      { id: 1, fileName: 'a.png', dataBase64: 'no es base64!' },
    ],
    'events.removePhoto': [{ id: 1, hash: '../../x' }],
    'partners.list': [{ type: 'ong' }],
    'partners.get': [{ id: 'mml' }],
    'partners.create': [
      {},
      { name: 'MML', type: 'municipal' },
      { name: 'Municipalidad', type: 'sector_publico', contactEmail: 'no-es-correo' },
      { name: 'Municipalidad', type: 'sector_publico', contactPhone: 'llamar' },
    ],
    'partners.update': [{ name: 'Municipalidad', type: 'sector_publico', id: 1, version: 1 }],
    'partners.setLogo': [
      { id: 1, fileName: 'logo.png' },
      { id: 1, fileName: 'logo.png', dataBase64: 'no es base64' },
    ],
    'partners.removeLogo': [{ id: 'mml' }, {}],
    'partners.addDonation': [
      { partnerId: 1, date: '2026-01-01', description: 'Cuerdas', valueCentimos: 10.5 },
      { partnerId: 1, date: '2026-01-01', description: '', valueCentimos: 100 },
    ],
    'agreements.list': [{ state: 'firmado' }],
    'agreements.get': [{ id: 'convenio' }, {}],
    'agreements.create': [{}, { partnerId: 1, title: 'Convenio', object: 'Objeto', startDate: '2026-06-01', endDate: '2026-01-01' }],
    'agreements.update': [{ partnerId: 1, title: 'Convenio', object: 'Objeto', startDate: '2026-06-01', id: 1 }],
    'agreements.attachDocument': [{ id: 1, fileName: '', dataBase64: 'AAAA' }],
    'agreements.saveDocument': [{ id: 'x' }],
    'programmeReports.summary': [{ year: 2026 }],
    'programmeReports.figures': [{ from: '2026-12-31', to: '2026-01-01' }, { from: '2026-01-01' }],
    'programmeReports.unesco': [{}, { from: '2026', to: '2026-12-31' }],
    'programmeReports.annual': [{ ...period, format: 'docx' }, { ...period }],
    'programmeReports.unescoExport': [
      { from: '2026-12-31', to: '2026-01-01', format: 'pdf' },
      { ...period, format: 'odt' },
    ],
    'programmeReports.unescoTexts': [{}, { year: 1999 }],
    'programmeReports.saveUnescoTexts': [
      { year: 2026, mainFeatures: '', evaluated: null, conclusions: '', goals: ['goal9'], domains: [], version: null },
      { year: 2026 },
    ],
  };
  return { valid, invalid };
}
