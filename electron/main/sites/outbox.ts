import type { Knex } from 'knex';
import type { Row } from '../db/rows';
import type { AttachmentStore } from '../files/store';
import { AppError } from '../ipc/errors';
import { installationKeys, type KeySeal } from './installation';
import { findPeer, thisInstallation, type Peer } from './peers';
import { inParallel, OwnerCache, rowsWhere, tupleKey } from './batch';
import { changesSince, type SiteChange } from './repository/changes';
import { openConflictRows } from './repository/conflicts';
import { updatePeerCounters } from './repository/installation';
import { markRefusalsReported, unacknowledgedRefusals, type ListedRefusal } from './repository/refusals';
import { seenVersions } from './repository/seen';
import { BY_HASH, belongsTo, encodeRow, GidMap, parentTable, REFS } from './rows';
import { sealPackage } from './sealed';
import { TRAVELLING } from './travelling';

/**
 * «Enviar a la oficina central» / a return package to a site (issue 20, docs/SITES.md decisions 6
 * and 7): one package file with every change of this installation the peer has not acknowledged
 * (so a later package also carries what a lost one had), at the centre only those concerning the
 * site's establishment (sites/rows.ts OWNER) and the national lists.
 *
 * One entry per row (table + key), last operation wins: its CURRENT values, foreign keys as gids
 * (attachments by hash), never a local id — or a delete. Each entry carries who changed it and
 * when (every logged change of it), its highest change id here, and `base`: the peer's change id
 * of the last version of that row this installation applied from the peer (site_seen; 0 when none
 * — what the enrolment showed). Attachments' bytes go once each, by SHA-256, read through the
 * attachment store, as raw segments of the sealed file (sealed.ts format 2). The payload also says
 * the highest change of the peer applied here (`applied`, so the peer advances its acknowledged id)
 * and how far this installation's log was read (`upTo`). At the centre, the refusals not yet
 * acknowledged by the site go back with it. The rows, their parents' gids, their establishments
 * and their site_seen versions are read in bulk, table by table, not one query per row.
 */

export interface PackageChange {
  seq: number;
  op: SiteChange['op'];
  at: string;
  userId: string | null;
  userName: string | null;
}

export interface PackageEntry {
  table: string;
  key: string;
  /** The row's current values (references as gids), or null: deleted. */
  row: Row | null;
  base: number;
  /** The highest change id of this row in the sender's log. */
  changeId: number;
  changes: PackageChange[];
}

export interface PackageAttachment {
  hash: string;
  mime: string;
  /** Its bytes: the number of the sealed file's segment that carries them raw (sealed.ts), not in the JSON. */
  content: number;
  /** Its thumbnail's segment, or null (a PDF). */
  thumbnail: number | null;
}

/** A refusal as a return package carries it. */
export type PackageRefusal = ListedRefusal;

export interface PackagePayload {
  format: 2;
  senderName: string;
  /** This installation's log was read up to this change id. */
  upTo: number;
  /** The highest change of the receiver applied here. */
  applied: number;
  entries: PackageEntry[];
  attachments: PackageAttachment[];
  refusals: PackageRefusal[];
}

export interface BuiltPackage {
  file: Buffer;
  seq: number;
  acks: number;
  entries: number;
  attachments: number;
  upTo: number;
}

export interface BuildOptions {
  seal: KeySeal;
  store: AttachmentStore;
  /** At the centre, the site's installation id; at a site, omitted (the centre). */
  peerId?: string;
  now?: string;
}

/** The local parents' values of a change's key by its parents (a hash stays a hash), or null when a parent is not here. */
async function parentValues(map: GidMap, c: SiteChange): Promise<unknown[] | null> {
  const key = TRAVELLING[c.table]!;
  if (key.kind !== 'parents') return null;
  const values: unknown[] = [];
  for (const [i, p] of key.parents.entries()) {
    const value = i === 0 ? c.gid : c.gid2;
    values.push(p.table === BY_HASH ? value : ((await map.id(p.table, String(value))) ?? null));
  }
  return values;
}

/**
 * The local rows the last changes of one table are about (null when gone), by key, read in bulk:
 * by gid, by hash, or by the parents' local ids (mapped in bulk first).
 */
async function currentRows(db: Knex, map: GidMap, table: string, lasts: readonly SiteChange[]): Promise<Map<string, Row | null>> {
  const key = TRAVELLING[table]!;
  const out = new Map<string, Row | null>();
  if (key.kind !== 'parents') {
    const column = key.kind === 'gid' ? 'gid' : 'hash';
    const found = await rowsWhere(
      db,
      table,
      [column],
      lasts.map((c) => [c.gid]),
    );
    for (const c of lasts) out.set(keyOf(c), found.get(tupleKey([c.gid])) ?? null);
    return out;
  }
  for (const [i, p] of key.parents.entries())
    if (p.table !== BY_HASH)
      await map.prefetchIds(
        p.table,
        lasts.map((c) => String(i === 0 ? c.gid : c.gid2)),
      );
  const wheres = new Map<string, unknown[] | null>();
  for (const c of lasts) {
    const values = await parentValues(map, c);
    wheres.set(keyOf(c), values && values.every((v) => v !== null) ? values : null);
  }
  const complete = [...wheres.values()].filter((v): v is unknown[] => v !== null);
  const found = await rowsWhere(
    db,
    table,
    key.parents.map((p) => p.column),
    complete,
  );
  for (const [k, values] of wheres) out.set(k, values ? (found.get(tupleKey(values)) ?? null) : null);
  return out;
}

/** The local parents of a deleted link (by its parents' keys), for OWNER; null when not a link. */
async function parentsOf(map: GidMap, c: SiteChange): Promise<Row | null> {
  const key = TRAVELLING[c.table]!;
  if (key.kind !== 'parents') return null;
  const values = (await parentValues(map, c))!;
  return Object.fromEntries(key.parents.map((p, i) => [p.column, values[i]]));
}

const keyOf = (c: SiteChange) => (c.gid2 === null ? c.gid : `${c.gid}|${c.gid2}`);

/** Builds the next package for the peer and counts it as sent, in one transaction. */
export async function buildPackage(db: Knex, opts: BuildOptions): Promise<BuiltPackage> {
  const now = opts.now ?? new Date().toISOString();
  return db.transaction(async (trx) => {
    const me = await thisInstallation(trx);
    const peer = await findPeer(trx, me, opts.peerId ?? me.centre?.id ?? '');
    if (!peer) throw new AppError('not_found', 'sites.exchange.unknownPeer');
    const keys = await installationKeys(trx, opts.seal);
    const changes = await changesSince(trx, peer.acked);
    const upTo = changes.length ? changes.at(-1)!.seq : peer.acked;
    const entries = await entriesFor(trx, peer, changes);
    const { attachments, segments } = await attachmentsOf(trx, opts.store, entries);
    const refusals = await refusalsFor(trx, peer);
    const seq = peer.lastSent + 1;
    const payload: PackagePayload = { format: 2, senderName: me.name, upTo, applied: peer.applied, entries, attachments, refusals };
    const file = sealPackage(
      { from: me.id, to: peer.keys.id, seq, acks: peer.lastReceived, createdAt: now },
      Buffer.from(JSON.stringify(payload), 'utf8'),
      keys,
      peer.keys,
      segments,
    );
    await updatePeerCounters(trx, peer.siteRowId, { last_sent_seq: seq });
    if (peer.siteRowId !== null && refusals.length) await markRefusalsReported(trx, peer.siteRowId, seq);
    return {
      file,
      seq,
      acks: peer.lastReceived,
      entries: entries.length,
      attachments: attachments.length,
      upTo,
    };
  });
}

async function entriesFor(db: Knex, peer: Peer, changes: SiteChange[]): Promise<PackageEntry[]> {
  const grouped = new Map<string, { table: string; changes: SiteChange[] }>();
  for (const c of changes) {
    const k = `${c.table}\u0000${keyOf(c)}`;
    const g = grouped.get(k) ?? { table: c.table, changes: [] };
    g.changes.push(c);
    grouped.set(k, g);
  }
  // Everything the entries need, read in bulk per table (a month of a prison is thousands of rows).
  const lastsByTable = new Map<string, SiteChange[]>();
  for (const { table, changes: cs } of grouped.values()) {
    const lasts = lastsByTable.get(table) ?? [];
    lasts.push(cs.at(-1)!);
    lastsByTable.set(table, lasts);
  }
  const map = new GidMap(db);
  const owners = new OwnerCache(db);
  const locals = new Map<string, Map<string, Row | null>>();
  const seen = new Map<string, Map<string, number>>();
  for (const [table, lasts] of lastsByTable) {
    const rows = await currentRows(db, map, table, lasts);
    locals.set(table, rows);
    const present = [...rows.values()].filter((r): r is Row => r !== null);
    await map.prefetchForEncode(table, present);
    if (peer.establishmentId !== null) {
      const gone: Row[] = [];
      for (const c of lasts) if (!rows.get(keyOf(c))) gone.push((await parentsOf(map, c)) ?? {});
      await owners.prefetch(table, [...present, ...gone], peer.establishmentId);
    }
    seen.set(table, await seenVersions(db, peer.keys.id, table, [...rows.keys()]));
  }
  // A row in an open conflict with this site waits for the clerk's choice, which travels as a change of its own.
  const waiting = new Set<string>();
  if (peer.siteRowId !== null) for (const r of await openConflictRows(db, peer.siteRowId)) waiting.add(`${r.table}\u0000${r.key}`);
  const out: PackageEntry[] = [];
  for (const { table, changes: cs } of grouped.values()) {
    const last = cs.at(-1)!;
    const key = keyOf(last);
    const local = locals.get(table)!.get(key) ?? null;
    if (peer.establishmentId !== null) {
      // At the centre: only what concerns the site's establishment. A deleted row of its own gid can no longer say where it was.
      const owner = local ?? (await parentsOf(map, last));
      if (!owner || !(await belongsTo(db, table, owner, peer.establishmentId, owners))) continue;
    }
    if (waiting.has(`${table}\u0000${key}`)) continue;
    out.push({
      table,
      key,
      row: local ? await encodeRow(map, table, local) : null,
      base: seen.get(table)!.get(key) ?? 0,
      changeId: last.seq,
      changes: cs.map((c) => ({ seq: c.seq, op: c.op, at: c.at, userId: c.userId, userName: c.userName })),
    });
  }
  return out;
}

/**
 * Every attachment an entry points to (or is), its row as an entry too when it is not one already,
 * and its bytes once, as the sealed file's segments (raw).
 */
async function attachmentsOf(
  db: Knex,
  store: AttachmentStore,
  entries: PackageEntry[],
): Promise<{ attachments: PackageAttachment[]; segments: Buffer[] }> {
  const hashes = new Set<string>();
  const asEntries = new Set<string>();
  for (const e of entries) {
    if (e.table === BY_HASH) asEntries.add(e.key);
    if (!e.row) continue;
    if (e.table === BY_HASH) hashes.add(String(e.row.hash));
    for (const column of Object.keys(REFS[e.table] ?? {}))
      if (parentTable(REFS[e.table]!, column, e.row) === BY_HASH && e.row[column]) hashes.add(String(e.row[column]));
  }
  const rows = await rowsWhere(
    db,
    BY_HASH,
    ['hash'],
    [...hashes].map((h) => [h]),
  );
  const files = await inParallel([...hashes], 4, async (hash) => {
    const row = rows.get(tupleKey([hash]));
    const content = row ? await store.read(hash, String(row.mime)) : null;
    return { hash, row, content, thumbnail: content ? await store.thumbnail(hash) : null };
  });
  const attachments: PackageAttachment[] = [];
  const segments: Buffer[] = [];
  for (const { hash, row, content, thumbnail } of files) {
    if (!row || !content) continue;
    if (!asEntries.has(hash)) {
      entries.unshift({ table: BY_HASH, key: hash, row, base: 0, changeId: 0, changes: [] });
      asEntries.add(hash);
    }
    segments.push(content);
    if (thumbnail) segments.push(thumbnail);
    attachments.push({
      hash,
      mime: String(row.mime),
      content: segments.length - (thumbnail ? 2 : 1),
      thumbnail: thumbnail ? segments.length - 1 : null,
    });
  }
  return { attachments, segments };
}

/** At the centre, the refusals the site has not acknowledged yet (carried again until it does). */
async function refusalsFor(db: Knex, peer: Peer): Promise<PackageRefusal[]> {
  if (peer.siteRowId === null) return [];
  return unacknowledgedRefusals(db, peer.siteRowId);
}
