import type { Knex } from 'knex';

/**
 * Office mode (issue 8): attachments live where every PC can reach them. On the office's
 * server their bytes are kept here, by the SHA-256 of their content (the `attachments`
 * table keeps the name, type and size). On a PC's own SQLite file the table stays empty:
 * the files stay in the folder beside it (electron/main/files/store.ts).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attachment_blobs', (t) => {
    t.string('hash', 64).primary();
    t.binary('content').notNullable();
    /** The small JPEG of an image; null for a PDF. */
    t.binary('thumbnail').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('attachment_blobs');
}
