import type { Knex } from 'knex';
import type { Row } from '../../electron/main/db/rows';
import { belongsTo, encodeRow, GidMap, LEDGERS, rowKey, sameValues } from '../../electron/main/sites/rows';
import { TRAVELLING } from '../../electron/main/sites/travelling';
import { siteEst, type World } from './site-sim';

/**
 * The checks of the sites simulation (issue 20, tests/unit/main/site-simulation.test.ts) once
 * every package is delivered: what must hold between the centre and each site (site-sim.ts).
 */

/** Columns each installation keeps for itself (not compared). */
const OWN = new Set(['version', 'created_at', 'created_by', 'updated_at', 'updated_by']);

/**
 * A movement's number is its place in each installation's ledger: one the centre already used is
 * renumbered after its last (sites/state-machines.ts `fitted`), and a site keeps the hand-out the centre
 * refused. The order of the shared movements is compared instead (`ledgerOrder`).
 */
const LOCAL_NUMBERING: Readonly<Record<string, string>> = { instrument_movements: 'seq' };

const strip = (table: string, r: Row): Row =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !OWN.has(k) && LOCAL_NUMBERING[table] !== k));

/** A table's rows at one installation as they travel, by their travelling key (only those of establishment `est` at the centre). */
async function encodedRows(db: Knex, table: string, est: number | null): Promise<Map<string, Row[]>> {
  const map = new GidMap(db);
  const out = new Map<string, Row[]>();
  for (const row of (await db(table).select('*')) as Row[]) {
    if (est !== null && !(await belongsTo(db, table, row, est))) continue;
    const encoded = await encodeRow(map, table, row);
    const key = rowKey(table, encoded);
    out.set(key, [...(out.get(key) ?? []), encoded]);
  }
  return out;
}

/**
 * What must hold once every package is delivered, as a list of the broken rules (empty: all hold):
 *
 * - every shared row — the rows of the site's establishment in every travelling table — is at the
 *   centre and at the site under the same key with the same values (references compared as gids,
 *   each side's bookkeeping aside); "agree" excludes a register row in an open conflict at the
 *   centre (the centre keeps its version and the site its own until a clerk chooses: decision 8),
 *   and a row the centre refused is expected at the site only;
 * - no row is there twice (a ledger entry doubled, a register duplicated);
 * - each instrument's ledger is in the same order on both sides and its record says what its last
 *   movement says (its holder), on both sides: no instrument is in two places;
 * - each conflict (row and incoming version) is listed once at the centre;
 * - every refusal was reported back to the site and acknowledged by it.
 */
export async function brokenRules(w: World): Promise<string[]> {
  const out: string[] = [];
  const c = w.centre.db;
  for (const [i, s] of w.sites.entries()) {
    const open = new Set(
      ((await c('site_conflicts').where({ site_id: s.siteRow }).whereNull('resolved_at').select('table_name', 'row_key')) as Row[]).map(
        (r) => `${String(r.table_name)}:${String(r.row_key)}`,
      ),
    );
    const refusedKeys = new Set(
      ((await c('site_refusals').where({ site_id: s.siteRow }).select('table_name', 'row_key')) as Row[]).map(
        (r) => `${String(r.table_name)}:${String(r.row_key)}`,
      ),
    );
    for (const table of Object.keys(TRAVELLING)) {
      if (table === 'attachments') continue;
      const atCentre = await encodedRows(c, table, s.est);
      const atSite = await encodedRows(s.pc.db, table, null);
      for (const [key, rows] of [...atCentre, ...atSite])
        if (rows.length > 1) out.push(`site ${i}: ${table} ${key} is there ${rows.length} times`);
      for (const key of new Set([...atCentre.keys(), ...atSite.keys()])) {
        const here = atCentre.get(key)?.[0];
        const there = atSite.get(key)?.[0];
        const id = `${table}:${key}`;
        if (!here && refusedKeys.has(id)) continue; // refused at the centre, kept in the site's ledger
        if (!there && w.history.has(id)) continue; // history from before the enrolment
        if (!here || !there) {
          out.push(`site ${i}: ${table} ${key} only at the ${here ? 'centre' : 'site'}`);
          continue;
        }
        if (open.has(id) && !LEDGERS.has(table)) continue;
        if (!sameValues(strip(table, here), strip(table, there)))
          out.push(
            `site ${i}: ${table} ${key} differs: centre ${JSON.stringify(strip(table, here))} site ${JSON.stringify(strip(table, there))}`,
          );
      }
    }
    for (const [who, db, est] of [
      ['centre', c, s.est],
      ['site', s.pc.db, await siteEst(s)],
    ] as const)
      out.push(...(await instrumentsAgreeWithLedger(db, est)).map((m) => `site ${i}, at the ${who}: ${m}`));
    const centreOrder = await ledgerOrder(c, s.est);
    const siteOrder = await ledgerOrder(s.pc.db, await siteEst(s));
    for (const [inst, all] of centreOrder) {
      const order = all.filter((g) => !w.history.has(`instrument_movements:${g}`));
      const theirs = (siteOrder.get(inst) ?? []).filter((g) => !refusedKeys.has(`instrument_movements:${g}`));
      if (JSON.stringify(theirs) !== JSON.stringify(order))
        out.push(`site ${i}: instrument ${inst}'s movements in another order: centre ${order.join(',')} site ${theirs.join(',')}`);
    }
    const unreported = (await c('site_refusals').where({ site_id: s.siteRow, acknowledged: false }).count({ n: '*' }).first()) as Row;
    if (Number(unreported.n)) out.push(`site ${i}: ${String(unreported.n)} refusals never acknowledged by the site`);
    if (refusedKeys.size && s.returned === 0) out.push(`site ${i}: refusals at the centre never reported to the site`);
  }
  const doubled = (await c('site_conflicts')
    .groupBy('site_id', 'table_name', 'row_key', 'incoming_json')
    .havingRaw('count(*) > 1')
    .select('table_name', 'row_key', c.raw('count(*) as n'))) as Row[];
  for (const d of doubled) out.push(`conflict ${String(d.table_name)} ${String(d.row_key)} listed ${String(d.n)} times`);
  return out;
}

/** Each instrument's movements (gids) in their ledger order, for the instruments of `est`. */
async function ledgerOrder(db: Knex, est: number): Promise<Map<string, string[]>> {
  const rows = (await db('instrument_movements as m')
    .join('instruments as i', 'i.id', 'm.instrument_id')
    .where('i.establishment_id', est)
    .orderBy(['i.gid', 'm.seq'])
    .select('i.gid as inst', 'm.gid as gid')) as Row[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(String(r.inst), [...(out.get(String(r.inst)) ?? []), String(r.gid)]);
  return out;
}

/** Movements that leave an instrument with whoever held it (a condition noted while it is held). */
const KEEPS_HOLDER = new Set(['cambio_estado']);

/** Instruments whose record's holder is not the one its ledger (in its order) leaves it with, or written off without saying so. */
async function instrumentsAgreeWithLedger(db: Knex, est: number): Promise<string[]> {
  const out: string[] = [];
  for (const i of (await db('instruments').where({ establishment_id: est })) as Row[]) {
    const ledger = (await db('instrument_movements').where({ instrument_id: i.id }).orderBy('seq')) as Row[];
    if (!ledger.length) continue;
    let held: string | null = null;
    for (const m of ledger)
      if (m.kind === 'entrega') held = `${String(m.custodian_type)}:${String(m.custodian_id)}`;
      else if (!KEEPS_HOLDER.has(String(m.kind))) held = null;
    const last = ledger.at(-1)!;
    const record = i.custodian_type ? `${String(i.custodian_type)}:${String(i.custodian_id)}` : null;
    if (held !== record || (last.kind === 'baja' && i.status !== 'de_baja'))
      out.push(
        `instrument ${String(i.gid)} is ${String(i.status)} held by ${record ?? 'nobody'} but its ledger (last: ${String(last.kind)}) says ${held ?? 'nobody'}`,
      );
  }
  return out;
}
