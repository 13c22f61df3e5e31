import type { Knex } from 'knex';
import { normalizeText } from '../../../../shared/format';
import type { Family } from '../../../../shared/inventory/rules';
import type { InstrumentType } from '../../../../shared/inventory/schemas';
import { type Row, toBool, toCount } from '../../db/rows';
import { insertId } from '../../db/writes';

/** The instrument types (violín, charango, cajón…), each of one family. */

export async function listTypes(db: Knex): Promise<InstrumentType[]> {
  const rows = (await db('instrument_types as t')
    .leftJoin('instruments as i', 'i.type_id', 't.id')
    .groupBy('t.id', 't.name', 't.family', 't.active', 't.version', 't.name_key')
    .orderBy('t.family')
    .orderBy('t.name_key')
    .select('t.id', 't.name', 't.family', 't.active', 't.version')
    .count({ n: 'i.id' })) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    family: r.family as InstrumentType['family'],
    active: toBool(r.active),
    version: Number(r.version),
    instrumentCount: toCount(r),
  }));
}

export async function getType(db: Knex, id: number): Promise<InstrumentType | null> {
  return (await listTypes(db)).find((t) => t.id === id) ?? null;
}

/** Whether a type exists and is active, without counting its instruments; null: no such type. */
export async function typeActive(db: Knex, id: number): Promise<boolean | null> {
  const row = (await db('instrument_types').where({ id }).first()) as { active: unknown } | undefined;
  return row ? toBool(row.active) : null;
}

/** The active types with their names and families, in the order they were made (the demonstration data draws from them). */
export async function activeTypes(db: Knex): Promise<Array<{ id: number; name: string; family: Family }>> {
  const rows = (await db('instrument_types').where({ active: true }).orderBy('id').select('id', 'name', 'family')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), family: r.family as Family }));
}

export async function findTypeIdByName(db: Knex, name: string): Promise<number | null> {
  const row = (await db('instrument_types').select('id').where('name_key', normalizeText(name)).first()) as { id: number } | undefined;
  return row?.id ?? null;
}

/** A new instrument type (active, version 1); answers its id. */
export async function insertType(db: Knex, name: string, family: string): Promise<number> {
  return insertId(db('instrument_types'), { name, name_key: normalizeText(name), family, active: true, version: 1 });
}

/** Renames, refiles or (de)activates a type at the version the caller read. */
export async function updateType(
  db: Knex,
  id: number,
  version: number,
  v: { name: string; family: string; active: boolean },
): Promise<void> {
  await db('instrument_types')
    .where({ id, version })
    .update({ name: v.name, name_key: normalizeText(v.name), family: v.family, active: v.active, version: version + 1 });
}
