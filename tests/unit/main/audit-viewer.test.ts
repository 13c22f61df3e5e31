import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeChange } from '../../../electron/main/audit/handlers';
import { auditActionLabel, auditChannelLabel, auditEntityLabel } from '../../../shared/audit/labels';
import { contract } from '../../../shared/contract';
import { translator } from '../../../electron/main/i18n';
import type { HandlerContext } from '../../../electron/main/ipc/context';
import { canSeePersonalData, exportTableWithReason } from '../../../electron/main/privacy/personal-data';
import { snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

const reason = 'Requerimiento de la Oficina de Control Institucional, oficio 45-2026';

describe('the audit log viewer', () => {
  it('filters by user, by record type and number, and by day (Lima’s calendar)', async () => {
    const a = await app.ok('establishments.create', validEstablishment());
    await app.ok('users.create', {
      username: 'rquispe',
      fullName: 'Rosa Quispe',
      role: 'administrador',
      password: 'Inicial-2026',
      confirm: 'Inicial-2026',
    });
    await app.ok('auth.signOut', {});
    await app.ok('auth.signIn', { username: 'rquispe', password: 'Inicial-2026' });
    await app.ok('auth.changePassword', { currentPassword: 'Inicial-2026', password: 'Propia-2026', confirm: 'Propia-2026' });
    await app.ok('establishments.update', { ...validEstablishment({ name: 'E.P. Renombrado' }), id: a.id, version: a.version });

    const mine = await app.ok('audit.list', { filter: { userId: 'rquispe', entity: 'establishment' } });
    expect(mine).toMatchObject({ total: 1, rows: [{ action: 'update', entityId: String(a.id), userName: 'Rosa Quispe' }] });
    expect(JSON.parse(mine.rows[0]!.before!).name).toBe('E.P. de Prueba');
    expect(JSON.parse(mine.rows[0]!.after!).name).toBe('E.P. Renombrado');
    expect((await app.ok('audit.list', { filter: { entity: 'establishment', entityId: String(a.id) } })).total).toBe(2);

    // Entries at the edges of a Lima day: 04:59 UTC is still the day before in Lima.
    const row = { user_id: 'x', user_name: 'X', channel: 'x.y', entity: 'prueba', entity_id: '1', action: 'create' };
    await app.db('audit_log').insert([
      { ...row, at: '2026-03-02T04:59:00.000Z' },
      { ...row, at: '2026-03-02T05:00:00.000Z' },
      { ...row, at: '2026-03-03T04:59:59.000Z' },
    ]);
    const day = await app.ok('audit.list', { filter: { entity: 'prueba', from: '2026-03-02', to: '2026-03-02' } });
    expect(day.rows.map((r) => r.at)).toEqual(['2026-03-03T04:59:59.000Z', '2026-03-02T05:00:00.000Z']);
    const facets = await app.ok('audit.facets', {});
    expect(facets.users.map((u) => u.id)).toEqual(expect.arrayContaining(['admin-local', 'rquispe']));
    expect(facets.entities).toEqual(expect.arrayContaining(['establishment', 'session', 'user']));
  });

  it('pages through the log newest first', async () => {
    for (let i = 1; i <= 30; i++)
      await app.ok('establishments.create', validEstablishment({ code: `EP-T-${i}`, name: `E.P. Prueba ${i}` }));
    const p2 = await app.ok('audit.list', { filter: { entity: 'establishment' }, page: 2, pageSize: 10 });
    expect(p2).toMatchObject({ total: 30, page: 2, pageSize: 10 });
    expect(p2.rows.map((r) => JSON.parse(r.after!).code)).toEqual(Array.from({ length: 10 }, (_, i) => `EP-T-${20 - i}`));
  });

  it('exports what the filters show to Excel for the auditors, and logs the export with its reason', async () => {
    const a = await app.ok('establishments.create', validEstablishment());
    await app.ok('establishments.update', { ...validEstablishment({ name: 'E.P. Renombrado' }), id: a.id, version: a.version });
    const r = await app.ok('audit.export', { filter: { entity: 'establishment' }, format: 'xlsx', reason });
    expect(r).toMatchObject({ status: 'saved', rows: 2 });
    if (r.status !== 'saved') return;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Auditoría');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Fecha y hora',
      'Usuario',
      'Operación',
      'Tipo de registro',
      'N.° de registro',
      'Acción',
      'Cambios',
      'Antes (JSON)',
      'Después (JSON)',
    ]);
    expect(ws.getRow(3).getCell(2).value).toBe('Administrador local (admin-local)');
    expect(ws.getRow(3).getCell(4).value).toBe('Establecimiento');
    expect(ws.getRow(3).getCell(6).value).toBe('Modificación');
    expect(String(ws.getRow(3).getCell(7).value)).toContain('name: E.P. de Prueba → E.P. Renombrado');
    // The date and time is an Excel date (Lima's time), shown dd/mm/aaaa hh:mm; the operation is told in Spanish.
    expect(ws.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(ws.getRow(2).getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(ws.getRow(2).getCell(3).value).toBe('Registro de establecimiento');
    expect(ws.getRow(3).getCell(3).value).toBe('Edición de establecimiento');
    const logged = await app.ok('audit.personalDataExports', {});
    expect(logged).toMatchObject({
      total: 1,
      rows: [{ userId: 'admin-local', reason, rows: 2, what: 'Registro de auditoría (2 cambios)', channel: 'audit.export' }],
    });
    expect(logged.rows[0]!.fileName).toMatch(/^auditoria-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('no channel can change or delete the logs', async () => {
    await app.ok('establishments.create', validEstablishment());
    await app.ok('audit.export', { filter: {}, format: 'csv', reason });
    for (const table of ['audit_log', 'personal_data_exports']) {
      await expect(app.db(table).update({ user_name: 'otro' })).rejects.toThrow(/append-only/);
      await expect(app.db(table).delete()).rejects.toThrow(/append-only/);
    }
  });

  it('describes every operation that writes or acts, in Spanish and in English', () => {
    const es = translator('es-PE');
    const en = translator('en');
    const channels = Object.entries(contract)
      .filter(([, def]) => def.kind !== 'query')
      .map(([name]) => name);
    expect(channels.length).toBeGreaterThan(100);
    for (const ch of channels) {
      const spanish = auditChannelLabel(es, ch);
      const english = auditChannelLabel(en, ch);
      expect(spanish, `${ch} (es-PE)`).not.toBe(ch);
      expect(english, `${ch} (en)`).not.toBe(ch);
      expect(spanish, ch).not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
    expect(auditChannelLabel(es, 'demo.load')).toBe('Carga de datos de demostración');
    expect(auditChannelLabel(es, 'auth.setupAdmin')).toBe('Creación de la cuenta del administrador');
    expect(auditChannelLabel(en, 'auth.setupAdmin')).toBe('Administrator account created');
    // Names older than their description are shown as recorded, never hidden.
    expect(auditChannelLabel(es, 'x.y')).toBe('x.y');
    // The record types and actions the services write, compound ones included.
    expect(auditEntityLabel(es, 'artwork')).toBe('Obra');
    expect(auditActionLabel(es, 'movement:alta')).toBe('Movimiento: Alta');
    expect(auditActionLabel(es, 'photo:add')).toBe('Foto agregada');
    expect(auditActionLabel(es, 'custody:egreso')).toBe('Cambio de custodia: Egreso (libertad)');
    expect(auditActionLabel(en, 'photo:remove')).toBe('Photo removed');
    expect(auditActionLabel(es, 'reactivate')).toBe('Reactivación');
  });

  it('tells a change field by field', () => {
    expect(describeChange('{"a":1,"b":"x"}', '{"a":2,"b":"x","c":true}')).toBe('a: 1 → 2\nc: — → true');
    expect(describeChange(null, '"es-PE"')).toBe('— → es-PE');
    expect(describeChange(null, null)).toBe('');
  });
});

describe('exports with personal data (the helper other modules call)', () => {
  const ctxOf = (): HandlerContext => ({
    db: app.db,
    reports: app.db,
    session: app.session,
    channel: 'participants.export' as never,
    now: new Date().toISOString(),
    t: translator('es-PE'),
    platform: app.platform,
    attachments: app.attachments,
    audit: async () => undefined,
    jobs: app.jobs,
    read: () => Promise.reject(new Error('not used here')),
  });
  const exportNames = () =>
    exportTableWithReason(ctxOf(), {
      reason,
      what: 'Participantes del E.P. de Prueba',
      baseName: 'participantes',
      sheetName: 'Participantes',
      format: 'xlsx',
      columns: [{ header: 'Nombre', width: 30, value: (r: { name: string }) => r.name }],
      rows: [{ name: 'Juan Pérez' }, { name: 'Luis Rojas' }],
    });

  it('refuses a role without the personalData permission and writes nothing', async () => {
    for (const role of ['inventario', 'contratos', 'exposiciones', 'consulta'] as const) {
      await app.signInAs(role);
      expect(canSeePersonalData(app.session)).toBe(false);
      const before = await snapshot(app.db);
      await expect(exportNames()).rejects.toMatchObject({ code: 'forbidden', key: 'privacy.errors.noPersonalData' });
      expect(await snapshot(app.db)).toBe(before);
    }
  });

  it('for programas: the file, and who, when, what and why in the log; nothing logged when the save is cancelled', async () => {
    await app.signInAs('programas');
    expect(canSeePersonalData(app.session)).toBe(true);
    app.nextSave.cancel = true;
    expect(await exportNames()).toEqual({ status: 'cancelled' });
    expect(await app.db('personal_data_exports').count({ n: '*' })).toEqual([{ n: 0 }]);
    app.nextSave.cancel = false;
    expect(await exportNames()).toMatchObject({ status: 'saved', rows: 2 });
    expect(await app.db('personal_data_exports').first()).toMatchObject({
      user_id: 'programas',
      user_name: 'Usuario programas',
      channel: 'participants.export',
      what: 'Participantes del E.P. de Prueba',
      reason,
      rows: 2,
    });
  });
});
