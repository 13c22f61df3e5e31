import type { Knex } from 'knex';
import type { CustodianRecord } from '../../../../shared/inventory/custody-schemas';
import type { DonationSource } from '../../../../shared/inventory/donation-schemas';
import { type Row, str, toBool } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';

/**
 * What the inventory asks of the programmes: participants and ensembles as custodians of an
 * instrument (issue 15), found by id or searched within one establishment, and participants'
 * labels for the recovery list.
 */

const LIMIT = 20;

/** The partners that made a donation, by name, each with its donations (newest first): a donated instrument's funding source. */
export async function donationSources(db: Knex): Promise<DonationSource[]> {
  const rows = (await db('partner_donations as d')
    .join('partners as p', 'p.id', 'd.partner_id')
    .orderBy('p.name_key')
    .orderBy('d.date', 'desc')
    .orderBy('d.id', 'desc')
    .select('d.id', 'd.date', 'd.description', 'd.value_centimos', 'p.id as partner_id', 'p.name as partner_name')) as Row[];
  const out = new Map<number, DonationSource>();
  for (const r of rows) {
    const p = out.get(Number(r.partner_id)) ?? { partnerId: Number(r.partner_id), partnerName: String(r.partner_name), donations: [] };
    p.donations.push({
      id: Number(r.id),
      date: String(r.date),
      description: String(r.description),
      valueCentimos: Number(r.value_centimos),
    });
    out.set(p.partnerId, p);
  }
  return [...out.values()];
}

/** Whether a partner's donation with this id exists. */
export async function donationExists(db: Knex, id: number): Promise<boolean> {
  return (await db('partner_donations').where({ id }).first('id')) !== undefined;
}

/**
 * The establishments whose active workshops teach ceramics or the plastic arts, each with
 * those programmes (by establishment id): where the demonstration's art equipment is used.
 */
export async function artWorkshopPlaces(db: Knex): Promise<Array<{ establishmentId: number; programme: 'ceramica' | 'artes_plasticas' }>> {
  const rows = (await db('workshops')
    .where({ active: true })
    .whereIn('programme', ['ceramica', 'artes_plasticas'])
    .distinct('establishment_id', 'programme')
    .orderBy('establishment_id')
    .orderBy('programme')) as Row[];
  return rows.map((r) => ({ establishmentId: Number(r.establishment_id), programme: r.programme as 'ceramica' | 'artes_plasticas' }));
}

/** "Nombres Apellidos (CODE)": how a hand-over records a participant (the code read by the carry-over too). */
const participantName = (r: Row) => `${String(r.first_names)} ${String(r.last_names)} (${String(r.code)})`;

const participantRecord = (r: Row): CustodianRecord => ({
  id: Number(r.id),
  name: participantName(r),
  establishmentIds: [Number(r.establishment_id)],
  active: String(r.status) === 'activo',
  detail: null,
  code: String(r.code),
});

const ensembleRecord = (r: Row): CustodianRecord => ({
  id: Number(r.id),
  name: String(r.name),
  establishmentIds: [Number(r.establishment_id)],
  active: toBool(r.active),
  detail: str(r.type),
  code: null,
});

const participantColumns = ['id', 'code', 'first_names', 'last_names', 'establishment_id', 'status'];

export async function participantCustodian(db: Knex, id: number): Promise<CustodianRecord | null> {
  const r = (await db('participants').where({ id }).first(participantColumns)) as Row | undefined;
  return r ? participantRecord(r) : null;
}

export async function ensembleCustodian(db: Knex, id: number): Promise<CustodianRecord | null> {
  const r = (await db('ensembles').where({ id }).first('id', 'name', 'type', 'establishment_id', 'active')) as Row | undefined;
  return r ? ensembleRecord(r) : null;
}

/** Active participants of an establishment whose code or names contain every word typed. */
export async function participantCandidates(db: Knex, establishmentId: number, search: string): Promise<CustodianRecord[]> {
  const q = db('participants').where({ establishment_id: establishmentId, status: 'activo' });
  const rows = (await whereWords(q, 'search_text', search).orderBy('sort_key').limit(LIMIT).select(participantColumns)) as Row[];
  return rows.map(participantRecord);
}

/** Active ensembles of an establishment whose name contains every word typed. */
export async function ensembleCandidates(db: Knex, establishmentId: number, search: string): Promise<CustodianRecord[]> {
  const q = db('ensembles').where({ establishment_id: establishmentId, active: true });
  const rows = (await whereWords(q, 'name_key', search)
    .orderBy('name_key')
    .limit(LIMIT)
    .select('id', 'name', 'type', 'establishment_id', 'active')) as Row[];
  return rows.map(ensembleRecord);
}

/** Participants by id, with where each is now: the recovery list's names, codes and destinations. */
export async function participantsByIds(
  db: Knex,
  ids: number[],
): Promise<Map<number, { code: string; name: string; establishmentId: number; establishmentName: string | null; status: string }>> {
  const out = new Map<number, { code: string; name: string; establishmentId: number; establishmentName: string | null; status: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const q = db('participants as p');
    const rows = (await joinEstablishment(q, 'e', 'p.establishment_id', 'left')
      .whereIn('p.id', ids.slice(i, i + 500))
      .select(
        'p.id',
        'p.code',
        'p.first_names',
        'p.last_names',
        'p.establishment_id',
        'p.status',
        'e.name as establishment_name',
      )) as Row[];
    for (const r of rows) {
      out.set(Number(r.id), {
        code: String(r.code),
        name: participantName(r),
        establishmentId: Number(r.establishment_id),
        establishmentName: str(r.establishment_name),
        status: String(r.status),
      });
    }
  }
  return out;
}
