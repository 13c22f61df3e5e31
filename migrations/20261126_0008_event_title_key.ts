import type { Knex } from 'knex';

/**
 * Events get the normalized search key the other modules search with (db/search.ts
 * whereWords: lower case, no accents), so that "musica" finds "Música en libertad" and
 * what the user types is literal. Existing events are keyed here with the same rule as
 * shared/format.ts normalizeText (migrations import only knex, so it is written out).
 */
const key = (title: string) =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('events', (t) => {
    t.string('title_key', 200).notNullable().defaultTo('');
  });
  const rows = (await knex('events').select('id', 'title')) as Array<{ id: number; title: string }>;
  for (const r of rows)
    await knex('events')
      .where({ id: r.id })
      .update({ title_key: key(r.title) });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('events', (t) => {
    t.dropColumn('title_key');
  });
}
