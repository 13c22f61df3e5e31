import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { yearFigures, yearFiguresFromRecords } from '../../../electron/main/contracts/repository/budget';
import { budgetFinance } from '../../../electron/main/contracts/repository/for-programmes';
import { budget2026, expenseInput, modificationInput, rucs } from '../../helpers/expenses';
import { createExhibition } from '../../helpers/internarte';
import { refusedUnchanged } from '../../helpers/refused';
import { testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * Every expense of the budget and its modifications (issue 16, item 5): an expense is executed
 * on its line and in its month, a modification changes what a line is assigned, a transfer
 * moves an amount between lines; refusals change nothing and answer in Spanish.
 */

let app: TestApp;
let E: number;
const Y = 2026;

beforeEach(async () => {
  app = await testApp();
  E = (await app.ok('establishments.create', validEstablishment({ code: 'EP-GAS-01', name: 'E.P. Gastos' }))).id;
});
afterEach(() => app.close());

const line = async (name: string, year = Y) => (await app.ok('budget.summary', { year })).lines.find((l) => l.line === name)!;
const month = async (name: string, m: number, year = Y) =>
  (await app.ok('budget.summary', { year })).months.find((l) => l.line === name)!.months[m - 1];

describe('expenses', () => {
  it('an expense is executed on its line and in its month, and leaves the available amount', async () => {
    await budget2026(app);
    const e = await app.ok('budget.recordExpense', expenseInput({ date: '2026-05-12', amountCentimos: 125_050 }));
    expect(e).toMatchObject({
      line: 'materiales',
      supplierRuc: rucs.ceramica,
      amountCentimos: 125_050,
      voided: false,
      createdBy: expect.any(String),
    });
    expect(await line('materiales')).toMatchObject({
      budgetCentimos: 1_800_000,
      executedExpensesCentimos: 125_050,
      executedCentimos: 125_050,
      availableCentimos: 1_800_000 - 125_050,
    });
    expect(await month('materiales', 5)).toBe(125_050);
    expect(await month('materiales', 6)).toBe(0);
    expect(await line('eventos')).toMatchObject({ executedCentimos: 0 });
    // Another year does not see it.
    expect(await line('materiales', Y + 1)).toMatchObject({ executedCentimos: 0 });
    for (const year of [Y, Y + 1]) expect(await yearFigures(app.db, year)).toEqual(await yearFiguresFromRecords(app.db, year));
    // The list of the year, filtered by line.
    expect(await app.ok('budget.expenses', { year: Y, line: 'materiales' })).toHaveLength(1);
    expect(await app.ok('budget.expenses', { year: Y, line: 'eventos' })).toHaveLength(0);
    expect(await app.ok('budget.expenses', { year: Y + 1 })).toHaveLength(0);
  });

  it('is linked to an event, a workshop or an exhibition chosen by id, and a missing one is refused', async () => {
    const event = await app.ok('events.create', {
      type: 'festival',
      title: 'Festival de arte penitenciario',
      date: '2026-08-20',
      venueKind: 'establecimiento',
      establishmentId: E,
      audiences: { internos: 300, familiares: 80, personal: 20, externo: 40, autoridades: 6 },
    });
    const exhibition = await createExhibition(app, { title: 'InternArte 2026', startsOn: '2026-09-01', endsOn: '2026-10-30' });
    const links = await app.ok('budget.expenseLinks', { year: Y });
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'evento', id: event.id, name: 'Festival de arte penitenciario' }),
        expect.objectContaining({ kind: 'exposicion', id: exhibition.id, name: 'InternArte 2026' }),
      ]),
    );
    const e = await app.ok(
      'budget.recordExpense',
      expenseInput({ line: 'eventos', supplierRuc: rucs.transporte, link: { kind: 'evento', id: event.id } }),
    );
    expect(e.link).toMatchObject({ kind: 'evento', id: event.id, name: 'Festival de arte penitenciario' });
    const x = await app.ok(
      'budget.recordExpense',
      expenseInput({ documentNumber: 'F001-000200', link: { kind: 'exposicion', id: exhibition.id } }),
    );
    expect(x.link).toMatchObject({ kind: 'exposicion', name: 'InternArte 2026' });

    const err = await refusedUnchanged(app, () =>
      app.call('budget.recordExpense', expenseInput({ documentNumber: 'F001-000300', link: { kind: 'taller', id: 9999 } })),
    );
    expect(err.fields.link).toBe('Ese evento, taller o exposición no existe. Elíjalo de la lista.');
  });

  it('refuses a RUC whose check digit is wrong, a line of contracts, and a document recorded twice — in Spanish, changing nothing', async () => {
    const bad = await refusedUnchanged(app, () => app.call('budget.recordExpense', expenseInput({ supplierRuc: '20100552452' })));
    expect(bad.fields.supplierRuc).toBe('El RUC no es válido: su dígito verificador no corresponde.');
    const missing = await refusedUnchanged(app, () => app.call('budget.recordExpense', expenseInput({ supplierRuc: '' })));
    expect(missing.fields.supplierRuc).toMatch(/obligatorio/i);
    await refusedUnchanged(app, () => app.call('budget.recordExpense', expenseInput({ line: 'docentes' as never })));
    const cents = await refusedUnchanged(app, () => app.call('budget.recordExpense', expenseInput({ amountCentimos: 100.5 })));
    expect(cents.fields.amountCentimos).toBeTruthy();

    const future = await refusedUnchanged(app, () => app.call('budget.recordExpense', expenseInput({ date: '2099-01-04' })));
    expect(future.fields.date).toBe('La fecha del comprobante no puede ser posterior a hoy.');

    await app.ok('budget.recordExpense', expenseInput());
    const twice = await refusedUnchanged(app, () => app.call('budget.recordExpense', expenseInput({ description: 'Otra vez' })));
    expect(twice.fields.documentNumber).toBe(`Ya está registrado el comprobante F001-000123 del RUC ${rucs.ceramica}.`);
  });

  it('is voided with a reason, never deleted: it stays listed and is no longer executed', async () => {
    await budget2026(app);
    const e = await app.ok('budget.recordExpense', expenseInput());
    await refusedUnchanged(app, () => app.call('budget.voidExpense', { id: e.id, version: e.version, reason: 'no' }));
    const v = await app.ok('budget.voidExpense', { id: e.id, version: e.version, reason: 'Factura anulada por el proveedor' });
    expect(v).toMatchObject({ voided: true, voidReason: 'Factura anulada por el proveedor', version: 2 });
    expect(await line('materiales')).toMatchObject({ executedCentimos: 0, availableCentimos: 1_800_000 });
    expect(await app.ok('budget.expenses', { year: Y })).toMatchObject([{ id: e.id, voided: true }]);
    const again = await refusedUnchanged(app, () => app.call('budget.voidExpense', { id: e.id, version: 2, reason: 'Otra vez anulada' }));
    expect(again.message).toBe('Este gasto ya fue anulado.');
    // The same document may be recorded again once the wrong one is voided.
    await app.ok('budget.recordExpense', expenseInput({ amountCentimos: 120_000 }));
    expect(await line('materiales')).toMatchObject({ executedCentimos: 120_000 });
    // The table refuses a rewrite or a deletion, whatever code tries it.
    await expect(app.db('budget_expenses').where({ id: e.id }).update({ amount_centimos: 1 })).rejects.toThrow(/append-only/);
    await expect(app.db('budget_expenses').where({ id: e.id }).delete()).rejects.toThrow(/append-only/);
    // Each write left its audit entry.
    const audit = (await app.db('audit_log').where({ entity: 'budgetExpense' }).orderBy('id').select('action')) as Array<{
      action: string;
    }>;
    expect(audit.map((a) => a.action)).toEqual(['create', 'void', 'create']);
  });
});

describe('budget modifications', () => {
  it('an increase or a decrease changes the line’s assigned amount; the list keeps each one', async () => {
    await budget2026(app);
    await app.ok('budget.modify', modificationInput({ kind: 'incremento', line: 'eventos', amountCentimos: 300_000 }));
    const after = await app.ok(
      'budget.modify',
      modificationInput({ kind: 'reduccion', line: 'capacitacion', amountCentimos: 500_000, resolutionNumber: 'RP N.° 060-2026-INPE/P' }),
    );
    const of = (l: string) => after.lines.find((x) => x.line === l)!;
    expect(of('eventos')).toMatchObject({ initialCentimos: 1_200_000, modificationsCentimos: 300_000, budgetCentimos: 1_500_000 });
    expect(of('capacitacion')).toMatchObject({ initialCentimos: 4_000_000, modificationsCentimos: -500_000, budgetCentimos: 3_500_000 });
    expect(after.total.budgetCentimos).toBe(20_000_000 + 50_000_000 + 3_500_000 + 1_800_000 + 1_500_000);
    // The programme's figures (annual report, UNESCO) report the budget as assigned.
    expect((await budgetFinance(app.db, Y))!.pen).toBe(after.total.budgetCentimos);
    expect(await app.ok('budget.modifications', { year: Y })).toMatchObject([
      { kind: 'incremento', line: 'eventos', amountCentimos: 300_000 },
      { kind: 'reduccion', line: 'capacitacion', resolutionNumber: 'RP N.° 060-2026-INPE/P' },
    ]);
    await expect(app.db('budget_modifications').update({ amount_centimos: 1 })).rejects.toThrow(/append-only/);
    await expect(app.db('budget_modifications').delete()).rejects.toThrow(/append-only/);
  });

  it('a transfer moves an amount from one line to another, the total stays', async () => {
    const before = await budget2026(app);
    const after = await app.ok(
      'budget.modify',
      modificationInput({ kind: 'transferencia', line: 'capacitacion', toLine: 'materiales', amountCentimos: 1_000_000 }),
    );
    const of = (l: string) => after.lines.find((x) => x.line === l)!.budgetCentimos;
    expect(of('capacitacion')).toBe(3_000_000);
    expect(of('materiales')).toBe(2_800_000);
    expect(after.total.budgetCentimos).toBe(before.total.budgetCentimos);
  });

  it('refuses what would leave a line below zero, a transfer to the same line, and a year without budget', async () => {
    const none = await refusedUnchanged(app, () => app.call('budget.modify', modificationInput()));
    expect(none.fields.year).toBe('El año 2026 no tiene presupuesto: regístrelo antes de modificarlo.');
    await budget2026(app);
    const below = await refusedUnchanged(app, () =>
      app.call('budget.modify', modificationInput({ kind: 'reduccion', line: 'eventos', amountCentimos: 1_200_001 })),
    );
    expect(below.message).toBe('Revise los campos marcados.');
    expect(below.fields.amountCentimos).toMatch(/^La línea Eventos quedaría bajo cero: su monto asignado es S\/\s12,000\.00\.$/);
    const moved = await refusedUnchanged(app, () =>
      app.call(
        'budget.modify',
        modificationInput({ kind: 'transferencia', line: 'materiales', toLine: 'eventos', amountCentimos: 1_800_001 }),
      ),
    );
    expect(moved.fields.amountCentimos).toMatch(/^La línea Materiales quedaría bajo cero/);
    const same = await refusedUnchanged(app, () =>
      app.call('budget.modify', modificationInput({ kind: 'transferencia', line: 'eventos', toLine: 'eventos' })),
    );
    expect(same.fields.toLine).toBe('Elija una línea distinta de la de origen.');
    // Down to exactly zero is allowed.
    await app.ok('budget.modify', modificationInput({ kind: 'reduccion', line: 'eventos', amountCentimos: 1_200_000 }));
    expect(await line('eventos')).toMatchObject({ budgetCentimos: 0 });
    // The initial budget may no longer be lowered under what the modifications took away.
    const s = await app.ok('budget.summary', { year: Y });
    const lower = await refusedUnchanged(app, () =>
      app.call('budget.save', {
        year: Y,
        exchangeRate: 3.4,
        lines: { instrumentos: 20_000_000, docentes: 50_000_000, capacitacion: 4_000_000, materiales: 1_800_000, eventos: 1_000_000 },
        version: s.version,
      }),
    );
    expect(lower.fields['lines.eventos']).toMatch(/ya restan S\/\s12,000\.00/);
  });
});

describe('the budget report', () => {
  it('includes the modifications, the execution by month and the expenses, in PDF and Excel', async () => {
    await budget2026(app);
    await app.ok('budget.modify', modificationInput());
    await app.ok('budget.recordExpense', expenseInput({ date: '2026-03-03', description: 'Arcilla roja para Chorrillos' }));
    const pdf = await app.ok('budget.export', { year: Y, format: 'pdf' });
    if (pdf.status !== 'saved') throw new Error('cancelled');
    const text = execFileSync('pdftotext', [pdf.path, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Modificaciones presupuestales');
    expect(text).toContain('RP N.° 045-2026-INPE/P');
    expect(text).toContain('Ejecución mes a mes');
    expect(text).toContain('Arcilla roja para Chorrillos');
    const xlsx = await app.ok('budget.export', { year: Y, format: 'xlsx' });
    if (xlsx.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Presupuesto 2026', 'Ejecución mensual', 'Modificaciones', 'Gastos']);
    const months = wb.getWorksheet('Ejecución mensual')!;
    const materiales = months.getRow(5);
    expect(materiales.getCell(1).value).toBe('Materiales');
    expect(materiales.getCell(4).value).toBe(1250.5);
    expect(wb.getWorksheet('Gastos')!.getRow(2).getCell(3).value).toBe('Cerámicas del Sur S.A.C.');
  });
});

describe('who may record them', () => {
  it('the contracts role writes; the read-only and inventory roles read or are refused', async () => {
    await budget2026(app);
    await app.signInAs('contratos');
    await app.ok('budget.recordExpense', expenseInput());
    await app.ok('budget.modify', modificationInput());
    for (const role of ['consulta', 'inventario', 'programas'] as const) {
      await app.signInAs(role);
      const e = await refusedUnchanged(app, () => app.call('budget.recordExpense', expenseInput({ documentNumber: 'F001-9' })));
      expect(e).toMatchObject({ code: 'forbidden', message: 'Su usuario no tiene permiso para esta acción.' });
      await refusedUnchanged(app, () => app.call('budget.modify', modificationInput()));
    }
    await app.signInAs('consulta');
    expect(await app.ok('budget.expenses', { year: Y })).toHaveLength(1);
    expect(await app.ok('budget.modifications', { year: Y })).toHaveLength(1);
  });
});

describe('the demonstration data', () => {
  it('records a few expenses and a transfer this year, and no line of the budget is overrun', async () => {
    const fresh = await testApp();
    try {
      await fresh.ok('demo.load', {});
      const year = Number(new Date(Date.now() - 5 * 3600 * 1000).toISOString().slice(0, 4));
      const expenses = await fresh.ok('budget.expenses', { year });
      expect(expenses.length).toBeGreaterThanOrEqual(5);
      expect(expenses.some((e) => e.link !== null)).toBe(true);
      expect(await fresh.ok('budget.modifications', { year })).toMatchObject([
        { kind: 'transferencia', line: 'docentes', toLine: 'eventos' },
      ]);
      const s = await fresh.ok('budget.summary', { year });
      for (const l of s.lines) {
        expect(l.availableCentimos, l.line).toBeGreaterThanOrEqual(0);
        expect(l.alert, l.line).toBe(false);
      }
      expect(s.lines.find((l) => l.line === 'eventos')!.executedExpensesCentimos).toBeGreaterThan(0);
      expect(s.months.flatMap((l) => l.months).reduce((a, c) => a + c, 0)).toBe(s.total.executedCentimos);
      expect(await yearFigures(fresh.db, year)).toEqual(await yearFiguresFromRecords(fresh.db, year));
    } finally {
      await fresh.close();
    }
  });
});
