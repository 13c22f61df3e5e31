import { describe, expect, it } from 'vitest';
import { errorsOf, sheetImport } from '../../helpers/messy-sheet';
import { appWithDemo, snapshot } from '../../helpers/services';
import { appPerTest } from '../../helpers/per-test';

/**
 * Partners and their agreements from the programme's messy spreadsheets: the header row
 * below a title, a blank row, a TOTAL row, dates as text and as Excel dates, partners named
 * as clerks write them. The dry run reports exactly the planted errors with their rows and
 * writes nothing; then a clean file is imported, and imported again as an update.
 */
const app = appPerTest(appWithDemo, 120_000);

const { inspect, dryRun, run, expectNothingWritten } = sheetImport(() => app);

describe('importing partners', () => {
  const HEADERS = ['Entidad', 'Tipo', 'Persona de contacto', 'Cargo', 'Correo', 'Teléfono'];
  const artes = [
    'Asociación Cultural Arte y Libertad',
    'Sociedad civil',
    'María Salazar',
    'Coordinadora',
    'proyectos@arte.example',
    '01 445 2210',
  ];
  const fundacion = ['Fundación Música para Todos', 'privado', '', '', '', ''];

  it('reports the planted errors by row, writes nothing, then imports and updates by name', async () => {
    const { up, mapping } = await inspect('partners', HEADERS, [
      artes, // 4
      fundacion, // 5
      [], // 6: blank
      ['Colectivo Teatro Abierto', 'Sociedad civil', '', '', 'contacto@', ''], // 7: not an e-mail
      ['Parroquia San Pedro', 'Iglesia', '', '', '', ''], // 8: no such type
      ['AB', 'Privado', '', '', '', ''], // 9: a name too short
      ['alianza francesa de lima', 'Sociedad civil', '', '', '', ''], // 10: already registered
      ['Asociación Cultural Arte y Libertad', 'Sociedad civil', '', '', '', ''], // 11: row 4's name again
      ['Banda Municipal', 'Sector público', '', '', '', 'anexo doce'], // 12: not a phone
      ['TOTAL', '', '', '', '', ''], // 13
    ]);
    expect(up.headerRow).toBe(3);
    expect(up.skipped.map((s) => s.row)).toEqual([6, 13]);
    expect(mapping).toMatchObject({ name: 'Entidad', type: 'Tipo', contactName: 'Persona de contacto', contactEmail: 'Correo' });

    const before = await snapshot(app.db);
    const dry = await dryRun(up.uploadId, mapping);
    expect(dry).toMatchObject({ total: 8, valid: 1, invalid: 7 });
    expect(errorsOf(dry)).toEqual([
      [4, 'name', expect.stringContaining('filas 4 y 11')],
      [7, 'contactEmail', 'Escriba un correo electrónico válido.'],
      [8, 'type', 'Valor no reconocido. Escriba uno de: Sector público, Sector privado, Sociedad civil, Cooperación internacional.'],
      [9, 'name', 'Escriba al menos 3 caracteres.'],
      [10, 'name', 'Ya existe un aliado llamado alianza francesa de lima.'],
      [11, 'name', expect.stringContaining('filas 4 y 11')],
      [12, 'contactPhone', 'Use solo números, espacios, +, guiones y paréntesis.'],
    ]);
    await expectNothingWritten(up.uploadId, mapping, before);

    const good = await inspect('partners', HEADERS, [artes, fundacion]);
    expect(await run(good.up.uploadId, good.mapping)).toMatchObject({ created: 2, updated: 0 });
    const created = await app.ok('partners.list', { search: 'Arte y Libertad' });
    expect(created.map((p) => [p.name, p.type, p.contactEmail, p.active])).toEqual([
      ['Asociación Cultural Arte y Libertad', 'sociedad_civil', 'proyectos@arte.example', true],
    ]);

    const again = await inspect('partners', HEADERS, [
      ['ALIANZA FRANCESA DE LIMA', 'Sociedad civil', 'Claire Dubois', 'Directora', '', ''],
    ]);
    expect(await run(again.up.uploadId, again.mapping, 'upsert')).toMatchObject({ updated: 1 });
    expect((await app.ok('partners.list', { search: 'Alianza Francesa' })).map((p) => [p.name, p.contactName])).toEqual([
      ['ALIANZA FRANCESA DE LIMA', 'Claire Dubois'],
    ]);
  });
});

describe('importing agreements', () => {
  const HEADERS = ['Aliado', 'Título', 'Objeto del convenio', 'N° de convenio', 'Fecha de inicio', 'Fecha de término'];
  const af = [
    'Alianza Francesa de Lima',
    'Convenio de cooperación cultural',
    'Talleres de teatro',
    'CONV-099-2026-AF',
    '15/03/2026',
    new Date(Date.UTC(2028, 2, 14)),
  ];
  const minedu = [
    'ministerio de educacion (minedu)',
    'Convenio marco EBA',
    'Educación básica alternativa en los talleres',
    'CONV-100-2026-MINEDU',
    new Date(Date.UTC(2026, 0, 2)),
    '',
  ];

  it('finds partners however written, reports the planted errors by row, writes nothing, then imports and updates by number', async () => {
    const { up, mapping } = await inspect('agreements', HEADERS, [
      af, // 4
      minedu, // 5: the partner without accents, in lower case; no end (indefinite)
      [], // 6: blank
      ['Alianza Francesa de Lima', 'Convenio de música', 'Clases de música', 'CONV-101-2026', '01/06/2026', '01/03/2026'], // 7: ends before it starts
      ['Alianza Francesa de Lima', 'Convenio de danza', 'Clases de danza', '', '01/06/2026', ''], // 8: no number
      ['Alianza Francesa de Lima', 'Convenio de canto', 'Clases de canto', 'CONV-102-2026', '31/02/2026', ''], // 9: no such day
      ['Municipalidad Metropolitana de Lima', 'Convenio municipal', 'Presentaciones', 'conv-012-2025-mml-inpe', '01/06/2026', ''], // 10: already registered
      ['Alianza Francesa de Lima', 'Convenio de teatro', 'Teatro', 'CONV-099-2026-AF', '01/06/2026', ''], // 11: row 4's number again
      ['Museo de Marte', 'Convenio de exposición', 'Exposición', 'CONV-103-2026', '01/06/2026', ''], // 12: no such partner
      ['Alianza Francesa de Lima', 'AB', 'Clases de pintura', 'CONV-104-2026', '01/06/2026', ''], // 13: a title too short
      ['TOTAL', '', '', '', '', ''], // 14
    ]);
    expect(up.headerRow).toBe(3);
    expect(up.skipped.map((s) => s.row)).toEqual([6, 14]);
    expect(mapping).toMatchObject({ partner: 'Aliado', title: 'Título', documentNumber: 'N° de convenio', endDate: 'Fecha de término' });

    const before = await snapshot(app.db);
    const dry = await dryRun(up.uploadId, mapping);
    expect(dry).toMatchObject({ total: 9, valid: 1, invalid: 8 });
    expect(errorsOf(dry)).toEqual([
      [4, 'documentNumber', expect.stringContaining('filas 4 y 11')],
      [7, 'endDate', 'La fecha de término no puede ser anterior a la de inicio.'],
      [8, 'documentNumber', 'Este campo es obligatorio.'],
      [9, 'startDate', 'Escriba una fecha válida (dd/mm/aaaa).'],
      [10, 'documentNumber', 'Ya está registrado el convenio N.° conv-012-2025-mml-inpe.'],
      [11, 'documentNumber', expect.stringContaining('filas 4 y 11')],
      [13, 'title', 'Escriba al menos 3 caracteres.'],
    ]);
    expect(dry.unknownValues.map((u) => [u.field, u.value, u.rows])).toEqual([['partner', 'Museo de Marte', [12]]]);
    await expectNothingWritten(up.uploadId, mapping, before);

    const good = await inspect('agreements', HEADERS, [af, minedu]);
    expect(await run(good.up.uploadId, good.mapping)).toMatchObject({ created: 2 });
    const listed = (await app.ok('agreements.list', { partnerId: null, state: null })).filter(
      (a) => a.documentNumber?.startsWith('CONV-1') || a.documentNumber === 'CONV-099-2026-AF',
    );
    expect(listed.map((a) => [a.documentNumber, a.partnerName, a.startDate, a.endDate]).sort()).toEqual([
      ['CONV-099-2026-AF', 'Alianza Francesa de Lima', '2026-03-15', '2028-03-14'],
      ['CONV-100-2026-MINEDU', 'Ministerio de Educación (MINEDU)', '2026-01-02', null],
    ]);

    const again = await inspect('agreements', HEADERS, [
      [...af.slice(0, 1), 'Convenio de cooperación cultural y artística', ...af.slice(2)],
    ]);
    expect(await run(again.up.uploadId, again.mapping, 'upsert')).toMatchObject({ updated: 1 });
    const after = (await app.ok('agreements.list', { partnerId: null, state: null })).find((a) => a.documentNumber === 'CONV-099-2026-AF');
    expect(after?.title).toBe('Convenio de cooperación cultural y artística');
  });
});
