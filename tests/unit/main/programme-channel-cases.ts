import type { PaperChannel } from '../../../shared/paper-channels';
import { expect } from 'vitest';
import type { programmeChannels } from '../../../shared/programmes/channels';
import { newWorkshop } from '../../helpers/workshop-teachers';
import { type Case, type Ctx, saved } from '../../helpers/channel-cases';
import type { InitiativeChannel } from './initiative-channel-cases';
import type { ProgrammeEventChannel } from './programme-event-cases';
import type { WorkshopTeacherChannel } from './workshop-teacher-channel-cases';

/**
 * The programme channels' cases for channels.test.ts: one valid call each (with what it
 * must answer) and several invalid payloads that the schema must refuse in Spanish.
 */

/** Workshops' teachers by id have their own cases (workshop-teacher-channel-cases.ts); ensembles, events and reports theirs (programme-event-cases.ts). */
type Name = Exclude<(typeof programmeChannels)[number], WorkshopTeacherChannel | InitiativeChannel | PaperChannel | ProgrammeEventChannel>; // papers: paper-channel-cases.ts

/** The records both programme case modules start from, created through the channels in the test's app. */
export function programmeRecords(ctx: Ctx) {
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
  const ensemble = () => app().ok('ensembles.create', { name: 'Coro polifónico', type: 'coro_polifonico', establishmentId: est() });
  return { app, est, participant, ensemble };
}

export function programmeCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const { app, est, participant, ensemble } = programmeRecords(ctx);
  const workshop = () => newWorkshop(app().ok, est());
  const session = async () => app().ok('sessions.create', { workshopId: (await workshop()).id, date: '2026-03-02', durationMinutes: 120 });
  const enrolled = async () => {
    const p = await participant();
    const w = await workshop();
    const { enrolments } = await app().ok('enrolments.create', { workshopId: w.id, participantIds: [p.id], date: '2026-03-01' });
    return { p, w, e: enrolments[0]! };
  };
  const completed = async () => {
    const { w, e } = await enrolled();
    await app().ok('enrolments.setStage', { id: e.id, version: e.version, stage: 'activo', date: '2026-03-02' });
    await app().ok('enrolments.setStage', { id: e.id, version: e.version + 1, stage: 'completado', date: '2026-07-31' });
    return w;
  };

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
    'certificates.candidates': {
      input: async () => ({ id: (await completed()).id }),
      check: (d) => expect(d).toMatchObject([{ code: 'PPL-0001', stage: 'completado' }]),
    },
    'certificates.issue': {
      input: async () => ({ workshopId: (await completed()).id, date: '2026-08-01', reason: 'Entrega de certificados en la clausura' }),
      check: saved,
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
    'certificates.candidates': [{}],
    'certificates.issue': [
      { workshopId: 1 },
      { workshopId: 1, date: '2026-01-01', participantIds: ['a'], reason: 'Entrega de certificados' },
      { workshopId: 1, date: '2026-01-01' },
    ],
  };
  return { valid, invalid };
}
