import type { Knex } from 'knex';
import type { Row } from '../../db/rows';
import { insertId } from '../../db/writes';

/** The sites the centre has enrolled (`sites`, one per establishment) and their package counters. */

/** Whether the establishment is already enrolled as a site. */
export async function isEnrolled(db: Knex, establishmentId: number): Promise<boolean> {
  return Boolean(await db('sites').where({ establishment_id: establishmentId }).first('id'));
}

/** Records an enrolled site; answers its row id. */
export async function insertSite(db: Knex, site: Row): Promise<number> {
  return insertId(db('sites'), site);
}

/** The enrolled site of that installation id, as stored, or undefined. */
export async function siteByInstallationId(db: Knex, installationId: string): Promise<Row | undefined> {
  return (await db('sites').where({ installation_id: installationId }).first()) as Row | undefined;
}

/** The enrolled site a package is written for: its installation id, name and last package sent; undefined when not enrolled. */
export async function siteToSendTo(
  db: Knex,
  siteId: number,
): Promise<{ installationId: string; name: string; lastSent: number } | undefined> {
  const site = (await db('sites').where({ id: siteId }).first('installation_id', 'name', 'last_sent_seq')) as
    { installation_id: string; name: string; last_sent_seq: unknown } | undefined;
  return site && { installationId: String(site.installation_id), name: String(site.name), lastSent: Number(site.last_sent_seq) };
}
