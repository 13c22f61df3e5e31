import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newStaffMember, type TestApp, validEstablishment, appWithTwoPrisons } from '../../helpers/services';
import { refusedUnchanged } from '../../helpers/refused';

/**
 * The INPE staff register of each establishment (issue 15): who may hold an instrument
 * besides teachers, ensembles and participants. Listed, added and edited through its
 * channels; bad input gets a Spanish message beside the field and changes nothing.
 */

let app: TestApp, lur: number, cho: number;

beforeEach(async () => {
  ({ app, lur, cho } = await appWithTwoPrisons());
});
afterEach(() => app.close());

const refused = (call: () => ReturnType<TestApp['call']>) => refusedUnchanged(app, call);
const names = async (q: Parameters<typeof app.ok<'staff.list'>>[1] = {}) => (await app.ok('staff.list', q)).map((s) => s.fullName);

describe('the staff register', () => {
  it('adds, lists (by establishment, searched without accents, inactive on request) and edits, each with its audit entry', async () => {
    const rosa = await newStaffMember(app, lur);
    expect(rosa).toMatchObject({
      establishmentId: lur,
      establishmentName: 'E.P. de Lurigancho',
      fullName: 'Rosa Mamani Flores',
      role: 'Técnica de educación',
      active: true,
      version: 1,
      updatedBy: 'Administrador local',
    });
    await newStaffMember(app, lur, 'Carlos Huamán Ríos', 'Encargado de almacén');
    await newStaffMember(app, cho, 'Luis Quispe Huamán', 'Coordinador de tratamiento');
    // Sorted by establishment, then by name.
    expect(await names()).toEqual(['Luis Quispe Huamán', 'Carlos Huamán Ríos', 'Rosa Mamani Flores']);
    expect(await names({ establishmentId: lur })).toEqual(['Carlos Huamán Ríos', 'Rosa Mamani Flores']);
    expect(await names({ search: 'HUAMAN' })).toEqual(['Luis Quispe Huamán', 'Carlos Huamán Ríos']);
    expect(await names({ search: 'huaman rios' })).toEqual(['Carlos Huamán Ríos']);

    const moved = await app.ok('staff.update', {
      id: rosa.id,
      version: rosa.version,
      establishmentId: cho,
      fullName: 'Rosa Elena Mamani Flores',
      role: 'Técnica de educación',
      active: false,
    });
    expect(moved).toMatchObject({
      establishmentName: 'E.P. de Chorrillos',
      fullName: 'Rosa Elena Mamani Flores',
      active: false,
      version: 2,
    });
    expect(await names({ establishmentId: cho })).toEqual(['Luis Quispe Huamán']);
    expect(await names({ establishmentId: cho, includeInactive: true })).toEqual(['Luis Quispe Huamán', 'Rosa Elena Mamani Flores']);
    const audit = (await app
      .db('audit_log')
      .where({ entity: 'staffMember', entity_id: String(rosa.id) })
      .orderBy('id')
      .pluck('action')) as string[];
    expect(audit).toEqual(['create', 'update']);
  });

  it('refuses bad input beside the field in Spanish, an unknown or inactive establishment and an edit over a newer version, changing nothing', async () => {
    const closed = (await app.ok('establishments.create', validEstablishment({ code: 'EP-CER-01', name: 'E.P. Cerrado' }))).id;
    await app.ok('establishments.setActive', { id: closed, version: 1, active: false });
    const valid = { establishmentId: lur, fullName: 'Ana Flores Condori', role: 'Psicóloga' };
    expect(await refused(() => app.call('staff.create', { ...valid, fullName: 'Al' }))).toMatchObject({
      code: 'validation',
      message: 'Revise los campos marcados.',
      fields: { fullName: 'Escriba al menos 3 caracteres.' },
    });
    expect((await refused(() => app.call('staff.create', { ...valid, role: ' ' }))).fields.role).toMatch(/^[A-ZÁÉÍÓÚ]/);
    for (const establishmentId of [9999, closed]) {
      expect(await refused(() => app.call('staff.create', { ...valid, establishmentId }))).toMatchObject({
        code: 'validation',
        fields: { establishmentId: 'El establecimiento elegido no existe o está inactivo.' },
      });
    }
    const ana = await app.ok('staff.create', valid);
    await app.ok('staff.update', { ...valid, id: ana.id, version: 1, role: 'Psicóloga clínica', active: true });
    expect(
      await refused(() => app.call('staff.update', { ...valid, id: ana.id, version: 1, role: 'Trabajadora social', active: true })),
    ).toMatchObject({
      code: 'stale',
    });
    expect(
      await refused(() => app.call('staff.update', { ...valid, id: ana.id, version: 2, establishmentId: closed, active: true })),
    ).toMatchObject({
      fields: { establishmentId: 'El establecimiento elegido no existe o está inactivo.' },
    });
    expect(await refused(() => app.call('staff.update', { ...valid, id: 9999, version: 1, active: true }))).toMatchObject({
      code: 'not_found',
    });
    // What was typed is kept as typed (no trimming of inner spaces, no case change).
    const typed = await app.ok('staff.create', { ...valid, fullName: 'María  del Carmen Ramos', role: 'técnica INPE' });
    expect(typed).toMatchObject({ fullName: 'María  del Carmen Ramos', role: 'técnica INPE' });
  });

  it('a clerk restricted to some establishments lists and edits only theirs; consulta reads; programas does not open it', async () => {
    const rosa = await newStaffMember(app, lur);
    const luis = await newStaffMember(app, cho, 'Luis Quispe Huamán', 'Coordinador de tratamiento');
    await app.signInAs('inventario', { establishmentIds: [lur] });
    expect(await names()).toEqual(['Rosa Mamani Flores']);
    const forbidden = { code: 'forbidden', message: 'Su usuario no trabaja con ese establecimiento.' };
    expect(await refused(() => app.call('staff.list', { establishmentId: cho }))).toMatchObject(forbidden);
    expect(
      await refused(() => app.call('staff.create', { establishmentId: cho, fullName: 'Ana Flores Condori', role: 'Psicóloga' })),
    ).toMatchObject(forbidden);
    const edit = (s: typeof rosa, over: Record<string, unknown>) =>
      app.call('staff.update', {
        id: s.id,
        version: s.version,
        establishmentId: s.establishmentId,
        fullName: s.fullName,
        role: s.role,
        active: true,
        ...over,
      });
    expect(await refused(() => edit(luis, { role: 'Otro cargo' }))).toMatchObject(forbidden);
    expect(await refused(() => edit(rosa, { establishmentId: cho }))).toMatchObject(forbidden);
    expect(
      (await app.ok('staff.create', { establishmentId: lur, fullName: 'Ana Flores Condori', role: 'Psicóloga' })).establishmentName,
    ).toBe('E.P. de Lurigancho');

    await app.signInAs('consulta');
    expect(await names()).toEqual(['Luis Quispe Huamán', 'Ana Flores Condori', 'Rosa Mamani Flores']);
    expect(
      await refused(() => app.call('staff.create', { establishmentId: lur, fullName: 'Jorge Chávez Salas', role: 'Técnico' })),
    ).toMatchObject({
      code: 'forbidden',
    });
    await app.signInAs('programas');
    expect(await app.call('staff.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
