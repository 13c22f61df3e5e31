import type { Knex } from 'knex';
import type { z } from 'zod';
import { parseDateInput } from '../../../shared/format';
import { issuesByField, type MessageRef } from '../../../shared/validation';
import { allEstablishments } from '../establishments/repository';
import { translator } from '../i18n';
import { matchKey } from './mapping';
import { cellString, type Cell } from './read';
import type { FieldErrors, RegisterEntry } from './target';

/**
 * Cell readers the register targets share (teachers, contracts, conformities, partners,
 * agreements): a cell's text, a date, a choice among a rule's values, a document number,
 * and the form's schema errors put on the import's fields. Each reads the cell exactly or
 * refuses it; none guesses.
 */

/** A cell's text, trimmed; '' when empty or not mapped. */
export const textOf = (c: Cell | undefined): string => cellString(c ?? null);

/** A date cell (an Excel date or dd/mm/aaaa text) → ISO day; null when empty; an error when it is not a real date. */
export function readDateCell(c: Cell | undefined): { iso: string | null } | { error: MessageRef } {
  if (c === null || c === undefined || textOf(c) === '') return { iso: null };
  // A bare number is not a date the clerk wrote (a date cell comes as a Date).
  const iso = c instanceof Date ? parseDateInput(c) : typeof c === 'string' ? parseDateInput(c.trim()) : null;
  return iso === null ? { error: { key: 'errors.invalidDate' } } : { iso };
}

/**
 * A DNI or RUC cell → its digits as written. A number cell is read as its integer digits
 * (Excel drops no digit of an 11-digit RUC); a leading zero Excel dropped is not put back:
 * the DNI's own check then says how many digits there are.
 */
export function documentNumberOf(c: Cell | undefined): string {
  if (typeof c === 'number' && Number.isInteger(c) && c >= 0) return String(c);
  return textOf(c);
}

/**
 * Reads a choice among a rule's values: the value itself, its label in Spanish and English
 * (`${labelPrefix}.${value}`) and other words clerks use. Answers undefined for an empty
 * cell, null for a word it does not know.
 */
export function choiceReader<T extends string>(values: readonly T[], labelPrefix: string, words: Partial<Record<T, string[]>> = {}) {
  const byWord = new Map<string, T>();
  const ts = [translator('es-PE'), translator('en')] as unknown as Array<(key: string) => string>;
  for (const v of values) {
    for (const w of [v, v.replace(/_/g, ' '), ...ts.map((t) => t(`${labelPrefix}.${v}`)), ...(words[v] ?? [])]) {
      byWord.set(matchKey(w), v);
    }
  }
  const read = (c: Cell | undefined): T | null | undefined => {
    const s = textOf(c);
    return s === '' ? undefined : (byWord.get(matchKey(s)) ?? null);
  };
  /** The Spanish labels, for the message that lists what the column accepts. */
  const options = values.map((v) => ts[0]!(`${labelPrefix}.${v}`)).join(', ');
  return { read, options };
}

/** A list in one cell: "Música; Canto coral", "Violín, Viola" or one per line. */
export const listOf = (c: Cell | undefined): string[] =>
  textOf(c)
    .split(/[;,\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The form's schema errors on the import's fields (`fieldOf` renames the schema's paths: teacherId → teacher). */
export function addSchemaErrors(errors: FieldErrors, error: z.ZodError, fieldOf: Record<string, string> = {}): void {
  for (const [path, ref] of Object.entries(issuesByField(error))) {
    const top = path.split('.')[0]!;
    errors[fieldOf[path] ?? fieldOf[top] ?? top] ??= ref;
  }
}

/** A register field's record id, when the engine found one. */
export const refId = (ref: { id: number } | { unknown: string } | null | undefined): number | undefined =>
  ref && 'id' in ref ? ref.id : undefined;

/** A register of records known by a name (and other names), as the engine matches them. */
export const registerOf = <T extends { id: number }>(
  rows: T[],
  label: (r: T) => string,
  names: (r: T) => Array<string | null> = () => [],
) => rows.map((r): RegisterEntry => ({ id: r.id, label: label(r), names: names(r).filter((n): n is string => Boolean(n)) }));

/** The active establishments, known by name and code: the register of a target's establishment column. */
export async function establishmentRegister(db: Knex): Promise<RegisterEntry[]> {
  const active = { search: '', regionalOfficeId: null, population: null, inProgramme: null, status: 'active' } as const;
  return (await allEstablishments(db, active, 'name', 'asc')).map((e) => ({ id: e.id, label: e.name, names: [e.code] }));
}
