import type { Knex } from 'knex';
import { auditActionLabel, auditChannelLabel, auditEntityLabel } from '../../../shared/auth/audit-labels';
import type { AuditEntry, AuditFilter } from '../../../shared/auth/schemas';
import type { Page } from '../../../shared/ipc';
import type { HandlerContext, Handlers } from '../ipc/context';
import { exportTableWithReason } from '../privacy/personal-data';
import { type Row, toCount } from '../db/rows';

type AuditHandlers = Pick<Handlers, 'audit.list' | 'audit.facets' | 'audit.export' | 'audit.personalDataExports'>;
type Filter = { [K in keyof AuditFilter]?: string };

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
  const rows = (await filtered(db, f)
    .orderBy([
      { column: 'at', order: direction },
      { column: 'id', order: direction },
    ])
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .select('*')) as Row[];
  return { rows: rows.map(toEntry), total: toCount(count), page, pageSize };
}

/** A change told as "campo: antes → después", for the spreadsheet an auditor reads. */
export function describeChange(before: string | null, after: string | null): string {
  const parse = (s: string | null): unknown => {
    if (s === null) return undefined;
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return s;
    }
  };
  const b = parse(before);
  const a = parse(after);
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  if (isObj(b) && isObj(a)) {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys
      .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      .map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`)
      .join('\n');
  }
  if (b === undefined && a === undefined) return '';
  return `${show(b)} → ${show(a)}`;
}

const MAX_EXPORT_ROWS = 200_000;
/** An Excel cell holds at most 32,767 characters. */
const clip = (s: string | null) => (s !== null && s.length > 32_000 ? `${s.slice(0, 32_000)}…` : s);

export const auditHandlers: AuditHandlers = {
  'audit.list': ({ filter, page, pageSize, direction }, ctx) => listAudit(ctx.db, filter, page, pageSize, direction),

  'audit.facets': async (_input, ctx) => {
    const users = (await ctx.db('audit_log').distinct('user_id', 'user_name').orderBy('user_name')) as Row[];
    const seen = new Set<string>();
    const entities = (await ctx.db('audit_log').distinct('entity').orderBy('entity').pluck('entity')) as string[];
    return {
      users: users
        .filter((u) => !seen.has(String(u.user_id)) && seen.add(String(u.user_id)))
        .map((u) => ({ id: String(u.user_id), name: String(u.user_name) })),
      entities,
    };
  },

  'audit.export': async ({ filter, format, reason }, ctx: HandlerContext) => {
    const rows = ((await filtered(ctx.db, filter).orderBy('at').orderBy('id').limit(MAX_EXPORT_ROWS).select('*')) as Row[]).map(toEntry);
    const { t } = ctx;
    return exportTableWithReason(ctx, {
      reason,
      what: t('audit.export.what', { count: rows.length }),
      baseName: t('audit.export.baseName'),
      sheetName: t('audit.export.sheet'),
      format,
      rows,
      columns: [
        { header: t('audit.columns.at'), width: 18, kind: 'dateTime', value: (e) => e.at },
        { header: t('audit.columns.user'), width: 26, value: (e) => `${e.userName} (${e.userId})` },
        { header: t('audit.columns.channel'), width: 34, value: (e) => auditChannelLabel(t, e.channel) },
        { header: t('audit.columns.entity'), width: 18, value: (e) => auditEntityLabel(t, e.entity) },
        { header: t('audit.columns.entityId'), width: 12, value: (e) => e.entityId },
        { header: t('audit.columns.action'), width: 22, value: (e) => auditActionLabel(t, e.action) },
        { header: t('audit.columns.changes'), width: 60, value: (e) => clip(describeChange(e.before, e.after)) },
        { header: t('audit.columns.before'), width: 40, value: (e) => clip(e.before) },
        { header: t('audit.columns.after'), width: 40, value: (e) => clip(e.after) },
      ],
    });
  },

  'audit.personalDataExports': async ({ page, pageSize }, ctx) => {
    const [count] = await ctx.db('personal_data_exports').count({ n: '*' });
    const rows = (await ctx.db('personal_data_exports')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .select('*')) as Row[];
    return {
      rows: rows.map((r) => ({
        id: Number(r.id),
        at: String(r.at),
        userId: String(r.user_id),
        userName: String(r.user_name),
        channel: String(r.channel),
        what: String(r.what),
        reason: String(r.reason),
        rows: Number(r.rows),
        fileName: String(r.file_name),
      })),
      total: toCount(count),
      page,
      pageSize,
    };
  },
};
