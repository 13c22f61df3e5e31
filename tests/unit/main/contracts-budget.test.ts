import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { yearFigures, yearFiguresFromRecords } from '../../../electron/main/contracts/repository/budget';
import { testApp } from '../../helpers/services';
import {
  budget,
  conformityInput,
  contractInput,
  daysFromNow,
  lastDay,
  people,
  period,
  signedContract,
  teacher,
  today,
} from '../../helpers/contracts';
import { app, AREQUIPA, appWithPrisonsForEachTest, CHORRILLOS, est, LURIGANCHO, ok, refused } from './contracts-setup';

/** Conformities and their payments, the budget's figures from the records, and the demonstration's contracts. */

appWithPrisonsForEachTest();

describe('conformities and payments', () => {
  let contractId: number;
  beforeEach(async () => {
    const t = await teacher(ok);
    contractId = (await signedContract(ok, t.id, est[LURIGANCHO]!)).id;
  });

  it('withholds 8% above S/ 1,500.00, nothing at or below it', async () => {
    const above = await ok('conformities.create', conformityInput(contractId, -5, { grossCentimos: 150_001 }));
    const at = await ok('conformities.create', conformityInput(contractId, -4, { grossCentimos: 150_000 }));
    const below = await ok('conformities.create', conformityInput(contractId, -3, { grossCentimos: 99_950 }));
    expect([above, at, below].map((f) => [f.grossCentimos, f.retentionCentimos, f.netCentimos])).toEqual([
      [150_001, 12_000, 138_001],
      [150_000, 0, 150_000],
      [99_950, 0, 99_950],
    ]);
  });

  it('a suspension on file for the receipt’s year spares the retention', async () => {
    const t = (await ok('contracts.get', { id: contractId })).contract.teacherId;
    const current = (await ok('teachers.get', { id: t })).teacher;
    const receiptDate = lastDay(-3);
    const year = Number(receiptDate.slice(0, 4));
    await ok('teachers.update', {
      ...people.rosa,
      id: t,
      version: current.version,
      active: true,
      disciplines: ['musica'],
      suspensions: [{ fiscalYear: year, operationNumber: '80123456', filedOn: `${year}-01-02` }],
    });
    const f = await ok('conformities.create', conformityInput(contractId, -3, { receiptDate }));
    expect(f).toMatchObject({ grossCentimos: 250_000, retentionCentimos: 0, netCentimos: 250_000, suspended: true });
  });

  it('a CAS contract has no fee receipt and no retention', async () => {
    const t = await teacher(ok, 'carmen');
    const cas = await signedContract(ok, t.id, est[CHORRILLOS]!, { modality: 'cas', number: 'CAS N° 015-2026', amountCentimos: 300_000 });
    const f = await ok(
      'conformities.create',
      conformityInput(cas.id, -2, { receiptNumber: null, receiptDate: null, grossCentimos: 300_000 }),
    );
    expect(f).toMatchObject({ retentionCentimos: 0, netCentimos: 300_000, suspended: false });
  });

  it('refuses what the records do not allow, next to the field, and writes nothing', async () => {
    await ok('conformities.create', conformityInput(contractId, -2));
    expect(await refused('conformities.create', conformityInput(contractId, -2))).toMatchObject({
      code: 'conflict',
      fields: { period: 'Ese mes del contrato OS N° 0123-2026 ya tiene conformidad.' },
    });
    expect(await refused('conformities.create', conformityInput(contractId, -8))).toMatchObject({
      fields: { period: 'Ese mes no está dentro del periodo del contrato OS N° 0123-2026.' },
    });
    expect(await refused('conformities.create', conformityInput(contractId, -3, { conformityDate: daysFromNow(1) }))).toMatchObject({
      fields: { conformityDate: 'La fecha no puede ser posterior a hoy.' },
    });
    expect(await refused('conformities.create', conformityInput(contractId, -3, { receiptNumber: null, receiptDate: null }))).toMatchObject(
      {
        fields: { receiptNumber: 'Una orden de servicio se paga con recibo por honorarios: indique su número.' },
      },
    );
    // The contract pays S/ 25,000.00 in all; S/ 2,500.00 are already signed off.
    expect(await refused('conformities.create', conformityInput(contractId, -3, { grossCentimos: 2_250_001 }))).toMatchObject({
      fields: { grossCentimos: 'El monto supera lo que el contrato tiene por pagar (S/ 22500.00).' },
    });
    const t = (await ok('contracts.get', { id: contractId })).contract.teacherId;
    const { contract: draft } = await ok('contracts.create', contractInput(t, est[AREQUIPA]!, { number: 'OS 9-2026' }));
    expect(await refused('conformities.create', conformityInput(draft.id, -2))).toMatchObject({
      fields: { contractId: 'El contrato OS 9-2026 es un borrador: primero actívelo con su fecha de firma.' },
    });
  });

  it('payment after the conformity; a paid one is closed; a void one frees its month', async () => {
    const f = await ok('conformities.create', conformityInput(contractId, -2));
    expect(await refused('conformities.pay', { id: f.id, version: f.version, paymentDate: lastDay(-2) })).toMatchObject({
      fields: { paymentDate: 'El pago no puede ser anterior a la conformidad.' },
    });
    const paid = await ok('conformities.pay', { id: f.id, version: f.version, paymentDate: today(), paymentReference: 'CP-0456' });
    expect(paid).toMatchObject({ status: 'pagada', paymentDate: today(), paymentReference: 'CP-0456' });
    expect((await refused('conformities.void', { id: f.id, version: paid.version, reason: 'Error de registro' })).message).toBe(
      'Una conformidad pagada no se anula.',
    );
    expect(
      (await refused('conformities.update', { ...conformityInput(contractId, -2, { grossCentimos: 1 }), id: f.id, version: paid.version }))
        .message,
    ).toBe('La conformidad está Pagada: ya no se puede modificar.');

    const g = await ok('conformities.create', conformityInput(contractId, -1));
    await ok('conformities.void', { id: g.id, version: g.version, reason: 'Mes equivocado' });
    expect((await ok('conformities.missing', {})).rows.map((m) => m.period)).toContain(period(-1));
    const again = await ok('conformities.create', conformityInput(contractId, -1, { grossCentimos: 240_000 }));
    expect(again.status).toBe('pendiente_pago');
    const list = await ok('conformities.list', { contractId });
    expect(list.total).toBe(3);
    expect(list.totals).toEqual({ grossCentimos: 490_000, retentionCentimos: 39_200, netCentimos: 450_800 }); // the void one does not count
  });
});

describe('budget figures from the records', () => {
  it('committed, executed and available per line match the hand-computed figures', async () => {
    const Y = Number(today().slice(0, 4)) - 1;
    const m = (month: number, day = 1, year = Y) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    await ok('budget.save', {
      year: Y,
      exchangeRate: 3.75,
      lines: { instrumentos: 2_000_000, docentes: 5_500_000, capacitacion: 1_000_000, materiales: 0, eventos: 0 },
      version: null,
    });
    const rosa = await teacher(ok, 'rosa');
    const julio = await teacher(ok, 'julio');
    const carmen = await teacher(ok, 'carmen');
    // Service order, March–August at S/ 2,500.00 a month.
    const os = await signedContract(ok, rosa.id, est[LURIGANCHO]!, { number: 'OS 1', startDate: m(3), endDate: m(8, 31) });
    // CAS, the whole year at S/ 3,000.00.
    const cas = await signedContract(ok, carmen.id, est[CHORRILLOS]!, {
      modality: 'cas',
      number: 'CAS 1',
      startDate: m(1),
      endDate: m(12, 31),
      amountCentimos: 300_000,
    });
    // Training, S/ 8,000.00 in total from October to January: S/ 2,000.00 a month, one of them next year.
    const training = await signedContract(ok, julio.id, est[AREQUIPA]!, {
      number: 'OS 2',
      budgetLine: 'capacitacion',
      amountType: 'total',
      amountCentimos: 800_000,
      startDate: m(10),
      endDate: m(1, 31, Y + 1),
    });
    // From January, S/ 1,000.00 a month, resolved on 15 April: four months are left.
    const resolved = await signedContract(ok, julio.id, est[LURIGANCHO]!, {
      number: 'OS 3',
      startDate: m(1),
      endDate: lastDay(6),
      amountCentimos: 100_000,
    });
    await ok('contracts.terminate', { id: resolved.id, version: resolved.version, date: m(4, 15), reason: 'Traslado del taller' });
    // A draft commits nothing.
    await ok('contracts.create', contractInput(rosa.id, est[AREQUIPA]!, { number: 'OS 4', startDate: m(9), endDate: m(12, 31) }));

    const sign = async (contractId: number, month: number, gross: number, paid: boolean, year = Y) => {
      const f = await ok('conformities.create', {
        contractId,
        period: `${year}-${String(month).padStart(2, '0')}`,
        deliverable: 'Informe mensual',
        conformityDate: m(month, 28, year),
        givenBy: 'Lic. Ana Torres',
        receiptNumber: `E001-${month}`,
        receiptDate: m(month, 28, year),
        grossCentimos: gross,
      });
      if (paid) await ok('conformities.pay', { id: f.id, version: f.version, paymentDate: m(month, 28, year) });
      return f;
    };
    for (const month of [3, 4, 5]) await sign(os.id, month, 250_000, true);
    await sign(os.id, 6, 240_000, false); // signed off, not yet paid
    const voided = await sign(os.id, 7, 250_000, false);
    await ok('conformities.void', { id: voided.id, version: voided.version, reason: 'Mes equivocado' });
    for (const month of [1, 2, 3]) await sign(cas.id, month, 300_000, true);
    await sign(resolved.id, 1, 100_000, true);
    await sign(training.id, 10, 200_000, true);
    // Instruments bought this year with INPE's budget count on the instrumentos line; a donation and last year's purchase do not.
    for (const [code, date, funding, cost] of [
      ['INS-1', m(5, 10), 'presupuesto_inpe', 1_250_000],
      ['INS-2', m(6, 1), 'donacion', 900_000],
      ['INS-3', m(12, 20, Y - 1), 'presupuesto_inpe', 700_000],
    ] as const) {
      await ok('instruments.create', {
        code,
        typeId: 1,
        costCentimos: cost,
        funding,
        condition: 'nuevo',
        altaDate: date,
        acquisitionDate: date,
      });
    }

    const s = await ok('budget.summary', { year: Y });
    const line = (l: string) => s.lines.find((x) => x.line === l)!;
    // docentes — executed: OS 3 × 2,500 + CAS 3 × 3,000 + OS 3 1 × 1,000 = 17,500.00;
    // committed: OS June 2,400 (unpaid) + July, August 2 × 2,500 + CAS 9 × 3,000 + OS 3 Feb–Apr 3 × 1,000 = 37,400.00.
    expect(line('docentes')).toMatchObject({
      budgetCentimos: 5_500_000,
      executedCentimos: 1_750_000,
      executedPaymentsCentimos: 1_750_000,
      committedCentimos: 3_740_000,
      availableCentimos: 10_000,
      usedPercent: 99.8,
      alert: true,
    });
    expect(line('capacitacion')).toMatchObject({
      executedCentimos: 200_000,
      committedCentimos: 400_000,
      availableCentimos: 400_000,
      usedPercent: 60,
      alert: false,
    });
    expect(line('instrumentos')).toMatchObject({
      executedCentimos: 1_250_000,
      executedInstrumentsCentimos: 1_250_000,
      committedCentimos: 0,
      availableCentimos: 750_000,
    });
    expect(s.total).toMatchObject({
      budgetCentimos: 8_500_000,
      committedCentimos: 4_140_000,
      executedCentimos: 3_200_000,
      availableCentimos: 1_160_000,
      usdCents: { budget: 2_266_667, committed: 1_104_000, executed: 853_333, available: 309_333 },
    });
    // The months' cached state says exactly what the contracts and conformities say.
    expect(await yearFigures(app.db, Y)).toEqual(await yearFiguresFromRecords(app.db, Y));
    // Next year holds the training contract's last installment.
    const next = await ok('budget.summary', { year: Y + 1 });
    expect(next.lines.find((x) => x.line === 'capacitacion')!.committedCentimos).toBe(200_000);
    expect(next.defined).toBe(false);

    // The report says the same, in PEN with USD beside it.
    const pdf = await ok('budget.export', { year: Y, format: 'pdf' });
    if (pdf.status !== 'saved') throw new Error('cancelled');
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-']).toString('utf8');
    expect(text).toContain(`Ejecución presupuestal ${Y}`);
    expect(text).toMatch(/Docentes\s+S\/\s?55,000\.00\s+S\/\s?37,400\.00\s+S\/\s?17,500\.00\s+S\/\s?100\.00\s+99\.8 %/);
    expect(text).toMatch(/US\$\s?22,666\.67/);
    const xlsx = await ok('budget.export', { year: Y, format: 'xlsx' });
    if (xlsx.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Línea',
      'Presupuesto (S/)',
      'Comprometido (S/)',
      'Ejecutado (S/)',
      'Disponible (S/)',
      'Usado',
      'Presupuesto (US$)',
      'Comprometido (US$)',
      'Ejecutado (US$)',
      'Disponible (US$)',
    ]);
    expect(ws.getRow(3).values).toEqual([undefined, 'Docentes', 55_000, 37_400, 17_500, 100, 0.998, 14_666.67, 9_973.33, 4_666.67, 26.67]);
  });

  it('a second save of a year without its version is refused; an edit over a newer version is stale', async () => {
    const s = await budget(ok, 2030);
    expect(
      await refused('budget.save', {
        year: 2030,
        exchangeRate: 3.5,
        lines: { instrumentos: 1, docentes: 1, capacitacion: 1, materiales: 1, eventos: 1 },
        version: null,
      }),
    ).toMatchObject({
      code: 'conflict',
      fields: { year: 'El año 2030 ya tiene presupuesto: edítelo.' },
    });
    await ok('budget.save', {
      year: 2030,
      exchangeRate: 3.5,
      lines: { instrumentos: 1, docentes: 1, capacitacion: 1, materiales: 1, eventos: 1 },
      version: s.version,
    });
    expect(
      (
        await refused('budget.save', {
          year: 2030,
          exchangeRate: 3.6,
          lines: { instrumentos: 1, docentes: 1, capacitacion: 1, materiales: 1, eventos: 1 },
          version: s.version,
        })
      ).code,
    ).toBe('stale');
  });
});

describe('the demonstration data', () => {
  it('follows the rules: valid RUCs, no overlaps, figures that match the records, S/ 500,000.00 at 3.40', async () => {
    const fresh = await testApp();
    try {
      await fresh.ok('demo.load', {});
      const rucs = (await fresh.db('teachers').whereNotNull('ruc').pluck('ruc')) as string[];
      expect(rucs.length).toBeGreaterThan(8);
      const { isValidRuc } = await import('../../../shared/contracts/rules');
      expect(rucs.every(isValidRuc)).toBe(true);
      const year = Number(today().slice(0, 4));
      expect(await yearFigures(fresh.db, year)).toEqual(await yearFiguresFromRecords(fresh.db, year));
      const s = await fresh.ok('budget.summary', { year });
      expect(s).toMatchObject({ exchangeRate: 3.4, total: { budgetCentimos: 50_000_000, usdCents: { budget: 14_705_882 } } });
      const list = await fresh.ok('contracts.list', { pageSize: 100 });
      expect(list.total).toBeGreaterThanOrEqual(12);
      expect(new Set(list.rows.map((c) => c.status))).toEqual(new Set(['borrador', 'vigente', 'por_vencer', 'vencido', 'resuelto']));
      const alerts = await fresh.ok('contracts.alerts', {});
      expect(alerts.expiring.length).toBeGreaterThan(0);
      expect(alerts.authorisations.length).toBeGreaterThan(0);
      expect(alerts.missingConformities).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
