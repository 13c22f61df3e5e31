import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type DispatcherDeps } from '../../../electron/main/ipc/dispatcher';
import { LOCAL_ADMIN, type Handlers } from '../../../electron/main/ipc/context';
import { handlers } from '../../../electron/main/handlers';
import { snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

const platform = {
  shell: 'browser' as const,
  version: 't',
  paths: { dbPath: '', backupDir: '', attachmentsDir: '' },
  chooseSavePath: async () => null,
  showInFolder: async () => undefined,
  printPdf: async () => Buffer.alloc(0),
};

/** A pipeline over the test app's database and session, with other handlers, error hook or permission step. */
const dispatcherWith = (deps: Pick<DispatcherDeps, 'handlers'> & Partial<DispatcherDeps>) =>
  createDispatcher({ db: app.db, session: app.session, platform, ...deps });

describe('the IPC pipeline', () => {
  it('a write leaves one audit entry with who, when, what, before and after', async () => {
    const created = await app.ok('establishments.create', validEstablishment());
    await app.ok('establishments.update', { ...validEstablishment({ name: 'E.P. Renombrado' }), id: created.id, version: 1 });
    const entries = await app.db('audit_log').orderBy('id');
    expect(entries).toHaveLength(2);
    const [c, u] = entries;
    expect(c).toMatchObject({
      user_id: 'admin-local',
      user_name: 'Administrador local',
      channel: 'establishments.create',
      entity: 'establishment',
      entity_id: String(created.id),
      action: 'create',
      before_json: null,
    });
    expect(JSON.parse(u.before_json).name).toBe('E.P. de Prueba');
    expect(JSON.parse(u.after_json).name).toBe('E.P. Renombrado');
    expect(Date.parse(u.at)).not.toBeNaN();
    expect((await app.db('establishments').first()).updated_by).toBe('Administrador local');
  });

  it('a handler that fails after writing rolls the whole write back', async () => {
    const broken: Handlers = {
      ...handlers,
      'establishments.create': async (input, ctx) => {
        await handlers['establishments.create'](input, ctx);
        throw new Error('disco lleno');
      },
    };
    const errors: unknown[] = [];
    const dispatch = dispatcherWith({ handlers: broken, onInternalError: (_c, e) => errors.push(e) });
    const before = await snapshot(app.db);
    const r = await dispatch('establishments.create', validEstablishment());
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'Ocurrió un error interno. No se guardó ningún cambio. Si se repite, informe a soporte.' },
    });
    expect(errors).toHaveLength(1);
    expect(await snapshot(app.db)).toBe(before);
  });

  it('a write channel that forgets its audit entry is refused and rolled back', async () => {
    const forgetful: Handlers = {
      ...handlers,
      'establishments.create': async (input, ctx) => {
        const { createdAt: _c, ...row } = await handlers['establishments.create'](input, { ...ctx, audit: async () => {} });
        return { ...row, createdAt: _c };
      },
    };
    const dispatch = dispatcherWith({ handlers: forgetful, onInternalError: () => {} });
    const before = await snapshot(app.db);
    expect(await dispatch('establishments.create', validEstablishment())).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await snapshot(app.db)).toBe(before);
  });

  it('an answer that breaks the output schema is refused (and a write rolled back)', async () => {
    const wrong: Handlers = {
      ...handlers,
      'establishments.create': async (input, ctx) => ({ ...(await handlers['establishments.create'](input, ctx)), active: 'sí' as never }),
    };
    const dispatch = dispatcherWith({ handlers: wrong, onInternalError: () => {} });
    const before = await snapshot(app.db);
    expect(await dispatch('establishments.create', validEstablishment())).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await snapshot(app.db)).toBe(before);
  });

  it('the permission step refuses before the handler runs', async () => {
    const dispatch = dispatcherWith({
      handlers,
      authorize: (actor, channel) => actor.id === LOCAL_ADMIN.id && !channel.startsWith('establishments.'),
    });
    const before = await snapshot(app.db);
    expect(await dispatch('establishments.create', validEstablishment())).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Su usuario no tiene permiso para esta acción.' },
    });
    expect(await dispatch('regionalOffices.list', {})).toMatchObject({ ok: true });
    expect(await snapshot(app.db)).toBe(before);
  });

  it('messages follow the chosen language: Spanish first, English second', async () => {
    const es = await app.call('establishments.create', validEstablishment({ name: '' }));
    expect(es).toMatchObject({
      ok: false,
      error: { message: 'Revise los campos marcados.', fields: { name: 'Este campo es obligatorio.' } },
    });
    await app.ok('app.setLocale', { locale: 'en' });
    const en = await app.call('establishments.create', validEstablishment({ name: 'ab' }));
    expect(en).toMatchObject({
      ok: false,
      error: { message: 'Check the highlighted fields.', fields: { name: 'Type at least 3 characters.' } },
    });
    expect(await app.db('settings').where({ key: 'locale' }).first()).toMatchObject({ value: 'en' });
  });

  it('the audit log cannot be rewritten', async () => {
    await app.ok('establishments.create', validEstablishment());
    await expect(app.db('audit_log').update({ user_name: 'otro' })).rejects.toThrow(/append-only/);
    await expect(app.db('audit_log').delete()).rejects.toThrow(/append-only/);
    expect(await app.db('audit_log').count({ n: '*' })).toEqual([{ n: 1 }]);
  });
});
