import type { Knex } from 'knex';

/**
 * InternArte: artworks made by participants, their photos, condition reports, the custody
 * ledger and the consent ledger (both append-only: each change is a new row, the current
 * state is the latest), exhibitions with their partners, checklist and loans to the venue.
 * Frozen once landed.
 */

const audit = (t: Knex.CreateTableBuilder) => {
  t.integer('version').notNullable().defaultTo(1);
  t.string('created_at', 30).notNullable();
  t.string('created_by', 200).notNullable();
  t.string('updated_at', 30).notNullable();
  t.string('updated_by', 200).notNullable();
};

const ledgers = ['artwork_custody', 'artwork_consents', 'artwork_condition_reports', 'artwork_condition_photos'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('artworks', (t) => {
    t.increments('id').primary();
    t.string('title', 200).notNullable();
    t.string('title_key', 200).notNullable();
    // The artist: a participant of the programme, or a name typed in (never both).
    t.integer('artist_participant_id').nullable().references('id').inTable('participants').onDelete('RESTRICT');
    t.string('artist_name', 160).nullable();
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.integer('workshop_id').nullable().references('id').inTable('workshops').onDelete('RESTRICT');
    t.string('technique', 40).notNullable();
    t.string('materials', 300).nullable();
    t.integer('height_mm').notNullable();
    t.integer('width_mm').notNullable();
    t.integer('depth_mm').nullable();
    t.integer('year').nullable();
    t.bigInteger('price_centimos').nullable();
    t.string('sale_status', 20).notNullable();
    // Cached from the custody ledger, updated in the same transaction as each entry.
    t.string('custody_status', 20).notNullable();
    t.integer('custody_count').notNullable().defaultTo(0);
    // Title and materials only: the artist's name is not searchable by roles that may not see it.
    t.string('search_text', 600).notNullable();
    // The artist's name, normalized: searched only for roles that may see it.
    t.string('artist_key', 200).notNullable().defaultTo('');
    t.text('notes').nullable();
    audit(t);
    t.index(['establishment_id']);
    t.index(['title_key']);
    t.index(['artist_participant_id']);
  });

  await knex.schema.createTable('artwork_photos', (t) => {
    t.increments('id').primary();
    t.integer('artwork_id').notNullable().references('id').inTable('artworks').onDelete('CASCADE');
    t.string('attachment_hash', 64).notNullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.boolean('is_primary').notNullable().defaultTo(false);
    t.string('added_at', 30).notNullable();
    t.string('added_by', 200).notNullable();
    t.unique(['artwork_id', 'attachment_hash']);
  });

  await knex.schema.createTable('exhibitions', (t) => {
    t.increments('id').primary();
    t.string('title', 200).notNullable();
    t.string('title_key', 200).notNullable();
    t.string('subtitle', 200).nullable();
    t.string('venue', 200).nullable();
    t.string('starts_on', 10).nullable();
    t.string('ends_on', 10).nullable();
    t.text('curators').nullable(); // one per line
    t.text('presentation').nullable();
    t.text('curatorial_text').nullable();
    t.text('credits').nullable();
    t.string('section_mode', 20).notNullable().defaultTo('ninguna');
    audit(t);
  });

  await knex.schema.createTable('exhibition_partners', (t) => {
    t.integer('exhibition_id').notNullable().references('id').inTable('exhibitions').onDelete('CASCADE');
    t.integer('partner_id').notNullable().references('id').inTable('partners').onDelete('RESTRICT');
    t.primary(['exhibition_id', 'partner_id']);
    t.index(['partner_id']);
  });

  await knex.schema.createTable('exhibition_works', (t) => {
    t.increments('id').primary();
    t.integer('exhibition_id').notNullable().references('id').inTable('exhibitions').onDelete('CASCADE');
    t.integer('artwork_id').notNullable().references('id').inTable('artworks').onDelete('RESTRICT');
    t.integer('position').notNullable();
    t.string('catalog_number', 20).notNullable();
    t.string('section', 120).nullable();
    t.unique(['exhibition_id', 'artwork_id']);
    t.unique(['exhibition_id', 'catalog_number']);
    t.index(['artwork_id']);
  });

  await knex.schema.createTable('exhibition_loans', (t) => {
    t.increments('id').primary();
    t.integer('exhibition_id').notNullable().references('id').inTable('exhibitions').onDelete('RESTRICT');
    t.integer('artwork_id').notNullable().references('id').inTable('artworks').onDelete('RESTRICT');
    t.string('lent_on', 10).notNullable();
    t.string('due_on', 10).nullable();
    t.bigInteger('insurance_centimos').notNullable();
    t.text('condition_out').notNullable();
    t.string('lent_at', 30).notNullable();
    t.string('lent_by', 200).notNullable();
    t.string('returned_on', 10).nullable();
    t.text('condition_back').nullable();
    t.string('returned_at', 30).nullable();
    t.string('returned_by', 200).nullable();
    t.index(['exhibition_id']);
    t.index(['artwork_id']);
  });

  await knex.schema.createTable('loan_photos', (t) => {
    t.increments('id').primary();
    t.integer('loan_id').notNullable().references('id').inTable('exhibition_loans').onDelete('RESTRICT');
    t.string('phase', 10).notNullable(); // salida | retorno
    t.string('attachment_hash', 64).notNullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.string('added_at', 30).notNullable();
    t.string('added_by', 200).notNullable();
    t.unique(['loan_id', 'phase', 'attachment_hash']);
  });

  await knex.schema.createTable('artwork_custody', (t) => {
    t.increments('id').primary();
    t.integer('artwork_id').notNullable().references('id').inTable('artworks').onDelete('RESTRICT');
    t.integer('seq').notNullable();
    t.string('status', 20).notNullable(); // en_taller | en_transito | en_sala | prestada | vendida | devuelta_al_autor
    t.string('date', 10).notNullable();
    t.string('place', 200).nullable();
    t.text('notes').nullable();
    t.integer('exhibition_id').nullable().references('id').inTable('exhibitions').onDelete('RESTRICT');
    t.integer('loan_id').nullable().references('id').inTable('exhibition_loans').onDelete('RESTRICT');
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.unique(['artwork_id', 'seq']);
  });

  await knex.schema.createTable('artwork_consents', (t) => {
    t.increments('id').primary();
    t.integer('artwork_id').notNullable().references('id').inTable('artworks').onDelete('RESTRICT');
    t.string('date', 10).notNullable();
    t.boolean('revocation').notNullable().defaultTo(false);
    t.string('naming', 20).notNullable(); // nombre_completo | iniciales | seudonimo | anonimo
    t.string('pseudonym', 80).nullable();
    t.boolean('may_exhibit').notNullable();
    t.boolean('may_catalog').notNullable();
    t.boolean('may_photograph').notNullable();
    t.boolean('may_sell').notNullable();
    t.text('notes').nullable();
    t.string('document_hash', 64).nullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.index(['artwork_id', 'id']);
  });

  await knex.schema.createTable('artwork_condition_reports', (t) => {
    t.increments('id').primary();
    t.integer('artwork_id').notNullable().references('id').inTable('artworks').onDelete('RESTRICT');
    t.string('date', 10).notNullable();
    t.string('examined_by', 160).notNullable();
    t.string('grade', 20).notNullable(); // bueno | regular | malo
    t.text('text').notNullable();
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.index(['artwork_id']);
  });

  await knex.schema.createTable('artwork_condition_photos', (t) => {
    t.integer('report_id').notNullable().references('id').inTable('artwork_condition_reports').onDelete('RESTRICT');
    t.string('attachment_hash', 64).notNullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.primary(['report_id', 'attachment_hash']);
  });

  // Ledgers are appended, never rewritten.
  if (knex.client.config.client === 'sqlite3') {
    for (const table of ledgers) {
      await knex.raw(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      );
      await knex.raw(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      );
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'artwork_condition_photos',
    'artwork_condition_reports',
    'artwork_consents',
    'artwork_custody',
    'loan_photos',
    'exhibition_loans',
    'exhibition_works',
    'exhibition_partners',
    'exhibitions',
    'artwork_photos',
    'artworks',
  ]) {
    await knex.schema.dropTable(table);
  }
}
