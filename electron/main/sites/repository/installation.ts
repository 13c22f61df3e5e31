import type { Knex } from 'knex';
import type { Row } from '../../db/rows';

/**
 * This installation's row (`installation`, id 1, migration 20261211_0029_site_roles) and, at the
 * centre, the counters kept with each enrolled site (`sites`): the other end of a package exchange.
 */

/** This installation's row, or undefined (a central office that has not enrolled a site yet). */
export async function installationRecord(db: Knex): Promise<Row | undefined> {
  return (await db('installation').where({ id: 1 }).first()) as Row | undefined;
}

/** Writes this installation's row (sites/installation.ts installationRow). */
export async function insertInstallation(db: Knex, row: Row): Promise<void> {
  await db('installation').insert(row);
}

/** At a site, the number of the last package it sent to its centre. */
export async function lastSentToCentre(db: Knex): Promise<number> {
  const row = (await db('installation').where({ id: 1 }).first('last_sent_seq')) as { last_sent_seq: unknown };
  return Number(row.last_sent_seq);
}

/** Updates the counters of a peer: a site's centre (`siteRowId` null: this installation's row) or, at the centre, the site's row. */
export async function updatePeerCounters(db: Knex, siteRowId: number | null, counters: Row): Promise<void> {
  await (siteRowId === null ? db('installation').where({ id: 1 }) : db('sites').where({ id: siteRowId })).update(counters);
}
