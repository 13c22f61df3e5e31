import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Id } from '../../../shared/ipc';
import { contract } from '../../../shared/contract';
import type { ChannelName } from '../../../shared/channels';
import { EACH, EstablishmentId, RecordId, markedPaths, markedValues, type MarkPath } from '../../../shared/marks';
import { establishmentRefusal } from '../../../electron/main/auth/access';
import type { Session } from '../../../electron/main/ipc/context';

/**
 * The contract's input schemas mark the fields that name an establishment (EstablishmentId)
 * and the record a write changes (RecordId); main reads the marks, never the field names.
 */

/** The fields the old field-name rule treated as an establishment: every such path of an input schema. */
const namedLikeEstablishment = /^(establishmentId|toEstablishmentId|fromEstablishmentId|establishmentIds)$/;

type Def = { type: string } & Record<string, unknown>;
function pathsByName(schema: z.core.$ZodType, path: string[] = [], out: string[][] = []): string[][] {
  const def = schema._zod.def as unknown as Def;
  const walk = (s: unknown, p = path) => pathsByName(s as z.core.$ZodType, p, out);
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
      // A list of establishments (establishmentIds) is marked in each of its items.
      if (namedLikeEstablishment.test(key))
        out.push((value as z.core.$ZodType)._zod.def.type === 'array' ? [...path, key, '*'] : [...path, key]);
      else walk(value, [...path, key]);
    }
  } else if (def.type === 'array') walk(def.element, [...path, '*']);
  else if (def.type === 'union') for (const o of def.options as unknown[]) walk(o);
  else if (def.type === 'intersection') {
    walk(def.left);
    walk(def.right);
  } else if (def.type === 'pipe') {
    walk(def.in);
    walk(def.out);
  } else if ('innerType' in def) walk(def.innerType);
  return out;
}

const show = (p: MarkPath | string[]) => p.map((s) => (s === EACH ? '*' : s)).join('.');
const channels = Object.keys(contract) as ChannelName[];

function restrictedTo(...establishmentIds: number[]): Session {
  return { auth: { user: { establishmentIds } } } as unknown as Session;
}

describe('establishment marks', () => {
  it('every field of an input named like an establishment id is marked (nothing lost its scope check)', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const name of channels) {
      // A user's own establishments set a scope (administrators only); they never were checked against one.
      if (name.startsWith('users.')) continue;
      const marked = new Set(markedPaths(contract[name].input, 'establishment').map(show));
      for (const p of pathsByName(contract[name].input)) {
        checked++;
        if (!marked.has(show(p))) missing.push(`${name}: ${show(p)}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('finds marked establishments wherever they sit: nested, in lists, behind a default or a union', () => {
    expect(
      markedValues(
        contract['instruments.move'].input,
        { id: 1, version: 0, movement: { kind: 'asignacion', toEstablishmentId: 7 } },
        'establishment',
      ),
    ).toEqual([7]);
    expect(
      markedValues(
        contract['contracts.create'].input,
        { establishments: [{ establishmentId: 3 }, { establishmentId: 4 }] },
        'establishment',
      ),
    ).toEqual([3, 4]);
    expect(markedValues(contract['instruments.list'].input, { establishmentId: 'central' }, 'establishment')).toEqual([]);
  });

  it('a new schema with a marked establishment field is scope-checked without any change in main', () => {
    const Made = z
      .object({ note: z.string(), place: z.object({ where: EstablishmentId.nullable() }), others: z.array(EstablishmentId) })
      .strict();
    const check = (input: unknown) => establishmentRefusal(restrictedTo(1, 2), 'establishments.list', input, Made);
    expect(check({ note: 'x', place: { where: 1 }, others: [2] })).toBeNull();
    expect(check({ note: 'x', place: { where: null }, others: [] })).toBeNull();
    expect(check({ note: 'x', place: { where: 3 }, others: [] })?.key).toBe('auth.errors.establishmentNotAllowed');
    expect(check({ note: 'x', place: { where: 1 }, others: [1, 9] })?.code).toBe('forbidden');
    // Anyone who works with every establishment is never refused.
    expect(
      establishmentRefusal(
        { auth: { user: { establishmentIds: [] } } } as unknown as Session,
        'establishments.list',
        { place: { where: 3 }, others: [] },
        Made,
      ),
    ).toBeNull();
  });

  it('a field merely named like an establishment id, but not marked, is not scope-checked', () => {
    const Unmarked = z.object({ establishmentId: Id, toEstablishmentId: Id, establishmentIds: z.array(Id) }).strict();
    expect(markedPaths(Unmarked, 'establishment')).toEqual([]);
    expect(
      establishmentRefusal(
        restrictedTo(1),
        'establishments.list',
        { establishmentId: 5, toEstablishmentId: 6, establishmentIds: [7] },
        Unmarked,
      ),
    ).toBeNull();
  });
});

describe('record marks', () => {
  it('marks the record a write changes, once per input', () => {
    for (const name of channels) {
      if (contract[name].kind !== 'write') continue;
      expect(markedPaths(contract[name].input, 'record').length, name).toBeLessThanOrEqual(1);
    }
    expect(markedValues(contract['establishments.update'].input, { id: 12, version: 3, code: 'X' }, 'record')).toEqual([12]);
    expect(markedValues(contract['participants.custodyChange'].input, { participantId: 8, toEstablishmentId: 2 }, 'record')).toEqual([8]);
    expect(markedPaths(contract['exhibitions.lend'].input, 'record')).toEqual([]);
  });

  it('a RecordId is not an establishment, nor the other way round', () => {
    const Both = z.object({ id: RecordId, establishmentId: EstablishmentId });
    expect(markedValues(Both, { id: 1, establishmentId: 2 }, 'record')).toEqual([1]);
    expect(markedValues(Both, { id: 1, establishmentId: 2 }, 'establishment')).toEqual([2]);
  });
});
