import type { Knex } from 'knex';
import { normalizeText } from '../../../shared/format';
import { AGREEMENT_ALERT_DAYS, totalAudience } from '../../../shared/programmes/rules';
import type { Agreement, Partner, PartnerDetail } from '../../../shared/programmes/schemas';
import { saveExport } from '../export/table';
import { printableImageDataUrl, storeAttachment } from '../files/attachments';
import { AppError, notFound, stale, fieldError } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import { escapeHtml as h, htmlDocument } from '../pdf/html';
import { audiencesOf } from './events';
import * as repo from './repository';
import { type Row, str, toBool } from '../db/rows';

type PartnerHandlers = Pick<
  Handlers,
  | 'partners.list'
  | 'partners.get'
  | 'partners.create'
  | 'partners.update'
  | 'partners.addDonation'
  | 'agreements.list'
  | 'agreements.create'
  | 'agreements.update'
  | 'agreements.attachDocument'
  | 'agreements.saveDocument'
>;

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

// ── Partners ────────────────────────────────────────────────────────────────────

const partnerColumns = (db: Knex) => [
  'p.*',
  db.raw('(SELECT COUNT(*) FROM agreements a WHERE a.partner_id = p.id) AS agreements_n'),
  db.raw('(SELECT COUNT(*) FROM event_partners l WHERE l.partner_id = p.id) AS events_n'),
  db.raw('(SELECT COALESCE(SUM(d.value_centimos), 0) FROM partner_donations d WHERE d.partner_id = p.id) AS donations_c'),
];

const toPartner = (r: Row): Partner => ({
  id: Number(r.id),
  name: String(r.name),
  type: r.type as Partner['type'],
  contactName: str(r.contact_name),
  contactRole: str(r.contact_role),
  contactEmail: str(r.contact_email),
  contactPhone: str(r.contact_phone),
  active: toBool(r.active),
  notes: str(r.notes),
  agreements: Number(r.agreements_n),
  events: Number(r.events_n),
  donationsCentimos: Number(r.donations_c),
  version: Number(r.version),
});

async function getPartner(db: Knex, id: number): Promise<Partner | null> {
  const r = (await db('partners as p').select(partnerColumns(db)).where('p.id', id).first()) as Row | undefined;
  return r ? toPartner(r) : null;
}

async function mustPartner(ctx: HandlerContext, id: number): Promise<Partner> {
  const p = await getPartner(ctx.db, id);
  if (!p) throw notFound();
  return p;
}

async function detail(ctx: HandlerContext, id: number): Promise<PartnerDetail> {
  const partner = await mustPartner(ctx, id);
  const events = (await ctx.db('event_partners as l').join('events as e', 'e.id', 'l.event_id').where('l.partner_id', id).orderBy('e.date', 'desc').select('e.*')) as Row[];
  const donations = (await ctx.db('partner_donations').where({ partner_id: id }).orderBy('date', 'desc').orderBy('id', 'desc')) as Row[];
  return {
    partner,
    events: events.map((e) => ({ id: Number(e.id), title: String(e.title), date: String(e.date), type: e.type as PartnerDetail['events'][number]['type'], totalAudience: totalAudience(audiencesOf(e)) })),
    donations: donations.map((d) => ({ id: Number(d.id), date: String(d.date), description: String(d.description), valueCentimos: Number(d.value_centimos), recordedBy: String(d.recorded_by) })),
  };
}

async function checkPartnerName(ctx: HandlerContext, name: string, selfId: number | null) {
  const other = (await ctx.db('partners').where({ name_key: normalizeText(name) }).first('id')) as { id: number } | undefined;
  if (other && other.id !== selfId) {
    throw new AppError('conflict', 'programmes.errors.duplicatePartner', { name }, { name: { key: 'programmes.errors.duplicatePartner', params: { name } } });
  }
}

const partnerRow = (v: { name: string; type: string; contactName: string | null; contactRole: string | null; contactEmail: string | null; contactPhone: string | null; notes: string | null }) => ({
  name: v.name,
  name_key: normalizeText(v.name),
  type: v.type,
  contact_name: v.contactName,
  contact_role: v.contactRole,
  contact_email: v.contactEmail,
  contact_phone: v.contactPhone,
  notes: v.notes,
});

// ── Agreements ──────────────────────────────────────────────────────────────────

const dayMs = 86_400_000;
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/** An agreement's state on a given day: in force, about to expire, expired, or without an end date. */
export function agreementState(endDate: string | null, today: string): { state: Agreement['state']; daysLeft: number | null } {
  if (endDate === null) return { state: 'indefinido', daysLeft: null };
  const daysLeft = daysBetween(today, endDate);
  if (daysLeft < 0) return { state: 'vencido', daysLeft };
  return { state: daysLeft <= AGREEMENT_ALERT_DAYS ? 'por_vencer' : 'vigente', daysLeft };
}

const limaToday = (now: string) => new Date(Date.parse(now) - 5 * 3600 * 1000).toISOString().slice(0, 10);

export async function agreementsWhere(ctx: HandlerContext, where: (q: Knex.QueryBuilder) => void): Promise<Agreement[]> {
  const q = ctx.db('agreements as a')
    .join('partners as p', 'p.id', 'a.partner_id')
    .leftJoin('attachments as f', 'f.hash', 'a.document_hash')
    .select('a.*', 'p.name as partner_name', 'p.type as partner_type', 'f.original_name as document_name');
  where(q);
  const today = limaToday(ctx.now);
  const rows = (await q.orderByRaw('CASE WHEN a.end_date IS NULL THEN 1 ELSE 0 END').orderBy('a.end_date').orderBy('a.id')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    partnerId: Number(r.partner_id),
    partnerName: String(r.partner_name),
    partnerType: r.partner_type as Agreement['partnerType'],
    title: String(r.title),
    object: String(r.object),
    documentNumber: str(r.document_number),
    startDate: String(r.start_date),
    endDate: str(r.end_date),
    notes: str(r.notes),
    document: r.document_hash ? { hash: String(r.document_hash), name: String(r.document_name) } : null,
    ...agreementState(str(r.end_date), today),
    version: Number(r.version),
  }));
}

async function mustAgreement(ctx: HandlerContext, id: number): Promise<Agreement> {
  const [a] = await agreementsWhere(ctx, (q) => q.where('a.id', id));
  if (!a) throw notFound();
  return a;
}

const agreementRow = (v: { partnerId: number; title: string; object: string; documentNumber: string | null; startDate: string; endDate: string | null; notes: string | null }) => ({
  partner_id: v.partnerId,
  title: v.title,
  object: v.object,
  document_number: v.documentNumber,
  start_date: v.startDate,
  end_date: v.endDate,
  notes: v.notes,
});

async function checkPartnerRef(ctx: HandlerContext, id: number) {
  if (!(await ctx.db('partners').where({ id }).first('id'))) throw fieldError('partnerId', 'programmes.errors.unknownPartner');
}

export const partnerHandlers: PartnerHandlers = {
  'partners.list': async ({ search, type, status }, ctx) => {
    const q = ctx.db('partners as p').select(partnerColumns(ctx.db));
    repo.whereWords(q, 'p.name_key', search);
    if (type !== null) q.where('p.type', type);
    if (status === 'active') q.where('p.active', true);
    if (status === 'inactive') q.where('p.active', false);
    return ((await q.orderBy('p.name_key')) as Row[]).map(toPartner);
  },

  'partners.get': ({ id }, ctx) => detail(ctx, id),

  'partners.create': async (input, ctx) => {
    await checkPartnerName(ctx, input.name, null);
    const [row] = (await ctx.db('partners').insert({ ...partnerRow(input), active: true, version: 1, ...repo.attributed(ctx.session.actor, ctx.now) }).returning('id')) as Array<{
      id: number;
    }>;
    const created = await mustPartner(ctx, row!.id);
    await ctx.audit({ entity: 'partner', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'partners.update': async ({ id, version, active, ...values }, ctx) => {
    const before = await mustPartner(ctx, id);
    if (before.version !== version) throw stale();
    await checkPartnerName(ctx, values.name, id);
    const n = await ctx.db('partners').where({ id, version }).update({ ...partnerRow(values), active, version: version + 1, ...repo.touched(ctx.session.actor, ctx.now) });
    if (n !== 1) throw stale();
    const after = await mustPartner(ctx, id);
    await ctx.audit({ entity: 'partner', entityId: id, action: 'update', before, after });
    return after;
  },

  'partners.addDonation': async ({ partnerId, date, description, valueCentimos }, ctx) => {
    await checkPartnerRef(ctx, partnerId);
    const [row] = (await ctx.db('partner_donations')
      .insert({ partner_id: partnerId, date, description, value_centimos: valueCentimos, recorded_at: ctx.now, recorded_by: ctx.session.actor.name })
      .returning('id')) as Array<{ id: number }>;
    await ctx.audit({ entity: 'partnerDonation', entityId: row!.id, action: 'create', after: { partnerId, date, description, valueCentimos } });
    return detail(ctx, partnerId);
  },

  'agreements.list': async ({ partnerId, state }, ctx) => {
    const all = await agreementsWhere(ctx, (q) => {
      if (partnerId !== null) q.where('a.partner_id', partnerId);
    });
    return state === null ? all : all.filter((a) => a.state === state);
  },

  'agreements.create': async (input, ctx) => {
    await checkPartnerRef(ctx, input.partnerId);
    const [row] = (await ctx.db('agreements').insert({ ...agreementRow(input), document_hash: null, version: 1, ...repo.attributed(ctx.session.actor, ctx.now) }).returning('id')) as Array<{
      id: number;
    }>;
    const created = await mustAgreement(ctx, row!.id);
    await ctx.audit({ entity: 'agreement', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'agreements.update': async ({ id, version, ...values }, ctx) => {
    const before = await mustAgreement(ctx, id);
    if (before.version !== version) throw stale();
    await checkPartnerRef(ctx, values.partnerId);
    const n = await ctx.db('agreements').where({ id, version }).update({ ...agreementRow(values), version: version + 1, ...repo.touched(ctx.session.actor, ctx.now) });
    if (n !== 1) throw stale();
    const after = await mustAgreement(ctx, id);
    await ctx.audit({ entity: 'agreement', entityId: id, action: 'update', before, after });
    return after;
  },

  'agreements.attachDocument': async ({ id, fileName, dataBase64 }, ctx) => {
    const before = await mustAgreement(ctx, id);
    const stored = await storeAttachment(
      ctx.db,
      ctx.attachments,
      { name: fileName, bytes: Buffer.from(dataBase64, 'base64') },
      { kind: 'document', maxBytes: MAX_DOCUMENT_BYTES },
      ctx.session.actor,
      ctx.now,
    );
    await ctx.db('agreements').where({ id }).update({ document_hash: stored.hash, version: before.version + 1, ...repo.touched(ctx.session.actor, ctx.now) });
    const after = await mustAgreement(ctx, id);
    await ctx.audit({ entity: 'agreement', entityId: id, action: 'document', before: before.document, after: after.document });
    return after;
  },

  /** A copy of the signed agreement: the PDF as stored, or a scanned image printed on an A4 page. */
  'agreements.saveDocument': async ({ id }, ctx) => {
    const a = await mustAgreement(ctx, id);
    if (!a.document) throw new AppError('not_found', 'programmes.errors.noDocument');
    const att = (await ctx.db('attachments').where({ hash: a.document.hash }).first('mime')) as { mime: string };
    const base = `${ctx.t('programmes.export.agreement')}-${a.partnerName}`.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase();
    return saveExport(ctx, {
      baseName: base,
      extension: 'pdf',
      rows: 1,
      build: async () => {
        if (att.mime === 'application/pdf') {
          const pdf = await ctx.attachments.read(a.document!.hash, att.mime);
          if (!pdf) throw new AppError('not_found', 'programmes.errors.noDocument');
          return pdf;
        }
        const src = await printableImageDataUrl(ctx.attachments, a.document!.hash, att.mime);
        return ctx.platform.printPdf({
          html: htmlDocument({ lang: ctx.session.locale, title: a.title, body: `<img src="${h(src)}" alt="${h(a.title)}">` }),
          pageSize: 'A4',
        });
      },
    });
  },
};
