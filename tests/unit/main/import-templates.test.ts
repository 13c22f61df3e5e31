import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../electron/main/i18n';
import { importTargets } from '../../../electron/main/import/targets';
import { templateColumns } from '../../../electron/main/import/template';
import { attendanceExample } from '../../../electron/main/programmes/attendance-import';
import { programmeYear } from '../../../electron/main/programmes/demo-data';
import { importTargets as targetNames, ImportReport, ImportResult } from '../../../shared/import/schemas';
import { testApp, type TestApp } from '../../helpers/services';
import { importJob } from '../../helpers/import';

/**
 * "Descargar plantilla": every import target saves an example file that the import reads
 * back as it is, headers recognised without any mapping by the clerk and every example row
 * valid, in Spanish and in English. A target whose example or labels drift apart fails here.
 */
let app: TestApp;
beforeAll(async () => {
  app = await testApp();
  await app.ok('demo.load', {});
}, 120_000);
afterAll(() => app.close());

describe('the attendance template', () => {
  it('is dated on the demonstration band’s first two sessions, never in the future, whatever the day', () => {
    for (const [today, year] of [
      ['2027-01-15', 2026],
      ['2027-03-08', 2026],
      ['2027-03-09', 2027],
      ['2027-12-31', 2027],
    ] as const) {
      const { rows, columns } = attendanceExample(today);
      expect(programmeYear(today)).toBe(year);
      expect(columns).toEqual([`02/03/${year}`, `09/03/${year}`]);
      for (const c of columns) expect(c.split('/').reverse().join('-') <= today).toBe(true);
      expect(rows.every((r) => columns.every((c) => typeof r[c] === 'string'))).toBe(true);
    }
    // Its columns: the participant, the workshop and the dates (the marks are in the dates' cells, not a column).
    const today = new Date().toISOString().slice(0, 10);
    expect(templateColumns(importTargets.attendance, translator('es-PE')).map((c) => c.header)).toEqual([
      'Participante *',
      'Taller *',
      ...attendanceExample(today).columns,
    ]);
  });
});

describe.each(targetNames)('the %s template', (target) => {
  it.each(['xlsx', 'csv'] as const)('as %s: headers are the labels, and the import reads its rows back without errors', async (format) => {
    const saved = await app.ok('import.template', { target, format });
    if (saved.status !== 'saved') throw new Error('the template was not saved');
    expect(saved.path.endsWith(`.${format}`)).toBe(true);
    expect(saved.rows).toBe(importTargets[target].example.length);
    const bytes = fs.readFileSync(saved.path);

    const ins = await app.ok('import.inspect', { target, fileName: `plantilla.${format}`, dataBase64: bytes.toString('base64') });
    expect(ins.headerRow).toBe(1);
    expect(ins.rowCount).toBe(importTargets[target].example.length);
    // Every field is recognised by its own header: the clerk maps nothing.
    for (const f of ins.fields) expect(ins.suggestedMapping[f.key], f.key).toBe(ins.headers.find((h) => h.startsWith(f.label)));

    const mapping = Object.fromEntries(ins.fields.map((f) => [f.key, ins.suggestedMapping[f.key] ?? null]));
    const dry = await importJob(app, 'import.dryRun', ins.uploadId, mapping);
    const report = ImportReport.parse(dry.result);
    expect(report.errors).toEqual([]);
    // Nothing waits for the clerk (an attendance sheet's marks are listed, each read as a meaning).
    expect(report.unknownValues.filter((u) => u.matched === undefined)).toEqual([]);
    expect(report.invalid).toBe(0);
    expect(report.valid).toBe(importTargets[target].example.length);
  });

  it('in English too, with a sheet of instructions that lists the required columns', async () => {
    await app.ok('app.setLocale', { locale: 'en' });
    try {
      const saved = await app.ok('import.template', { target, format: 'xlsx' });
      if (saved.status !== 'saved') throw new Error('the template was not saved');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved.path);
      expect(wb.worksheets.map((w) => w.name)[1]).toBe('Instructions');
      const ins = await app.ok('import.inspect', {
        target,
        fileName: 'template.xlsx',
        dataBase64: fs.readFileSync(saved.path).toString('base64'),
      });
      const required = ins.fields.filter((f) => f.required);
      for (const f of required) expect(ins.headers).toContain(`${f.label} *`);
      const mapping = Object.fromEntries(ins.fields.map((f) => [f.key, ins.suggestedMapping[f.key] ?? null]));
      const run = await importJob(app, 'import.run', ins.uploadId, mapping, { mode: 'upsert' });
      expect(run.state).toBe('done');
      expect(ImportResult.parse(run.result).total).toBe(importTargets[target].example.length);
    } finally {
      await app.ok('app.setLocale', { locale: 'es-PE' });
    }
  });
});
