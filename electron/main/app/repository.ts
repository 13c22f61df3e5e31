import type { Knex } from 'knex';

/** The app's settings (key → value): the only place that reads and writes them. */

export async function getSetting(db: Knex, key: string): Promise<string | null> {
  const row = (await db('settings').select('value').where({ key }).first()) as { value: string } | undefined;
  return row?.value ?? null;
}

export async function deleteSetting(db: Knex, key: string): Promise<void> {
  await db('settings').where({ key }).delete();
}

export async function setSetting(db: Knex, key: string, value: string): Promise<void> {
  await db('settings').insert({ key, value }).onConflict('key').merge();
}
