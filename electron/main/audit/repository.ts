import type { Knex } from 'knex';
import type { AuditEntry, AuditFilter } from '../../../shared/audit/schemas';
import type { Page } from '../../../shared/ipc';
import { type Row, toCount } from '../db/rows';
import { onePage } from '../db/paging';

/** The audit log: appended to (audit.ts builds the entries), and read by the viewer: filtered, paged, its users and entities. */

export type Filter = { [K in keyof AuditFilter]?: string };

/** Lima is UTC−5 all year: a day dd/mm/aaaa runs from 05:00 UTC to 05:00 UTC the next day. */
const limaDayStart = (isoDate: string) => new Date(Date.parse(`${isoDate}T05:00:00.000Z`)).toISOString();
const limaDayEnd = (isoDate: string) => new Date(Date.parse(`${isoDate}T05:00:00.000Z`) + 86_400_000).toISOString();

function filtered(db: Knex, f: Filter): Knex.QueryBuilder {
  const q = db('audit_log');
  if (f.userId) q.where('user_id', f.userId);
  if (f.entity) q.where('entity', f.entity);
  if (f.entityId) q.where('entity_id', f.entityId);
  if (f.from) q.where('at', '>=', limaDayStart(f.from));
  if (f.to) q.where('at', '<', limaDayEnd(f.to));
  return q;
}

const toEntry = (r: Row): AuditEntry => ({
  id: Number(r.id),
  at: String(r.at),
  userId: String(r.user_id),
  userName: String(r.user_name),
  channel: String(r.channel),
  entity: String(r.entity),
  entityId: r.entity_id === null ? null : String(r.entity_id),
  action: String(r.action),
  before: r.before_json === null ? null : String(r.before_json),
  after: r.after_json === null ? null : String(r.after_json),
});

export async function listAudit(db: Knex, f: Filter, page: number, pageSize: number, direction: 'asc' | 'desc'): Promise<Page<AuditEntry>> {
  const [count] = await filtered(db, f).count({ n: '*' });
  const rows = (await onePage(
    filtered(db, f).orderBy([
      { column: 'at', order: direction },
      { column: 'id', order: direction },
    ]),
    { page, pageSize },
  ).select('*')) as Row[];
  return { rows: rows.map(toEntry), total: toCount(count), page, pageSize };
}

/** Who appears in the log (each user once, by name) and which kinds of record it names. */
export async function auditFacets(db: Knex): Promise<{ users: Array<{ id: string; name: string }>; entities: string[] }> {
  const users = (await db('audit_log').distinct('user_id', 'user_name').orderBy('user_name')) as Row[];
  const seen = new Set<string>();
  const entities = (await db('audit_log').distinct('entity').orderBy('entity').pluck('entity')) as string[];
  return {
    users: users
      .filter((u) => !seen.has(String(u.user_id)) && seen.add(String(u.user_id)))
      .map((u) => ({ id: String(u.user_id), name: String(u.user_name) })),
    entities,
  };
}

/** The entries of a filter in time order, at most `max` (the auditor's spreadsheet). */
export async function auditEntries(db: Knex, f: Filter, max: number): Promise<AuditEntry[]> {
  return ((await filtered(db, f).orderBy('at').orderBy('id').limit(max).select('*')) as Row[]).map(toEntry);
}

/** An entry's row as the log keeps it (audit.ts builds it from an entry). */
export interface AuditRow {
  at: string;
  user_id: string;
  user_name: string;
  channel: string;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

/** Appends a row, or rows in one insert in their order, to the audit log inside the caller's transaction. */
export async function insertAuditRows(trx: Knex | Knex.Transaction, rows: AuditRow | AuditRow[]): Promise<void> {
  await trx('audit_log').insert(rows);
}

/** Who made the latest change to a record of a domain (its channels `<domain>.*`), and when; undefined without one. */
export async function latestChange(db: Knex, domain: string, recordId: number): Promise<{ user_name: string; at: string } | undefined> {
  return (await db('audit_log')
    .where({ entity_id: String(recordId) })
    .where('channel', 'like', `${domain}.%`)
    .orderBy('id', 'desc')
    .first('user_name', 'at')) as { user_name: string; at: string } | undefined;
}
