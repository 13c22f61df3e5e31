import type { Knex } from 'knex';
import { nonEmpty, type Row } from '../db/rows';

/**
 * What the programmes read of InternArte (issue 15): the exhibitions held under one of the
 * programme's agreements, for the agreement's page.
 */

export interface AgreementExhibition {
  id: number;
  title: string;
  venue: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

/** The exhibitions that name this agreement, the earliest first. */
export async function exhibitionsUnderAgreement(db: Knex, agreementId: number): Promise<AgreementExhibition[]> {
  const rows = (await db('exhibitions')
    .where({ agreement_id: agreementId })
    .orderBy('starts_on')
    .orderBy('id')
    .select('id', 'title', 'venue', 'starts_on', 'ends_on')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    title: String(r.title),
    venue: nonEmpty(r.venue),
    startsOn: nonEmpty(r.starts_on),
    endsOn: nonEmpty(r.ends_on),
  }));
}
