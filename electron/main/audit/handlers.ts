import { auditActionLabel, auditChannelLabel, auditEntityLabel } from '../../../shared/audit/labels';
import type { auditChannels } from '../../../shared/audit/channels';
import { isLoggedRecord, parseLogged } from '../../../shared/audit/logged-json';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { exportTableWithReason } from '../privacy/personal-data';
import { listPersonalDataExports } from '../privacy/repository';
import { auditEntries, auditFacets, listAudit } from './repository';

type AuditChannel = (typeof auditChannels)[number];

/** A change told as "campo: antes → después", for the spreadsheet an auditor reads. */
export function describeChange(before: string | null, after: string | null): string {
  const b = parseLogged(before);
  const a = parseLogged(after);
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  if (isLoggedRecord(b) && isLoggedRecord(a)) {
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

/** The audit log viewer and the log of exports with personal data (audit.*). */
export const auditHandlers: DomainHandlers<AuditChannel> = {
  'audit.list': ({ filter, page, pageSize, direction }, ctx) => listAudit(ctx.db, filter, page, pageSize, direction),

  'audit.facets': (_input, ctx) => auditFacets(ctx.db),

  'audit.export': async ({ filter, format, reason }, ctx: HandlerContext) => {
    const rows = await auditEntries(ctx.db, filter, MAX_EXPORT_ROWS);
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

  'audit.personalDataExports': ({ page, pageSize }, ctx) => listPersonalDataExports(ctx.db, page, pageSize),
};
