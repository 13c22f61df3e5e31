import { z } from 'zod';
import { Id } from './ipc';

/**
 * Marks on the contract's input schemas, read by main instead of guessing from field names:
 * - `establishment`: the field names an establishment (a filter, a destination, one of a
 *   contract's establishments). A user restricted to some establishments may name only
 *   those (electron/main/auth/access.ts, establishmentRefusal).
 * - `record`: the field identifies the record a write changes (its `id`, or the one record a
 *   ledger entry is appended to). A save refused as stale says who changed that record last
 *   (electron/main/ipc/dispatcher.ts).
 * A schema is marked by using EstablishmentId or RecordId (or any schema registered in
 * `inputMarks`); a field merely named like one is not marked.
 */
export type InputMark = 'establishment' | 'record';

export const inputMarks = z.registry<{ mark: InputMark }>();

/** An establishment's id in an input: checked against the user's establishments. */
export const EstablishmentId = Id.clone().register(inputMarks, { mark: 'establishment' });

/** The id of the record a write changes. */
export const RecordId = Id.clone().register(inputMarks, { mark: 'record' });

/** Where a marked value sits in an input: object keys, and EACH for every element of an array (or value of a record). */
export const EACH = Symbol('each');
export type MarkPath = ReadonlyArray<string | typeof EACH>;

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/** Wrappers whose value is the wrapped schema's (optional, nullable, default…). */
const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch', 'success']);

function collect(schema: z.core.$ZodType, mark: InputMark, path: MarkPath, out: MarkPath[], seen: Set<z.core.$ZodType>): void {
  if (inputMarks.get(schema)?.mark === mark) {
    out.push(path);
    return;
  }
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (s: unknown, p: MarkPath = path) => collect(s as z.core.$ZodType, mark, p, out, seen);
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) walk(value, [...path, key]);
      break;
    case 'array':
      walk(def.element, [...path, EACH]);
      break;
    case 'record':
      walk(def.valueType, [...path, EACH]);
      break;
    case 'tuple':
      (def.items as unknown[]).forEach((item, i) => walk(item, [...path, String(i)]));
      break;
    case 'union':
      for (const option of def.options as unknown[]) walk(option);
      break;
    case 'intersection':
      walk(def.left);
      walk(def.right);
      break;
    case 'pipe':
      walk(def.in);
      walk(def.out);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)());
      break;
    default:
      if (wrappers.has(def.type)) walk(def.innerType);
  }
  seen.delete(schema);
}

const cache = new WeakMap<z.core.$ZodType, Map<InputMark, MarkPath[]>>();

/** The paths of an input schema's fields with this mark (computed once per schema). */
export function markedPaths(schema: z.core.$ZodType, mark: InputMark): MarkPath[] {
  let bySchema = cache.get(schema);
  if (!bySchema) cache.set(schema, (bySchema = new Map()));
  let paths = bySchema.get(mark);
  if (!paths) {
    const found: MarkPath[] = [];
    collect(schema, mark, [], found, new Set());
    const unique = new Map(found.map((p) => [p.map((s) => (s === EACH ? '[]' : `.${s}`)).join(''), p]));
    bySchema.set(mark, (paths = [...unique.values()]));
  }
  return paths;
}

function valuesAt(value: unknown, path: MarkPath, out: number[]): void {
  if (path.length === 0) {
    if (typeof value === 'number') out.push(value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const [head, ...rest] = path;
  if (head === EACH) {
    for (const v of Array.isArray(value) ? value : Object.values(value)) valuesAt(v, rest, out);
  } else if (!Array.isArray(value) && Object.hasOwn(value, head!)) {
    valuesAt((value as Record<string, unknown>)[head!], rest, out);
  }
}

/** The numbers a parsed input holds in its schema's fields with this mark. */
export function markedValues(schema: z.core.$ZodType, input: unknown, mark: InputMark): number[] {
  const out: number[] = [];
  for (const path of markedPaths(schema, mark)) valuesAt(input, path, out);
  return out;
}
