import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, testApp, type TestApp } from '../../helpers/services';

/** Saved views (issue 16, item 6): a list's search, filters and order under a name, each user's own. */

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

const poorViolins = { search: 'vio', filters: { condition: 'malo', typeId: null }, sort: { column: 'code', direction: 'asc' as const } };
const inLima = {
  search: '',
  filters: { location: 'establecimiento', status: 'asignado' },
  sort: { column: 'updatedAt', direction: 'desc' as const },
};

describe('saved views', () => {
  it('are kept per list, in name order, and read back exactly as saved', async () => {
    await app.ok('lists.saveView', { list: 'instruments.list', name: 'Violines en mal estado', state: poorViolins });
    const views = await app.ok('lists.saveView', { list: 'instruments.list', name: 'Asignados', state: inLima });
    expect(views.map((v) => [v.name, v.state])).toEqual([
      ['Asignados', inLima],
      ['Violines en mal estado', poorViolins],
    ]);
    expect(await app.ok('lists.views', { list: 'workshops.list' })).toEqual([]);
  });

  it('a name already used is refused next to the field, changing nothing, unless the user chose to replace it', async () => {
    await app.ok('lists.saveView', { list: 'instruments.list', name: 'Mis violines', state: poorViolins });
    const before = await snapshot(app.db);
    const r = await app.call('lists.saveView', { list: 'instruments.list', name: '  Mis violines ', state: inLima });
    expect(r.ok ? null : r.error.fields.name).toBe(
      'Ya tiene una vista llamada «Mis violines». Elija otro nombre o márquela para reemplazarla.',
    );
    expect(await snapshot(app.db)).toBe(before);
    const replaced = await app.ok('lists.saveView', { list: 'instruments.list', name: 'Mis violines', state: inLima, replace: true });
    expect(replaced.map((v) => [v.name, v.state])).toEqual([['Mis violines', inLima]]);
  });

  it('belong to the user who saved them: another user neither sees nor deletes them', async () => {
    const [mine] = await app.ok('lists.saveView', { list: 'instruments.list', name: 'Mis violines', state: poorViolins });
    await app.signInAs('inventario');
    expect(await app.ok('lists.views', { list: 'instruments.list' })).toEqual([]);
    const before = await snapshot(app.db);
    expect(await app.call('lists.removeView', { list: 'instruments.list', id: mine!.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await snapshot(app.db)).toBe(before);
    // The same name is free for this user.
    await app.ok('lists.saveView', { list: 'instruments.list', name: 'Mis violines', state: inLima });
    await app.signInAs('administrador');
    expect((await app.ok('lists.views', { list: 'instruments.list' })).map((v) => v.state)).toEqual([poorViolins]);
  });

  it('deleting a view is audited with what it held', async () => {
    const [v] = await app.ok('lists.saveView', { list: 'participants.list', name: 'Activos de Lurigancho', state: inLima });
    expect(await app.ok('lists.removeView', { list: 'participants.list', id: v!.id })).toEqual([]);
    const entry = await app.db('audit_log').where({ entity: 'savedView', action: 'delete' }).first('before_json');
    expect(JSON.parse(String(entry?.before_json))).toEqual({ list: 'participants.list', name: 'Activos de Lurigancho', state: inLima });
  });
});
