import type { Knex } from 'knex';
import { normalizeText } from '../../../shared/format';
import { ImportValueChoice, type ImportMapping, type ImportValueMapping } from '../../../shared/import/schemas';
import { getSetting } from '../app/repository';
import { translator } from '../i18n';
import { AppError } from '../ipc/errors';
import { cellString, plainHeaderIndex, type Sheet } from './read';
import type { AnyImportTarget, FieldErrors } from './target';

/** Matching a file's headers to a target's fields, and the mappings remembered per target (settings). */

/** Lower case, no accents, punctuation as spaces: "Cód. del E.P." → "cod del e p". */
export const matchKey = (s: string) =>
  normalizeText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const labelTranslators = [translator('es-PE'), translator('en')];

/** Each field → the first header equal to its label (Spanish or English), key or a synonym, ignoring case and accents. */
export function suggestMapping(target: AnyImportTarget, headers: string[]): Record<string, string | null> {
  const free = new Map(headers.map((h) => [matchKey(h), h] as const));
  const out: Record<string, string | null> = {};
  for (const f of target.fields) {
    if (f.fromColumns) continue;
    const names = [...labelTranslators.map((t) => t(f.labelKey)), f.key, ...f.synonyms].map(matchKey);
    const hit = names.map((n) => free.get(n)).find((h) => h !== undefined) ?? null;
    out[f.key] = hit;
    if (hit !== null) free.delete(matchKey(hit));
  }
  return out;
}

/** How many of the first rows are offered as the header row. */
export const HEADER_CHOICES = 10;

/**
 * The header row: among the first rows, the one whose cells name the most fields (by their
 * labels and synonyms), the earliest on a tie; when no row names any, the first row with
 * two different filled cells. Answers its index among the sheet's non-empty rows.
 */
export function detectHeaderIndex(target: AnyImportTarget, sheet: Sheet): number {
  let best = -1;
  let bestScore = 0;
  sheet.lines.slice(0, HEADER_CHOICES).forEach((line, i) => {
    const cells = line.cells.map((c) => (c === null ? '' : cellString(c))).filter((c) => c !== '');
    const score = Object.values(suggestMapping(target, [...new Set(cells)])).filter((h) => h !== null).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best >= 0 ? best : plainHeaderIndex(sheet);
}

export const mappingKey = (target: AnyImportTarget) => `import.mapping.${target.entity}`;
export const valuesKey = (target: AnyImportTarget) => `import.values.${target.entity}`;

export async function savedMapping(db: Knex, target: AnyImportTarget): Promise<Record<string, string | null> | null> {
  const raw = await getSetting(db, mappingKey(target));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    const fields = new Set(target.fields.map((f) => f.key));
    return Object.fromEntries(Object.entries(v).filter(([k, h]) => fields.has(k) && (typeof h === 'string' || h === null))) as Record<
      string,
      string | null
    >;
  } catch {
    return null;
  }
}

/** The value mapping last used for this target: only register fields, only well-formed choices. */
export async function savedValues(db: Knex, target: AnyImportTarget): Promise<ImportValueMapping | null> {
  const raw = await getSetting(db, valuesKey(target));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    const fields = new Set(target.fields.filter((f) => f.register).map((f) => f.key));
    const out: ImportValueMapping = {};
    for (const [field, choices] of Object.entries(v as Record<string, unknown>)) {
      if (!fields.has(field) || typeof choices !== 'object' || choices === null) continue;
      for (const [key, choice] of Object.entries(choices as Record<string, unknown>)) {
        const c = ImportValueChoice.safeParse(choice);
        if (c.success && 'id' in c.data) (out[field] ??= {})[key] = c.data;
      }
    }
    return out;
  } catch {
    return null;
  }
}

/** Field key → column index, after checking the mapping against the target and the file. */
export function resolveMapping(
  target: AnyImportTarget,
  headers: string[],
  mapping: ImportMapping,
  fixed: Record<string, number> = {},
): Map<string, number> {
  const fields = new Map(target.fields.filter((f) => !f.fromColumns).map((f) => [f.key, f]));
  const errors: FieldErrors = {};
  const columns = new Map<string, number>();
  const used = new Map<string, string>();
  for (const [key, header] of Object.entries(mapping)) {
    if (!fields.has(key)) {
      errors[`mapping.${key}`] = { key: 'errors.unexpectedField' };
      continue;
    }
    if (header === null || header === '') continue;
    const index = headers.indexOf(header);
    if (index < 0) errors[`mapping.${key}`] = { key: 'import.errors.noSuchColumn', params: { column: header } };
    else if (used.has(header)) errors[`mapping.${key}`] = { key: 'import.errors.columnTwice', params: { column: header } };
    else {
      used.set(header, key);
      columns.set(key, index);
    }
  }
  for (const f of target.fields) {
    if (f.required && !columns.has(f.key) && !(f.key in fixed)) errors[`mapping.${f.key}`] ??= { key: 'import.errors.mapRequired' };
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation', 'errors.validation', {}, errors);
  return columns;
}

/** The value mapping checked against the target: only its register fields; "create" only where allowed, with one of its options. */
export function resolveValues(target: AnyImportTarget, values: ImportValueMapping | undefined): ImportValueMapping {
  const errors: FieldErrors = {};
  const fields = new Map(target.fields.map((f) => [f.key, f]));
  for (const [field, choices] of Object.entries(values ?? {})) {
    const f = fields.get(field);
    if (!f?.register) {
      errors[`values.${field}`] = { key: 'errors.unexpectedField' };
      continue;
    }
    const options = new Set((f.register.create ?? []).map((o) => o.value));
    for (const [key, choice] of Object.entries(choices)) {
      if ('create' in choice && !options.has(choice.create)) errors[`values.${field}.${key}`] = { key: 'errors.invalid' };
    }
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation', 'errors.validation', {}, errors);
  return values ?? {};
}

/** The remembered value mapping with this import's choices of existing records over it. */
export function mergeValues(saved: ImportValueMapping, used: ImportValueMapping): ImportValueMapping {
  const out: ImportValueMapping = structuredClone(saved);
  for (const [field, choices] of Object.entries(used)) {
    for (const [key, choice] of Object.entries(choices)) if ('id' in choice) (out[field] ??= {})[key] = choice;
  }
  return out;
}
