import type { Knex } from 'knex';

/**
 * Establishments' population over time (issue 15, item 7): `population_counts`, one row per
 * headcount of an establishment on a day (men and women, the document it came from, who
 * recorded it and when), so that reach (participants ÷ population) can be computed per
 * prison and nationally.
 *
 * A ledger: a count is appended and never rewritten. A correction is a new row for the same
 * establishment and day; the newest row of a day (the highest id) is that day's count and the
 * earlier ones stay, shown as corrected. The latest count of an establishment is its newest
 * day's.
 *
 * `establishments.population` (varones / mujeres / mixto) is what the establishment houses,
 * not a number: it stays as it is, and the latest count is shown beside it. Nothing is carried
 * over: no headcount was typed anywhere before this migration. Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('population_counts', (t) => {
    t.increments('id').primary();
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    /** The day of the count, yyyy-mm-dd. */
    t.string('counted_on', 10).notNullable();
    t.integer('men').notNullable().checkBetween([0, 100000], 'population_counts_men_range');
    t.integer('women').notNullable().checkBetween([0, 100000], 'population_counts_women_range');
    /** Where the figures come from (a report, an office's letter), as typed; optional. */
    t.string('source', 300).nullable();
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.index(['establishment_id', 'counted_on']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('population_counts');
}
