import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { yearFigures, yearFiguresFromRecords } from '../../../electron/main/contracts/repository/budget';
import { refusedUnchanged } from '../../helpers/refused';
import { appWithDemoEstablishments, newViolin, testApp, type TestApp } from '../../helpers/services';

/**
 * Art materials (issue 15, item 6): consumables of the art workshops with a category, entries
 * bought at a unit cost, and what INPE's budget bought for the art workshops (equipment and
 * materials) executed on the materiales line — not on instrumentos.
 */

let app: TestApp;
let E: number;
const Y = 2026;

beforeEach(async () => {
  app = await appWithDemoEstablishments();
  E = ((await app.db('establishments').where({ name: 'E.P. de Mujeres de Chorrillos' }).first('id')) as { id: number }).id;
});
afterEach(() => app.close());

const clay = () => app.ok('consumables.createItem', { name: 'Arcilla de prueba', unit: 'kg', category: 'arte' });
const line = async (year: number, name: string) => (await app.ok('budget.summary', { year })).lines.find((l) => l.line === name)!;

describe('art materials among the consumables', () => {
  it('an item is created with its category, and the stock is filtered by category', async () => {
    const item = await clay();
    expect(item).toMatchObject({ name: 'Arcilla de prueba', unit: 'kg', category: 'arte', active: true });
    expect((await app.ok('consumables.items', {})).find((i) => i.id === item.id)).toMatchObject({ category: 'arte' });
    // The strings of the music workshops and the seeded glaze are there too.
    const strings = (await app.ok('consumables.items', {})).find((i) => i.name === 'Juego de cuerdas de violín')!;
    expect(strings.category).toBe('musica');
    const glaze = (await app.ok('consumables.items', {})).find((i) => i.name === 'Esmalte cerámico')!;
    expect(glaze.category).toBe('arte');

    await app.ok('consumables.move', { itemId: item.id, establishmentId: E, kind: 'ingreso', quantity: 40, date: '2026-04-01' });
    await app.ok('consumables.move', { itemId: strings.id, establishmentId: E, kind: 'ingreso', quantity: 6, date: '2026-04-01' });

    const art = await app.ok('consumables.stock', { category: 'arte' });
    expect(art.map((r) => [r.itemName, r.category, r.stock])).toEqual([['Arcilla de prueba', 'arte', 40]]);
    const music = await app.ok('consumables.stock', { category: 'musica' });
    expect(music.map((r) => [r.itemName, r.category, r.stock])).toEqual([['Juego de cuerdas de violín', 'musica', 6]]);
    expect((await app.ok('consumables.stock', {})).map((r) => r.itemName)).toEqual(['Arcilla de prueba', 'Juego de cuerdas de violín']);
  });

  it('an item without a category, or with one not on the list, is refused in Spanish next to the field', async () => {
    const missing = await refusedUnchanged(app, () =>
      app.call('consumables.createItem', { name: 'Arcilla roja fina', unit: 'kg' } as never),
    );
    expect(missing).toMatchObject({ code: 'validation', fields: { category: 'Este campo es obligatorio.' } });
    const unknown = await refusedUnchanged(app, () =>
      app.call('consumables.createItem', { name: 'Arcilla roja fina', unit: 'kg', category: 'escultura' } as never),
    );
    expect(unknown).toMatchObject({ code: 'validation', fields: { category: 'Elija una de las opciones.' } });
  });

  it('an entry bought at a unit cost keeps it, and the audit says it; a delivery with a unit cost is refused and nothing changes', async () => {
    const item = await clay();
    const after = await app.ok('consumables.move', {
      itemId: item.id,
      establishmentId: E,
      kind: 'ingreso',
      quantity: 40,
      date: '2026-04-01',
      unitCostCentimos: 1250,
    });
    expect(after).toMatchObject({ stock: 40, category: 'arte' });
    expect(await app.db('consumable_movements').where({ item_id: item.id }).select('kind', 'quantity', 'unit_cost_centimos')).toEqual([
      { kind: 'ingreso', quantity: 40, unit_cost_centimos: 1250 },
    ]);
    const logged = (await app.db('audit_log').where({ entity: 'consumableMovement' }).orderBy('id', 'desc').first()) as {
      after_json: string;
    };
    expect(JSON.parse(logged.after_json)).toMatchObject({ stock: 40, unitCostCentimos: 1250 });

    const delivery: ChannelInput<'consumables.move'> = {
      itemId: item.id,
      establishmentId: E,
      kind: 'entrega',
      quantity: 5,
      date: '2026-04-02',
      recipient: 'Taller de cerámica',
    };
    const error = await refusedUnchanged(app, () => app.call('consumables.move', { ...delivery, unitCostCentimos: 1250 }));
    expect(error).toMatchObject({
      code: 'validation',
      fields: { unitCostCentimos: 'Solo una entrada lleva costo unitario: una entrega sale de las existencias ya compradas.' },
    });
    // Without a unit cost the same delivery goes through.
    expect(await app.ok('consumables.move', delivery)).toMatchObject({ stock: 35 });
  });
});

describe('what the art workshops bought, on the budget', () => {
  it('consumables bought and art equipment count on materiales in their year; music instruments on instrumentos', async () => {
    const item = await clay();
    const glaze = (await app.ok('consumables.items', {})).find((i) => i.name === 'Esmalte cerámico')!;
    // 40 kg at S/ 12.50 this year; 3 kg of glaze at S/ 45.00 the year before; a donated entry (no cost); a delivery.
    for (const [itemId, quantity, date, unitCostCentimos] of [
      [item.id, 40, `${Y}-04-01`, 1250],
      [glaze.id, 3, `${Y - 1}-12-30`, 4500],
      [glaze.id, 10, `${Y}-05-01`, null],
    ] as const) {
      await app.ok('consumables.move', { itemId, establishmentId: E, kind: 'ingreso', quantity, date, unitCostCentimos });
    }
    await app.ok('consumables.move', { itemId: item.id, establishmentId: E, kind: 'entrega', quantity: 10, date: `${Y}-04-10` });

    // A kiln bought with INPE's budget this year, one donated; a violin bought with INPE's budget.
    const kiln = (await app.ok('instrumentTypes.list', {})).find((t) => t.family === 'equipo_ceramica')!;
    await app.ok(
      'instruments.create',
      newViolin('HOR-001', E, { typeId: kiln.id, costCentimos: 2_400_000, acquisitionDate: `${Y}-03-15` }),
    );
    await app.ok(
      'instruments.create',
      newViolin('HOR-002', E, { typeId: kiln.id, costCentimos: 1_800_000, acquisitionDate: `${Y}-03-15`, funding: 'donacion' }),
    );
    await app.ok('instruments.create', newViolin('VIO-001', E, { costCentimos: 85_000, acquisitionDate: `${Y}-02-01` }));

    // S/ 500.00 of clay + S/ 24,000.00 of kiln on materiales; the violin alone on instrumentos.
    expect(await line(Y, 'materiales')).toMatchObject({
      executedCentimos: 2_450_000,
      executedMaterialsCentimos: 2_450_000,
      executedInstrumentsCentimos: 0,
      executedPaymentsCentimos: 0,
    });
    expect(await line(Y, 'instrumentos')).toMatchObject({
      executedCentimos: 85_000,
      executedInstrumentsCentimos: 85_000,
      executedMaterialsCentimos: 0,
    });
    const s = await app.ok('budget.summary', { year: Y });
    expect(s.total).toMatchObject({
      executedCentimos: 2_535_000,
      executedMaterialsCentimos: 2_450_000,
      executedInstrumentsCentimos: 85_000,
    });
    // The glaze bought in December counts the year before, and only there.
    expect(await line(Y - 1, 'materiales')).toMatchObject({ executedMaterialsCentimos: 13_500, executedCentimos: 13_500 });
    expect(await line(Y + 1, 'materiales')).toMatchObject({ executedMaterialsCentimos: 0, executedCentimos: 0 });

    for (const year of [Y - 1, Y, Y + 1]) expect(await yearFigures(app.db, year)).toEqual(await yearFiguresFromRecords(app.db, year));

    // The report says how much of the executed went to art equipment and consumables, in PDF and Excel.
    const split =
      'Del ejecutado: S/ 0.00 en pagos a docentes y proveedores de servicios, S/ 850.00 en instrumentos y S/ 24,500.00 en equipos de arte y consumibles.';
    const pdf = await app.ok('budget.export', { year: Y, format: 'pdf' });
    if (pdf.status !== 'saved') throw new Error('cancelled');
    expect(execFileSync('pdftotext', [pdf.path, '-']).toString('utf8').replace(/\s+/g, ' ')).toContain(split);
    const xlsx = await app.ok('budget.export', { year: Y, format: 'xlsx' });
    if (xlsx.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((r) => texts.push(String(r.getCell(1).value).replace(/\s+/g, ' ')));
    expect(texts).toContain(split);
  });

  it('a large purchase is summed exactly (no integer overflow on PostgreSQL)', async () => {
    const item = await clay();
    await app.ok('consumables.move', {
      itemId: item.id,
      establishmentId: E,
      kind: 'ingreso',
      quantity: 1_000_000,
      date: `${Y}-06-01`,
      unitCostCentimos: 10_000_000,
    });
    expect(await line(Y, 'materiales')).toMatchObject({ executedMaterialsCentimos: 10_000_000_000_000 });
  });
});

describe('the demonstration data', () => {
  it('gives the ceramics and plastic-arts workshops their materials, bought this year on materiales', async () => {
    const fresh = await testApp();
    try {
      await fresh.ok('demo.load', {});
      const year = Number(new Date().toISOString().slice(0, 4));
      const art = await fresh.ok('consumables.stock', { category: 'arte' });
      expect(art.length).toBeGreaterThan(0);
      // Only where a ceramics or plastic-arts workshop runs.
      const places = new Set(
        (await fresh.db('workshops').whereIn('programme', ['ceramica', 'artes_plasticas']).pluck('establishment_id')).map(Number),
      );
      expect(art.every((r) => places.has(r.establishmentId))).toBe(true);
      expect(new Set(art.map((r) => r.establishmentId))).toEqual(places);
      expect(art.some((r) => r.itemName === 'Arcilla de alta temperatura (gres)' && r.stock > 0)).toBe(true);
      expect(art.some((r) => r.itemName === 'Pintura acrílica' && r.stock > 0)).toBe(true);
      // What they bought this year is executed on materiales, within its budget.
      const bought = (await fresh
        .db('consumable_movements')
        .whereNotNull('unit_cost_centimos')
        .select('quantity', 'unit_cost_centimos', 'date')) as Array<{
        quantity: number;
        unit_cost_centimos: number;
        date: string;
      }>;
      const thisYear = bought.filter((m) => m.date.startsWith(String(year))).reduce((a, m) => a + m.quantity * m.unit_cost_centimos, 0);
      expect(thisYear).toBeGreaterThan(0);
      const materiales = (await fresh.ok('budget.summary', { year })).lines.find((l) => l.line === 'materiales')!;
      expect(materiales.executedMaterialsCentimos).toBeGreaterThanOrEqual(thisYear);
      expect(materiales.alert).toBe(false);
      expect(await yearFigures(fresh.db, year)).toEqual(await yearFiguresFromRecords(fresh.db, year));
    } finally {
      await fresh.close();
    }
  });
});
