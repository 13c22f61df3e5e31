import { expect } from 'vitest';
import type { establishmentChannels } from '../../../shared/establishments/channels';
import type { custodyChannels } from '../../../shared/inventory/channels';
import { daysFromNow } from '../../helpers/contracts';
import { handOver, newEnsembleAt, newStaffMember, newViolin, validEstablishment } from '../../helpers/services';
import { carriedOverCustodian, participantHolding } from '../../helpers/custodians';
import type { Case, Ctx } from '../../helpers/channel-cases';

/**
 * The linked-custody channels (issue 15) and the staff register's for channels.test.ts: one
 * valid call each (with what it must answer) and several invalid payloads that the schema
 * must refuse in Spanish.
 */

type Name = (typeof custodyChannels)[number] | Extract<(typeof establishmentChannels)[number], `staff.${string}`>;

export function custodyCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const app = () => ctx().app;
  const est = () => ctx().seeded.id;
  const staff = () => newStaffMember(app(), est());
  /** A violin of the seeded establishment, in the hands of a staff member since `date` (due back on `dueDate`). */
  const handedToStaff = async (date = daysFromNow(-40), dueDate: string | null = daysFromNow(-10)) => {
    const s = await staff();
    const v = await app().ok('instruments.create', newViolin('VIO-C01', est()));
    await app().ok('instruments.move', { instrumentIds: [v.id], movement: handOver('personal', s.id, date, dueDate) });
    return { s, v };
  };
  /** A participant holding a violin, who then leaves (released, or transferred to a second establishment). */
  const leaving = async (kind: 'egreso' | 'traslado') => {
    const { p } = await participantHolding(app(), est(), 'PPL-0101', ['VIO-C02']);
    const to =
      kind === 'traslado'
        ? (await app().ok('establishments.create', validEstablishment({ code: 'EP-DES-01', name: 'E.P. Destino' }))).id
        : null;
    await app().ok('participants.custodyChange', {
      participantId: p.id,
      version: p.version,
      kind,
      date: '2026-06-01',
      toEstablishmentId: to,
    });
    return { p, to };
  };
  const review = async () => {
    const v = await app().ok('instruments.create', newViolin('VIO-C03', est()));
    return { v, id: await carriedOverCustodian(app(), v.id, 'elenco', 'Banda Sinfonica de prueba') };
  };

  return {
    valid: {
      'staff.list': {
        input: async () => (await staff(), {}),
        check: (d) =>
          expect(d).toMatchObject([{ fullName: 'Rosa Mamani Flores', role: 'Técnica de educación', establishmentName: 'E.P. Base' }]),
      },
      'staff.create': {
        input: () => ({ establishmentId: est(), fullName: 'Luis Quispe Huamán', role: 'Coordinador de tratamiento' }),
        check: (d) => expect(d).toMatchObject({ fullName: 'Luis Quispe Huamán', active: true, version: 1, establishmentName: 'E.P. Base' }),
      },
      'staff.update': {
        input: async () => {
          const s = await staff();
          return {
            id: s.id,
            version: s.version,
            establishmentId: est(),
            fullName: s.fullName,
            role: 'Encargada de almacén',
            active: false,
          };
        },
        check: (d) => expect(d).toMatchObject({ role: 'Encargada de almacén', active: false, version: 2 }),
      },
      'custody.candidates': {
        input: async () => (await staff(), { establishmentId: est(), type: 'personal', search: 'rosa' }),
        check: (d) => expect(d).toMatchObject([{ type: 'personal', label: 'Rosa Mamani Flores', detail: 'Técnica de educación' }]),
      },
      'custody.overdue': {
        input: async () => (await handedToStaff(), {}),
        check: (d) =>
          expect(d).toMatchObject({ total: 1, rows: [{ code: 'VIO-C01', custodianName: 'Rosa Mamani Flores', daysOverdue: 10 }] }),
      },
      'custody.holdings': {
        input: async () => ({ custodianType: 'personal', custodianId: (await handedToStaff()).s.id }),
        check: (d) => expect(d).toMatchObject({ current: [{ code: 'VIO-C01', since: daysFromNow(-40), until: null }], past: [] }),
      },
      'custody.recoveries': {
        input: async () => (await leaving('egreso'), {}),
        check: (d) => expect(d).toMatchObject([{ code: 'VIO-C02', reason: 'egreso', stillHeld: true, closedOn: null }]),
      },
      'custody.follow': {
        input: async () => {
          const { p } = await leaving('traslado');
          const [item] = await app().ok('custody.recoveries', { participantId: p.id });
          return { id: item!.id, date: '2026-06-05', documentNumber: 'ACTA-TR-9', person: 'Luis Quispe' };
        },
        check: (d) => expect(d).toMatchObject({ closedBy: 'traslado', closedOn: '2026-06-05', stillHeld: false }),
      },
      'custody.reviews': {
        input: async () => (await review(), {}),
        check: (d) => expect(d).toMatchObject([{ code: 'VIO-C03', originalText: 'Banda Sinfonica de prueba', status: 'pendiente' }]),
      },
      'custody.link': {
        input: async () => {
          const r = await review();
          return { id: r.id, custodianId: (await newEnsembleAt(app(), est())).id };
        },
        check: (d) =>
          expect(d).toMatchObject({ status: 'vinculado', custodianId: expect.any(Number), originalText: 'Banda Sinfonica de prueba' }),
      },
      'custody.dismiss': {
        input: async () => ({ id: (await review()).id }),
        check: (d) => expect(d).toMatchObject({ status: 'descartado', custodianId: null }),
      },
      'custody.summary': {
        input: async () => (await handedToStaff(), {}),
        check: (d) => expect(d).toEqual({ overdue: 1, openRecoveries: 0, oldestRecoveryDays: null, pendingReviews: 0 }),
      },
    },
    invalid: {
      'staff.list': [{ establishmentId: 'Lurigancho' }, { search: 'x'.repeat(101) }, { includeInactive: 'sí' }, { role: 'Psicóloga' }],
      'staff.create': [
        {},
        { establishmentId: 1, fullName: 'Al', role: 'Psicóloga' },
        { establishmentId: 1, fullName: 'Rosa Mamani', role: '' },
        { establishmentId: 'uno', fullName: 'Rosa Mamani', role: 'Psicóloga' },
        { establishmentId: 1, fullName: 'Rosa Mamani', role: 'Psicóloga', active: false },
      ],
      'staff.update': [
        { id: 1, establishmentId: 1, fullName: 'Rosa Mamani', role: 'Psicóloga' },
        { id: 1, version: -1, establishmentId: 1, fullName: 'Rosa Mamani', role: 'Psicóloga', active: true },
        { id: 1, version: 1, establishmentId: 1, fullName: 'Rosa Mamani', role: 'Psicóloga', active: 'no' },
      ],
      'custody.candidates': [
        {},
        { establishmentId: 1, type: 'vecino' },
        { establishmentId: 1, type: 'personal', search: 'x'.repeat(101) },
        { establishmentId: 'Lurigancho', type: 'personal' },
      ],
      'custody.overdue': [{ minDays: -1 }, { minDays: 1.5 }, { custodianType: 'vecino' }, { sort: 'precio' }, { pageSize: 1000 }],
      'custody.holdings': [
        {},
        { custodianType: 'personal' },
        { custodianType: 'personal', custodianId: 0 },
        { custodianType: 'x', custodianId: 1 },
      ],
      'custody.recoveries': [{ open: 'sí' }, { participantId: 'PPL-0001' }, { extra: 1 }],
      'custody.follow': [
        { id: 1 },
        { id: 1, date: '2026-02-31', documentNumber: 'ACTA-1', person: 'Luis Quispe' },
        { id: 1, date: '2026-03-01', documentNumber: '', person: 'Luis Quispe' },
        { id: 1, date: '2026-03-01', documentNumber: 'ACTA-1', person: 'Luis Quispe', condition: 'roto' },
      ],
      'custody.reviews': [{ status: 'pendientes' }, { status: 1 }],
      'custody.link': [{ id: 1 }, { id: 1, custodianId: 0 }, { custodianId: 1 }, { id: 1, custodianId: 'Banda' }],
      'custody.dismiss': [{}, { id: 'x' }, { id: 1, reason: 'no' }],
      'custody.summary': [{ establishmentId: 1 }, 'x'],
    },
  };
}
