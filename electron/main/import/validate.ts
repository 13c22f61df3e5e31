import type { Knex } from 'knex';
import { compareSpanish, formatDate, parseDateInput } from '../../../shared/format';
import {
  MAX_REPORTED_ERRORS,
  type ImportMode,
  type ImportReport,
  type ImportRowError,
  type ImportSkippedRow,
  type ImportUnknownValue,
  type ImportValueMapping,
} from '../../../shared/import/schemas';
import type { MessageRef } from '../../../shared/validation';
import type { Translate } from '../i18n';
import { fieldError } from '../ipc/errors';
import type { JobControl } from '../jobs/jobs';
import { cellString, type Cell, type SheetRow } from './read';
import type { AnyImportTarget, ImportEnv, ImportFieldDef, ParsedRow, RawRow, Refs } from './target';
import { findInRegister, registerIndex, registerKey, suggestFromRegister, type RegisterIndex } from './values';

/** Every row of a table checked against a target: what the dry run reports and the import writes. */

/** A cell as the clerk sees it: dates dd/mm/aaaa, booleans Sí/No. */
export function cellText(c: Cell | undefined, t: Translate): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return formatDate(parseDateInput(c)) || c.toISOString();
  if (typeof c === 'boolean') return t(c ? 'common.yes' : 'common.no');
  return String(c).trim();
}

const PROGRESS_EVERY = 200;

/** progress(done) for a phase: checks for a cancel every time, reports every ~200 rows. */
export function ticker(job: JobControl, phase: string, total: number) {
  job.progress(0, total, phase);
  return (done: number) => {
    job.signal.throwIfAborted();
    if (done % PROGRESS_EVERY === 0 || done === total) job.progress(done, total, phase);
  };
}

/** How many rows of an unknown value the report names. */
const UNKNOWN_ROWS_SHOWN = 20;

/** A register field's records, as the rows are matched against them. */
interface Register {
  def: NonNullable<ImportFieldDef['register']>;
  index: RegisterIndex;
  none: Set<string>;
  /** What a restricted user is offered (their establishments). */
  offered: RegisterIndex;
  /** Every value is listed in the report, matched or not (a field read from the columns by their header). */
  listed: boolean;
}

export interface Validated {
  report: ImportReport;
  rows: ParsedRow<unknown>[];
  ctx: unknown;
  /** The values to create before writing: field, key, name as written, option. */
  creates: Array<{ field: string; key: string; name: string; option: string }>;
}

/**
 * The columns a row is read from: the mapped fields, then the columns the target reads by
 * their header (columnKey: an attendance sheet's session dates). Two columns that read as
 * the same key are refused as one column mapped twice.
 */
function readColumns(target: AnyImportTarget, headers: string[], columns: Map<string, number>): Map<string, number> {
  const read = new Map(columns);
  if (!target.columnKey) return read;
  const mapped = new Set(columns.values());
  headers.forEach((header, col) => {
    const key = mapped.has(col) ? null : target.columnKey!(header);
    if (key === null) return;
    if (read.has(key)) {
      throw fieldError(`columns.${col}`, 'import.errors.columnTwice', { column: header });
    }
    read.set(key, col);
  });
  return read;
}

export async function validateAll(
  db: Knex,
  target: AnyImportTarget,
  table: { headerRow: number; headers: string[]; rows: SheetRow[]; skipped: ImportSkippedRow[] },
  columns: Map<string, number>,
  values: ImportValueMapping,
  mode: ImportMode,
  env: ImportEnv,
  t: Translate,
  job: JobControl,
  fixed: Record<string, number> = {},
): Promise<Validated> {
  const ctx: unknown = await target.prepare(db, env);
  const total = table.rows.length;
  const tick = ticker(job, 'validate', total);
  const scope = env.scope;

  // The registers of the mapped register fields.
  const registers = new Map<string, Register>();
  for (const f of target.fields) {
    if (!f.register || !target.register || (!columns.has(f.key) && !(f.key in fixed) && !f.fromColumns)) continue;
    const entries = target.register(ctx, f.key);
    const index = registerIndex(entries, f.register.prefix);
    registers.set(f.key, {
      def: f.register,
      // Every record is recognised (a name outside the user's scope is refused as such)…
      index,
      none: new Set((f.register.none ?? []).map(registerKey)),
      // A field read from the columns by their header lists every value, matched or not.
      listed: !!f.fromColumns,
      // …but a restricted user is offered only their establishments.
      offered:
        f.key === target.scopeField && scope !== null
          ? registerIndex(
              entries.filter((e) => scope.includes(e.id)),
              f.register.prefix,
            )
          : index,
    });
  }

  // A record chosen before the file must be one the user may choose.
  for (const [field, id] of Object.entries(fixed)) {
    if (!registers.get(field)?.offered.ids.has(id)) {
      throw fieldError(`fixed.${field}`, 'errors.notFound');
    }
  }
  const read = readColumns(target, table.headers, columns);
  const byHeader = [...read.keys()].filter((key) => !columns.has(key));

  const rowErrors = new Map<number, Array<[string, MessageRef]>>();
  const addError = (index: number, field: string, ref: MessageRef) => {
    const list = rowErrors.get(index) ?? [];
    list.push([field, ref]);
    rowErrors.set(index, list);
  };
  const unknown = new Map<string, { field: string; key: string; value: string; rows: number[]; matched?: number }>();
  const creates = new Map<string, { field: string; key: string; name: string; option: string; count: number }>();
  const unknownRows = new Set<number>();
  const rawRows: RawRow[] = [];
  const refsOf: Refs[] = [];
  const parsed = new Map<number, ParsedRow<unknown>>();

  for (const [index, sheetRow] of table.rows.entries()) {
    // Every ~200 rows, let main answer what waits (the progress polls, Cancel): reading a
    // long sheet would otherwise hold the process until its last row.
    if (index > 0 && index % PROGRESS_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const raw: RawRow = {};
    for (const [key, col] of read) raw[key] = sheetRow.cells[col] ?? null;
    rawRows.push(raw);

    const refs: Refs = {};
    /** A register field's cell → its record, none, or an unknown value listed once. */
    const match = (field: string, reg: Register, cell: Cell | undefined, at: string) => {
      const text = cell === undefined ? '' : cellString(cell ?? null);
      const key = registerKey(text);
      if (text === '' || reg.none.has(key)) {
        refs[at] = null;
        return;
      }
      const found = findInRegister(reg.index, text);
      const choice = values[field]?.[key];
      const chosen = choice && 'id' in choice && reg.index.ids.has(choice.id) ? choice.id : undefined;
      const id = `${field}\u0000${key}`;
      if (reg.listed) {
        const u = unknown.get(id) ?? { field, key, value: text, rows: [], matched: chosen ?? found };
        if (u.rows[u.rows.length - 1] !== sheetRow.row) u.rows.push(sheetRow.row);
        unknown.set(id, u);
        if (u.matched === undefined) unknownRows.add(index);
        refs[at] = u.matched === undefined ? { unknown: key } : { id: u.matched };
      } else if (found !== undefined) refs[at] = { id: found };
      else if (chosen !== undefined) refs[at] = { id: chosen };
      else if (choice && 'create' in choice && reg.def.create) {
        const c = creates.get(id) ?? { field, key, name: text, option: choice.create, count: 0 };
        c.count++;
        creates.set(id, c);
        refs[at] = { unknown: key };
      } else {
        const u = unknown.get(id) ?? { field, key, value: text, rows: [] };
        u.rows.push(sheetRow.row);
        unknown.set(id, u);
        unknownRows.add(index);
        refs[at] = { unknown: key };
      }
    };
    for (const [field, reg] of registers) {
      if (field in fixed) refs[field] = { id: fixed[field]! };
      else if (reg.listed) for (const key of byHeader) match(field, reg, raw[key], key);
      else match(field, reg, raw[field], field);
    }
    refsOf.push(refs);

    const r = target.parseRow(raw, ctx, refs);
    if ('errors' in r) for (const [field, ref] of Object.entries(r.errors)) addError(index, field, ref);
    else parsed.set(index, { row: sheetRow.row, values: r.values });
    tick(index + 1);
  }

  // The key checks, on every row, whatever else is wrong with it.
  const keyField = target.key.field;
  const list = new Intl.ListFormat(env.locale === 'en' ? 'en' : 'es', { type: 'conjunction' });
  // Keys are compared in capitals; messages name them as the clerk wrote them.
  const written = rawRows.map((raw) => (raw[keyField] === undefined ? '' : cellString(raw[keyField] ?? null)));
  const keys = written.map((w) => (w === '' ? null : w.toUpperCase()));
  // Rows that are the same record: the same key, or what the target's rowKey says.
  const rowKey = target.key.rowKey;
  const sameKeys = keys.map((k, index) => (k === null || !rowKey ? k : rowKey(rawRows[index]!, refsOf[index]!)));
  const rowsByKey = new Map<string, number[]>();
  sameKeys.forEach((k, index) => {
    if (k !== null) rowsByKey.set(k, [...(rowsByKey.get(k) ?? []), table.rows[index]!.row]);
  });
  const existing = await target.key.existing(db, [...new Set(keys.filter((k) => k !== null))]);
  job.signal.throwIfAborted();

  let toCreate = 0;
  let toUpdate = 0;
  const valid: ParsedRow<unknown>[] = [];
  keys.forEach((k, index) => {
    const found = k === null ? undefined : existing.get(k);
    const same = sameKeys[index] ?? null;
    if (k !== null && same !== null && rowsByKey.get(same)!.length > 1) {
      addError(index, keyField, {
        key: 'import.errors.duplicateInFile',
        params: { code: written[index]!, rows: list.format(rowsByKey.get(same)!.map(String)) },
      });
    }
    if (found && mode === 'create') addError(index, keyField, target.key.exists(written[index]!));
    if (scope !== null && target.scopeField) {
      if (found && mode === 'upsert') {
        if (!(found.establishments ?? []).some((e) => e !== null && scope.includes(e))) {
          addError(index, keyField, { key: 'import.errors.recordOutOfScope', params: { code: written[index]! } });
        }
      } else if (!found) {
        const ref = refsOf[index]![target.scopeField];
        if (ref === null || ref === undefined) addError(index, target.scopeField, { key: 'import.errors.noEstablishmentInScope' });
        else if ('id' in ref && !scope.includes(ref.id)) addError(index, target.scopeField, { key: 'import.errors.outOfScope' });
      }
    }
    const row = parsed.get(index);
    if (row && !rowErrors.has(index) && !unknownRows.has(index)) {
      valid.push(row);
      if (found) toUpdate++;
      else toCreate++;
    }
  });

  const headerOf = new Map([...read].map(([key, col]) => [key, table.headers[col] ?? '']));
  const order = new Map(target.fields.map((f, i) => [f.key, i]));
  // A column read by its header comes after the fields, in the file's order.
  for (const [key, col] of read) if (!order.has(key)) order.set(key, target.fields.length + col);
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  for (const index of [...rowErrors.keys()].sort((a, b) => a - b)) {
    const fieldErrors = [...rowErrors.get(index)!].sort(([a], [b]) => (order.get(a) ?? -1) - (order.get(b) ?? -1));
    for (const [field, ref] of fieldErrors) {
      errorCount++;
      if (errors.length >= MAX_REPORTED_ERRORS) continue;
      errors.push({
        row: table.rows[index]!.row,
        field,
        column: headerOf.get(field) ?? '',
        value: cellText(rawRows[index]![field], t),
        message: t(ref.key, ref.params ?? {}),
      });
    }
  }
  const byFieldThenRow = (a: { field: string; rows: number[] }, b: { field: string; rows: number[] }) =>
    (order.get(a.field) ?? -1) - (order.get(b.field) ?? -1) || a.rows[0]! - b.rows[0]!;
  const labelOf = new Map(target.fields.map((f) => [f.key, t(f.labelKey)]));
  const unknownValues: ImportUnknownValue[] = [...unknown.values()].sort(byFieldThenRow).map((u) => ({
    field: u.field,
    column: headerOf.get(u.field) ?? labelOf.get(u.field) ?? '',
    value: u.value,
    key: u.key,
    count: u.rows.length,
    rows: u.rows.slice(0, UNKNOWN_ROWS_SHOWN),
    suggestions: suggestFromRegister(registers.get(u.field)!.offered, u.value).map((e) => ({ id: e.id, label: e.label })),
    ...(u.matched === undefined ? {} : { matched: u.matched }),
  }));
  const registersShown: Record<string, Array<{ id: number; label: string }>> = {};
  for (const field of new Set(unknownValues.map((u) => u.field))) {
    registersShown[field] = registers
      .get(field)!
      .offered.entries.map((e) => ({ id: e.id, label: e.label }))
      .sort((a, b) => compareSpanish(a.label, b.label));
  }
  const invalid = new Set([...rowErrors.keys(), ...unknownRows]).size;
  const report: ImportReport = {
    mode,
    headerRow: table.headerRow,
    total,
    valid: valid.length,
    invalid,
    toCreate,
    toUpdate,
    errors,
    errorCount,
    errorRows: rowErrors.size,
    unknownValues,
    registers: registersShown,
    newValues: [...creates.values()].map((c) => ({ field: c.field, value: c.name, option: c.option, count: c.count })),
    skipped: table.skipped,
  };
  return { report, rows: valid, ctx, creates: [...creates.values()] };
}
