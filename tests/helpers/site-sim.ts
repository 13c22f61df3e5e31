import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import type { ChannelName } from '../../shared/channels';
import type { ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/ipc';
import { ensureUser } from '../../electron/main/auth/seed';
import type { Row } from '../../electron/main/db/rows';
import { LEDGERS } from '../../electron/main/sites/rows';
import { TRAVELLING } from '../../electron/main/sites/travelling';
import {
  appWithDemoPrisons,
  instrumentUpdateOf,
  newEnsembleAt,
  newParticipantAt,
  newViolin,
  TEST_PASSWORD,
  type TestApp,
} from './services';
import { newPc, type NewPc } from './site-pc';

/**
 * The world of the sites simulation (issue 20, tests/unit/main/site-simulation.test.ts): one
 * centre (SQLite, or the test server in the PostgreSQL tier) and three prison sites on new SQLite
 * files, enrolled and installed through the channels; the operations their clerks do through the
 * channels; the postboxes that lose, duplicate, delay and reorder packages; and the checks once
 * every package is delivered (site-sim-checks.ts).
 */

export const SITES = 3;
/** The demonstration prisons the sites are. */
const PRISONS = ['E.P. de Lurigancho', 'E.P. Miguel Castro Castro', 'E.P. del Callao'];

export interface Site {
  pc: NewPc;
  /** The establishment at the centre (local id there). */
  est: number;
  /** The `sites` row at the centre. */
  siteRow: number;
  /** Refusals the site was told about in the centre's packages (reported back). */
  returned: number;
}

export interface World {
  centre: TestApp;
  sites: Site[];
  /** Packages written and not yet read: up (site → centre) and down (centre → site), per site. */
  up: string[][];
  down: string[][];
  boxDir: string;
  /** A day counter for dates, so that each operation's date follows the last. */
  day: number;
  /** A counter for unique codes and names. */
  n: number;
  log: string[];
  /**
   * The centre's ledger rows from before the sites were enrolled (table:gid): an enrolment package
   * is a picture of the establishment, not its history (docs/SITES.md decision 1), so a site has
   * only those the picture carries (an enrolment's stages).
   */
  history: Set<string>;
}

type AnyCall = (name: ChannelName, input: unknown) => Promise<Result<unknown>>;

/** A channel's answer: a refusal a clerk could meet is fine (null), an internal error is a bug. */
async function attempt<T = Row>(call: AnyCall, name: ChannelName, input: unknown): Promise<T | null> {
  const r = await call(name, input);
  if (r.ok) return r.data as T;
  if (r.error.code === 'internal') throw new Error(`${name} failed inside: ${JSON.stringify(r.error)}`);
  return null;
}

async function must<T = Row>(call: AnyCall, name: ChannelName, input: unknown): Promise<T> {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name} refused: ${JSON.stringify(r.error)} (input ${JSON.stringify(input)})`);
  return r.data as T;
}

const centreCall = (w: World): AnyCall => w.centre.call as unknown as AnyCall;
const siteCall = (s: Site): AnyCall => s.pc.call as unknown as AnyCall;

/** The centre with three prisons, each with participants enrolled in a workshop, an ensemble and instruments; the three sites installed and signed in. */
export async function buildWorld(): Promise<World> {
  const { app: centre, est: byName } = await appWithDemoPrisons();
  const ests = PRISONS.map((name) => {
    const id = byName[name];
    if (id === undefined) throw new Error(`no ${name} in the demonstration establishments`);
    return id;
  });
  const call = centre.call as unknown as AnyCall;
  for (const [i, est] of ests.entries()) {
    const ids: number[] = [];
    for (let p = 0; p < 3; p++) ids.push((await newParticipantAt(centre, est, `S${i}-P${p}`, 'Juan', `Pérez ${p}`)).id);
    for (let v = 0; v < 3; v++) await centre.ok('instruments.create', newViolin(`S${i}-VIO-${v}`, est));
    const workshop = await must<{ id: number }>(call, 'workshops.create', {
      name: `Violín ${i}`,
      programme: 'inpe_orquestando',
      discipline: 'Música',
      establishmentId: est,
      startDate: '2025-01-01',
      capacity: 30,
    });
    await newEnsembleAt(centre, est, `Banda ${i}`);
    await must(call, 'enrolments.create', { workshopId: workshop.id, ensembleId: null, participantIds: ids, date: '2026-02-02' });
    await ensureUser(centre.db, {
      username: `sede${i}`,
      fullName: `Encargado sede ${i}`,
      role: 'administrador',
      password: TEST_PASSWORD,
      establishmentIds: [est],
    });
  }
  const history = new Set<string>();
  for (const table of LEDGERS)
    if (TRAVELLING[table]!.kind === 'gid') for (const g of (await centre.db(table).pluck('gid')) as string[]) history.add(`${table}:${g}`);
  const sites: Site[] = [];
  for (const [i, est] of ests.entries()) {
    const enrolled = await must<{ status: string; path: string; passphrase: string }>(call, 'sites.enrol', { establishmentId: est });
    const pc = await newPc();
    await must(pc.call as unknown as AnyCall, 'sites.install', {
      fileName: 'alta.arteinpe-alta',
      dataBase64: fs.readFileSync(enrolled.path).toString('base64'),
      passphrase: enrolled.passphrase,
    });
    await must(pc.call as unknown as AnyCall, 'auth.signIn', { username: `sede${i}`, password: TEST_PASSWORD });
    const row = (await centre.db('sites').where({ establishment_id: est }).first('id')) as Row;
    sites.push({ pc, est, siteRow: Number(row.id), returned: 0 });
  }
  return {
    centre,
    sites,
    up: sites.map(() => []),
    down: sites.map(() => []),
    boxDir: fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-buzon-')),
    day: 0,
    n: 0,
    log: [],
    history,
  };
}

export async function closeWorld(w: World | undefined): Promise<void> {
  if (!w) return;
  for (const s of w.sites) await s.pc.close();
  await w.centre.close();
  fs.rmSync(w.boxDir, { recursive: true, force: true });
}

// ── Operations ──

export type Op =
  | { op: 'siteRegister'; site: number }
  | { op: 'siteCorrect'; site: number; who: number }
  | { op: 'siteSession'; site: number; present: boolean[] }
  | { op: 'siteEnrol'; site: number; who: number }
  | { op: 'siteHandOut'; site: number; what: number; who: number }
  | { op: 'siteReturn'; site: number; what: number }
  | { op: 'siteCondition'; site: number; what: number; condition: 'bueno' | 'regular' | 'malo' }
  | { op: 'centreCorrect'; site: number; who: number }
  | { op: 'centreWriteOff'; site: number; what: number }
  | { op: 'centreDescribe'; site: number; what: number }
  | { op: 'siteSend'; site: number }
  | { op: 'centreSend'; site: number }
  | { op: 'deliver'; dir: 'up' | 'down'; site: number; pick: number; fate: 'read' | 'duplicate' | 'lose' };

/** The date of the next operation: one day after the last, from 1 June 2026. */
const nextDate = (w: World) => new Date(Date.UTC(2026, 5, 1) + w.day++ * 86_400_000).toISOString().slice(0, 10);
const pickOf = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

const participantsAt = async (db: Knex, est: number) =>
  (await db('participants').where({ establishment_id: est, status: 'activo' }).orderBy('gid').pluck('id')) as number[];
const instrumentsAt = async (db: Knex, est: number) =>
  (await db('instruments').where({ establishment_id: est }).orderBy('gid').pluck('id')) as number[];
/** The site's own establishment (its local id there). */
export const siteEst = async (s: Site) => Number(((await s.pc.db('establishments').first('id')) as Row).id);

async function correct(call: AnyCall, db: Knex, id: number, firstNames: string): Promise<void> {
  const p = (await db('participants').where({ id }).first()) as Row;
  await attempt(call, 'participants.update', {
    id,
    version: Number(p.version),
    code: String(p.code),
    firstNames,
    lastNames: String(p.last_names),
    sex: String(p.sex),
    birthYear: Number(p.birth_year),
  });
}

export async function runOp(w: World, o: Op): Promise<void> {
  w.log.push(JSON.stringify(o));
  const s = w.sites[o.site % SITES]!;
  const sc = siteCall(s);
  const db = s.pc.db;
  switch (o.op) {
    case 'siteRegister': {
      await must(sc, 'participants.create', {
        code: `S${o.site % SITES}-N${w.n++}`,
        firstNames: 'Pedro',
        lastNames: 'Huamán Ríos',
        sex: 'masculino',
        birthYear: 1988,
        establishmentId: await siteEst(s),
        date: nextDate(w),
      });
      return;
    }
    case 'siteCorrect': {
      const id = pickOf(await participantsAt(db, await siteEst(s)), o.who);
      if (id !== undefined) await correct(sc, db, id, `Sede ${w.n++}`);
      return;
    }
    case 'siteEnrol': {
      const id = pickOf(await participantsAt(db, await siteEst(s)), o.who);
      const workshop = (await db('workshops').first('id')) as Row;
      if (id !== undefined)
        await attempt(sc, 'enrolments.create', {
          workshopId: Number(workshop.id),
          ensembleId: null,
          participantIds: [id],
          date: nextDate(w),
        });
      return;
    }
    case 'siteSession': {
      const workshop = (await db('workshops').first('id')) as Row;
      const enrolled = (await db('enrolments as e')
        .join('participants as p', 'p.id', 'e.participant_id')
        .where({ 'e.workshop_id': workshop.id, 'p.status': 'activo' })
        .whereIn('e.stage', ['inscrito', 'activo'])
        .orderBy('p.gid')
        .distinct('p.id')
        .pluck('p.id')) as number[];
      const session = await must<{ id: number }>(sc, 'sessions.create', {
        workshopId: Number(workshop.id),
        date: nextDate(w),
        durationMinutes: 90,
        topic: null,
        teacherId: null,
      });
      if (enrolled.length)
        await must(sc, 'attendance.save', {
          sessionId: session.id,
          marks: enrolled.map((participantId, i) => ({ participantId, present: o.present[i % Math.max(1, o.present.length)] ?? true })),
        });
      return;
    }
    case 'siteHandOut': {
      const est = await siteEst(s);
      const what = pickOf(await instrumentsAt(db, est), o.what);
      const who = pickOf(await participantsAt(db, est), o.who);
      if (what !== undefined && who !== undefined)
        await attempt(sc, 'instruments.move', {
          instrumentIds: [what],
          movement: { kind: 'entrega', custodianType: 'participante', custodianId: who, date: nextDate(w), dueDate: null },
        });
      return;
    }
    case 'siteReturn': {
      const what = pickOf(await instrumentsAt(db, await siteEst(s)), o.what);
      if (what !== undefined)
        await attempt(sc, 'instruments.move', { instrumentIds: [what], movement: { kind: 'devolucion', date: nextDate(w) } });
      return;
    }
    case 'siteCondition': {
      const what = pickOf(await instrumentsAt(db, await siteEst(s)), o.what);
      if (what !== undefined)
        await attempt(sc, 'instruments.move', {
          instrumentIds: [what],
          movement: { kind: 'cambio_estado', condition: o.condition, date: nextDate(w) },
        });
      return;
    }
    case 'centreCorrect': {
      const id = pickOf(await participantsAt(w.centre.db, s.est), o.who);
      if (id !== undefined) await correct(centreCall(w), w.centre.db, id, `Central ${w.n++}`);
      return;
    }
    case 'centreWriteOff': {
      const what = pickOf(await instrumentsAt(w.centre.db, s.est), o.what);
      if (what !== undefined)
        await attempt(centreCall(w), 'instruments.move', {
          instrumentIds: [what],
          movement: { kind: 'baja', documentNumber: `RD-${w.n++}-2026`, description: 'Rajadura en la tapa', date: nextDate(w) },
        });
      return;
    }
    case 'centreDescribe': {
      const what = pickOf(await instrumentsAt(w.centre.db, s.est), o.what);
      if (what === undefined) return;
      const i = await must<ChannelOutput<'instruments.get'>>(centreCall(w), 'instruments.get', { id: what });
      await attempt(centreCall(w), 'instruments.update', instrumentUpdateOf(i, { model: `Modelo ${w.n++}` }));
      return;
    }
    case 'siteSend':
      w.up[o.site % SITES]!.push(await sendFromSite(w, s));
      return;
    case 'centreSend':
      w.down[o.site % SITES]!.push(await sendToSite(w, s));
      return;
    case 'deliver': {
      const box = (o.dir === 'up' ? w.up : w.down)[o.site % SITES]!;
      if (!box.length) return;
      const at = o.pick % box.length;
      const file = box[at]!;
      if (o.fate !== 'duplicate') box.splice(at, 1);
      if (o.fate !== 'lose') await (o.dir === 'up' ? readAtCentre(w, file) : readAtSite(s, file));
      return;
    }
  }
}

/** Keeps a written package in the postbox folder (its own copy, named once). */
function keep(w: World, written: string): string {
  const target = path.join(w.boxDir, `${w.n++}-${path.basename(written)}`);
  fs.copyFileSync(written, target);
  return target;
}

async function sendFromSite(w: World, s: Site): Promise<string> {
  const sent = await must<{ status: string; path: string }>(siteCall(s), 'sites.writePackage', {});
  return keep(w, sent.path);
}

async function sendToSite(w: World, s: Site): Promise<string> {
  const sent = await must<{ status: string; path: string }>(centreCall(w), 'sites.writePackage', { siteId: s.siteRow });
  return keep(w, sent.path);
}

async function readAtCentre(w: World, file: string): Promise<void> {
  w.centre.nextOpen.path = file;
  await must(centreCall(w), 'sites.readPackage', {});
}

async function readAtSite(s: Site, file: string): Promise<void> {
  s.pc.nextOpen.path = file;
  const read = await must<{ returned?: unknown[] }>(siteCall(s), 'sites.readPackage', {});
  s.returned += read.returned?.length ?? 0;
}

/** Every package still in a postbox is delivered (in the order it waits), then two full rounds each way, so that acknowledgements settle. */
export async function deliverEverything(w: World): Promise<void> {
  for (const [i, s] of w.sites.entries()) {
    for (const f of w.up[i]!.splice(0)) await readAtCentre(w, f);
    for (const f of w.down[i]!.splice(0)) await readAtSite(s, f);
  }
  for (let round = 0; round < 2; round++)
    for (const s of w.sites) {
      await readAtCentre(w, await sendFromSite(w, s));
      await readAtSite(s, await sendToSite(w, s));
    }
}

/**
 * A clerk at the centre resolves every open conflict (sites.conflicts, sites.resolveConflict),
 * keeping the centre's or the site's version as `choices` say in turn; the decisions travel with
 * the next packages (deliverEverything afterwards).
 */
export async function resolveEveryConflict(w: World, choices: ReadonlyArray<'centro' | 'sede'>): Promise<number> {
  let resolved = 0;
  for (let pass = 0; pass < 5; pass++) {
    const { open } = await must<{ open: Array<{ id: number }> }>(centreCall(w), 'sites.conflicts', {});
    if (!open.length) break;
    for (const c of open) {
      const choice = choices[resolved % Math.max(1, choices.length)] ?? 'centro';
      w.log.push(JSON.stringify({ op: 'resolveConflict', conflict: c.id, choice }));
      await must(centreCall(w), 'sites.resolveConflict', { conflictId: c.id, choice });
      resolved++;
    }
  }
  return resolved;
}
