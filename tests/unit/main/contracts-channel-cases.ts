import type { PaperChannel } from '../../../shared/paper-channels';
import { expect } from 'vitest';
import type { budgetChannels, conformityChannels, contractChannels, teacherChannels } from '../../../shared/contracts/channels';
import type { ExpenseChannel } from '../../../shared/contracts/channels';
import type { TestApp } from '../../helpers/services';
import {
  authorise,
  budget,
  carriedOverWorkshop,
  conformityInput,
  contractInput,
  daysFromNow,
  firstDay,
  people,
  period,
  signedContract,
  teacher,
} from '../../helpers/contracts';
import { newWorkshop } from '../../helpers/workshop-teachers';
import { type Case, saved } from '../../helpers/channel-cases';

/**
 * The contracts area's cases for channels.test.ts: one valid call per channel and several
 * payloads that the schemas refuse (each must change nothing and answer in Spanish).
 */
type All = (typeof teacherChannels | typeof contractChannels | typeof conformityChannels | typeof budgetChannels)[number];
type Name = Exclude<All, ExpenseChannel | PaperChannel>; // the expenses' cases: expenses-channel-cases.ts

const pdf = () => Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString('base64');

export function contractChannelCases(get: () => { app: TestApp; establishmentId: number }): {
  valid: { [K in Name]: Case };
  invalid: { [K in Name]: unknown[] };
} {
  const ok: Parameters<typeof teacher>[0] = (name, input) => get().app.ok(name, input);
  const est = () => get().establishmentId;
  const withTeacher = async () => (await teacher(ok)).id;
  const withContract = async () => {
    const t = await withTeacher();
    await authorise(ok, t, est());
    await budget(ok);
    if (period(4).slice(0, 4) !== period(0).slice(0, 4)) await budget(ok, Number(period(4).slice(0, 4)));
    return signedContract(ok, t, est());
  };
  const draft = async () => (await ok('contracts.create', contractInput(await withTeacher(), est()))).contract;
  const conformity = async () => ok('conformities.create', conformityInput((await withContract()).id, -2));
  const teacherDoc = async () => {
    const t = await withTeacher();
    const [d] = await ok('teachers.addDocument', { id: t, kind: 'cv', fileName: 'cv.pdf', dataBase64: pdf() });
    return { id: t, hash: d!.hash };
  };
  const contractDoc = async () => {
    const c = await draft();
    const [d] = await ok('contracts.addDocument', { id: c.id, kind: 'contrato_firmado', fileName: 'os-0123.pdf', dataBase64: pdf() });
    return { id: c.id, hash: d!.hash };
  };
  const workshop = () => newWorkshop(get().app.ok, est());
  /** A workshop's name typed in a signed contract before links existed, left "sin vincular". */
  const carriedOver = async () => {
    const c = await withContract();
    const w = await workshop();
    const id = await carriedOverWorkshop(get().app.db, c.id, est(), 'Banda sinfonica y coro');
    return { c, w, id };
  };
  const validTeacher = { ...people.julio, disciplines: ['musica', 'canto_coral'], specialties: ['Trompeta'] };

  const valid: { [K in Name]: Case } = {
    'teachers.list': {
      input: async () => (await withTeacher(), { search: 'quispe' }),
      check: (d) => expect(d).toMatchObject({ total: 1 }),
    },
    'teachers.get': {
      input: async () => {
        const t = await withTeacher();
        await authorise(ok, t, est());
        return { id: t };
      },
      check: (d) => expect(d).toMatchObject({ teacher: { dni: '46849786' }, authorisations: [{ status: 'vigente' }] }),
    },
    'teachers.create': {
      input: () => validTeacher,
      check: (d) => expect(d).toMatchObject({ fullName: 'Ramos Huamán, Julio César', active: true }),
    },
    'teachers.update': {
      input: async () => {
        const t = await teacher(ok);
        return {
          ...people.rosa,
          id: t.id,
          version: t.version,
          active: true,
          disciplines: ['ceramica'],
          suspensions: [{ fiscalYear: 2026, operationNumber: '12345678', filedOn: '2026-01-15' }],
        };
      },
      check: (d) => expect(d).toMatchObject({ disciplines: ['ceramica'], suspensions: [{ fiscalYear: 2026 }], version: 2 }),
    },
    'teachers.saveAuthorisation': {
      input: async () => ({
        teacherId: await withTeacher(),
        establishmentId: est(),
        validFrom: firstDay(0),
        validTo: daysFromNow(10),
        documentNumber: 'Oficio N° 5-2026',
      }),
      check: (d) => expect(d).toMatchObject({ authorisations: [{ status: 'por_vencer' }] }),
    },
    'teachers.removeAuthorisation': {
      input: async () => {
        const t = await withTeacher();
        const d = await authorise(ok, t, est());
        return { teacherId: t, id: d.authorisations[0]!.id };
      },
      check: (d) => expect(d).toMatchObject({ authorisations: [] }),
    },
    'teachers.addDocument': {
      input: async () => ({ id: await withTeacher(), kind: 'cv', fileName: 'cv-rosa.pdf', dataBase64: pdf() }),
      check: (d) => expect(d).toMatchObject([{ kind: 'cv', originalName: 'cv-rosa.pdf', mime: 'application/pdf' }]),
    },
    'teachers.removeDocument': { input: teacherDoc, check: (d) => expect(d).toEqual([]) },
    'teachers.documentCopy': { input: teacherDoc, check: saved },
    'contracts.list': { input: async () => (await draft(), { status: 'borrador' }), check: (d) => expect(d).toMatchObject({ total: 1 }) },
    'contracts.get': {
      input: async () => ({ id: (await draft()).id }),
      check: (d) => expect(d).toMatchObject({ contract: { status: 'borrador' } }),
    },
    'contracts.create': {
      input: async () => contractInput(await withTeacher(), est()),
      check: (d) => expect(d).toMatchObject({ contract: { status: 'borrador', totalCentimos: 2_500_000 } }),
    },
    'contracts.update': {
      input: async () => {
        const c = await draft();
        return { ...contractInput(c.teacherId, est(), { hoursPerWeek: 16 }), id: c.id, version: c.version };
      },
      check: (d) => expect(d).toMatchObject({ contract: { hoursPerWeek: 16, version: 2 } }),
    },
    'contracts.activate': {
      input: async () => {
        const c = await draft();
        return { id: c.id, version: c.version, signedOn: c.startDate, confirmOverBudget: true };
      },
      check: (d) => expect(d).toMatchObject({ contract: { status: 'vigente', overBudget: true } }),
    },
    'contracts.terminate': {
      input: async () => {
        const c = await withContract();
        return { id: c.id, version: c.version, date: daysFromNow(0), reason: 'Renuncia del docente por motivos de salud' };
      },
      check: (d) => expect(d).toMatchObject({ contract: { status: 'resuelto' } }),
    },
    'contracts.renew': {
      input: async () => {
        const c = await withContract();
        return { id: c.id, number: 'OS N° 0456-2027', startDate: firstDay(5), endDate: `${period(10)}-28`, amountCentimos: 260_000 };
      },
      check: (d) => expect(d).toMatchObject({ contract: { status: 'borrador', previousNumber: 'OS N° 0123-2026' } }),
    },
    'contracts.addDocument': {
      input: async () => ({ id: (await draft()).id, kind: 'contrato_firmado', fileName: 'os-0123.pdf', dataBase64: pdf() }),
      check: (d) => expect(d).toMatchObject([{ kind: 'contrato_firmado' }]),
    },
    'contracts.removeDocument': { input: contractDoc, check: (d) => expect(d).toEqual([]) },
    'contracts.documentCopy': { input: contractDoc, check: saved },
    'contracts.export': { input: async () => (await draft(), { filter: {}, format: 'xlsx' }), check: saved },
    'contracts.summaryPdf': { input: async () => ({ id: (await withContract()).id }), check: saved },
    'contracts.alerts': {
      input: async () => (await withContract(), {}),
      check: (d) => expect((d as { missingConformities: number }).missingConformities).toBe(5),
    },
    'contracts.workshopOptions': {
      input: async () => (await workshop(), { establishmentIds: [est()] }),
      check: (d) => expect(d).toMatchObject([{ name: 'Banda sinfónica', establishmentId: est(), active: true }]),
    },
    'contracts.workshopReviews': {
      input: async () => (await carriedOver(), {}),
      check: (d) => expect(d).toMatchObject([{ originalText: 'Banda sinfonica y coro', status: 'pendiente', workshopId: null }]),
    },
    'contracts.linkWorkshop': {
      input: async () => {
        const { w, id } = await carriedOver();
        return { id, workshopId: w.id };
      },
      check: (d) => expect(d).toMatchObject({ status: 'vinculado', workshopName: 'Banda sinfónica' }),
    },
    'contracts.dismissWorkshop': {
      input: async () => ({ id: (await carriedOver()).id }),
      check: (d) => expect(d).toMatchObject({ status: 'descartado', workshopId: null }),
    },
    'conformities.delivered': {
      input: async () => ({ contractId: (await withContract()).id, period: period(-1) }),
      check: (d) => expect(d).toEqual({ workshops: 0, sessions: 0, attendedSessions: 0, minutes: 0 }),
    },
    'conformities.list': { input: async () => (await conformity(), {}), check: (d) => expect(d).toMatchObject({ total: 1 }) },
    'conformities.missing': { input: async () => (await conformity(), {}), check: (d) => expect(d).toMatchObject({ total: 4 }) },
    'conformities.create': {
      input: async () => conformityInput((await withContract()).id, -1),
      check: (d) => expect(d).toMatchObject({ status: 'pendiente_pago', retentionCentimos: 20_000, netCentimos: 230_000 }),
    },
    'conformities.update': {
      input: async () => {
        const f = await conformity();
        return { ...conformityInput(f.contractId, -2, { grossCentimos: 120_000 }), id: f.id, version: f.version };
      },
      check: (d) => expect(d).toMatchObject({ grossCentimos: 120_000, retentionCentimos: 0, version: 2 }),
    },
    'conformities.pay': {
      input: async () => {
        const f = await conformity();
        return { id: f.id, version: f.version, paymentDate: daysFromNow(0), paymentReference: 'CP-2026-0012' };
      },
      check: (d) => expect(d).toMatchObject({ status: 'pagada' }),
    },
    'conformities.void': {
      input: async () => {
        const f = await conformity();
        return { id: f.id, version: f.version, reason: 'Registrada en el mes equivocado' };
      },
      check: (d) => expect(d).toMatchObject({ status: 'anulada' }),
    },
    'budget.years': {
      input: async () => (await budget(ok), {}),
      check: (d) => expect(d).toMatchObject([{ budgetCentimos: 77_000_000, exchangeRate: 3.4 }]),
    },
    'budget.summary': {
      input: () => ({ year: 2026 }),
      check: (d) => expect(d).toMatchObject({ defined: false, total: { budgetCentimos: 0 } }),
    },
    'budget.save': {
      input: () => ({
        year: 2026,
        exchangeRate: 3.4,
        lines: { instrumentos: 22_000_000, docentes: 21_000_000, capacitacion: 4_000_000, materiales: 1_800_000, eventos: 1_200_000 },
        version: null,
      }),
      check: (d) => expect(d).toMatchObject({ defined: true, total: { budgetCentimos: 50_000_000, usdCents: { budget: 14_705_882 } } }),
    },
    'budget.export': { input: async () => (await budget(ok), { year: Number(period(0).slice(0, 4)), format: 'xlsx' }), check: saved },
  };

  const t = { ...people.rosa, disciplines: ['musica'] };
  const c = {
    teacherId: 1,
    modality: 'cas',
    number: 'CAS 1-2026',
    object: 'Enseñanza de coro',
    startDate: '2026-01-01',
    endDate: '2026-06-30',
    amountType: 'mensual',
    amountCentimos: 100000,
    hoursPerWeek: 10,
    budgetLine: 'docentes',
    establishments: [{ establishmentId: 1 }],
  };
  const f = {
    contractId: 1,
    period: '2026-03',
    deliverable: 'Informe',
    conformityDate: '2026-04-02',
    givenBy: 'Lic. Ana Torres',
    grossCentimos: 100000,
  };
  const invalid: { [K in Name]: unknown[] } = {
    'teachers.list': [{ discipline: 'fotografia' }, { status: 'borrado' }, { pageSize: 7 }, { sort: 'sueldo' }],
    'teachers.get': [{}, { id: 'DNI' }],
    'teachers.create': [
      {},
      { ...t, dni: '4684978' },
      { ...t, dni: '4684978a' },
      { ...t, ruc: '1046849786' },
      { ...t, ruc: '30468497862' },
      { ...t, ruc: '10468497861' },
      { ...t, ruc: '10123456781' },
      { ...t, disciplines: [] },
      { ...t, disciplines: ['fotografia'] },
      { ...t, sex: 'X' },
      { ...t, email: 'rosa@' },
      { ...t, phone: 'llamar a la oficina' },
      { ...t, suspensions: [{ fiscalYear: 2026, operationNumber: '1', filedOn: '2025-12-30' }] },
      { ...t, active: true },
    ],
    'teachers.update': [
      { ...t, id: 1 },
      { ...t, id: 1, version: 1, active: 'sí' },
    ],
    'teachers.saveAuthorisation': [
      { teacherId: 1, establishmentId: 1, validFrom: '2026-03-01', validTo: '2026-02-01', documentNumber: 'Oficio 1' },
      { teacherId: 1, establishmentId: 1, validFrom: '01/03/2026', validTo: '2026-12-31', documentNumber: 'Oficio 1' },
      { teacherId: 1, establishmentId: 1, validFrom: '2026-03-01', validTo: '2026-12-31' },
    ],
    'teachers.removeAuthorisation': [{ teacherId: 1 }, { id: 1 }],
    'teachers.addDocument': [
      { id: 1, kind: 'cv', fileName: 'cv.pdf' },
      { id: 1, kind: 'foto', fileName: 'cv.pdf', dataBase64: 'JVBE' },
    ],
    'teachers.removeDocument': [{ id: 1, hash: 'abc' }],
    'teachers.documentCopy': [{ id: 1 }],
    'contracts.list': [{ status: 'activo' }, { modality: 'planilla' }, { year: 1800 }, { sort: 'sueldo' }],
    'contracts.get': [{ id: 0 }],
    'contracts.create': [
      {},
      { ...c, number: '' },
      { ...c, number: 'OS #12' },
      { ...c, endDate: '2025-12-31' },
      { ...c, endDate: '2030-01-01' },
      { ...c, amountCentimos: 0 },
      { ...c, amountCentimos: 1500.5 },
      { ...c, hoursPerWeek: 0 },
      { ...c, establishments: [] },
      { ...c, establishments: [{ establishmentId: 1 }, { establishmentId: 1 }] },
      { ...c, modality: 'planilla' },
      { ...c, budgetLine: 'viaticos' },
      { ...c, status: 'vigente' },
    ],
    'contracts.update': [
      { ...c, id: 1 },
      { ...c, id: 1, version: 'uno' },
    ],
    'contracts.activate': [
      { id: 1, version: 1 },
      { id: 1, version: 1, signedOn: '31/01/2026' },
      { id: 1, version: 1, signedOn: '2026-01-31', confirmOverBudget: 'sí' },
    ],
    'contracts.terminate': [
      { id: 1, version: 1, date: '2026-05-01' },
      { id: 1, version: 1, date: '2026-05-01', reason: 'no' },
    ],
    'contracts.renew': [
      { id: 1, number: 'OS 2-2027', startDate: '2027-02-01', endDate: '2027-01-01', amountCentimos: 1000 },
      { id: 1, number: 'OS 2-2027', startDate: '2027-01-01', endDate: '2027-12-31' },
    ],
    'contracts.addDocument': [{ id: 1, kind: 'cv', fileName: 'a.pdf', dataBase64: 'JVBE' }],
    'contracts.removeDocument': [{ hash: 'a'.repeat(64) }],
    'contracts.documentCopy': [{ id: 1, hash: '../x' }],
    'contracts.export': [
      { filter: {}, format: 'pdf' },
      { filter: { status: 'x' }, format: 'xlsx' },
    ],
    'contracts.summaryPdf': [{}],
    'contracts.alerts': [{ year: 2026 }],
    'contracts.workshopOptions': [{}, { establishmentIds: ['x'] }, { establishmentIds: 1 }],
    'contracts.workshopReviews': [{ status: 'abierto' }],
    'contracts.linkWorkshop': [{ id: 1 }, { id: 1, workshopId: 'x' }, { workshopId: 1 }],
    'contracts.dismissWorkshop': [{}, { id: 'x' }],
    'conformities.delivered': [{ contractId: 1 }, { contractId: 1, period: '2026-13' }, { period: '2026-03' }],
    'conformities.list': [{ status: 'pagado' }, { periodFrom: '2026-13' }, { contractId: 'x' }],
    'conformities.missing': [{ limit: 0 }, { limit: 10_000 }],
    'conformities.create': [
      {},
      { ...f, period: '2026-3' },
      { ...f, conformityDate: '2026-02-28' },
      { ...f, receiptNumber: 'recibo 12' },
      { ...f, receiptNumber: 'E001-12' },
      { ...f, grossCentimos: '1500.00' },
      { ...f, grossCentimos: -100 },
      { ...f, retentionCentimos: 0 },
    ],
    'conformities.update': [{ ...f, id: 1 }],
    'conformities.pay': [
      { id: 1, version: 1 },
      { id: 1, version: 1, paymentDate: '2026-02-30' },
    ],
    'conformities.void': [
      { id: 1, version: 1 },
      { id: 1, version: 1, reason: 'x' },
    ],
    'budget.years': [{ year: 2026 }],
    'budget.summary': [{}, { year: '2026' }, { year: 1999 }],
    'budget.save': [
      { year: 2026, exchangeRate: 3.4, lines: {}, version: null },
      { year: 2026, exchangeRate: 0, lines: { instrumentos: 1, docentes: 1, capacitacion: 1, materiales: 1, eventos: 1 }, version: null },
      {
        year: 2026,
        exchangeRate: 3.40001,
        lines: { instrumentos: 1, docentes: 1, capacitacion: 1, materiales: 1, eventos: 1 },
        version: null,
      },
      {
        year: 2026,
        exchangeRate: 3.4,
        lines: { instrumentos: 1.5, docentes: 1, capacitacion: 1, materiales: 1, eventos: 1 },
        version: null,
      },
      {
        year: 2026,
        exchangeRate: 3.4,
        lines: { instrumentos: 1, docentes: 1, capacitacion: 1, materiales: 1, eventos: 1, viaticos: 1 },
        version: null,
      },
    ],
    'budget.export': [{ year: 2026, format: 'csv' }, { format: 'pdf' }],
  };
  return { valid, invalid };
}
