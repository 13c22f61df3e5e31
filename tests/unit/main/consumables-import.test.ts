import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportReport, type ImportMapping } from '../../../shared/import/schemas';
import { appWithDemoEstablishments, snapshot, type TestApp } from '../../helpers/services';
import { importJob, titledSheet, type ImportJobName } from '../../helpers/import';

let app: TestApp;
beforeEach(async () => {
  app = await appWithDemoEstablishments();
});
afterEach(() => app.close());

const HEADERS = ['Artículo', 'Unidad', 'Categoría', 'Establecimiento', 'Cantidad', 'Costo unitario S/', 'Fecha de ingreso', 'Stock mínimo'];

const xlsx = (rows: unknown[][]) => titledSheet('Almacén', ['INPE — Consumibles de los talleres', 'Existencias al 30/11/2026'], rows, 'H1');

const job = (name: ImportJobName, uploadId: string, mapping: ImportMapping, mode: 'create' | 'upsert' = 'create') =>
  importJob(app, name, uploadId, mapping, { mode });

describe('importing consumables and their stock from a messy spreadsheet', () => {
  it('reports exactly the planted errors by row, writes nothing, then records the stock as entries of the ledger', async () => {
    const strings = await app.ok('consumables.createItem', { name: 'Cuerdas de violín', unit: 'juego', category: 'musica' });
    const est = await app.ok('establishments.list', { pageSize: 100 });
    const id = (name: string) => est.rows.find((e) => e.name === name)!.id;

    const messy = await xlsx([
      HEADERS, // row 3
      ['Arcilla blanca', 'kg', 'Materiales de arte', 'E.P. Huancayo', 50, 'S/ 2,480.50', '05/03/2026', 10], // 4
      ['Arcilla blanca', 'kg', 'Arte', 'EP HUANCAYO', 20, '', '', ''], // 5: the same article at the same place
      [], // 6: blank
      ['Esmalte azul', 'frasco', 'arte', 'Lurigancho', 12, '2.480,50', new Date(Date.UTC(2026, 1, 4)), ''], // 7
      ['Cuerdas de violín', 'unidad', 'Música', 'E.P. de Lurigancho', 10, '', '', ''], // 8: unit differs
      ['Témpera escolar', 'tubo', 'arte', 'Callao', 2.5, '', '', ''], // 9: a fraction
      ['Pincel plano', 'unidad', 'arte', 'Callao', 30, 'mucho', '31/02/2026', ''], // 10: bad cost and date
      ['Tela de yute', '', 'pintura', 'Callao', 4, '', '', ''], // 11: no unit, unknown category
      ['Papel', 'pliego', 'arte', 'E.P. de Marte', 100, '', '', ''], // 12: unknown establishment
      ['TOTAL', '', '', '', 228, '', '', ''], // 13
    ]);
    const up = await app.ok('import.inspect', { target: 'consumables', fileName: 'existencias.xlsx', dataBase64: messy });
    expect(up.headerRow).toBe(3);
    expect(up.suggestedMapping).toMatchObject({
      item: 'Artículo',
      unit: 'Unidad',
      category: 'Categoría',
      establishment: 'Establecimiento',
      quantity: 'Cantidad',
      unitCost: 'Costo unitario S/',
      date: 'Fecha de ingreso',
      minimum: 'Stock mínimo',
    });
    const mapping = up.suggestedMapping as Record<string, string | null>;

    const before = await snapshot(app.db);
    const dry = ImportReport.parse((await job('import.dryRun', up.uploadId, mapping)).result);
    // The totals row is flagged, not imported; the blank row 6 is no row of data (the rows after it keep their numbers).
    expect(dry.skipped.map((s) => s.row)).toContain(13);
    expect(dry.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [4, 'item', '«Arcilla blanca» se repite en las filas 4 y 5 del archivo.'],
      [5, 'item', '«Arcilla blanca» se repite en las filas 4 y 5 del archivo.'],
      [8, 'item', expect.stringContaining('«Cuerdas de violín» ya está registrado')],
      [8, 'unit', 'El artículo «Cuerdas de violín» se cuenta en «juego»: escriba la cantidad en esa unidad (o corrija el nombre).'],
      [9, 'quantity', 'Escriba una cantidad entera, sin decimales.'],
      [10, 'unitCost', 'Escriba un monto válido en soles, con hasta dos decimales.'],
      [10, 'date', 'Escriba una fecha válida (dd/mm/aaaa).'],
      [11, 'unit', expect.stringContaining('obligatorio')],
      [11, 'category', expect.stringContaining('Valor no reconocido')],
    ]);
    expect(dry.unknownValues.map((u) => [u.field, u.value, u.rows])).toEqual([['establishment', 'E.P. de Marte', [12]]]);
    expect(dry).toMatchObject({ total: 8, valid: 1, invalid: 7 });
    expect(await snapshot(app.db)).toBe(before);
    expect((await job('import.run', up.uploadId, mapping)).state).toBe('failed');
    expect(await snapshot(app.db)).toBe(before);

    // The sheet corrected: the same article at two establishments, both amount and date styles.
    const good = await xlsx([
      HEADERS,
      ['Arcilla blanca', 'kg', 'Materiales de arte', 'E.P. Huancayo', 50, 'S/ 2,480.50', '05/03/2026', 10],
      ['Arcilla blanca', 'KG', 'Arte', 'Lurigancho', 20, '', '', ''],
      [],
      ['Esmalte azul', 'frasco', 'arte', 'EP LURIGANCHO', 12, '2.480,50', new Date(Date.UTC(2026, 1, 4)), ''],
      ['Cuerdas de violín', 'juego', '', 'E.P. de Lurigancho', 10, 35, '01/12/2026', 4],
      ['TOTAL', '', '', '', 92, '', '', ''],
    ]);
    const up2 = await app.ok('import.inspect', { target: 'consumables', fileName: 'existencias.xlsx', dataBase64: good });
    const dry2 = ImportReport.parse((await job('import.dryRun', up2.uploadId, mapping, 'upsert')).result);
    expect(dry2).toMatchObject({ valid: 4, invalid: 0, toCreate: 3, toUpdate: 1, errors: [] });
    const done = await job('import.run', up2.uploadId, mapping, 'upsert');
    expect(done).toMatchObject({ state: 'done', result: { created: 3, updated: 1 } });

    const stock = await app.ok('consumables.stock', {});
    expect(stock.map((s) => [s.itemName, s.unit, s.category, s.establishmentName, s.stock, s.minimum])).toEqual(
      expect.arrayContaining([
        ['Arcilla blanca', 'kg', 'arte', 'E.P. de Huancayo', 50, 10],
        ['Arcilla blanca', 'kg', 'arte', 'E.P. de Lurigancho', 20, null],
        ['Esmalte azul', 'frasco', 'arte', 'E.P. de Lurigancho', 12, null],
        ['Cuerdas de violín', 'juego', 'musica', 'E.P. de Lurigancho', 10, 4],
      ]),
    );
    expect(stock).toHaveLength(4);
    // One article created once, though it came on two rows.
    const names = (await app.ok('consumables.items', {})).map((i) => i.name);
    expect(names.filter((n) => n === 'Arcilla blanca')).toHaveLength(1);
    expect(names).toEqual(expect.arrayContaining(['Arcilla blanca', 'Cuerdas de violín', 'Esmalte azul']));
    // The stock is entries of the ledger, with their dates and exact unit costs in céntimos.
    const moves = (await app.db('consumable_movements').orderBy('id')) as Array<Record<string, unknown>>;
    expect(moves.map((m) => [m.item_id === strings.id, m.establishment_id, m.kind, m.quantity, m.date, m.unit_cost_centimos])).toEqual([
      [false, id('E.P. de Huancayo'), 'ingreso', 50, '2026-03-05', 248050],
      [false, id('E.P. de Lurigancho'), 'ingreso', 20, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), null],
      [false, id('E.P. de Lurigancho'), 'ingreso', 12, '2026-02-04', 248050],
      [true, id('E.P. de Lurigancho'), 'ingreso', 10, '2026-12-01', 3500],
    ]);

    // Again: the ledger is appended to, never rewritten.
    const up3 = await app.ok('import.inspect', { target: 'consumables', fileName: 'existencias.xlsx', dataBase64: good });
    expect(await job('import.run', up3.uploadId, mapping, 'upsert')).toMatchObject({ state: 'done', result: { created: 0, updated: 4 } });
    const after = await app.ok('consumables.stock', { establishmentId: id('E.P. de Huancayo') });
    expect(after.map((s) => [s.itemName, s.stock])).toEqual([['Arcilla blanca', 100]]);
  });
});
