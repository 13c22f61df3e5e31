import type { PaperChannel } from '../../../shared/paper-channels';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { programmeChannels } from '../../../shared/programmes/channels';
import { newWorkshop } from '../../helpers/workshop-teachers';
import { type Case, type Ctx, saved } from '../../helpers/channel-cases';
import type { InitiativeChannel } from './initiative-channel-cases';
import type { WorkshopTeacherChannel } from './workshop-teacher-channel-cases';

/**
 * The programme channels' cases for channels.test.ts: one valid call each (with what it
 * must answer) and several invalid payloads that the schema must refuse in Spanish.
 */

/** Workshops' teachers by id have their own cases (workshop-teacher-channel-cases.ts). */
type Name = Exclude<(typeof programmeChannels)[number], WorkshopTeacherChannel | InitiativeChannel | PaperChannel>; // papers: paper-channel-cases.ts

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#3b3' } })
    .png()
    .toBuffer();
const audiences = { internos: 120, familiares: 20, personal: 10, externo: 0, autoridades: 3 };

export function programmeCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const app = () => ctx().app;
  const est = () => ctx().seeded.id;
  const participant = (code = 'PPL-0001') =>
    app().ok('participants.create', {
      code,
      firstNames: 'Juan',
      lastNames: 'Pérez Quispe',
      sex: 'masculino',
      birthYear: 1988,
      establishmentId: est(),
      date: '2026-02-01',
    });
  const workshop = () => newWorkshop(app().ok, est());
  const session = async () => app().ok('sessions.create', { workshopId: (await workshop()).id, date: '2026-03-02', durationMinutes: 120 });
  const enrolled = async () => {
    const p = await participant();
    const w = await workshop();
    const { enrolments } = await app().ok('enrolments.create', { workshopId: w.id, participantIds: [p.id], date: '2026-03-01' });
    return { p, w, e: enrolments[0]! };
  };
  const ensemble = () => app().ok('ensembles.create', { name: 'Coro polifónico', type: 'coro_polifonico', establishmentId: est() });
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
  const completed = async () => {
    const { w, e } = await enrolled();
    await app().ok('enrolments.setStage', { id: e.id, version: e.version, stage: 'activo', date: '2026-03-02' });
    await app().ok('enrolments.setStage', { id: e.id, version: e.version + 1, stage: 'completado', date: '2026-07-31' });
    return w;
  };
  const period = { from: '2026-01-01', to: '2026-12-31' };

  const valid: { [K in Name]: Case } = {
    'workshops.list': {
      input: async () => (await workshop(), { search: 'banda' }),
      check: (d) => expect(d).toMatchObject({ total: 1, rows: [{ name: 'Banda sinfónica', enrolled: 0 }] }),
    },
    'workshops.get': {
      input: async () => ({ id: (await workshop()).id }),
      check: (d) => expect(d).toMatchObject({ programme: 'inpe_orquestando', establishmentName: 'E.P. Base' }),
    },
    'workshops.create': {
      input: () => ({
        name: 'Cerámica de alta temperatura',
        programme: 'ceramica',
        discipline: 'Cerámica',
        establishmentId: est(),
        startDate: '2026-03-01',
        endDate: '2026-07-31',
        capacity: 25,
        teacherIds: [],
      }),
      check: (d) => expect(d).toMatchObject({ active: true, version: 1, capacity: 25, endDate: '2026-07-31', teacherLinks: [] }),
    },
    'workshops.update': {
      input: async () => {
        const w = await workshop();
        return {
          id: w.id,
          version: w.version,
          name: 'Banda sinfónica juvenil',
          programme: w.programme,
          discipline: w.discipline,
          establishmentId: w.establishmentId,
          startDate: w.startDate,
          capacity: 35,
          active: false,
        };
      },
      check: (d) => expect(d).toMatchObject({ name: 'Banda sinfónica juvenil', capacity: 35, active: false, version: 2 }),
    },
    'workshops.export': { input: async () => (await workshop(), { filter: {}, format: 'xlsx' }), check: saved },
    'sessions.list': {
      input: async () => ({ workshopId: (await session()).workshopId }),
      check: (d) => expect(d).toMatchObject([{ date: '2026-03-02', attendanceTaken: false }]),
    },
    'sessions.create': {
      input: async () => ({ workshopId: (await workshop()).id, date: '2026-03-04', durationMinutes: 90, topic: 'Escalas' }),
      check: (d) => expect(d).toMatchObject({ durationMinutes: 90, topic: 'Escalas' }),
    },
    'sessions.update': {
      input: async () => {
        const s = await session();
        return { id: s.id, version: s.version, date: '2026-03-03', durationMinutes: 150 };
      },
      check: (d) => expect(d).toMatchObject({ date: '2026-03-03', durationMinutes: 150, version: 2 }),
    },
    'participants.list': {
      input: async () => (await participant(), { search: 'perez' }),
      check: (d) => expect(d).toMatchObject({ total: 1, rows: [{ code: 'PPL-0001', lastNames: 'Pérez Quispe' }] }),
    },
    'participants.search': {
      input: async () => (await participant(), { q: 'quispe' }),
      check: (d) => expect(d).toMatchObject([{ code: 'PPL-0001' }]),
    },
    'participants.get': {
      input: async () => ({ id: (await participant()).id }),
      check: (d) => expect(d).toMatchObject({ status: 'activo', openEnrolments: 0 }),
    },
    'participants.create': {
      input: () => ({
        code: 'ppl-77',
        firstNames: 'María',
        lastNames: 'Condori',
        sex: 'femenino',
        birthYear: 1995,
        establishmentId: est(),
        date: '2026-03-01',
      }),
      check: (d) => expect(d).toMatchObject({ code: 'PPL-77', status: 'activo', version: 1 }),
    },
    'participants.update': {
      input: async () => {
        const p = await participant();
        return {
          id: p.id,
          version: p.version,
          code: p.code,
          firstNames: 'Juan Carlos',
          lastNames: 'Pérez Quispe',
          sex: 'masculino',
          birthYear: 1987,
        };
      },
      check: (d) => expect(d).toMatchObject({ firstNames: 'Juan Carlos', birthYear: 1987, version: 2 }),
    },
    'participants.custodyChange': {
      input: async () => {
        const p = await participant();
        return { participantId: p.id, version: p.version, kind: 'egreso', date: '2026-06-01', documentNumber: 'RES-1' };
      },
      check: (d) => expect(d).toMatchObject({ participant: { status: 'egresado' }, enrolmentsEnded: 0, instrumentsToRecover: [] }),
    },
    'participants.history': {
      input: async () => ({ id: (await participant()).id }),
      check: (d) => expect(d).toMatchObject([{ kind: 'alta', statusAfter: 'activo' }]),
    },
    'participants.instruments': { input: async () => ({ id: (await participant()).id }), check: (d) => expect(d).toEqual([]) },
    'participants.export': {
      input: async () => (await participant(), { filter: {}, format: 'csv', reason: 'Informe trimestral para la Subdirección' }),
      check: saved,
    },
    'enrolments.list': {
      input: async () => ({ workshopId: (await enrolled()).w.id }),
      check: (d) => expect(d).toMatchObject([{ stage: 'inscrito', participantCode: 'PPL-0001', sessions: 0 }]),
    },
    'enrolments.create': {
      input: async () => ({
        ensembleId: (await ensemble()).id,
        participantIds: [(await participant()).id],
        date: '2026-03-01',
        partVoice: 'tenor',
      }),
      check: (d) =>
        expect(d).toMatchObject({ created: 1, enrolments: [{ part: 'Tenor', partVoice: 'tenor', partTypeId: null, stage: 'inscrito' }] }),
    },
    'enrolments.setStage': {
      input: async () => {
        const { e } = await enrolled();
        return { id: e.id, version: e.version, stage: 'retirado', date: '2026-04-01', reason: 'Decisión personal' };
      },
      check: (d) => expect(d).toMatchObject({ stage: 'retirado', endedOn: '2026-04-01', endReason: 'retiro' }),
    },
    'attendance.get': {
      input: async () => {
        const { w } = await enrolled();
        return { id: (await app().ok('sessions.create', { workshopId: w.id, date: '2026-03-02', durationMinutes: 120 })).id };
      },
      check: (d) => expect(d).toMatchObject({ rows: [{ code: 'PPL-0001', present: null }] }),
    },
    'attendance.save': {
      input: async () => {
        const { w, p } = await enrolled();
        const s = await app().ok('sessions.create', { workshopId: w.id, date: '2026-03-02', durationMinutes: 120 });
        return { sessionId: s.id, marks: [{ participantId: p.id, present: true }] };
      },
      check: (d) => expect(d).toMatchObject({ present: 1, absent: 0 }),
    },
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
    'certificates.candidates': {
      input: async () => ({ id: (await completed()).id }),
      check: (d) => expect(d).toMatchObject([{ code: 'PPL-0001', stage: 'completado' }]),
    },
    'certificates.issue': {
      input: async () => ({ workshopId: (await completed()).id, date: '2026-08-01', reason: 'Entrega de certificados en la clausura' }),
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

  const goodWorkshop = {
    name: 'Banda',
    programme: 'inpe_orquestando',
    discipline: 'Vientos',
    establishmentId: 1,
    startDate: '2026-03-01',
    capacity: 30,
  };
  const goodParticipant = {
    code: 'PPL-1',
    firstNames: 'Ana',
    lastNames: 'Rojas',
    sex: 'femenino',
    birthYear: 1990,
    establishmentId: 1,
    date: '2026-01-01',
  };
  const goodEvent = { type: 'recital', title: 'Recital', date: '2026-05-01', venueKind: 'establecimiento', establishmentId: 1, audiences };
  const invalid: { [K in Name]: unknown[] } = {
    'workshops.list': [{ programme: 'musica' }, { sort: 'precio' }, { pageSize: 7 }, { status: 'borrado' }],
    'workshops.get': [{}, { id: 'uno' }],
    'workshops.create': [
      {},
      { ...goodWorkshop, name: 'ab' },
      { ...goodWorkshop, programme: 'danza' },
      { ...goodWorkshop, capacity: 0 },
      { ...goodWorkshop, capacity: 12.5 },
      { ...goodWorkshop, startDate: '31/02/2026' },
      { ...goodWorkshop, endDate: '2026-01-01' },
      { ...goodWorkshop, id: 3 },
      { ...goodWorkshop, teachers: 'Prof. Julio Ramos' },
      { ...goodWorkshop, teacherIds: [1, 1] },
      { ...goodWorkshop, teacherIds: 'Julio' },
    ],
    'workshops.update': [
      { ...goodWorkshop, id: 1 },
      { ...goodWorkshop, id: 1, version: 1, active: 'sí' },
    ],
    'workshops.export': [{ filter: {}, format: 'pdf' }, { format: 'xlsx' }],
    'sessions.list': [{}, { workshopId: 'x' }],
    'sessions.create': [
      { workshopId: 1, date: '2026-03-02' },
      { workshopId: 1, date: '2026-03-02', durationMinutes: 5 },
      { workshopId: 1, date: 'ayer', durationMinutes: 60 },
      { workshopId: 1, date: '2026-03-02', durationMinutes: 60, teacherId: 'Julio' },
    ],
    'sessions.update': [
      { id: 1, date: '2026-03-02', durationMinutes: 60 },
      { id: 1, version: 1, date: '2026-03-02', durationMinutes: 601 },
    ],
    'participants.list': [{ status: 'preso' }, { sex: 'x' }, { sort: 'dni' }, { search: 'x'.repeat(101) }],
    'participants.search': [{}, { q: '' }, { q: 'ana', limit: 500 }, { q: 'ana', where: '1=1' }],
    'participants.get': [{ id: 0 }],
    'participants.create': [
      {},
      { ...goodParticipant, code: 'PPL 1' },
      { ...goodParticipant, firstNames: 'A' },
      { ...goodParticipant, sex: 'otro' },
      { ...goodParticipant, birthYear: 2020 },
      { ...goodParticipant, birthYear: 1900 },
      // Nothing beyond what the programme needs: no DNI, no address, no offence.
      { ...goodParticipant, dni: '12345678' },
      { ...goodParticipant, delito: 'robo' },
    ],
    'participants.update': [
      { ...goodParticipant, id: 1 },
      { id: 1, version: 1, code: 'PPL-1', firstNames: 'Ana', lastNames: 'Rojas', sex: 'femenino', birthYear: 1990, establishmentId: 2 },
    ],
    'participants.custodyChange': [
      { participantId: 1, version: 1, kind: 'fuga', date: '2026-01-01' },
      { participantId: 1, version: 1, kind: 'traslado', date: '2026-01-01' },
      { participantId: 1, version: 1, kind: 'egreso', date: '2026-01-01', toEstablishmentId: 2 },
      { participantId: 1, kind: 'egreso', date: '2026-01-01' },
      { participantId: 1, version: 1, kind: 'egreso', date: '2026-13-01' },
    ],
    'participants.history': [{ id: -1 }],
    'participants.instruments': [{}],
    'participants.export': [
      { filter: {}, format: 'pdf', reason: 'Informe trimestral' },
      { filter: { status: 'x' }, format: 'csv', reason: 'Informe trimestral' },
      { filter: {}, format: 'csv' },
      { filter: {}, format: 'csv', reason: 'corto' },
    ],
    'enrolments.list': [{}, { workshopId: 1, ensembleId: 1 }, { participantId: 'x' }],
    'enrolments.create': [
      { participantIds: [1], date: '2026-03-01' },
      { workshopId: 1, ensembleId: 1, participantIds: [1], date: '2026-03-01' },
      { workshopId: 1, participantIds: [], date: '2026-03-01' },
      { workshopId: 1, participantIds: [1], date: '01-03-2026' },
      // A part is chosen from the list, never typed.
      { ensembleId: 1, participantIds: [1], date: '2026-03-01', part: 'Tenor' },
      { ensembleId: 1, participantIds: [1], date: '2026-03-01', partVoice: 'falsete' },
      { ensembleId: 1, participantIds: [1], date: '2026-03-01', partVoice: 'tenor', partTypeId: 3 },
    ],
    'enrolments.setStage': [
      { id: 1, version: 1, stage: 'aprobado', date: '2026-03-01' },
      { id: 1, stage: 'completado', date: '2026-03-01' },
    ],
    'attendance.get': [{ id: 'sesion' }],
    'attendance.save': [
      { sessionId: 1, marks: [] },
      { sessionId: 1, marks: [{ participantId: 1, present: 'sí' }] },
      {
        sessionId: 1,
        marks: [
          { participantId: 1, present: true },
          { participantId: 1, present: false },
        ],
      },
      { sessionId: 1, marks: [{ participantId: 1 }] },
    ],
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
    'certificates.candidates': [{}],
    'certificates.issue': [
      { workshopId: 1 },
      { workshopId: 1, date: '2026-01-01', participantIds: ['a'], reason: 'Entrega de certificados' },
      { workshopId: 1, date: '2026-01-01' },
    ],
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
