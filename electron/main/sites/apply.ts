import type { Knex } from 'knex';
import { appendAudit } from '../audit/audit';
import type { Row } from '../db/rows';
import { sha256, type AttachmentStore } from '../files/store';
import type { Translate } from '../i18n';
import { withoutCapture } from './capture';
import { refusedFromSite } from './from-site';
import { installationKeys, type KeySeal } from './installation';
import { fitted, instrumentOf, refusedInstruments, refusedWhenKnown } from './ledgers';
import type { PackageEntry, PackagePayload, PackageRefusal } from './outbox';
import { countersOf, findPeer, thisInstallation, type Peer } from './peers';
import { BOOKKEEPING, decodeRow, encodeRow, GidMap, LEDGERS, sameValues, TABLE_ORDER } from './rows';
import { openPackage, readPackageHeader, type PackageHeader } from './sealed';
import { TRAVELLING } from './travelling';

/**
 * «Recibir de la oficina central» / a site's package read at the centre (issue 20, docs/SITES.md
 * decisions 6–8). The file is opened (sealed.ts: a package for another installation, from an
 * unknown sender or altered is refused, PackageError, changing nothing); a package already read
 * changes nothing and says so; one after a gap names the missing numbers and still applies (each
 * package carries every change not acknowledged). Then, in one transaction with capture paused
 * (nothing echoes back), parents before children, gids mapped to local ids:
 *
 * - a row not known here is inserted (ledgers and registers alike);
 * - a known ledger row (a movement, a stage, a consent, custody…) is skipped: ledgers are appended,
 *   never overwritten;
 * - a known register row (and a mark or a link, known by its parents) is updated when this
 *   installation has not changed it since the version the sender last applied from here (`base`;
 *   at the centre, not before the enrolment either); with the same values it is skipped; changed on
 *   both sides, the centre keeps its own and writes both versions to `site_conflicts`, a site keeps
 *   its own (its change travels to the centre, where the conflict is listed);
 * - instrument movements go through the instrument's state machine at the centre: the first new
 *   movement of an instrument must be one its state there allows (an instrument written off at
 *   the centre is not handed out), else its movements and the instrument's own change are refused
 *   with the reason (`site_refusals`), reported here and carried back in the next return package.
 *   The other ledgers are appended without their state machine for now (docs/SITES.md).
 *
 * Every applied, conflicting or refused row lands in the audit log as one entry, under the
 * sender's user name and the change's time, with the site and the package number in its details.
 */

export const RECEIVE_CHANNEL = 'sites.readPackage';

export interface ApplyReport {
  from: string;
  fromName: string;
  seq: number;
  alreadyRead: boolean;
  /** Package numbers from the sender never read before this one. */
  missing: number[];
  applied: Record<string, number>;
  skipped: number;
  conflicts: Array<{ table: string; key: string }>;
  refused: Array<{ table: string; key: string; reason: string }>;
  /** At a site: what the centre refused of earlier packages. */
  returnedRefusals: PackageRefusal[];
}

export interface ApplyOptions {
  seal: KeySeal;
  store: AttachmentStore;
  now?: string;
}

/** Opens and applies a package sent to this installation. */
export async function applyPackage(db: Knex, file: Buffer, opts: ApplyOptions): Promise<ApplyReport> {
  const now = opts.now ?? new Date().toISOString();
  const me = await thisInstallation(db);
  const declared = readPackageHeader(file);
  const known = await findPeer(db, me, declared.from);
  const keys = await installationKeys(db, opts.seal);
  const { header, payload: bytes } = openPackage(file, { id: me.id, boxPrivate: keys.boxPrivate }, (id) =>
    known && id === known.keys.id ? known.keys : null,
  );
  const payload = JSON.parse(bytes.toString('utf8')) as PackagePayload;
  return db.transaction(async (trx) => {
    const peer = (await findPeer(trx, me, header.from))!;
    const report: ApplyReport = {
      from: peer.keys.id,
      fromName: peer.keys.name,
      seq: header.seq,
      alreadyRead: header.seq <= peer.lastReceived,
      missing: [],
      applied: {},
      skipped: 0,
      conflicts: [],
      refused: [],
      returnedRefusals: me.role === 'sede' ? payload.refusals : [],
    };
    if (report.alreadyRead) return report;
    for (let n = peer.lastReceived + 1; n < header.seq; n++) report.missing.push(n);
    await withoutCapture(trx, () => new Applier(trx, me.role === 'central', peer, header, payload, opts.store, report).run());
    await countersOf(trx, peer).update({
      last_received_seq: header.seq,
      acked_change_id: Math.max(peer.acked, payload.applied),
      applied_change_id: Math.max(peer.applied, payload.upTo),
    });
    if (peer.siteRowId !== null)
      await trx('site_refusals').where({ site_id: peer.siteRowId }).where('reported_seq', '<=', header.acks).update({ acknowledged: true });
    await appendAudit(trx, { id: `sede:${peer.keys.id}`, name: peer.keys.name }, RECEIVE_CHANNEL, now, {
      entity: 'sitePackage',
      entityId: header.seq,
      action: 'receive',
      after: {
        site: peer.keys.name,
        missing: report.missing,
        applied: report.applied,
        skipped: report.skipped,
        conflicts: report.conflicts.length,
        refused: report.refused.length,
      },
    });
    return report;
  });
}

/** What a report tells the clerk, in the given language: the read-twice notice, each missing package, each refusal. */
export function reportLines(report: ApplyReport, t: Translate): string[] {
  if (report.alreadyRead) return [t('sites.exchange.alreadyRead', { seq: report.seq, name: report.fromName })];
  return [
    ...report.missing.map((seq) => t('sites.exchange.missing', { seq, name: report.fromName })),
    ...[...report.refused, ...report.returnedRefusals].map((r) => refusalText(r.reason, t)),
  ];
}

/** What a record is, by its table, in the reader's words. */
export const tableLabel = (table: string, t: Translate): string =>
  t(`sites.transfer.tables.${table}`, { defaultValue: t('sites.transfer.tables.other') });

/** Why a received record was refused (`instrument:<status>`, `missing:<table>`, `centreOnly`, `outside`, `inUse`), in the reader's words. */
export function refusalText(reason: string, t: Translate): string {
  const [kind, detail = ''] = reason.split(/:(.*)/s);
  if (kind === 'instrument') return t('sites.exchange.refusals.instrument', { status: t(`inventory.statuses.${detail}`) });
  if (kind === 'missing') return t('sites.exchange.refusals.missing', { what: tableLabel(detail, t) });
  if (kind === 'centreOnly' || kind === 'outside') return t(`sites.exchange.refusals.${kind}`);
  return t('sites.exchange.refusals.inUse');
}

class Applier {
  private readonly map: GidMap;
  /** Instruments whose new movements the centre refused (their own change is refused with them). */
  private blocked = new Map<string, string>();

  constructor(
    private readonly trx: Knex.Transaction,
    private readonly atCentre: boolean,
    private readonly peer: Peer,
    private readonly header: PackageHeader,
    private readonly payload: PackagePayload,
    private readonly store: AttachmentStore,
    private readonly report: ApplyReport,
  ) {
    this.map = new GidMap(trx);
  }

  async run(): Promise<void> {
    for (const a of this.payload.attachments) {
      const content = Buffer.from(a.content, 'base64');
      if (sha256(content) !== a.hash) continue; // the signature covers it; a mismatch is the sender's fault, not applied
      if (!(await this.store.has(a.hash, a.mime)))
        await this.store.put(this.trx, {
          hash: a.hash,
          mime: a.mime,
          content,
          thumbnail: a.thumbnail ? Buffer.from(a.thumbnail, 'base64') : null,
        });
    }
    if (this.atCentre) this.blocked = await refusedInstruments(this.trx, this.payload.entries);
    const order = (e: PackageEntry) => TABLE_ORDER.indexOf(e.table);
    const upserts = this.payload.entries.filter((e) => e.row).sort((a, b) => order(a) - order(b) || a.changeId - b.changeId);
    const deletes = this.payload.entries.filter((e) => !e.row).sort((a, b) => order(b) - order(a));
    for (const e of upserts) await this.upsert(e);
    for (const e of deletes) await this.remove(e);
  }

  private count(table: string): void {
    this.report.applied[table] = (this.report.applied[table] ?? 0) + 1;
  }

  private async audit(e: PackageEntry, action: string, details: Record<string, unknown> = {}): Promise<void> {
    const last = e.changes.at(-1);
    const who = { id: last?.userId ?? `sede:${this.peer.keys.id}`, name: last?.userName ?? this.peer.keys.name };
    await appendAudit(this.trx, who, RECEIVE_CHANNEL, last?.at ?? this.header.createdAt, {
      entity: e.table,
      entityId: e.key,
      action,
      after: {
        site: this.peer.keys.name,
        package: this.header.seq,
        changes: e.changes.map((c) => ({ op: c.op, at: c.at, by: c.userName })),
        ...details,
      },
    });
  }

  private async refuse(e: PackageEntry, reason: string): Promise<void> {
    this.report.refused.push({ table: e.table, key: e.key, reason });
    if (this.peer.siteRowId !== null)
      await this.trx('site_refusals').insert({
        site_id: this.peer.siteRowId,
        table_name: e.table,
        row_key: e.key,
        reason,
        details_json: JSON.stringify({ changes: e.changes }),
        package_seq: this.header.seq,
        refused_at: new Date().toISOString(),
      });
    // A refused register change: the centre's version is the truth the site is sent back (on top of the site's).
    if (!LEDGERS.has(e.table)) await this.seen(e);
    await this.audit(e, 'refused', { reason });
  }

  /** The local row a travelling key names, with the `where` that finds it. */
  private async local(table: string, key: string, decoded: Row): Promise<{ row: Row; where: Row } | null> {
    const k = TRAVELLING[table]!;
    const where: Row =
      k.kind === 'gid'
        ? { gid: key }
        : k.kind === 'hash'
          ? { hash: key }
          : { [k.parents[0].column]: decoded[k.parents[0].column], [k.parents[1].column]: decoded[k.parents[1].column] };
    const row = (await this.trx(table).where(where).first()) as Row | undefined;
    return row ? { row, where } : null;
  }

  /** At the centre, why a site's change is not the site's to make (from-site.ts); null at a site, which takes the centre's. */
  private fromSite(table: string, incoming: Row | null, local: Row | null): Promise<string | null> {
    if (!this.atCentre || this.peer.establishmentId === null) return Promise.resolve(null);
    return refusedFromSite(this.trx, this.peer.establishmentId, table, incoming, local);
  }

  /** Whether this installation changed the row after the version the sender last applied from here. */
  private async changedHere(e: PackageEntry): Promise<boolean> {
    const [gid, gid2] = e.key.split('|');
    const q = this.trx('site_changes').where({ table_name: e.table, gid }).where('id', '>', Math.max(e.base, this.peer.floor));
    if (gid2 !== undefined) q.where({ gid2 });
    return Boolean(await q.first('id'));
  }

  private async seen(e: PackageEntry): Promise<void> {
    await this.trx('site_seen')
      .insert({ peer_id: this.peer.keys.id, table_name: e.table, row_key: e.key, peer_change_id: e.changeId })
      .onConflict(['peer_id', 'table_name', 'row_key'])
      .merge();
  }

  private async upsert(e: PackageEntry): Promise<void> {
    const instrument = instrumentOf(e);
    const blockedBy = instrument === null ? undefined : this.blocked.get(instrument);
    const { row, missing } = await decodeRow(this.map, e.table, e.row!);
    const found = await this.local(e.table, e.key, row);
    if (blockedBy && (!found || refusedWhenKnown(e.table))) return this.refuse(e, blockedBy);
    if (missing) return this.refuse(e, `missing:${missing}`);
    const notTheSites = await this.fromSite(e.table, row, found?.row ?? null);
    if (notTheSites) return this.refuse(e, notTheSites);
    if (!found) {
      await this.insert(e.table, row);
      this.count(e.table);
      await this.seen(e);
      return this.audit(e, 'create');
    }
    if (LEDGERS.has(e.table)) {
      this.report.skipped++;
      return;
    }
    const mine = await encodeRow(this.map, e.table, found.row);
    if (sameValues(mine, e.row!)) {
      this.report.skipped++;
      return this.seen(e);
    }
    if (await this.changedHere(e)) {
      this.report.conflicts.push({ table: e.table, key: e.key });
      if (this.peer.siteRowId !== null) {
        await this.trx('site_conflicts').insert({
          site_id: this.peer.siteRowId,
          table_name: e.table,
          row_key: e.key,
          local_json: JSON.stringify(mine),
          incoming_json: JSON.stringify(e.row),
          base: e.base,
          package_seq: this.header.seq,
          detected_at: new Date().toISOString(),
        });
        // The centre has now seen the site's version: what it decides travels back on top of it.
        await this.seen(e);
      }
      return this.audit(e, 'conflict');
    }
    const changes: Row = {};
    for (const [c, v] of Object.entries(row)) if (c !== 'gid' && !BOOKKEEPING.includes(c) && !(c in found.where)) changes[c] = v;
    if ('version' in found.row) changes.version = Number(found.row.version) + 1;
    await this.trx(e.table).where(found.where).update(changes);
    this.count(e.table);
    await this.seen(e);
    return this.audit(e, 'update');
  }

  private async insert(table: string, given: Row): Promise<void> {
    const row = await fitted(this.trx, table, given);
    const k = TRAVELLING[table]!;
    if (k.kind !== 'gid') {
      await this.trx(table).insert(row);
      return;
    }
    const [inserted] = (await this.trx(table).insert(row).returning('id')) as Array<{ id: number } | number>;
    this.map.learn(table, typeof inserted === 'object' ? Number(inserted.id) : Number(inserted), String(row.gid));
  }

  private async remove(e: PackageEntry): Promise<void> {
    if (LEDGERS.has(e.table)) return;
    const k = TRAVELLING[e.table]!;
    let decoded: Row = {};
    if (k.kind === 'parents') {
      const [a, b] = e.key.split('|');
      decoded = (await decodeRow(this.map, e.table, { [k.parents[0].column]: a, [k.parents[1].column]: b })).row;
    }
    const found = await this.local(e.table, e.key, decoded);
    if (!found) {
      this.report.skipped++;
      return;
    }
    const notTheSites = await this.fromSite(e.table, null, found.row);
    if (notTheSites) return this.refuse(e, notTheSites);
    if (await this.changedHere(e)) {
      this.report.conflicts.push({ table: e.table, key: e.key });
      return this.audit(e, 'conflict');
    }
    try {
      await this.trx.transaction(async (sp) => sp(e.table).where(found.where).del());
    } catch {
      return this.refuse(e, 'inUse');
    }
    this.count(e.table);
    await this.seen(e);
    return this.audit(e, 'delete');
  }
}
