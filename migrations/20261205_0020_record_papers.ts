import type { Knex } from 'knex';

/**
 * The signed papers filed with a record (issue 16, item 4): a transfer's dispatch and receipt,
 * a repair's invoice, a stocktake's signed acta, a conformity's recibo por honorarios, a
 * loan's agreement, a participant's signed consent form. Each row links a managed attachment
 * (content-addressed, backed up with the others) to one record by its type and id. A link
 * is never deleted: removing a paper marks it (removed_at, removed_by), so what was filed,
 * when and by whom stays on record, and the file stays in the store.
 *
 * Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('record_papers', (t) => {
    t.increments('id').primary();
    t.string('record_type', 20).notNullable();
    t.integer('record_id').notNullable();
    t.string('attachment_hash', 64).notNullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.string('kind', 30).notNullable();
    t.string('added_at', 30).notNullable();
    t.string('added_by', 200).notNullable();
    t.string('removed_at', 30).nullable();
    t.string('removed_by', 200).nullable();
    t.index(['record_type', 'record_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('record_papers');
}
