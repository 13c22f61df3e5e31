import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../../shared/channels';
import { contract } from '../../shared/contract';
import { signInAs } from '../../electron/main/auth/seed';
import { testApp, type TestApp } from './services';
import { sqliteOnly } from './pg';

/**
 * Every IPC channel fuzzed with at least 1,000 random payloads (fast-check), through main's
 * whole pipeline as the administrator (who may call everything), on a database holding the
 * demonstration data. Payloads are built from each channel's zod input (near-valid values,
 * missing and extra keys, wrong types) plus plain garbage.
 *  - no crash: every answer is a Result, never an internal error;
 *  - no write: a payload the schema refuses reaches no SQL statement (SQLite's
 *    total_changes() does not move); the database passes integrity_check after each channel.
 * Save dialogs answer "cancel" and jobs are only recorded, not run (their work — imports,
 * backups — has its own tests); a payload that signs out or locks the session is followed by
 * signing in again. Set FUZZ_SEED to replay a run. The channels are split over two test files so that
 * vitest runs the halves in parallel (tests/unit/main/fuzz-a.test.ts, fuzz-b.test.ts).
 */
const RUNS = 1000;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const nasty = fc.constantFrom(
  '',
  ' ',
  'a',
  'EP-LIM-01',
  'ins-0001',
  '2026-02-31',
  '31/12/2026',
  '../../etc/passwd',
  'C:\\Windows\\system32',
  "'; DROP TABLE audit_log; --",
  '<img src=x onerror=alert(1)>',
  'Ñandú Ángeles Quispe',
  '\u0000',
  'x'.repeat(5000),
  'arteinpe-20260101-000000-manual',
);
const anyNumber = fc.oneof(
  fc.integer({ min: -3, max: 200 }),
  fc.integer(),
  fc.constantFrom(0, 1, 2, -1, 1.5, 1e15, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY),
);

/** Values shaped like a schema's input, often valid, often not. */
function shaped(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(undefined);
  const def = defOf(schema);
  const inner = (s: unknown) => shaped(s as z.ZodType, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const model = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v)]));
      const keys = Object.keys(shape);
      return fc.oneof(
        { weight: 4, arbitrary: fc.record(model) },
        { weight: 2, arbitrary: fc.record(model, { requiredKeys: [] }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.record(model), fc.string({ maxLength: 8 }), fc.anything())
            .map(([o, k, v]) => ({ ...o, [k || 'extra']: v })),
        },
        {
          weight: keys.length > 0 ? 1 : 0,
          arbitrary: fc
            .tuple(fc.record(model), fc.constantFrom(...(keys.length ? keys : ['x'])), fc.anything())
            .map(([o, k, v]) => ({ ...o, [k]: v })),
        },
      );
    }
    case 'string':
      return fc.oneof(fc.string({ maxLength: 30 }), nasty, fc.string({ unit: 'grapheme', maxLength: 12 }));
    case 'number':
      return anyNumber;
    case 'boolean':
      return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 1, 0, null) });
    case 'enum': {
      const values = Object.values(def.entries as Record<string, string>);
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: nasty });
    }
    case 'literal':
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(def.values as unknown[])) }, { weight: 1, arbitrary: fc.anything() });
    case 'array':
      return fc.oneof({ weight: 5, arbitrary: fc.array(inner(def.element), { maxLength: 6 }) }, { weight: 1, arbitrary: fc.anything() });
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null });
    case 'default':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'pipe':
      return inner(def.in);
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => inner(o)));
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('code', 'name', '__proto__', 'constructor')),
        inner(def.valueType),
        { maxKeys: 6 },
      );
    default:
      return fc.anything();
  }
}

const garbage = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    undefined,
    0,
    7,
    -1,
    '',
    'texto',
    [],
    [1, 2],
    true,
    Symbol('no es json'),
    { __proto__: { admin: true } },
    Object.create(null),
  ),
);

const payloads = (schema: z.ZodType) => fc.oneof({ weight: 4, arbitrary: shaped(schema) }, { weight: 1, arbitrary: garbage });

export function fuzzChannels(part: 0 | 1): void {
  let app: TestApp;
  const started: string[] = [];
  const totalChanges = async () => Number(((await app.db.raw('SELECT total_changes() AS n')) as Array<{ n: number }>)[0]!.n);

  beforeAll(async () => {
    app = await testApp();
    await app.ok('demo.load', {});
    app.nextSave.cancel = true;
    app.nextFolder.path = null;
    app.jobs.start = (kind: string) => {
      started.push(kind);
      return `fuzz-${started.length}`;
    };
  }, 120_000);
  afterAll(() => app.close());

  /** A payload that signed out, locked, disabled or demoted the administrator: put things back for the next one. */
  async function restoreSession(channel: string): Promise<void> {
    const u = app.session.auth?.user;
    const intact = u?.username === 'admin-local' && u.role === 'administrador' && !u.mustChangePassword && !app.session.auth?.locked;
    if (intact && !channel.startsWith('users.') && !channel.startsWith('auth.')) return;
    const row = await app.db('users').where({ username: 'admin-local' }).first();
    if (intact && row?.role === 'administrador' && row?.active && !row?.must_change_password) return;
    await app
      .db('users')
      .where({ username: 'admin-local' })
      .update({ role: 'administrador', active: true, must_change_password: false, locked_until: null, failed_attempts: 0 });
    await signInAs(app.db, app.session, 'admin-local');
  }

  describe.skipIf(
    sqliteOnly("fuzzing reads SQLite's total_changes() to prove refused payloads wrote nothing; the pipeline is the same on both"),
  )(`every channel with ${RUNS} random payloads (seed ${seed}), part ${part + 1} of 2`, () => {
    (channelNames as readonly ChannelName[]).forEach((channel, index) => {
      if (index % 2 !== part) return;
      it(`${channel}: no crash, no write`, { timeout: 120_000 }, async () => {
        const schema = contract[channel].input as z.ZodType;
        const sample = fc.sample(payloads(schema), { numRuns: RUNS, seed: seed + index });
        expect(sample).toHaveLength(RUNS);
        const problems: string[] = [];
        const show = (p: unknown) => {
          try {
            return JSON.stringify(p)?.slice(0, 300) ?? String(p);
          } catch {
            return String(p);
          }
        };
        const call = async (payload: unknown) => {
          try {
            const r = await app.call(channel, payload as never);
            if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean') problems.push(`not a Result on ${show(payload)}`);
            else if (!r.ok && r.error.code === 'internal') problems.push(`internal error on ${show(payload)}`);
            return r;
          } catch (err) {
            problems.push(`threw ${String(err)} on ${show(payload)}`);
            return null;
          }
        };
        const refused = sample.filter((p) => !schema.safeParse(p ?? {}).success);
        const accepted = sample.filter((p) => schema.safeParse(p ?? {}).success);

        // Payloads the schema refuses: answered as validation errors, and no SQL statement ran.
        const before = await totalChanges();
        for (const payload of refused) {
          const r = await call(payload);
          if (r?.ok) problems.push(`accepted a payload its schema refuses: ${show(payload)}`);
          else if (r && r.error.code !== 'validation') problems.push(`${r.error.code} instead of validation on ${show(payload)}`);
        }
        if ((await totalChanges()) !== before) {
          for (const payload of refused) {
            const n = await totalChanges();
            await call(payload);
            if ((await totalChanges()) !== n) problems.push(`wrote on a refused payload: ${show(payload)}`);
          }
        }
        // Payloads the schema accepts: whatever the data says, never a crash.
        for (const payload of accepted) {
          await call(payload);
          await restoreSession(channel);
          if (problems.length > 5) break;
        }
        expect(problems, `FUZZ_SEED=${seed}`).toEqual([]);
        expect(refused.length).toBeGreaterThan(RUNS / 5);
        expect(await app.db.raw('PRAGMA quick_check')).toEqual([{ quick_check: 'ok' }]);
      });
    });
  });
}
