import { describe, expect, it } from 'vitest';
import { limaToday, nextPeriod, previousPeriod } from '../../../shared/contracts/rules';
import { formatDate } from '../../../shared/format';
import { errorsOf, sheetImport } from '../../helpers/messy-sheet';
import { appWithDemo, snapshot } from '../../helpers/services';
import { appPerTest } from '../../helpers/per-test';

/**
 * Teachers, contracts and monthly conformities from the clerks' messy spreadsheets: the
 * header row below a title, a blank row, a TOTAL row, amounts in both styles, dates as text
 * and as Excel dates, establishments and contracts spelled several ways. The dry run reports
 * exactly the planted errors with their spreadsheet rows and writes nothing; then a clean
 * file is imported.
 */
const app = appPerTest(appWithDemo, 120_000);

const { inspect, dryRun, run, expectNothingWritten } = sheetImport(() => app);

describe('importing teachers', () => {
  const HEADERS = ['N° DNI', 'RUC', 'Apellidos', 'Nombres', 'Sexo', 'Disciplina', 'Especialidad', 'Celular'];
  const julio = ['45871236', 10458712366, 'Huamán Ccori', 'Julio César', 'M', 'Música; Canto coral', 'Charango, Guitarra', '987 654 321'];
  const ana = ['41234567', '', 'Ramos Vilca', 'Ana María', 'Femenino', 'Cerámica', '', ''];

  it('checks every RUC as the form does, reports the planted errors by row, writes nothing, then imports and updates by DNI', async () => {
    const { up, mapping } = await inspect('teachers', HEADERS, [
      julio, // 4: good (RUC as a number)
      ana, // 5: good, no RUC
      [], // 6: blank
      ['47001234', '10470012344', 'Torres Paz', 'Luis', 'M', 'Teatro', '', ''], // 7: RUC check digit wrong
      ['47001235', '10470012345', 'Salas Rivas', 'Rosa', 'F', 'Danza', '', ''], // 8: a RUC 10 of another DNI
      [4700123, '', 'Paredes Lima', 'Hugo', 'M', 'Pintura', '', ''], // 9: a DNI of 7 digits
      ['47001236', '', 'Vargas Soto', 'Elena', 'F', 'Malabares', '', ''], // 10: no such discipline
      ['45871236', '', 'Huamán Ccori', 'Julio', 'M', 'Música', '', ''], // 11: the DNI of row 4 again
      ['47001237', '20600123450', 'Quispe Rojas', 'Marta', 'F', 'Canto coral', '', ''], // 12: good, a RUC 20
      ['47001238', '20600123450', 'Lazo Pérez', 'Iván', 'M', 'Música', '', ''], // 13: row 12's RUC for another teacher
      ['TOTAL', '', '', '', '', '', '', 9], // 14: totals
    ]);
    expect(up.headerRow).toBe(3);
    expect(up.skipped.map((s) => s.row)).toEqual([6, 14]);
    expect(mapping).toMatchObject({ dni: 'N° DNI', ruc: 'RUC', lastNames: 'Apellidos', disciplines: 'Disciplina', phone: 'Celular' });

    const before = await snapshot(app.db);
    const dry = await dryRun(up.uploadId, mapping);
    expect(dry).toMatchObject({ total: 9, valid: 2, invalid: 7 });
    expect(errorsOf(dry)).toEqual([
      [4, 'dni', '«45871236» se repite en las filas 4 y 11 del archivo.'],
      [7, 'ruc', 'El RUC no es válido: su dígito verificador no corresponde.'],
      [8, 'ruc', 'Un RUC que empieza por 10 contiene el DNI del docente.'],
      [9, 'dni', 'El DNI tiene 8 dígitos; este tiene 7.'],
      [10, 'disciplines', expect.stringContaining('Valor no reconocido. Escriba uno de: Música, Canto coral, Cerámica')],
      [11, 'dni', '«45871236» se repite en las filas 4 y 11 del archivo.'],
      [13, 'ruc', expect.stringContaining('20600123450')],
    ]);
    await expectNothingWritten(up.uploadId, mapping, before);

    const good = await inspect('teachers', HEADERS, [julio, ana]);
    expect(await run(good.up.uploadId, good.mapping)).toMatchObject({ created: 2, updated: 0 });
    const list = await app.ok('teachers.list', { search: 'Huamán Ccori' });
    expect(list.rows.map((t) => [t.dni, t.ruc, t.fullName, t.disciplines])).toEqual([
      ['45871236', '10458712366', 'Huamán Ccori, Julio César', ['musica', 'canto_coral']],
    ]);

    // Again with a corrected name, as an update: the DNI finds the teacher.
    const again = await inspect('teachers', HEADERS, [['45871236', 10458712366, 'Huamán Ccori', 'Julio Cesar', 'M', 'Música', '', '']]);
    expect((await dryRun(again.up.uploadId, again.mapping)).errors.map((e) => e.field)).toEqual(['dni']);
    expect(await run(again.up.uploadId, again.mapping, 'upsert')).toMatchObject({ created: 0, updated: 1 });
    expect((await app.ok('teachers.list', { search: '45871236' })).rows.map((t) => t.fullName)).toEqual(['Huamán Ccori, Julio Cesar']);
  });
});

const CONTRACT_HEADERS = [
  'N° de contrato',
  'Docente',
  'Modalidad',
  'Objeto',
  'Fecha de inicio',
  'Fecha de fin',
  'Monto',
  'Horas',
  'Establecimiento',
];

describe('importing contracts', () => {
  const HEADERS = CONTRACT_HEADERS;
  const year = limaToday(new Date().toISOString()).slice(0, 4);
  const object = 'Enseñanza de violín en el taller';
  const rosa = [
    'OS N° 5001-2027',
    'Quispe Mamani, Rosa Elena',
    'Orden de servicio',
    object,
    '01/03/2027',
    '31/12/2027',
    'S/ 2,480.50',
    16,
    'E.P. Huancayo',
  ];
  const carmen = [
    'CAS N° 501-2027-INPE',
    'carmen rojas salas',
    'CAS',
    'Dirección del coro polifónico',
    new Date(Date.UTC(2027, 3, 1)),
    new Date(Date.UTC(2027, 11, 31)),
    '2.480,50',
    '12',
    'EP HUANCAYO',
  ];

  it('matches teachers and establishments however written, reports the planted errors by row, then registers drafts', async () => {
    const { up, mapping } = await inspect('contracts', HEADERS, [
      rosa, // 4
      carmen, // 5: the teacher's name in another order, Excel dates, the other amount style
      [], // 6: blank
      ['OS N° 5002-2027', 'Rojas Salas, Carmen', 'Orden de servicio', object, '01/03/2027', '31/12/2027', 2480.5, 16, 'Huancayo'], // 7: a service order needs a RUC
      ['OS N° 5003-2027', 'Quispe Mamani, Rosa Elena', 'OS', object, '01/03/2027', '31/12/2027', '1.234', 16, 'Huancayo'], // 8: doubtful amount
      ['OS N° 5004-2027', 'Quispe Mamani, Rosa Elena', 'OS', object, '01/06/2027', '01/03/2027', 'S/ 2,480.50', 16, 'Huancayo'], // 9: ends before it starts
      ['OS N° 5005-2027', 'Quispe Mamani, Rosa Elena', 'OS', object, '01/03/2027', '12/31/2027', 'S/ 2,480.50', 16, 'Huancayo'], // 10: month and day swapped
      [`VOL N° 003-${year}`, 'Quispe Mamani, Rosa Elena', 'OS', object, '01/03/2027', '31/12/2027', 'S/ 2,480.50', 16, 'Huancayo'], // 11: already registered
      ['OS N° 5001-2027', 'Quispe Mamani, Rosa Elena', 'OS', object, '01/03/2027', '31/12/2027', 'S/ 2,480.50', 16, 'Huancayo'], // 12: row 4's number again
      ['OS N° 5006-2027', 'Pérez Gómez, Juan', 'OS', object, '01/03/2027', '31/12/2027', 'S/ 2,480.50', 16, 'Huancayo'], // 13: no such teacher
      ['TOTAL', '', '', '', '', '', 'S/ 4,961.00', '', ''], // 14
    ]);
    expect(up.headerRow).toBe(3);
    expect(up.skipped.map((s) => s.row)).toEqual([6, 14]);
    expect(mapping).toMatchObject({
      number: 'N° de contrato',
      teacher: 'Docente',
      startDate: 'Fecha de inicio',
      amount: 'Monto',
      establishment: 'Establecimiento',
    });

    const before = await snapshot(app.db);
    const dry = await dryRun(up.uploadId, mapping);
    expect(dry).toMatchObject({ total: 9, valid: 1, invalid: 8 });
    expect(errorsOf(dry)).toEqual([
      [4, 'number', '«OS N° 5001-2027» se repite en las filas 4 y 12 del archivo.'],
      [7, 'teacher', expect.stringContaining('Rojas Salas, Carmen no tiene RUC')],
      [8, 'amount', expect.stringContaining('«1.234» es dudoso')],
      [9, 'endDate', 'La fecha final no puede ser anterior a la inicial.'],
      [10, 'endDate', 'Escriba una fecha válida (dd/mm/aaaa).'],
      [11, 'number', `Ya existe un contrato con el número VOL N° 003-${year}.`],
      [12, 'number', '«OS N° 5001-2027» se repite en las filas 4 y 12 del archivo.'],
    ]);
    expect(dry.unknownValues.map((u) => [u.field, u.value, u.rows])).toEqual([['teacher', 'Pérez Gómez, Juan', [13]]]);
    await expectNothingWritten(up.uploadId, mapping, before);

    const good = await inspect('contracts', HEADERS, [rosa, carmen]);
    expect(await run(good.up.uploadId, good.mapping)).toMatchObject({ created: 2, updated: 0 });
    const list = await app.ok('contracts.list', { search: '2027', status: 'borrador' });
    expect(
      list.rows.map((c) => [c.number, c.teacherName, c.status, c.amountCentimos, c.startDate, c.establishments.map((e) => e.name)]).sort(),
    ).toEqual([
      ['CAS N° 501-2027-INPE', 'Rojas Salas, Carmen', 'borrador', 248_050, '2027-04-01', ['E.P. de Huancayo']],
      ['OS N° 5001-2027', 'Quispe Mamani, Rosa Elena', 'borrador', 248_050, '2027-03-01', ['E.P. de Huancayo']],
    ]);
  });
});

describe('importing monthly conformities', () => {
  const HEADERS = ['Contrato', 'Mes', 'Entregable', 'Fecha de conformidad', 'Otorgada por', 'N° RH', 'Fecha RH', 'Monto bruto'];
  const today = limaToday(new Date().toISOString());
  const back = (n: number) => Array.from({ length: n }).reduce<string>((p) => previousPeriod(p), today.slice(0, 7));
  const months = [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'setiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ];
  const mmYyyy = (p: string) => `${p.slice(5)}/${p.slice(0, 4)}`;
  const named = (p: string) => `${months[Number(p.slice(5)) - 1]} ${p.slice(0, 4)}`;

  /** A service order in force from four months ago to two months ahead, and a draft. */
  async function contracts(): Promise<{ number: string; draft: string }> {
    const teacher = await app.ok('teachers.create', {
      dni: '47001234',
      ruc: '10470012345',
      lastNames: 'Torres Paz',
      firstNames: 'Luis',
      sex: 'M',
      disciplines: ['musica'],
    });
    const establishmentId = Number((await app.db('establishments').where({ name: 'E.P. de Huancayo' }).first('id')).id);
    const terms = (number: string) => ({
      teacherId: teacher.id,
      modality: 'orden_servicio' as const,
      number,
      object: 'Enseñanza de trompeta en la banda',
      startDate: `${back(4)}-01`,
      endDate: `${nextPeriod(nextPeriod(today.slice(0, 7)))}-28`,
      amountType: 'mensual' as const,
      amountCentimos: 248_050,
      hoursPerWeek: 16,
      budgetLine: 'docentes' as const,
      establishments: [{ establishmentId, workshopIds: [] }],
      notes: null,
    });
    const { contract } = await app.ok('contracts.create', terms('OS N° 7001-2026'));
    await app.ok('contracts.activate', { id: contract.id, version: contract.version, signedOn: `${back(4)}-01`, confirmOverBudget: true });
    await app.ok('contracts.create', terms('OS N° 7002-2026'));
    return { number: 'OS N° 7001-2026', draft: 'OS N° 7002-2026' };
  }

  it('reads the month and both amount styles, reports the planted errors by row, writes nothing, then signs the months off', async () => {
    const { number, draft } = await contracts();
    const dayIn = (p: string) => `05/${mmYyyy(p)}`;
    const excelDay = (p: string) => new Date(Date.UTC(Number(p.slice(0, 4)), Number(p.slice(5)) - 1, 6));
    const row4 = [
      number,
      mmYyyy(back(3)),
      'Informe de actividades',
      dayIn(back(2)),
      'Lic. Carmen Rojas',
      'E001-101',
      dayIn(back(2)),
      'S/ 2,480.50',
    ];
    const row5 = [
      'os n° 7001-2026',
      named(back(2)),
      'Informe de actividades',
      excelDay(back(1)),
      'Lic. Carmen Rojas',
      'E001-102',
      excelDay(back(1)),
      '2.480,50',
    ];
    const { up, mapping } = await inspect('conformities', HEADERS, [
      row4, // 4
      row5, // 5: the number in lower case, the month by its name, Excel dates, the other amount style
      [], // 6: blank
      [number, mmYyyy(back(6)), 'Informe', dayIn(back(2)), 'Lic. Carmen Rojas', 'E001-103', dayIn(back(2)), 2480.5], // 7: not one of its months
      [number, mmYyyy(back(1)), 'Informe', dayIn(back(1)), 'Lic. Carmen Rojas', '', '', 2480.5], // 8: a service order without its receipt
      [
        number,
        mmYyyy(back(4)),
        'Informe',
        formatDate(`${nextPeriod(nextPeriod(today.slice(0, 7)))}-01`),
        'Lic. Carmen Rojas',
        'E001-104',
        dayIn(back(1)),
        2480.5,
      ], // 9: in the future
      [number, mmYyyy(back(3)), 'Informe', dayIn(back(2)), 'Lic. Carmen Rojas', 'E001-105', dayIn(back(2)), 2480.5], // 10: row 4's month again
      [number, '13/2026', 'Informe', dayIn(back(2)), 'Lic. Carmen Rojas', 'E001-106', dayIn(back(2)), 2480.5], // 11: no such month
      [draft, mmYyyy(back(1)), 'Informe', dayIn(back(1)), 'Lic. Carmen Rojas', 'E001-107', dayIn(back(1)), 2480.5], // 12: a draft
      ['OS N° 9999-1999', mmYyyy(back(1)), 'Informe', dayIn(back(1)), 'Lic. Carmen Rojas', 'E001-108', dayIn(back(1)), 2480.5], // 13: no such contract
      ['TOTAL', '', '', '', '', '', '', 'S/ 4,961.00'], // 14
    ]);
    expect(up.headerRow).toBe(3);
    expect(up.skipped.map((s) => s.row)).toEqual([6, 14]);
    expect(mapping).toMatchObject({ contract: 'Contrato', period: 'Mes', receiptNumber: 'N° RH', gross: 'Monto bruto' });

    const before = await snapshot(app.db);
    const dry = await dryRun(up.uploadId, mapping);
    expect(dry).toMatchObject({ total: 9, valid: 2, invalid: 7 });
    expect(errorsOf(dry)).toEqual([
      [7, 'period', `Ese mes no está dentro del periodo del contrato ${number}.`],
      [8, 'receiptNumber', 'Una orden de servicio se paga con recibo por honorarios: indique su número.'],
      [9, 'conformityDate', 'La fecha no puede ser posterior a hoy.'],
      [10, 'period', `Este mes del contrato ${number} ya tiene conformidad en otra fila del archivo.`],
      [11, 'period', 'Escriba el mes del servicio como mm/aaaa (03/2026) o con su nombre (marzo 2026).'],
      [12, 'contract', `El contrato ${draft} es un borrador: primero actívelo con su fecha de firma.`],
    ]);
    expect(dry.unknownValues.map((u) => [u.field, u.value, u.rows])).toEqual([['contract', 'OS N° 9999-1999', [13]]]);
    await expectNothingWritten(up.uploadId, mapping, before);

    const good = await inspect('conformities', HEADERS, [row4, row5]);
    expect(await run(good.up.uploadId, good.mapping)).toMatchObject({ created: 2 });
    const list = await app.ok('conformities.list', { search: '7001' });
    expect(list.rows.map((f) => [f.period, f.grossCentimos, f.receiptNumber, f.status]).sort()).toEqual([
      [back(3), 248_050, 'E001-101', 'pendiente_pago'],
      [back(2), 248_050, 'E001-102', 'pendiente_pago'],
    ]);
    // The same month again is refused: it is signed off now.
    const again = await inspect('conformities', HEADERS, [row4]);
    expect(errorsOf(await dryRun(again.up.uploadId, again.mapping))).toEqual([[4, 'period', expect.stringContaining(number)]]);
  });
});

describe('a contracts officer who works with one establishment', () => {
  it('imports contracts only there, and signs off only the months of contracts there', async () => {
    const idOf = async (name: string) => Number((await app.db('establishments').where({ name }).first('id')).id);
    await app.signInAs('contratos', { establishmentIds: [await idOf('E.P. de Huancayo')] });
    const headers = CONTRACT_HEADERS;
    const terms = ['Quispe Mamani, Rosa Elena', 'CAS', 'Enseñanza de violín en el taller', '01/03/2027', '31/12/2027', 2480.5, 16];
    const { up, mapping } = await inspect('contracts', headers, [
      ['CAS N° 601-2027', ...terms, 'Huancayo'], // 4: theirs
      ['CAS N° 602-2027', ...terms, 'E.P. de Lurigancho'], // 5: another establishment
    ]);
    const dry = await dryRun(up.uploadId, mapping);
    expect(dry).toMatchObject({ valid: 1, invalid: 1 });
    expect(dry.errors.map((e) => [e.row, e.field])).toEqual([[5, 'establishment']]);

    // The demonstration's contracts elsewhere: their months are not this officer's to sign off.
    const elsewhere = (await app.db('contracts').where('number', 'like', 'VOL N°%').first('number')).number as string;
    const month = limaToday(new Date().toISOString()).slice(0, 7);
    const f = await inspect(
      'conformities',
      ['Contrato', 'Mes', 'Entregable', 'Fecha de conformidad', 'Otorgada por', 'Monto bruto'],
      [
        [
          elsewhere,
          `${month.slice(5)}/${month.slice(0, 4)}`,
          'Informe de actividades',
          formatDate(limaToday(new Date().toISOString())),
          'Lic. Carmen Rojas',
          0,
        ],
      ],
    );
    expect(errorsOf(await dryRun(f.up.uploadId, f.mapping))).toEqual([
      [
        4,
        'contract',
        `El contrato ${elsewhere} es de un establecimiento con el que su usuario no trabaja: no puede registrar su conformidad.`,
      ],
    ]);
  });
});
