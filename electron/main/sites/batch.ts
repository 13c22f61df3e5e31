import type { Knex } from 'knex';
import type { Row } from '../db/rows';
import { sha256, type AttachmentStore } from '../files/store';
import type { Peer } from './peers';
import { BINDINGS, chunked, decodeRow, LEDGERS, OWNER, type GidMap, type OwnerLookups } from './rows';
import { TRAVELLING } from './travelling';
import { lastChangesOf } from './repository/changes';
import { seenVersions } from './repository/seen';

/**
 * A package's rows read and written in bulk (issue 20, docs/SITES.md «Bench»): a month of a
 * prison is thousands of rows, and one query per row — the row, its parents' ids, where it
 * belongs, its last change, its version seen, then its insert — made most of a package's time.
 * Here, one query per chunk of a table: the builder (outbox.ts) and the applier (apply.ts) ask the
 * same questions of rows read beforehand. Statements bind at most BINDINGS values.
 */

/** A package's entry and attachment (outbox.ts PackageEntry, PackageAttachment), as read here. */
interface PackageEntry {
  table: string;
  key: string;
  row: Row | null;
}
interface PackageAttachment {
  hash: string;
  mime: string;
  content: number;
  thumbnail: number | null;
}

/** How a tuple of column values is known in `rowsWhere`'s answer. */
export const tupleKey = (values: readonly unknown[]): string => values.map((v) => String(v)).join('\u0000');

/**
 * The rows of `table` whose `columns` hold each of these tuples (a gid, a hash, two parents' local
 * ids), read in bulk — one query per chunk, not one per row —, keyed by `tupleKey`. A tuple with an
 * empty value finds nothing here: the caller asks for it alone.
 */
export async function rowsWhere(
  db: Knex,
  table: string,
  columns: readonly string[],
  tuples: readonly unknown[][],
): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  const wanted = new Set(tuples.map(tupleKey));
  const complete = tuples.filter((t) => t.every((v) => v !== null && v !== undefined));
  for (const part of chunked(complete, Math.floor(BINDINGS / columns.length))) {
    let q = db(table);
    columns.forEach((c, i) => {
      q = q.whereIn(c, [...new Set(part.map((t) => t[i]))] as Knex.Value[]);
    });
    for (const r of (await q) as Row[]) {
      const k = tupleKey(columns.map((c) => r[c]));
      if (wanted.has(k) && !out.has(k)) out.set(k, r);
    }
  }
  return out;
}

/** `fn` over `items`, at most `n` at a time (an attachment's files: the disk works while the next is asked for); answers in order. */
export async function inParallel<T, R>(items: readonly T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/**
 * What `belongsTo` reads — the parents a `via` owner follows, the links a `linked` owner checks —
 * looked up in bulk for a batch of rows (`prefetch`: one query per chunk of a table, not one per
 * row) and remembered. Kept while the rows it read do not change: the applier starts a new one
 * for each table of a package, whose rows it writes.
 */
export class OwnerCache implements OwnerLookups {
  private readonly rows = new Map<string, Map<number, Row | null>>();
  /** Per link table, column and establishment: the ids checked, and whether each is linked. */
  private readonly links = new Map<string, Map<number, boolean>>();
  constructor(private readonly db: Knex) {}

  private rowsOf(table: string): Map<number, Row | null> {
    let m = this.rows.get(table);
    if (!m) this.rows.set(table, (m = new Map()));
    return m;
  }

  private linksOf(table: string, column: string, e: number): Map<number, boolean> {
    const k = `${table}\u0000${column}\u0000${e}`;
    let m = this.links.get(k);
    if (!m) this.links.set(k, (m = new Map()));
    return m;
  }

  /** The row of `table` with that id (undefined when there is none). */
  async row(table: string, id: unknown): Promise<Row | undefined> {
    const n = Number(id);
    if (!Number.isSafeInteger(n)) return ((await this.db(table).where({ id }).first()) as Row | undefined) ?? undefined;
    const known = this.rowsOf(table);
    if (!known.has(n)) known.set(n, ((await this.db(table).where({ id: n }).first()) as Row | undefined) ?? null);
    return known.get(n) ?? undefined;
  }

  /** Whether `table` links `id` (its `column`) to establishment `e`. */
  async linked(table: string, column: string, id: unknown, e: number): Promise<boolean> {
    const n = Number(id);
    if (!Number.isSafeInteger(n))
      return Boolean(
        await this.db(table)
          .where({ [column]: id, establishment_id: e })
          .first(column),
      );
    const known = this.linksOf(table, column, e);
    if (!known.has(n))
      known.set(
        n,
        Boolean(
          await this.db(table)
            .where({ [column]: n, establishment_id: e })
            .first(column),
        ),
      );
    return known.get(n)!;
  }

  /** Reads in bulk what `belongsTo(…, e)` will ask about these rows of `table`, following `via` owners up to their parents. */
  async prefetch(table: string, rows: readonly Row[], e: number): Promise<void> {
    const owner = OWNER[table];
    if (owner?.kind === 'linked') {
      const known = this.linksOf(owner.table, owner.column, e);
      const ids = [...new Set(rows.map((r) => Number(r.id)))].filter((n) => Number.isSafeInteger(n) && !known.has(n));
      for (const part of chunked(ids)) {
        const found = (await this.db(owner.table)
          .whereIn(owner.column, part)
          .where({ establishment_id: e })
          .pluck(owner.column)) as unknown[];
        const linked = new Set(found.map(Number));
        for (const n of part) known.set(n, linked.has(n));
      }
    }
    if (owner?.kind === 'via') {
      const known = this.rowsOf(owner.table);
      const ids = [
        ...new Set(
          rows
            .map((r) => r[owner.column])
            .filter((v) => v !== null && v !== undefined)
            .map(Number),
        ),
      ];
      const wanted = ids.filter((n) => Number.isSafeInteger(n) && !known.has(n));
      for (const part of chunked(wanted)) {
        const found = (await this.db(owner.table).whereIn('id', part)) as Row[];
        for (const r of found) known.set(Number(r.id), r);
        for (const n of part) if (!known.has(n)) known.set(n, null);
      }
      const parents = ids.map((n) => known.get(n)).filter((r): r is Row => !!r);
      if (parents.length) await this.prefetch(owner.table, parents, e);
    }
  }
}

/** Consecutive entries of the same table, in their order. */
export function byTable<E extends PackageEntry>(entries: readonly E[]): E[][] {
  const out: E[][] = [];
  for (const e of entries) {
    const last = out.at(-1);
    if (last && last[0]!.table === e.table) last.push(e);
    else out.push([e]);
  }
  return out;
}

/** The `where` that finds an entry's local row: its gid, its hash, or its two parents' local ids (from its decoded row). */
export function whereOf(table: string, key: string, decoded: Row): Row {
  const k = TRAVELLING[table]!;
  return k.kind === 'gid'
    ? { gid: key }
    : k.kind === 'hash'
      ? { hash: key }
      : { [k.parents[0].column]: decoded[k.parents[0].column], [k.parents[1].column]: decoded[k.parents[1].column] };
}

/** A deleted link's key as a travelling row (its parents' gids or hash), for decoding. */
function linkKey(e: PackageEntry): Row {
  const k = TRAVELLING[e.table]!;
  if (k.kind !== 'parents') return {};
  const [a, b] = e.key.split('|');
  return { [k.parents[0].column]: a, [k.parents[1].column]: b };
}

/**
 * What the entries of one table of a package (`group`) will ask for, read in bulk before they are
 * applied: their local rows by key, the parents' ids and gids, the parents and links that say where
 * a row belongs (at the centre), the versions of the sender's already seen here, and the last
 * change here of each row (capture is paused while a package is applied: nothing adds to the log
 * meanwhile). Good for that table only: its rows are written next.
 */
export class Prepared {
  private readonly locals = new Map<string, Row>();
  private readonly asked = new Set<string>();
  private readonly lastChanges = new Map<string, number>();
  private seenVersions = new Map<string, number>();

  private constructor(readonly owners: OwnerCache) {}

  static async read(
    trx: Knex.Transaction,
    map: GidMap,
    peer: Peer,
    establishmentId: number | null,
    group: readonly PackageEntry[],
    upserts: boolean,
  ): Promise<Prepared> {
    const out = new Prepared(new OwnerCache(trx));
    const table = group[0]!.table;
    await map.prefetchForDecode(
      table,
      group.map((e) => e.row ?? linkKey(e)),
    );
    const decoded: Row[] = [];
    for (const e of group) decoded.push((await decodeRow(map, e.table, e.row ?? linkKey(e))).row);
    const columns = Object.keys(whereOf(table, '', {}));
    const tuples = group.map((e, i) => columns.map((c) => whereOf(table, e.key, decoded[i]!)[c]));
    const found = await rowsWhere(trx, table, columns, tuples);
    for (const t of tuples) {
      const r = found.get(tupleKey(t));
      if (r) out.locals.set(tupleKey(t), r);
      if (t.every((v) => v !== null && v !== undefined)) out.asked.add(tupleKey(t));
    }
    const present = [...out.locals.values()];
    await map.prefetchForEncode(table, present);
    if (establishmentId !== null)
      await out.owners.prefetch(
        table,
        [...present, ...decoded.map((d, i) => ({ ...out.locals.get(tupleKey(tuples[i]!)), ...d }))],
        establishmentId,
      );
    const keys = group.map((e) => e.key);
    if (upserts && !LEDGERS.has(table)) out.seenVersions = await seenVersions(trx, peer.keys.id, table, keys);
    if (!upserts || !LEDGERS.has(table))
      for (const r of await lastChangesOf(trx, table, [...new Set(keys.map((key) => key.split('|')[0]!))], peer.floor))
        for (const key of [String(r.gid), `${String(r.gid)}|${String(r.gid2)}`])
          out.lastChanges.set(key, Math.max(Number(r.last), out.lastChanges.get(key) ?? 0));
    return out;
  }

  /** The local row `where` finds, when it was read here (null: there is none); undefined when it was not asked for. */
  local(where: Row): Row | null | undefined {
    const t = tupleKey(Object.values(where));
    return this.asked.has(t) ? (this.locals.get(t) ?? null) : undefined;
  }

  /** The last change here of the row an entry names (0: none after the floor). */
  lastChange(key: string): number {
    return this.lastChanges.get(key) ?? 0;
  }

  /** The sender's change id of the last version of the row already seen here, if any. */
  seen(key: string): number | undefined {
    return this.seenVersions.get(key);
  }
}

/** Inserts rows of `table` in their order, many per statement, and learns the new rows' local ids. */
export async function insertRows(trx: Knex.Transaction, map: GidMap, table: string, rows: readonly Row[]): Promise<void> {
  let i = 0;
  while (i < rows.length) {
    // A run of rows with the same columns (a missing column is its default, not null), within the
    // statement limits (SQLite: 500 terms of the compound SELECT knex writes).
    const columns = Object.keys(rows[i]!).join('\u0000');
    const size = Math.max(1, Math.min(200, Math.floor(BINDINGS / Math.max(1, Object.keys(rows[i]!).length))));
    let j = i + 1;
    while (j < rows.length && j - i < size && Object.keys(rows[j]!).join('\u0000') === columns) j++;
    await trx(table).insert(rows.slice(i, j));
    i = j;
  }
  if (TRAVELLING[table]!.kind === 'gid' && rows.length) {
    const inserted = await rowsWhere(
      trx,
      table,
      ['gid'],
      rows.map((r) => [r.gid]),
    );
    for (const r of inserted.values()) map.learn(table, Number(r.id), String(r.gid));
  }
}

/**
 * Keeps the attachments a package carries (their bytes in the sealed file's `segments`), a few at a
 * time (content-addressed: their order does not matter); one whose bytes do not match its hash is
 * the sender's fault and is not kept (the signature covers it).
 */
export async function storeAttachments(
  trx: Knex.Transaction,
  store: AttachmentStore,
  attachments: readonly PackageAttachment[],
  segments: readonly Buffer[],
): Promise<void> {
  const segment = (n: unknown) => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n < segments.length ? segments[n]! : null);
  await inParallel(attachments, 4, async (a) => {
    const content = segment(a.content);
    if (!content || sha256(content) !== a.hash) return;
    if (!(await store.has(a.hash, a.mime)))
      await store.put(trx, { hash: a.hash, mime: a.mime, content, thumbnail: a.thumbnail === null ? null : segment(a.thumbnail) });
  });
}
