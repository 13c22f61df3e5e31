import type { ExportFormat } from '../../../shared/ipc';
import type { Translate } from '../i18n';
import { tableBytes, type Column } from '../export/table';
import { newWorkbook } from '../export/workbook';
import type { AnyImportTarget, Cell } from './target';

/**
 * "Descargar plantilla": the file a clerk fills in for a target, in the user's language.
 * Its headers are the fields' labels (the import recognises them without any mapping,
 * required ones marked with an asterisk that the header matching ignores) and its rows the
 * target's example, written the way clerks write them. The import reads its own template
 * back without an error (tested for every target).
 */
export function templateColumns(target: AnyImportTarget, t: Translate): Column<Record<string, Cell>>[] {
  const further = (target.exampleColumns ?? []).map((header) => ({
    header,
    width: Math.max(12, header.length + 4),
    value: (row: Record<string, Cell>) => templateCell(row[header]),
  }));
  const fields = columnFields(target).map((f) => {
    const header = `${t(f.labelKey)}${f.required ? ' *' : ''}`;
    return {
      header,
      width: Math.max(12, Math.min(40, header.length + 4)),
      value: (row: Record<string, Cell>) => templateCell(row[f.key]),
    };
  });
  return [...fields, ...further];
}

/** The fields that are a column of their own (not an attendance sheet's marks, which are in the date columns). */
const columnFields = (target: AnyImportTarget) => target.fields.filter((f) => !f.fromColumns);

function templateCell(v: Cell | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === 'boolean' ? String(v) : v;
}

export async function templateBytes(target: AnyImportTarget, name: string, t: Translate, format: ExportFormat): Promise<Buffer> {
  const sheetName = t(`import.targets.${name}.sheet`);
  const bytes = await tableBytes(format, sheetName, templateColumns(target, t), target.example);
  if (format === 'csv') return bytes;
  // A second sheet explains the columns: which are required and what each accepts.
  const wb = await newWorkbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const help = wb.addWorksheet(t('import.template.helpSheet'));
  help.columns = [
    { header: t('import.template.column'), width: 34 },
    { header: t('import.template.required'), width: 14 },
  ];
  help.getRow(1).font = { bold: true };
  for (const f of columnFields(target)) help.addRow([t(f.labelKey), f.required ? t('common.yes') : t('common.no')]);
  help.addRow([]);
  help.addRow([t('import.template.note')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
