import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  authorise,
  budget,
  conformityInput,
  contractInput,
  daysFromNow,
  firstDay,
  lastDay,
  people,
  period,
  signedContract,
  teacher,
  today,
} from '../../helpers/contracts';
import { AREQUIPA, appWithPrisonsForEachTest, CHORRILLOS, est, LURIGANCHO, ok, refused } from './contracts-setup';

/** Teachers, the contracts' lifecycle and their exports (conformities and the budget: contracts-budget.test.ts). */

appWithPrisonsForEachTest();

describe('teachers', () => {
  it('refuses a second teacher with the same DNI or RUC next to the field', async () => {
    await teacher(ok, 'rosa');
    expect(await refused('teachers.create', { ...people.rosa, ruc: null, disciplines: ['ceramica'] })).toMatchObject({
      code: 'conflict',
      fields: { dni: 'Ya está registrado un docente con el DNI 46849786.' },
    });
    expect(await refused('teachers.create', { ...people.julio, ruc: '10468497862', disciplines: ['musica'] })).toMatchObject({
      code: 'validation',
      fields: { ruc: 'Un RUC que empieza por 10 contiene el DNI del docente.' },
    });
    expect(await refused('teachers.create', { ...people.julio, ruc: '10076543212', disciplines: ['musica'] })).toMatchObject({
      fields: { ruc: 'El RUC no es válido: su dígito verificador no corresponde.' },
    });
  });

  it('search finds a teacher without accents, by DNI or specialty, and filters by authorisation', async () => {
    const rosa = await teacher(ok, 'rosa', { specialties: ['Violín', 'Viola'] });
    await teacher(ok, 'julio', { disciplines: ['teatro'], specialties: [] });
    await authorise(ok, rosa.id, est[LURIGANCHO]!);
    const names = async (q: object) => (await ok('teachers.list', q)).rows.map((r) => r.lastNames);
    expect(await names({ search: 'huaman' })).toEqual(['Ramos Huamán']);
    expect(await names({ search: '4684' })).toEqual(['Quispe Mamani']);
    expect(await names({ search: 'violin' })).toEqual(['Quispe Mamani']);
    expect(await names({ discipline: 'teatro' })).toEqual(['Ramos Huamán']);
    expect(await names({ establishmentId: est[LURIGANCHO]! })).toEqual(['Quispe Mamani']);
    expect((await ok('teachers.list', {})).rows[0]).toMatchObject({ fullName: 'Quispe Mamani, Rosa Elena', authorisedAt: [LURIGANCHO] });
  });

  it('an authorisation shows whether it is valid, ending soon, expired or not yet valid', async () => {
    const t = await teacher(ok);
    await authorise(ok, t.id, est[LURIGANCHO]!, firstDay(-12), daysFromNow(45));
    await authorise(ok, t.id, est[CHORRILLOS]!, firstDay(-6), daysFromNow(12));
    await authorise(ok, t.id, est[AREQUIPA]!, firstDay(-12), daysFromNow(-1));
    const d = await ok('teachers.get', { id: t.id });
    expect(Object.fromEntries(d.authorisations.map((a) => [a.establishmentName, a.status]))).toEqual({
      [LURIGANCHO]: 'vigente',
      [CHORRILLOS]: 'por_vencer',
      [AREQUIPA]: 'vencida',
    });
    const alerts = await ok('contracts.alerts', {});
    expect(alerts.authorisations.map((a) => [a.establishmentName, a.daysLeft])).toEqual([[CHORRILLOS, 12]]);
    // Once renewed (a later authorisation for the same prison), it is no longer an alert.
    await authorise(ok, t.id, est[CHORRILLOS]!, daysFromNow(13), lastDay(12));
    expect((await ok('contracts.alerts', {})).authorisations).toEqual([]);
  });

  it('documents: a PDF is attached and copied back byte for byte; a text file is refused', async () => {
    const t = await teacher(ok);
    const bytes = Buffer.from('%PDF-1.4\n% CV de Rosa\n%%EOF\n');
    const [doc] = await ok('teachers.addDocument', {
      id: t.id,
      kind: 'cv',
      fileName: 'C:\\Users\\ofi\\cv rosa.pdf',
      dataBase64: bytes.toString('base64'),
    });
    expect(doc).toMatchObject({ originalName: 'cv rosa.pdf', kind: 'cv', mime: 'application/pdf', sizeBytes: bytes.length });
    const copy = await ok('teachers.documentCopy', { id: t.id, hash: doc!.hash });
    if (copy.status !== 'saved') throw new Error('cancelled');
    expect(copy.path.endsWith('cv rosa.pdf')).toBe(true);
    expect((await import('node:fs')).readFileSync(copy.path).equals(bytes)).toBe(true);
    const error = await refused('teachers.addDocument', {
      id: t.id,
      kind: 'otro',
      fileName: 'notas.txt',
      dataBase64: Buffer.from('hola').toString('base64'),
    });
    expect(error.message).toBe('«notas.txt» no es un documento: adjunte un PDF o una imagen (JPEG, PNG, WebP, TIFF o GIF).');
  });
});

describe('contract lifecycle', () => {
  it('a draft warns about missing authorisation; activation needs confirmation beyond the budget; then it cannot be edited', async () => {
    const t = await teacher(ok);
    const { contract, warnings } = await ok('contracts.create', contractInput(t.id, est[LURIGANCHO]!));
    expect(contract).toMatchObject({
      status: 'borrador',
      totalCentimos: 2_500_000,
      establishments: [{ name: LURIGANCHO, workshops: null, linkedWorkshops: [] }],
    });
    expect(warnings.map((w) => w.message)).toEqual([
      `El docente no tiene autorización de ingreso vigente en ${LURIGANCHO} al inicio del contrato (${firstDay(-5).split('-').reverse().join('/')}).`,
    ]);
    await authorise(ok, t.id, est[LURIGANCHO]!);
    expect((await ok('contracts.get', { id: contract.id })).warnings).toEqual([]);

    // The current year's docentes line has S/ 10,000.00: far less than the contract needs in it.
    const year = Number(today().slice(0, 4));
    await budget(ok, year, 1_000_000);
    const error = await refused('contracts.activate', { id: contract.id, version: contract.version, signedOn: today() });
    expect(error.code).toBe('conflict');
    expect(error.fields.confirmOverBudget).toMatch(
      /^El contrato necesita S\/\s?[\d,.]+ en \d{4} y la línea Docentes solo tiene S\/\s?10,000\.00 disponible\./,
    );
    const activated = await ok('contracts.activate', {
      id: contract.id,
      version: contract.version,
      signedOn: today(),
      confirmOverBudget: true,
    });
    expect(activated.contract).toMatchObject({ status: 'vigente', overBudget: true, signedOn: today() });
    expect(activated.warnings.map((w) => w.kind)).toEqual(['overBudget']);

    const edit = await refused('contracts.update', {
      ...contractInput(t.id, est[LURIGANCHO]!, { hoursPerWeek: 20 }),
      id: contract.id,
      version: activated.contract.version,
    });
    expect(edit).toMatchObject({
      code: 'conflict',
      message: 'El contrato OS N° 0123-2026 ya fue firmado: solo un borrador se puede modificar.',
    });
    const d = await ok('contracts.get', { id: contract.id });
    expect(d.events.map((e) => e.kind)).toEqual(['creado', 'activado']);
    expect(d.events[1]!.detail).toBe('Activado con confirmación: excede el disponible de su línea presupuestal.');
  });

  it('a service order needs the teacher’s RUC; a CAS contract does not', async () => {
    const carmen = await teacher(ok, 'carmen');
    expect(await refused('contracts.create', contractInput(carmen.id, est[LURIGANCHO]!))).toMatchObject({
      fields: { teacherId: expect.stringContaining('Rojas Salas, Carmen no tiene RUC') },
    });
    const cas = await ok('contracts.create', contractInput(carmen.id, est[LURIGANCHO]!, { modality: 'cas', number: 'CAS N° 015-2026' }));
    expect(cas.contract.modality).toBe('cas');
  });

  it('two contracts in force of a teacher may not overlap at the same establishment', async () => {
    const t = await teacher(ok);
    const first = await signedContract(ok, t.id, est[LURIGANCHO]!);
    const { contract: second } = await ok(
      'contracts.create',
      contractInput(t.id, est[LURIGANCHO]!, { number: 'OS N° 0200-2026', startDate: firstDay(-1), endDate: lastDay(2) }),
    );
    const error = await refused('contracts.activate', {
      id: second.id,
      version: second.version,
      signedOn: today(),
      confirmOverBudget: true,
    });
    expect(error.message).toBe(
      `Se superpone con el contrato vigente OS N° 0123-2026 del mismo docente en ${LURIGANCHO} (${first.startDate.split('-').reverse().join('/')} – ${first.endDate.split('-').reverse().join('/')}).`,
    );
    // At another prison the same months are fine.
    const { contract: third } = await ok(
      'contracts.create',
      contractInput(t.id, est[CHORRILLOS]!, { number: 'OS N° 0201-2026', startDate: firstDay(-1), endDate: lastDay(2) }),
    );
    expect(
      (await ok('contracts.activate', { id: third.id, version: third.version, signedOn: today(), confirmOverBudget: true })).contract
        .status,
    ).toBe('vigente');
  });

  it('renewal makes a linked draft; the chain is visible from every link; a contract renews once', async () => {
    const t = await teacher(ok);
    await authorise(ok, t.id, est[LURIGANCHO]!);
    const first = await signedContract(ok, t.id, est[LURIGANCHO]!);
    expect(
      await refused('contracts.renew', {
        id: first.id,
        number: 'OS N° 0999-2026',
        startDate: first.endDate,
        endDate: lastDay(8),
        amountCentimos: 250_000,
      }),
    ).toMatchObject({
      fields: {
        startDate: `La renovación empieza después del fin del contrato anterior (${first.endDate.split('-').reverse().join('/')}).`,
      },
    });
    const renewal = await ok('contracts.renew', {
      id: first.id,
      number: 'OS N° 0456-2027',
      startDate: firstDay(5),
      endDate: lastDay(10),
      amountCentimos: 260_000,
    });
    expect(renewal.contract).toMatchObject({
      status: 'borrador',
      previousContractId: first.id,
      previousNumber: 'OS N° 0123-2026',
      object: first.object,
      establishments: [{ name: LURIGANCHO, workshops: null, linkedWorkshops: [] }],
      totalCentimos: 6 * 260_000,
    });
    const again = await refused('contracts.renew', {
      id: first.id,
      number: 'OS N° 0457-2027',
      startDate: firstDay(5),
      endDate: lastDay(10),
      amountCentimos: 1,
    });
    expect(again.message).toBe('El contrato OS N° 0123-2026 ya fue renovado.');
    const activated = await ok('contracts.activate', {
      id: renewal.contract.id,
      version: renewal.contract.version,
      signedOn: today(),
      confirmOverBudget: true,
    });
    const second = await ok('contracts.renew', {
      id: activated.contract.id,
      number: 'OS N° 0100-2027',
      startDate: firstDay(11),
      endDate: lastDay(14),
      amountCentimos: 260_000,
    });
    for (const id of [first.id, renewal.contract.id, second.contract.id]) {
      expect((await ok('contracts.get', { id })).chain.map((c) => c.number)).toEqual([
        'OS N° 0123-2026',
        'OS N° 0456-2027',
        'OS N° 0100-2027',
      ]);
    }
    expect((await ok('contracts.get', { id: first.id })).contract).toMatchObject({ renewedByNumber: 'OS N° 0456-2027' });
    expect((await ok('contracts.get', { id: first.id })).events.map((e) => e.kind)).toEqual(['creado', 'activado', 'renovado']);
  });

  it('resolution ends it early: later months are no longer committed nor missing; not before its last conformity', async () => {
    const t = await teacher(ok);
    const c = await signedContract(ok, t.id, est[LURIGANCHO]!); // months −5 … +4
    await ok('conformities.create', conformityInput(c.id, -2));
    expect((await ok('conformities.missing', {})).rows.map((m) => m.period)).toEqual([period(-5), period(-4), period(-3), period(-1)]);
    expect(
      await refused('contracts.terminate', { id: c.id, version: c.version, date: lastDay(-3), reason: 'Renuncia del docente' }),
    ).toMatchObject({
      fields: { date: `Hay una conformidad registrada para ${period(-2)}, posterior a esa fecha.` },
    });
    expect(
      await refused('contracts.terminate', { id: c.id, version: c.version, date: lastDay(6), reason: 'Renuncia del docente' }),
    ).toMatchObject({
      fields: { date: expect.stringMatching(/^La fecha de resolución debe estar entre el/) },
    });
    const r = await ok('contracts.terminate', { id: c.id, version: c.version, date: lastDay(-2), reason: 'Renuncia del docente' });
    expect(r.contract).toMatchObject({ status: 'resuelto', resolvedOn: lastDay(-2), resolutionReason: 'Renuncia del docente' });
    const d = await ok('contracts.get', { id: c.id });
    expect(d.schedule.map((m) => m.period)).toEqual([period(-5), period(-4), period(-3), period(-2)]);
    expect((await ok('conformities.missing', {})).rows.map((m) => m.period)).toEqual([period(-5), period(-4), period(-3)]);
    expect(
      (await refused('contracts.terminate', { id: c.id, version: r.contract.version, date: today(), reason: 'Otra vez' })).message,
    ).toBe('El contrato OS N° 0123-2026 no está vigente.');
  });

  it('the list filters by the status the officer sees: por vencer, vencido, borrador', async () => {
    const t = await teacher(ok);
    await signedContract(ok, t.id, est[LURIGANCHO]!, { number: 'OS 1-2026', startDate: firstDay(-3), endDate: daysFromNow(20) });
    await signedContract(ok, t.id, est[CHORRILLOS]!, { number: 'OS 2-2026', startDate: firstDay(-6), endDate: daysFromNow(-3) });
    await signedContract(ok, t.id, est[AREQUIPA]!, { number: 'OS 3-2026', startDate: firstDay(-1), endDate: lastDay(6) });
    await ok('contracts.create', contractInput(t.id, est[AREQUIPA]!, { number: 'OS 4-2026', startDate: firstDay(7), endDate: lastDay(9) }));
    const numbers = async (q: object) => (await ok('contracts.list', q)).rows.map((c) => c.number);
    expect(await numbers({ status: 'por_vencer' })).toEqual(['OS 1-2026']);
    expect(await numbers({ status: 'vencido' })).toEqual(['OS 2-2026']);
    expect(await numbers({ status: 'vigente' })).toEqual(['OS 3-2026']);
    expect(await numbers({ status: 'borrador' })).toEqual(['OS 4-2026']);
    expect(await numbers({ establishmentId: est[AREQUIPA]!, sort: 'number' })).toEqual(['OS 3-2026', 'OS 4-2026']);
    expect(await numbers({ search: 'quispe os 2-2026' })).toEqual(['OS 2-2026']);
    expect((await ok('contracts.alerts', {})).expiring).toEqual([
      expect.objectContaining({ number: 'OS 1-2026', daysLeft: 20, teacherName: 'Quispe Mamani, Rosa Elena' }),
    ]);
  });

  it('the number is unique however it is typed', async () => {
    const t = await teacher(ok);
    await ok('contracts.create', contractInput(t.id, est[LURIGANCHO]!));
    expect(await refused('contracts.create', contractInput(t.id, est[LURIGANCHO]!, { number: 'os n.° 0123-2026' }))).toMatchObject({
      code: 'conflict',
      fields: { number: 'Ya existe un contrato con el número os n.° 0123-2026.' },
    });
  });
});

describe('exports', () => {
  it('the contracts list in Excel, and a one-page contract summary in PDF', async () => {
    const t = await teacher(ok);
    const c = await signedContract(ok, t.id, est[LURIGANCHO]!);
    await ok('conformities.create', conformityInput(c.id, -2));
    const x = await ok('contracts.export', { filter: {}, format: 'xlsx' });
    if (x.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x.path);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Número');
    expect(ws.getRow(2).getCell(1).value).toBe('OS N° 0123-2026');
    expect(ws.getRow(2).getCell(2).value).toBe('Quispe Mamani, Rosa Elena');
    expect(ws.getRow(2).getCell(11).value).toBe(25_000);
    const p = await ok('contracts.summaryPdf', { id: c.id });
    if (p.status !== 'saved') throw new Error('cancelled');
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [p.path]).toString())![1])).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', p.path, '-']).toString('utf8');
    expect(text).toContain('Resumen de contrato: OS N° 0123-2026');
    expect(text).toContain('Quispe Mamani, Rosa Elena — DNI 46849786 — RUC 10468497862');
    expect(text).toContain('Pendiente de pago');
    expect(text).toContain('Sin conformidad');
  });
});
