import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, mayCall, roles, type Role } from '../../../shared/auth/permissions';
import { channelNames } from '../../../shared/channels';
import { contract } from '../../../shared/contract';
import { importTargets } from '../../../shared/import/schemas';
import { snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * Every channel called as every role (and signed out), through main's pipeline: what the
 * table allows reaches the channel's own validation; everything else is refused before
 * it, in Spanish, and changes nothing — whatever the renderer shows.
 */
const NOT_AN_INPUT = 7; // refused by every channel's schema: an allowed call stops there, writing nothing

describe('every channel as every role', () => {
  for (const role of [...roles, null] as Array<Role | null>) {
    describe(role ?? 'sin sesión', () => {
      let app: TestApp;
      beforeAll(async () => {
        app = await testApp({ as: role });
      });
      afterAll(() => app.close());

      it(`answers each of the ${channelNames.length} channels as the table says`, async () => {
        const before = await snapshot(app.db);
        const wrong: string[] = [];
        for (const channel of channelNames) {
          const r = await app.call(channel, NOT_AN_INPUT as never);
          if (r.ok) {
            wrong.push(`${channel}: accepted ${NOT_AN_INPUT}`);
            continue;
          }
          const isPublic = classify(channel, contract[channel].kind)?.type === 'public';
          const allowed = role === null ? isPublic : mayCall(role, channel, contract[channel].kind, importTargets);
          const expected = allowed ? 'validation' : role === null ? 'unauthenticated' : 'forbidden';
          if (r.error.code !== expected) wrong.push(`${channel}: ${r.error.code}, expected ${expected}`);
          if (!allowed && role !== null && r.error.message !== 'Su usuario no tiene permiso para esta acción.')
            wrong.push(`${channel}: ${r.error.message}`);
          if (!allowed && role === null && r.error.message !== 'Su sesión terminó. Ingrese de nuevo.')
            wrong.push(`${channel}: ${r.error.message}`);
        }
        expect(wrong).toEqual([]);
        expect(await snapshot(app.db)).toBe(before);
      });
    });
  }
});

describe('what a role may do with real input', () => {
  let app: TestApp;
  let lima: number;
  let cusco: number;
  beforeAll(async () => {
    app = await testApp();
    lima = (await app.ok('establishments.create', validEstablishment({ code: 'EP-LIM-01', name: 'E.P. Lima' }))).id;
    cusco = (await app.ok('establishments.create', validEstablishment({ code: 'EP-CUS-01', name: 'E.P. Cusco' }))).id;
  });
  afterAll(() => app.close());

  it('a refused write is refused before it runs and changes nothing', async () => {
    await app.signInAs('consulta');
    const before = await snapshot(app.db);
    expect(await app.call('establishments.create', validEstablishment({ code: 'EP-X-01' }))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await app.call('instruments.create', {
        code: 'X-1',
        typeId: 1,
        costCentimos: 0,
        funding: 'donacion',
        condition: 'nuevo',
        altaDate: '2026-01-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await app.call('users.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await snapshot(app.db)).toBe(before);
    expect(await app.call('instruments.list', {})).toMatchObject({ ok: true });
  });

  it('an import is allowed only into a module the role may write', async () => {
    await app.signInAs('inventario');
    const csv = Buffer.from('Código;Nombre\nEP-IMP-01;E.P. Importado\n').toString('base64');
    expect(await app.call('import.inspect', { target: 'establishments', fileName: 'e.csv', dataBase64: csv })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await app.call('import.inspect', { target: 'instruments', fileName: 'i.csv', dataBase64: csv })).toMatchObject({ ok: true });
    // An upload the administrator inspected cannot be run by a role that may not write its target.
    await app.signInAs('administrador');
    const { uploadId } = await app.ok('import.inspect', { target: 'establishments', fileName: 'e.csv', dataBase64: csv });
    await app.signInAs('inventario');
    expect(await app.call('import.run', { uploadId, mapping: { code: 'Código', name: 'Nombre' }, mode: 'create' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('a user restricted to some establishments may not name another one', async () => {
    await app.signInAs('inventario', { establishmentIds: [lima] });
    expect(app.session.auth?.user?.establishmentIds).toEqual([lima]);
    const before = await snapshot(app.db);
    expect(await app.call('stocktakes.open', { establishmentId: cusco })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Su usuario no trabaja con ese establecimiento.' },
    });
    expect(await app.call('instruments.list', { establishmentId: cusco })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await snapshot(app.db)).toBe(before);
    expect(await app.call('instruments.list', { establishmentId: lima })).toMatchObject({ ok: true });
    expect(await app.call('stocktakes.open', { establishmentId: lima })).toMatchObject({ ok: true });
  });
});
