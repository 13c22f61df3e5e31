import type { Knex } from 'knex';
import { formatDate, parseDateInput } from '../../../shared/format';
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

export interface Validated {
  report: ImportReport;
  rows: ParsedRow<unknown>[];
  ctx: unknown;
  /** The values to create before writing: field, key, name as written, option. */
  creates: Array<{ field: string; key: string; name: string; option: string }>;
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
): Promise<Validated> {
  const ctx: unknown = await target.prepare(db, env);
  const total = table.rows.length;
  const tick = ticker(job, 'validate', total);
  const scope = env.scope;

  // The registers of the mapped register fields.
  const registers = new Map<
    string,
    { def: NonNullable<ImportFieldDef['register']>; index: RegisterIndex; none: Set<string>; offered: RegisterIndex }
  >();
  for (const f of target.fields) {
    if (!f.register || !columns.has(f.key) || !target.register) continue;
    const entries = target.register(ctx, f.key);
    const index = registerIndex(entries, f.register.prefix);
    registers.set(f.key, {
      def: f.register,
      // Every record is recognised (a name outside the user's scope is refused as such)…
      index,
      none: new Set((f.register.none ?? []).map(registerKey)),
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

  const rowErrors = new Map<number, Array<[string, MessageRef]>>();
  const addError = (index: number, field: string, ref: MessageRef) => {
    const list = rowErrors.get(index) ?? [];
    list.push([field, ref]);
    rowErrors.set(index, list);
  };
  const unknown = new Map<string, { field: string; key: string; value: string; rows: number[] }>();
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
    for (const [key, col] of columns) raw[key] = sheetRow.cells[col] ?? null;
    rawRows.push(raw);

    const refs: Refs = {};
    for (const [field, reg] of registers) {
      const text = raw[field] === undefined ? '' : cellString(raw[field] ?? null);
      if (text === '') {
        refs[field] = null;
        continue;
      }
      const key = registerKey(text);
      if (reg.none.has(key)) {
        refs[field] = null;
        continue;
      }
      const found = findInRegister(reg.index, text);
      const choice = values[field]?.[key];
      if (found !== undefined) refs[field] = { id: found };
      else if (choice && 'id' in choice && reg.index.ids.has(choice.id)) refs[field] = { id: choice.id };
      else if (choice && 'create' in choice && reg.def.create) {
        const id = `${field}\u0000${key}`;
        const c = creates.get(id) ?? { field, key, name: text, option: choice.create, count: 0 };
        c.count++;
        creates.set(id, c);
        refs[field] = { unknown: key };
      } else {
        const id = `${field}\u0000${key}`;
        const u = unknown.get(id) ?? { field, key, value: text, rows: [] };
        u.rows.push(sheetRow.row);
        unknown.set(id, u);
        unknownRows.add(index);
        refs[field] = { unknown: key };
      }
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
  const keys = rawRows.map((raw) => {
    const k = raw[keyField] === undefined ? '' : cellString(raw[keyField] ?? null).toUpperCase();
    return k === '' ? null : k;
  });
  const rowsByKey = new Map<string, number[]>();
  keys.forEach((k, index) => {
    if (k !== null) rowsByKey.set(k, [...(rowsByKey.get(k) ?? []), table.rows[index]!.row]);
  });
  const existing = await target.key.existing(db, [...rowsByKey.keys()]);
  job.signal.throwIfAborted();

  let toCreate = 0;
  let toUpdate = 0;
  const valid: ParsedRow<unknown>[] = [];
  keys.forEach((k, index) => {
    const found = k === null ? undefined : existing.get(k);
    if (k !== null && rowsByKey.get(k)!.length > 1) {
      addError(index, keyField, {
        key: 'import.errors.duplicateInFile',
        params: { code: k, rows: list.format(rowsByKey.get(k)!.map(String)) },
      });
    }
    if (found && mode === 'create') addError(index, keyField, target.key.exists(k!));
    if (scope !== null && target.scopeField) {
      if (found && mode === 'upsert') {
        if (!(found.establishments ?? []).some((e) => e !== null && scope.includes(e))) {
          addError(index, keyField, { key: 'import.errors.recordOutOfScope', params: { code: k ?? '' } });
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

  const headerOf = new Map([...columns].map(([key, col]) => [key, table.headers[col] ?? '']));
  const order = new Map(target.fields.map((f, i) => [f.key, i]));
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
  const unknownValues: ImportUnknownValue[] = [...unknown.values()].sort(byFieldThenRow).map((u) => ({
    field: u.field,
    column: headerOf.get(u.field) ?? '',
    value: u.value,
    key: u.key,
    count: u.rows.length,
    rows: u.rows.slice(0, UNKNOWN_ROWS_SHOWN),
    suggestions: suggestFromRegister(registers.get(u.field)!.offered, u.value).map((e) => ({ id: e.id, label: e.label })),
  }));
  const registersShown: Record<string, Array<{ id: number; label: string }>> = {};
  for (const field of new Set(unknownValues.map((u) => u.field))) {
    registersShown[field] = registers
      .get(field)!
      .offered.entries.map((e) => ({ id: e.id, label: e.label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'es'));
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
