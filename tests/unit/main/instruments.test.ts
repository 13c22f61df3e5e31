import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDataset, loadEstablishments } from '../../../electron/main/demo/generate';
import { LOCAL_ADMIN } from '../../../electron/main/ipc/context';
import { handOver, newTeacherAt, newViolin, snapshot, testApp, type TestApp } from '../../helpers/services';

let app: TestApp;
let est: Record<string, number>;

beforeEach(async () => {
  app = await testApp();
  // The demonstration establishments, without the demonstration inventory.
  await app.db.transaction(async (trx) => loadEstablishments(trx, await buildDataset(trx, 'demo'), LOCAL_ADMIN, new Date().toISOString()));
  const rows = (await app.db('establishments').select('id', 'name')) as Array<{ id: number; name: string }>;
  est = Object.fromEntries(rows.map((r) => [r.name, r.id]));
});
afterEach(() => app.close());

const violin = async (code: string, establishment: string | null = 'E.P. de Lurigancho') =>
  app.ok('instruments.create', newViolin(code, establishment ? est[establishment]! : null));

describe('the movements ledger', () => {
  it('a transfer goes out in two steps, and the history tells it', async () => {
    const v = await violin('VIO-001');
    expect(v).toMatchObject({ status: 'asignado', establishmentName: 'E.P. de Lurigancho', condition: 'nuevo' });

    await app.ok('instruments.move', {
      instrumentIds: [v.id],
      movement: {
        kind: 'despacho',
        toEstablishmentId: est['E.P. de Arequipa']!,
        documentNumber: 'ACTA-17',
        person: 'Luis Quispe',
        date: '2026-03-01',
      },
    });
    expect(await app.ok('instruments.get', { id: v.id })).toMatchObject({
      status: 'en_transito',
      establishmentName: 'E.P. de Lurigancho',
      transitToEstablishmentName: 'E.P. de Arequipa',
    });

    await app.ok('instruments.move', {
      instrumentIds: [v.id],
      movement: { kind: 'recepcion', person: 'Rosa Mamani', condition: 'regular', date: '2026-03-04' },
    });
    const after = await app.ok('instruments.get', { id: v.id });
    expect(after).toMatchObject({
      status: 'asignado',
      establishmentName: 'E.P. de Arequipa',
      condition: 'regular',
      transitToEstablishmentName: null,
    });

    const h = await app.ok('instruments.history', { id: v.id });
    expect(h.map((m) => [m.seq, m.kind, m.statusAfter, m.establishmentAfterName])).toEqual([
      [4, 'recepcion', 'asignado', 'E.P. de Arequipa'],
      [3, 'despacho', 'en_transito', 'E.P. de Lurigancho'],
      [2, 'asignacion', 'asignado', 'E.P. de Lurigancho'],
      [1, 'alta', 'en_almacen', null],
    ]);
    expect(h[1]).toMatchObject({ documentNumber: 'ACTA-17', person: 'Luis Quispe', toEstablishmentName: 'E.P. de Arequipa' });
    expect(h[0]).toMatchObject({
      person: 'Rosa Mamani',
      fromEstablishmentName: 'E.P. de Lurigancho',
      toEstablishmentName: 'E.P. de Arequipa',
    });
  });

  it('refuses what the state does not allow, in Spanish, and writes nothing', async () => {
    const v = await violin('VIO-002');
    const before = await snapshot(app.db);
    const r = await app.call('instruments.move', {
      instrumentIds: [v.id],
      movement: { kind: 'recepcion', person: 'Rosa', condition: 'bueno', date: '2026-03-04' },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'El instrumento VIO-002 no está en tránsito: no se puede recibir lo que no fue despachado.' },
    });
    expect(await snapshot(app.db)).toBe(before);

    await app.ok('instruments.move', {
      instrumentIds: [v.id],
      movement: { kind: 'baja', documentNumber: 'RD-45-2026', description: 'Rajadura en la tapa', date: '2026-04-01' },
    });
    const again = await app.call('instruments.move', {
      instrumentIds: [v.id],
      movement: { kind: 'despacho', toEstablishmentId: est['E.P. del Callao']!, documentNumber: 'A-2', person: 'Luis', date: '2026-04-02' },
    });
    expect(again).toMatchObject({ ok: false, error: { message: 'El instrumento VIO-002 está de baja: no admite más movimientos.' } });
  });

  it('a bulk dispatch is all or nothing, and names each refusal', async () => {
    const ids: number[] = [];
    for (let n = 1; n <= 20; n++) ids.push((await violin(`VIO-B${String(n).padStart(2, '0')}`)).id);
    const held = ids[7]!;
    const carmen = await newTeacherAt(app, est['E.P. de Lurigancho']!, 'carmen');
    await app.ok('instruments.move', { instrumentIds: [held], movement: handOver('docente', carmen.id, '2026-03-01') });

    const before = await snapshot(app.db);
    const dispatch = {
      kind: 'despacho' as const,
      toEstablishmentId: est['E.P. del Callao']!,
      documentNumber: 'ACTA-20',
      person: 'Luis',
      date: '2026-03-05',
    };
    const refused = await app.call('instruments.move', { instrumentIds: ids, movement: dispatch });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        message: 'No se registró ningún movimiento: 1 instrumento no lo admite.',
        fields: { 'VIO-B08': 'El instrumento VIO-B08 está en poder de Carmen Rojas Salas: registre primero su devolución.' },
      },
    });
    expect(await snapshot(app.db)).toBe(before);

    await app.ok('instruments.move', { instrumentIds: [held], movement: { kind: 'devolucion', date: '2026-03-04' } });
    const done = await app.ok('instruments.move', { instrumentIds: ids, movement: dispatch });
    expect(done.count).toBe(20);
    const moved = await app.ok('instruments.list', { status: 'en_transito', pageSize: 100 });
    expect(moved.total).toBe(20);
    const batch = (await app.db('instrument_movements').where({ kind: 'despacho' }).distinct('batch_id')) as unknown[];
    expect(batch).toHaveLength(1);
    expect(await app.db('audit_log').where({ action: 'movement:despacho' }).count({ n: '*' })).toEqual([{ n: 20 }]);
  });

  it('the ledger cannot be rewritten', async () => {
    await violin('VIO-003');
    await expect(app.db('instrument_movements').update({ kind: 'baja' })).rejects.toThrow(/append-only/);
    await expect(app.db('instrument_movements').delete()).rejects.toThrow(/append-only/);
  });

  it('lists filter by location, including the central warehouse, with a total count', async () => {
    await violin('VIO-004');
    await violin('VIO-005', null);
    await violin('VIO-006', 'E.P. del Callao');
    expect((await app.ok('instruments.list', { establishmentId: 'central' })).rows.map((r) => r.code)).toEqual(['VIO-005']);
    expect((await app.ok('instruments.list', { establishmentId: est['E.P. del Callao']! })).rows.map((r) => r.code)).toEqual(['VIO-006']);
    expect((await app.ok('instruments.list', { search: 'vio-00', sort: 'code', direction: 'desc' })).rows.map((r) => r.code)).toEqual([
      'VIO-006',
      'VIO-005',
      'VIO-004',
    ]);
  });
});

describe('physical stocktake', () => {
  it('lists found, missing, elsewhere and unknown; closing records the differences as movements', async () => {
    const L = est['E.P. de Lurigancho']!;
    await violin('VIO-101');
    await violin('VIO-102');
    await violin('VIO-103');
    await violin('VIO-201', 'E.P. del Callao');
    const s = await app.ok('stocktakes.open', { establishmentId: L });
    expect(await app.call('stocktakes.open', { establishmentId: L })).toMatchObject({
      ok: false,
      error: { message: 'Ya hay un inventario abierto para E.P. de Lurigancho: continúe ese.' },
    });

    expect(await app.ok('stocktakes.count', { id: s.id, code: 'vio-101' })).toMatchObject({ result: 'found' });
    expect(await app.ok('stocktakes.count', { id: s.id, code: 'VIO-102', condition: 'malo' })).toMatchObject({ result: 'found' });
    expect(await app.ok('stocktakes.count', { id: s.id, code: 'VIO-201' })).toMatchObject({ result: 'elsewhere' });
    expect(await app.ok('stocktakes.count', { id: s.id, code: 'ZZZ-999' })).toMatchObject({ result: 'unknown' });
    expect(await app.ok('stocktakes.count', { id: s.id, code: 'VIO-101' })).toMatchObject({ result: 'repeated' });

    const d = await app.ok('stocktakes.get', { id: s.id });
    expect(d.expected).toBe(3);
    expect(d.found.map((l) => l.code)).toEqual(['VIO-101', 'VIO-102']);
    expect(d.missing.map((l) => l.code)).toEqual(['VIO-103']);
    expect(d.elsewhere.map((l) => [l.code, l.registeredEstablishmentName])).toEqual([['VIO-201', 'E.P. del Callao']]);
    expect(d.unknown.map((l) => l.code)).toEqual(['ZZZ-999']);
    expect(d.planned).toEqual([
      { code: 'VIO-102', kind: 'cambio_estado', observationOnly: false },
      { code: 'VIO-201', kind: 'regularizacion', observationOnly: false },
      { code: 'VIO-103', kind: 'extravio', observationOnly: false },
    ]);

    const closed = await app.ok('stocktakes.close', { id: s.id, actaNumber: 'AIF-003-2026', date: '2026-11-20', confirm: true });
    expect(closed).toMatchObject({ movements: 3, stocktake: { status: 'cerrado', actaNumber: 'AIF-003-2026' } });
    const get = (code: string) => app.ok('instruments.list', { search: code }).then((p) => p.rows[0]!);
    expect(await get('VIO-103')).toMatchObject({ status: 'extraviado' });
    expect(await get('VIO-201')).toMatchObject({ status: 'asignado', establishmentName: 'E.P. de Lurigancho' });
    expect(await get('VIO-102')).toMatchObject({ condition: 'malo' });
    const lost = (await app.ok('instruments.history', { id: (await get('VIO-103')).id }))[0]!;
    expect(lost).toMatchObject({
      kind: 'extravio',
      documentNumber: 'AIF-003-2026',
      description: 'No hallado en el inventario físico, acta AIF-003-2026',
    });

    expect(await app.call('stocktakes.count', { id: s.id, code: 'VIO-101' })).toMatchObject({
      ok: false,
      error: { message: 'Este inventario ya está cerrado.' },
    });
  });

  it('an open count survives closing the app (it lives in the database)', async () => {
    await violin('VIO-301');
    const s = await app.ok('stocktakes.open', { establishmentId: est['E.P. de Lurigancho']! });
    await app.ok('stocktakes.count', { id: s.id, code: 'VIO-301' });
    // A new session over the same file, as after restarting the app.
    const { createServices } = await import('../../../electron/main/compose');
    const reopened = await createServices(app.db, app.platform);
    // The restarted app starts signed out: the same administrator signs in again.
    const { signInAs } = await import('../../../electron/main/auth/seed');
    await signInAs(app.db, reopened.session, 'admin-local');
    const r = await reopened.dispatch('stocktakes.get', { id: s.id });
    expect(r).toMatchObject({ ok: true, data: { stocktake: { status: 'abierto', counted: 1 }, found: [{ code: 'VIO-301' }] } });
  });
});

describe('consumables', () => {
  it('stock is the sum of entries and deliveries; a delivery beyond stock is refused; low stock is flagged', async () => {
    const E = est['E.P. de Lurigancho']!;
    await app.ok('consumables.move', { itemId: 1, establishmentId: E, kind: 'ingreso', quantity: 10, date: '2026-05-01' });
    await app.ok('consumables.setMinimum', { itemId: 1, establishmentId: E, minimum: 6 });
    const after = await app.ok('consumables.move', {
      itemId: 1,
      establishmentId: E,
      kind: 'entrega',
      quantity: 5,
      date: '2026-05-03',
      recipient: 'Taller de cuerdas',
    });
    expect(after).toMatchObject({ stock: 5, minimum: 6, low: true });
    const before = await snapshot(app.db);
    expect(
      await app.call('consumables.move', { itemId: 1, establishmentId: E, kind: 'entrega', quantity: 6, date: '2026-05-04' }),
    ).toMatchObject({
      ok: false,
      error: { fields: { quantity: 'Solo hay 5 juegos de «Juego de cuerdas de violín» en E.P. de Lurigancho: no se puede entregar 6.' } },
    });
    expect(await snapshot(app.db)).toBe(before);
    expect((await app.ok('inventory.summary', {})).lowStock).toEqual([
      { itemName: 'Juego de cuerdas de violín', establishmentName: 'E.P. de Lurigancho', stock: 5, minimum: 6, unit: 'juego' },
    ]);
  });
});

describe('the inventory summary', () => {
  it('counts instruments per establishment by condition and their value', async () => {
    await violin('VIO-401');
    await violin('VIO-402');
    await violin('VIO-403', null);
    const s = await app.ok('inventory.summary', {});
    expect(s.totalInstruments).toBe(3);
    expect(s.totalValueCentimos).toBe(3 * 85000);
    expect(s.byEstablishment).toEqual([
      {
        establishmentId: est['E.P. de Lurigancho'],
        name: 'E.P. de Lurigancho',
        total: 2,
        valueCentimos: 170000,
        nuevo: 2,
        bueno: 0,
        regular: 0,
        malo: 0,
        inoperativo: 0,
      },
      { establishmentId: null, name: null, total: 1, valueCentimos: 85000, nuevo: 1, bueno: 0, regular: 0, malo: 0, inoperativo: 0 },
    ]);
  });
});

describe('photos', () => {
  it('a photo is stored once by content, its thumbnail shown; a file that is not an image is refused and writes nothing', async () => {
    const v = await violin('VIO-501');
    const bytes = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#964' } })
      .jpeg()
      .toBuffer();
    const photos = await app.ok('instruments.addPhoto', { id: v.id, fileName: 'violín frontal.jpg', dataBase64: bytes.toString('base64') });
    expect(photos).toMatchObject([{ originalName: 'violín frontal.jpg', isPrimary: true, width: 1200, height: 900 }]);
    expect(photos[0]!.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    await app.ok('instruments.addPhoto', { id: v.id, fileName: 'copia.jpg', dataBase64: bytes.toString('base64') });
    expect(await app.ok('instruments.photos', { id: v.id })).toHaveLength(1);

    const before = await snapshot(app.db);
    const r = await app.call('instruments.addPhoto', {
      id: v.id,
      fileName: 'acta.jpg',
      dataBase64: Buffer.from('Acta de entrega, no una foto').toString('base64'),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!r.ok) expect(r.error.message).toContain('acta.jpg');
    expect(await snapshot(app.db)).toBe(before);
  });
});

describe('the patrimonial code format', () => {
  it('is free text by default; once a mask is set, codes that do not follow it are refused next to the field', async () => {
    await violin('cualquier texto 1');
    await app.ok('inventory.setSettings', { codeMask: 'INPE-9999-999999' });
    const r = await app.call('instruments.create', {
      code: 'VIO-777',
      typeId: 1,
      costCentimos: 0,
      funding: 'donacion',
      condition: 'bueno',
      altaDate: '2026-01-01',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { fields: { code: 'El código VIO-777 no sigue el formato del inventario (INPE-9999-999999, por ejemplo INPE-1852-963074).' } },
    });
    await expect(violin('inpe-2026-000123')).resolves.toMatchObject({ code: 'INPE-2026-000123' });
  });
});
