import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { ChannelParsedInput } from '../../../../shared/contract';
import { normalizeText } from '../../../../shared/format';
import { AGREEMENT_ALERT_DAYS, totalAudience } from '../../../../shared/programmes/rules';
import type { Agreement, Partner, PartnerDetail } from '../../../../shared/programmes/schemas';
import { type Row, str, toBool, num } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinAttachment } from '../../files/repository/attachments';
import { audiencesOf } from './events';
import { firstVersion, insertId, nextVersion, updateVersion } from '../../db/writes';

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

export async function getPartner(db: Knex, id: number): Promise<Partner | null> {
  const r = (await db('partners as p').select(partnerColumns(db)).where('p.id', id).first()) as Row | undefined;
  return r ? toPartner(r) : null;
}

export async function listPartners(db: Knex, f: ChannelParsedInput<'partners.list'>): Promise<Partner[]> {
  const q = db('partners as p').select(partnerColumns(db));
  whereWords(q, 'p.name_key', f.search);
  if (f.type !== null) q.where('p.type', f.type);
  if (f.status === 'active') q.where('p.active', true);
  if (f.status === 'inactive') q.where('p.active', false);
  return ((await q.orderBy('p.name_key')) as Row[]).map(toPartner);
}

/** A partner's events (newest first) and donations: the rest of its record. */
export async function partnerHistory(db: Knex, id: number): Promise<Omit<PartnerDetail, 'partner' | 'logo'>> {
  const events = (await db('event_partners as l')
    .join('events as e', 'e.id', 'l.event_id')
    .where('l.partner_id', id)
    .orderBy('e.date', 'desc')
    .select('e.*')) as Row[];
  const donations = (await db('partner_donations as d')
    .leftJoin('agreements as ag', 'ag.id', 'd.agreement_id')
    .where('d.partner_id', id)
    .orderBy('d.date', 'desc')
    .orderBy('d.id', 'desc')
    .select('d.*', 'ag.title as agreement_title')) as Row[];
  return {
    events: events.map((e) => ({
      id: Number(e.id),
      title: String(e.title),
      date: String(e.date),
      type: e.type as PartnerDetail['events'][number]['type'],
      totalAudience: totalAudience(audiencesOf(e)),
    })),
    donations: donations.map((d) => ({
      id: Number(d.id),
      date: String(d.date),
      description: String(d.description),
      valueCentimos: Number(d.value_centimos),
      recordedBy: String(d.recorded_by),
      agreement: d.agreement_id == null ? null : { id: Number(d.agreement_id), title: String(d.agreement_title) },
    })),
  };
}

/** The partner with this name (as the search key reads it), or null. */
export async function partnerIdByName(db: Knex, name: string): Promise<number | null> {
  const other = (await db('partners')
    .where({ name_key: normalizeText(name) })
    .first('id')) as { id: number } | undefined;
  return other ? other.id : null;
}

/** A partner's logo as stored: the attachment, its original name, type and size in pixels. */
export interface PartnerLogoFile {
  hash: string;
  name: string;
  mime: string;
  width: number | null;
  height: number | null;
}

/** The logos of these partners: partner id → the stored file, for those that have one. */
export async function partnerLogoFiles(db: Knex, ids: readonly number[]): Promise<Map<number, PartnerLogoFile>> {
  const out = new Map<number, PartnerLogoFile>();
  if (ids.length === 0) return out;
  const rows = (await joinAttachment(db('partners as p'), 'f', 'p.logo_hash')
    .whereIn('p.id', ids)
    .select('p.id', 'f.hash', 'f.original_name', 'f.mime', 'f.width', 'f.height')) as Row[];
  for (const r of rows)
    out.set(Number(r.id), {
      hash: String(r.hash),
      name: String(r.original_name),
      mime: String(r.mime),
      width: num(r.width),
      height: num(r.height),
    });
  return out;
}

/** The partner's logo as stored, or null. */
export async function partnerLogoFile(db: Knex, id: number): Promise<PartnerLogoFile | null> {
  return (await partnerLogoFiles(db, [id])).get(id) ?? null;
}

/**
 * Sets (a hash) or removes (null) the partner's logo. The attachment itself stays in the store
 * (another record, a backup or the audit log may name it). The partner's version is kept: an
 * edit form open meanwhile still saves (it never writes the logo).
 */
export async function setPartnerLogo(db: Knex, id: number, hash: string | null): Promise<number> {
  return db('partners').where({ id }).update({ logo_hash: hash });
}

export async function partnerExists(db: Knex, id: number): Promise<boolean> {
  return Boolean(await db('partners').where({ id }).first('id'));
}

export interface PartnerValues {
  name: string;
  type: string;
  contactName: string | null;
  contactRole: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  notes: string | null;
}

const partnerRow = (v: PartnerValues) => ({
  name: v.name,
  name_key: normalizeText(v.name),
  type: v.type,
  contact_name: v.contactName,
  contact_role: v.contactRole,
  contact_email: v.contactEmail,
  contact_phone: v.contactPhone,
  notes: v.notes,
});

export async function insertPartner(db: Knex, v: PartnerValues, actor: Actor, now: string): Promise<number> {
  return insertId(db('partners'), { ...partnerRow(v), active: true, ...firstVersion(actor, now) });
}

/** Answers the rows changed: 0 when another user changed the partner first. */
export async function updatePartner(
  db: Knex,
  id: number,
  version: number,
  v: PartnerValues,
  active: boolean,
  actor: Actor,
  now: string,
): Promise<number> {
  return updateVersion(db('partners'), id, version, { ...partnerRow(v), active }, actor, now);
}

export async function insertDonation(
  db: Knex,
  v: { partnerId: number; date: string; description: string; valueCentimos: number; agreementId: number | null },
  actor: Actor,
  now: string,
): Promise<number> {
  return insertId(db('partner_donations'), {
    partner_id: v.partnerId,
    date: v.date,
    description: v.description,
    value_centimos: v.valueCentimos,
    agreement_id: v.agreementId,
    recorded_at: now,
    recorded_by: actor.name,
  });
}

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

async function agreementsWhere(db: Knex, today: string, where: (q: Knex.QueryBuilder) => void): Promise<Agreement[]> {
  const q = joinAttachment(db('agreements as a').join('partners as p', 'p.id', 'a.partner_id'), 'f', 'a.document_hash', 'left').select(
    'a.*',
    'p.name as partner_name',
    'p.type as partner_type',
    'f.original_name as document_name',
  );
  where(q);
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

/** Every agreement (or a partner's), with its state on `today`. */
export function listAgreements(db: Knex, today: string, partnerId: number | null): Promise<Agreement[]> {
  return agreementsWhere(db, today, (q) => {
    if (partnerId !== null) q.where('a.partner_id', partnerId);
  });
}

/** The agreements with an end date not yet past: those that may be about to expire. */
export function agreementsEndingFrom(db: Knex, today: string): Promise<Agreement[]> {
  return agreementsWhere(db, today, (q) => q.whereNotNull('a.end_date').where('a.end_date', '>=', today));
}

export async function getAgreement(db: Knex, today: string, id: number): Promise<Agreement | null> {
  const [a] = await agreementsWhere(db, today, (q) => q.where('a.id', id));
  return a ?? null;
}

export interface AgreementValues {
  partnerId: number;
  title: string;
  object: string;
  documentNumber: string | null;
  startDate: string;
  endDate: string | null;
  notes: string | null;
}

const agreementRow = (v: AgreementValues) => ({
  partner_id: v.partnerId,
  title: v.title,
  object: v.object,
  document_number: v.documentNumber,
  start_date: v.startDate,
  end_date: v.endDate,
  notes: v.notes,
});

export async function insertAgreement(db: Knex, v: AgreementValues, actor: Actor, now: string): Promise<number> {
  return insertId(db('agreements'), { ...agreementRow(v), document_hash: null, ...firstVersion(actor, now) });
}

/** Answers the rows changed: 0 when another user changed the agreement first. */
export async function updateAgreement(
  db: Knex,
  id: number,
  version: number,
  v: AgreementValues,
  actor: Actor,
  now: string,
): Promise<number> {
  return updateVersion(db('agreements'), id, version, agreementRow(v), actor, now);
}

/** The signed agreement's scan or PDF (an attachment's hash). */
export async function setAgreementDocument(db: Knex, id: number, version: number, hash: string, actor: Actor, now: string): Promise<void> {
  await db('agreements')
    .where({ id })
    .update({ document_hash: hash, ...nextVersion(version, actor, now) });
}

/** The MIME type of an agreement's attached document (the agreement has one). */
export async function agreementDocumentMime(db: Knex, id: number): Promise<string> {
  const att = (await joinAttachment(db('agreements as a'), 'f', 'a.document_hash').where('a.id', id).first('f.mime')) as { mime: string };
  return att.mime;
}

/** The agreements with these document numbers (in capitals, as the import keys them): number → id and partner. */
export async function agreementsByNumbers(db: Knex, numbers: string[]): Promise<Map<string, { id: number; partnerId: number }>> {
  const out = new Map<string, { id: number; partnerId: number }>();
  for (let i = 0; i < numbers.length; i += 500) {
    const chunk = numbers.slice(i, i + 500);
    const rows = (await db('agreements')
      .whereRaw(`upper(document_number) in (${chunk.map(() => '?').join(', ')})`, chunk)
      .select('id', 'partner_id', 'document_number')) as Row[];
    for (const r of rows) out.set(String(r.document_number).toUpperCase(), { id: Number(r.id), partnerId: Number(r.partner_id) });
  }
  return out;
}
