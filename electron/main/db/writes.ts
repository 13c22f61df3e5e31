import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';

/**
 * Writing records: the columns every attributed, versioned row carries and the one insert that
 * answers the new row's id. Each repository names its own table (`insertId(db(<table>), …)`);
 * this only writes the rows they give.
 */

/** Who created and last changed a row, and when: every row a user writes is attributed. */
export const attributed = (actor: Actor, now: string) => ({
  created_at: now,
  created_by: actor.name,
  updated_at: now,
  updated_by: actor.name,
});

/** Who last changed a row, and when. */
export const touched = (actor: Actor, now: string) => ({ updated_at: now, updated_by: actor.name });

/** A new record: its first version, attributed. */
export const firstVersion = (actor: Actor, now: string) => ({ version: 1, ...attributed(actor, now) });

/** A change written over version `version`: the next version, touched. */
export const nextVersion = (version: number, actor: Actor, now: string) => ({ version: version + 1, ...touched(actor, now) });

/**
 * Writes `columns` over version `version` of row `id` (of the table `into` names) as its next
 * version; answers how many rows changed: 0 when the row is gone or another PC saved first.
 */
export const updateVersion = async (
  into: Knex.QueryBuilder,
  id: number,
  version: number,
  columns: Record<string, unknown>,
  actor: Actor,
  now: string,
): Promise<number> => Number(await into.where({ id, version }).update({ ...columns, ...nextVersion(version, actor, now) }));

/** Inserts one row and answers its id (SQLite and PostgreSQL answer `returning` differently). */
export async function insertId(into: Knex.QueryBuilder, row: Record<string, unknown>): Promise<number> {
  const [inserted] = (await into.insert(row).returning('id')) as Array<{ id: number | string } | number>;
  return typeof inserted === 'object' ? Number(inserted.id) : Number(inserted);
}
