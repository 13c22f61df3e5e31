import type { Knex } from 'knex';
import { audienceGroups, totalAudience } from '../../../../shared/programmes/rules';
import type { AgreementDetail } from '../../../../shared/programmes/agreement-link-schemas';
import { type Row, str, numOr0 } from '../../db/rows';
import { audiencesOf } from './events';

/** What an agreement produced (issue 15): the events and donations that name it. */

/** An agreement's partner and period, or null when there is no such agreement. */
export async function agreementTerms(
  db: Knex,
  id: number,
): Promise<{ partnerId: number; title: string; startDate: string; endDate: string | null } | null> {
  const r = (await db('agreements').where({ id }).first('partner_id', 'title', 'start_date', 'end_date')) as Row | undefined;
  return r ? { partnerId: Number(r.partner_id), title: String(r.title), startDate: String(r.start_date), endDate: str(r.end_date) } : null;
}

/** The events held under an agreement (oldest first), with their audiences. */
export async function agreementEvents(db: Knex, id: number): Promise<AgreementDetail['events']> {
  const rows = (await db('events as e').where('e.agreement_id', id).orderBy('e.date').orderBy('e.id').select('e.*')) as Row[];
  return rows.map((e) => {
    const audiences = audiencesOf(e);
    return {
      id: Number(e.id),
      title: String(e.title),
      date: String(e.date),
      type: e.type as AgreementDetail['events'][number]['type'],
      audiences,
      totalAudience: totalAudience(audiences),
    };
  });
}

/** The donations made under an agreement (oldest first). */
export async function agreementDonations(db: Knex, id: number): Promise<AgreementDetail['donations']> {
  const rows = (await db('partner_donations').where({ agreement_id: id }).orderBy('date').orderBy('id')) as Row[];
  return rows.map((d) => ({
    id: Number(d.id),
    date: String(d.date),
    description: String(d.description),
    valueCentimos: Number(d.value_centimos),
  }));
}

/** How many events and donations name an agreement. */
export async function agreementUses(db: Knex, id: number): Promise<number> {
  const [e] = (await db('events').where({ agreement_id: id }).count({ n: '*' })) as Row[];
  const [d] = (await db('partner_donations').where({ agreement_id: id }).count({ n: '*' })) as Row[];
  return numOr0(e?.n) + numOr0(d?.n);
}

/** The audiences of these events summed per kind. */
export const sumAudiences = (events: AgreementDetail['events']): AgreementDetail['audiences'] =>
  Object.fromEntries(audienceGroups.map((g) => [g, events.reduce((n, e) => n + e.audiences[g], 0)])) as AgreementDetail['audiences'];
