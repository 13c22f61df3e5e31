import type { Knex } from 'knex';
import type { Row } from '../db/rows';
import type { AttachmentStore } from '../files/store';
import { AppError } from '../ipc/errors';
import { changesSince, type SiteChange } from './capture';
import { installationKeys, type KeySeal } from './installation';
import { attachmentRow } from './ledgers';
import { countersOf, findPeer, thisInstallation, type Peer } from './peers';
import { BY_HASH, encodeRow, GidMap, REFS, belongsTo, parentTable } from './rows';
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
 * attachment store. The payload also says the highest change of the peer applied here
 * (`applied`, so the peer advances its acknowledged id) and how far this installation's log was
 * read (`upTo`). At the centre, the refusals not yet acknowledged by the site go back with it.
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
  content: string;
  thumbnail: string | null;
}

export interface PackageRefusal {
  table: string;
  key: string;
  reason: string;
  details: unknown;
  packageSeq: number;
}

export interface PackagePayload {
  format: 1;
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

/** The local row a change is about, or null when it is gone. */
async function currentRow(db: Knex, map: GidMap, c: SiteChange): Promise<Row | null> {
  const key = TRAVELLING[c.table]!;
  if (key.kind === 'gid') return ((await db(c.table).where({ gid: c.gid }).first()) as Row | undefined) ?? null;
  if (key.kind === 'hash') return ((await db(c.table).where({ hash: c.gid }).first()) as Row | undefined) ?? null;
  const where: Row = {};
  for (const [i, p] of key.parents.entries()) {
    const value = i === 0 ? c.gid : c.gid2;
    if (p.table === BY_HASH) where[p.column] = value;
    else {
      const id = await map.id(p.table, String(value));
      if (id === undefined) return null;
      where[p.column] = id;
    }
  }
  return ((await db(c.table).where(where).first()) as Row | undefined) ?? null;
}

/** The local parents of a deleted link (by its parents' keys), for OWNER; null when not a link. */
async function parentsOf(map: GidMap, c: SiteChange): Promise<Row | null> {
  const key = TRAVELLING[c.table]!;
  if (key.kind !== 'parents') return null;
  const row: Row = {};
  for (const [i, p] of key.parents.entries()) {
    const value = i === 0 ? c.gid : c.gid2;
    row[p.column] = p.table === BY_HASH ? value : ((await map.id(p.table, String(value))) ?? null);
  }
  return row;
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
    const attachments = await attachmentsOf(trx, opts.store, entries);
    const refusals = await refusalsFor(trx, peer);
    const seq = peer.lastSent + 1;
    const payload: PackagePayload = { format: 1, senderName: me.name, upTo, applied: peer.applied, entries, attachments, refusals };
    const file = sealPackage(
      { from: me.id, to: peer.keys.id, seq, acks: peer.lastReceived, createdAt: now },
      Buffer.from(JSON.stringify(payload), 'utf8'),
      keys,
      peer.keys,
    );
    await countersOf(trx, peer).update({ last_sent_seq: seq });
    if (peer.siteRowId !== null && refusals.length)
      await trx('site_refusals')
        .where({ site_id: peer.siteRowId, acknowledged: false })
        .whereNull('reported_seq')
        .update({ reported_seq: seq });
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
  const map = new GidMap(db);
  const out: PackageEntry[] = [];
  for (const { table, changes: cs } of grouped.values()) {
    const last = cs.at(-1)!;
    const local = await currentRow(db, map, last);
    if (peer.establishmentId !== null) {
      // At the centre: only what concerns the site's establishment. A deleted row of its own gid can no longer say where it was.
      const owner = local ?? (await parentsOf(map, last));
      if (!owner || !(await belongsTo(db, table, owner, peer.establishmentId))) continue;
    }
    const key = keyOf(last);
    // A row in an open conflict with this site waits for the clerk's choice, which travels as a change of its own.
    if (
      peer.siteRowId !== null &&
      (await db('site_conflicts').where({ site_id: peer.siteRowId, table_name: table, row_key: key }).whereNull('resolved_at').first('id'))
    )
      continue;
    const seen = (await db('site_seen').where({ peer_id: peer.keys.id, table_name: table, row_key: key }).first('peer_change_id')) as
      { peer_change_id: number } | undefined;
    out.push({
      table,
      key,
      row: local ? await encodeRow(map, table, local) : null,
      base: Number(seen?.peer_change_id ?? 0),
      changeId: last.seq,
      changes: cs.map((c) => ({ seq: c.seq, op: c.op, at: c.at, userId: c.userId, userName: c.userName })),
    });
  }
  return out;
}

/** Every attachment an entry points to (or is), its row as an entry too when it is not one already, and its bytes once. */
async function attachmentsOf(db: Knex, store: AttachmentStore, entries: PackageEntry[]): Promise<PackageAttachment[]> {
  const hashes = new Set<string>();
  for (const e of entries) {
    if (!e.row) continue;
    if (e.table === BY_HASH) hashes.add(String(e.row.hash));
    for (const column of Object.keys(REFS[e.table] ?? {}))
      if (parentTable(REFS[e.table]!, column, e.row) === BY_HASH && e.row[column]) hashes.add(String(e.row[column]));
  }
  const out: PackageAttachment[] = [];
  for (const hash of hashes) {
    const row = await attachmentRow(db, hash);
    if (!row) continue;
    const content = await store.read(hash, String(row.mime));
    if (!content) continue;
    if (!entries.some((e) => e.table === BY_HASH && e.key === hash))
      entries.unshift({ table: BY_HASH, key: hash, row, base: 0, changeId: 0, changes: [] });
    const thumbnail = await store.thumbnail(hash);
    out.push({ hash, mime: String(row.mime), content: content.toString('base64'), thumbnail: thumbnail?.toString('base64') ?? null });
  }
  return out;
}

/** At the centre, the refusals the site has not acknowledged yet (carried again until it does). */
async function refusalsFor(db: Knex, peer: Peer): Promise<PackageRefusal[]> {
  if (peer.siteRowId === null) return [];
  const rows = (await db('site_refusals').where({ site_id: peer.siteRowId, acknowledged: false }).orderBy('id')) as Row[];
  return rows.map((r) => ({
    table: String(r.table_name),
    key: String(r.row_key),
    reason: String(r.reason),
    details: r.details_json === null ? null : JSON.parse(String(r.details_json)),
    packageSeq: Number(r.package_seq),
  }));
}
