import type { Knex } from 'knex';
import { monthOf } from '../../db/dialect';
import { numOr0 as n, type Row } from '../../db/rows';

/**
 * What the personal-data log offers the evaluation page (issue 17): how many certificates were
 * issued per month (each issue is logged with its number of certificates; the log names no
 * establishment, so the figure is national). Months are those of the logged time (UTC).
 */
export async function certificatesIssuedByMonth(db: Knex, from: string, to: string): Promise<Map<string, number>> {
  const month = monthOf('x.at');
  const rows = (await db('personal_data_exports as x')
    .where('x.channel', 'certificates.issue')
    .where('x.at', '>=', from)
    .where('x.at', '<', `${to}T99`)
    .groupByRaw(month)
    .select(db.raw(`${month} AS month`))
    .sum({ s: 'x.rows' })) as Row[];
  return new Map(rows.map((r) => [String(r.month), n(r.s)]));
}
