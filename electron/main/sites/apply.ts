import type { Knex } from 'knex';
import { appendAudit, appendAuditBatch, type AuditEntry } from '../audit/audit';
import type { Actor } from '../../../shared/app/schemas';
import type { Row } from '../db/rows';
import type { AttachmentStore } from '../files/store';
import { withoutCapture } from './capture';
import { refusedFromSite } from './from-site';
import { installationKeys, type KeySeal } from './installation';
import type { PackageEntry, PackagePayload } from './outbox';
import { findPeer, thisInstallation, type Peer } from './peers';
import { byTable, insertRows, Prepared, storeAttachments, whereOf } from './batch';
import { logUpdateAgain } from './repository/changes';
import { recordConflict } from './repository/conflicts';
import { updatePeerCounters } from './repository/installation';
import { acknowledgeRefusals, recordRefusal, refusalListed } from './repository/refusals';
import { writeSeen } from './repository/seen';
import { BOOKKEEPING, decodeRow, encodeRow, FITTED, GidMap, LEDGERS, sameValues, TABLE_ORDER } from './rows';
import { countColumn, fitted, followLedger, LedgerPlan, refusedWhenKnown } from './state-machines';
import type { ApplyReport } from './report';
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
 *   both sides, the centre keeps its own and writes both versions to site_conflicts, a site keeps
 *   its own (its change travels to the centre, where the conflict is listed);
 * - the ledgers with a state machine (an instrument's movements, a participant's custody changes,
 *   a work's custody) meet it at the centre (state-machines.ts): the first new entry of each
 *   subject must be one its state there allows (an instrument written off is not handed out, a
 *   released participant not withdrawn, a sold work not put on show), else its entries and the
 *   subject's own change are refused with the reason (site_refusals), reported here and carried
 *   back in the next return package; accepted, the subject's state columns follow its ledger.
 *
 * Every applied, conflicting or refused row lands in the audit log as one entry, under the
 * sender's user name and the change's time, with the site and the package number in its details.
 */

export const RECEIVE_CHANNEL = 'sites.readPackage';

export { refusalText, reportLines, tableLabel, type ApplyReport } from './report';

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
  const opened = openPackage(file, { id: me.id, boxPrivate: keys.boxPrivate }, (id) => (known && id === known.keys.id ? known.keys : null));
  const { header, segments } = opened;
  const payload = JSON.parse(opened.payload.toString('utf8')) as PackagePayload;
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
    await withoutCapture(trx, () => new Applier(trx, me.role === 'central', peer, header, payload, opts.store, report, segments).run());
    await updatePeerCounters(trx, peer.siteRowId, {
      last_received_seq: header.seq,
      acked_change_id: Math.max(peer.acked, payload.applied),
      applied_change_id: Math.max(peer.applied, payload.upTo),
    });
    if (peer.siteRowId !== null) await acknowledgeRefusals(trx, peer.siteRowId, header.acks);
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

class Applier {
  private readonly map: GidMap;
  /** At the centre, the ledgers' state machines' verdicts on the package (subjects refused with their entries; new entries per subject). */
  private plan: LedgerPlan | null = null;
  /**
   * What one table's entries need, read in bulk before they are applied (batch.ts). New rows are
   * queued and inserted in bulk before the next table; site_seen and the audit entries, which
   * nothing here reads back, at the end.
   */
  private prep: Prepared | null = null;
  private inserts: Row[] = [];
  private seenQueue = new Map<string, Row>();
  private audits: Array<{ actor: Actor; channel: string; at: string; entry: AuditEntry }> = [];

  constructor(
    private readonly trx: Knex.Transaction,
    private readonly atCentre: boolean,
    private readonly peer: Peer,
    private readonly header: PackageHeader,
    private readonly payload: PackagePayload,
    private readonly store: AttachmentStore,
    private readonly report: ApplyReport,
    private readonly segments: readonly Buffer[],
  ) {
    this.map = new GidMap(trx);
  }

  async run(): Promise<void> {
    await storeAttachments(this.trx, this.store, this.payload.attachments, this.segments);
    if (this.atCentre) this.plan = await LedgerPlan.read(this.trx, this.payload.entries);
    const order = (e: PackageEntry) => TABLE_ORDER.indexOf(e.table);
    const upserts = this.payload.entries.filter((e) => e.row).sort((a, b) => order(a) - order(b) || a.changeId - b.changeId);
    const deletes = this.payload.entries.filter((e) => !e.row).sort((a, b) => order(b) - order(a));
    const establishment = this.atCentre ? this.peer.establishmentId : null;
    for (const group of byTable(upserts)) {
      this.prep = await Prepared.read(this.trx, this.map, this.peer, establishment, group, true);
      for (const e of group) await this.upsert(e);
      await insertRows(this.trx, this.map, group[0]!.table, this.inserts);
      this.inserts = [];
    }
    for (const group of byTable(deletes)) {
      this.prep = await Prepared.read(this.trx, this.map, this.peer, establishment, group, false);
      for (const e of group) await this.remove(e);
    }
    await writeSeen(this.trx, [...this.seenQueue.values()]);
    await appendAuditBatch(this.trx, this.audits);
  }

  private count(table: string): void {
    this.report.applied[table] = (this.report.applied[table] ?? 0) + 1;
  }

  private async audit(e: PackageEntry, action: string, details: Record<string, unknown> = {}): Promise<void> {
    const last = e.changes.at(-1);
    const who = { id: last?.userId ?? `sede:${this.peer.keys.id}`, name: last?.userName ?? this.peer.keys.name };
    this.audits.push({
      actor: who,
      channel: RECEIVE_CHANNEL,
      at: last?.at ?? this.header.createdAt,
      entry: {
        entity: e.table,
        entityId: e.key,
        action,
        after: {
          site: this.peer.keys.name,
          package: this.header.seq,
          changes: e.changes.map((c) => ({ op: c.op, at: c.at, by: c.userName })),
          ...details,
        },
      },
    });
    if (this.audits.length >= 1000) {
      await appendAuditBatch(this.trx, this.audits);
      this.audits = [];
    }
  }

  private async refuse(e: PackageEntry, reason: string): Promise<void> {
    this.report.refused.push({ table: e.table, key: e.key, reason });
    // A change carried again before the site heard of its refusal is refused again, but listed once.
    const listed = this.peer.siteRowId !== null && (await refusalListed(this.trx, this.peer.siteRowId, e.table, e.key, reason));
    if (this.peer.siteRowId !== null && !listed)
      await recordRefusal(this.trx, {
        siteId: this.peer.siteRowId,
        table: e.table,
        key: e.key,
        reason,
        details: { changes: e.changes },
        packageSeq: this.header.seq,
        refusedAt: new Date().toISOString(),
      });
    // A refused register change: the centre's version is the truth the site is sent back (on top of the site's).
    if (!LEDGERS.has(e.table)) {
      await this.seen(e);
      await this.sendBack(e);
    }
    await this.audit(e, 'refused', { reason });
  }

  /**
   * At the centre, logs its row of a refused register change again, so that its version travels in
   * the next return package even when the site already acknowledged the centre's own change (the
   * site, which kept its own version then as a conflict, would otherwise keep it for good).
   */
  private async sendBack(e: PackageEntry): Promise<void> {
    if (!this.atCentre || TRAVELLING[e.table]!.kind !== 'gid' || !(await this.trx(e.table).where({ gid: e.key }).first('id'))) return;
    await logUpdateAgain(this.trx, e.table, e.key, new Date().toISOString());
  }

  /** The local row a travelling key names, with the `where` that finds it. */
  private async local(table: string, key: string, decoded: Row): Promise<{ row: Row; where: Row } | null> {
    const where = whereOf(table, key, decoded);
    const known = this.prep?.local(where);
    const row = known === undefined ? ((await this.trx(table).where(where).first()) as Row | undefined) : known;
    return row ? { row, where } : null;
  }

  /** At the centre, why a site's change is not the site's to make (from-site.ts); null at a site, which takes the centre's. */
  private fromSite(table: string, incoming: Row | null, local: Row | null): Promise<string | null> {
    if (!this.atCentre || this.peer.establishmentId === null) return Promise.resolve(null);
    return refusedFromSite(this.trx, this.peer.establishmentId, table, incoming, local, this.prep?.owners);
  }

  /** Whether this installation changed the row after the version the sender last applied from here. */
  private async changedHere(e: PackageEntry): Promise<boolean> {
    return this.prep!.lastChange(e.key) > Math.max(e.base, this.peer.floor);
  }

  private async seenAlready(e: PackageEntry): Promise<boolean> {
    const seen = this.prep!.seen(e.key);
    return seen !== undefined && seen >= e.changeId;
  }

  /** Notes the version of the peer applied (or met) here; written with the others at the end. */
  private async seen(e: PackageEntry): Promise<void> {
    this.seenQueue.set(`${e.table}\u0000${e.key}`, {
      peer_id: this.peer.keys.id,
      table_name: e.table,
      row_key: e.key,
      peer_change_id: e.changeId,
    });
  }

  private async upsert(e: PackageEntry): Promise<void> {
    const blockedBy = this.plan?.refusal(e);
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
    let mine = await encodeRow(this.map, e.table, found.row);
    if (sameValues(mine, e.row!)) {
      this.report.skipped++;
      return this.seen(e);
    }
    // A version of the peer's already met here (a conflict listed, carried again until acknowledged): nothing new.
    if (await this.seenAlready(e)) {
      this.report.skipped++;
      return;
    }
    if (await this.changedHere(e)) {
      const moved = this.plan?.moved(e.table, e.key) ?? 0;
      if (moved) {
        // A subject's state follows its ledger, whose new entries from the site are appended here
        // (an instrument's status and holder, a participant's status, a work's custody): it is no
        // clerk's choice. Only its description can conflict.
        found.row = await followLedger(this.trx, e.table, found.row, row, moved);
        mine = await encodeRow(this.map, e.table, found.row);
        const counted = countColumn(e.table);
        if (sameValues(counted ? { ...mine, [counted]: e.row![counted] } : mine, e.row!)) {
          this.count(e.table);
          await this.seen(e);
          return this.audit(e, 'update');
        }
      }
      this.report.conflicts.push({ table: e.table, key: e.key });
      if (this.peer.siteRowId !== null) {
        await recordConflict(this.trx, {
          siteId: this.peer.siteRowId,
          table: e.table,
          key: e.key,
          local: mine,
          incoming: e.row,
          base: e.base,
          packageSeq: this.header.seq,
          detectedAt: new Date().toISOString(),
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

  /** Queues a new row, inserted with the rest of its table's (batch.ts insertRows); an instrument movement at once (its number is fitted to those here). */
  private async insert(table: string, given: Row): Promise<void> {
    if (!FITTED.has(table)) {
      this.inserts.push(given);
      return;
    }
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
