import type { Knex } from 'knex';

/**
 * Programmes: workshops and their sessions, participants (persons deprived of liberty:
 * only the INPE internal code, names, sex, birth year, establishment and status), their
 * custody ledger, enrolments in workshops and ensembles with a stage ledger, attendance,
 * ensembles, seasons and events with audiences and photos, partners, agreements and
 * donations. Frozen once landed.
 */

const audit = (t: Knex.CreateTableBuilder) => {
  t.integer('version').notNullable().defaultTo(1);
  t.string('created_at', 30).notNullable();
  t.string('created_by', 200).notNullable();
  t.string('updated_at', 30).notNullable();
  t.string('updated_by', 200).notNullable();
};

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('workshops', (t) => {
    t.increments('id').primary();
    t.string('name', 160).notNullable();
    t.string('name_key', 160).notNullable();
    t.string('programme', 30).notNullable(); // inpe_orquestando | ceramica | artes_plasticas | artes_escenicas | otro
    t.string('discipline', 120).notNullable();
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('teachers', 400).nullable();
    t.string('schedule', 200).nullable();
    t.string('start_date', 10).notNullable();
    t.string('end_date', 10).nullable();
    t.integer('capacity').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.text('notes').nullable();
    audit(t);
    t.index(['establishment_id', 'active']);
    t.index(['name_key']);
  });

  await knex.schema.createTable('workshop_sessions', (t) => {
    t.increments('id').primary();
    t.integer('workshop_id').notNullable().references('id').inTable('workshops').onDelete('RESTRICT');
    t.string('date', 10).notNullable();
    t.integer('duration_minutes').notNullable();
    t.string('topic', 200).nullable();
    /** Set when attendance was taken (once, for the whole group). */
    t.string('attendance_at', 30).nullable();
    t.string('attendance_by', 200).nullable();
    audit(t);
    t.index(['workshop_id', 'date']);
  });

  await knex.schema.createTable('participants', (t) => {
    t.increments('id').primary();
    t.string('code', 20).notNullable().unique(); // INPE internal code
    t.string('first_names', 100).notNullable();
    t.string('last_names', 100).notNullable();
    t.string('sex', 10).notNullable(); // masculino | femenino
    t.integer('birth_year').notNullable();
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('status', 20).notNullable(); // activo | trasladado | egresado | retirado
    /** Code and names, lower case without accents: what the type-ahead looks in. */
    t.string('search_text', 260).notNullable();
    t.string('sort_key', 210).notNullable();
    audit(t);
    t.index(['status', 'establishment_id', 'sex']);
    t.index(['establishment_id', 'sort_key']);
    t.index(['sort_key']);
  });

  // The custody ledger: where the participant was and what happened (alta, traslado, egreso…).
  await knex.schema.createTable('participant_movements', (t) => {
    t.increments('id').primary();
    t.integer('participant_id').notNullable().references('id').inTable('participants').onDelete('RESTRICT');
    t.string('kind', 20).notNullable(); // alta | traslado | egreso | retiro | reincorporacion
    t.string('date', 10).notNullable();
    t.integer('from_establishment_id').nullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.integer('to_establishment_id').nullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('status_after', 20).notNullable();
    t.string('document_number', 80).nullable();
    t.text('notes').nullable();
    t.integer('enrolments_ended').notNullable().defaultTo(0);
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.index(['participant_id']);
  });

  await knex.schema.createTable('ensembles', (t) => {
    t.increments('id').primary();
    t.string('name', 160).notNullable();
    t.string('name_key', 160).notNullable();
    t.string('type', 30).notNullable(); // banda_sinfonica | coro_polifonico | ensamble_percusion | orquesta_sinfonica | otro
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('director', 160).nullable();
    t.string('formed_on', 10).nullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.text('notes').nullable();
    audit(t);
    t.index(['establishment_id', 'active']);
  });

  // One row per participant in a workshop or an ensemble; its stage changes are in enrolment_stages.
  await knex.schema.createTable('enrolments', (t) => {
    t.increments('id').primary();
    t.integer('participant_id').notNullable().references('id').inTable('participants').onDelete('RESTRICT');
    t.integer('workshop_id').nullable().references('id').inTable('workshops').onDelete('RESTRICT');
    t.integer('ensemble_id').nullable().references('id').inTable('ensembles').onDelete('RESTRICT');
    t.string('stage', 20).notNullable(); // inscrito | activo | completado | retirado
    t.string('part', 80).nullable(); // an ensemble member's instrument or voice part
    t.string('enrolled_on', 10).notNullable();
    t.string('ended_on', 10).nullable();
    t.string('end_reason', 20).nullable(); // completado | retiro | traslado | egreso
    /** Absences in a row at the latest sessions taken (workshops), cached by attendance.save. */
    t.integer('absence_run').notNullable().defaultTo(0);
    audit(t);
    t.index(['workshop_id', 'stage']);
    t.index(['ensemble_id', 'stage']);
    t.index(['participant_id']);
    t.index(['stage', 'absence_run']);
  });

  await knex.schema.createTable('enrolment_stages', (t) => {
    t.increments('id').primary();
    t.integer('enrolment_id').notNullable().references('id').inTable('enrolments').onDelete('RESTRICT');
    t.string('stage', 20).notNullable();
    t.string('date', 10).notNullable();
    t.string('reason', 200).nullable();
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.index(['enrolment_id']);
  });

  await knex.schema.createTable('attendance', (t) => {
    t.integer('session_id').notNullable().references('id').inTable('workshop_sessions').onDelete('RESTRICT');
    t.integer('participant_id').notNullable().references('id').inTable('participants').onDelete('RESTRICT');
    t.boolean('present').notNullable();
    t.primary(['session_id', 'participant_id']);
    t.index(['participant_id']);
  });

  await knex.schema.createTable('seasons', (t) => {
    t.increments('id').primary();
    t.string('name', 160).notNullable().unique();
    t.string('start_date', 10).notNullable();
    t.string('end_date', 10).notNullable();
    audit(t);
  });

  await knex.schema.createTable('partners', (t) => {
    t.increments('id').primary();
    t.string('name', 200).notNullable();
    t.string('name_key', 200).notNullable().unique();
    t.string('type', 30).notNullable(); // sector_publico | privado | sociedad_civil | cooperacion_internacional
    t.string('contact_name', 160).nullable();
    t.string('contact_role', 120).nullable();
    t.string('contact_email', 160).nullable();
    t.string('contact_phone', 40).nullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.text('notes').nullable();
    audit(t);
  });

  await knex.schema.createTable('agreements', (t) => {
    t.increments('id').primary();
    t.integer('partner_id').notNullable().references('id').inTable('partners').onDelete('RESTRICT');
    t.string('title', 200).notNullable();
    t.text('object').notNullable();
    t.string('document_number', 80).nullable();
    t.string('start_date', 10).notNullable();
    t.string('end_date', 10).nullable();
    t.string('document_hash', 64).nullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.text('notes').nullable();
    audit(t);
    t.index(['partner_id']);
    t.index(['end_date']);
  });

  await knex.schema.createTable('partner_donations', (t) => {
    t.increments('id').primary();
    t.integer('partner_id').notNullable().references('id').inTable('partners').onDelete('RESTRICT');
    t.string('date', 10).notNullable();
    t.string('description', 400).notNullable();
    t.bigInteger('value_centimos').notNullable().defaultTo(0);
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.index(['partner_id']);
  });

  await knex.schema.createTable('events', (t) => {
    t.increments('id').primary();
    t.string('type', 30).notNullable(); // recital | concierto_educativo | puesta_en_escena | inauguracion_exposicion | festival | presentacion_externa
    t.integer('season_id').nullable().references('id').inTable('seasons').onDelete('RESTRICT');
    t.string('title', 200).notNullable();
    t.string('date', 10).notNullable();
    t.string('time', 5).nullable();
    t.string('venue_kind', 20).notNullable(); // establecimiento | externo
    t.integer('establishment_id').nullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('venue_name', 200).nullable();
    t.integer('audience_internos').notNullable().defaultTo(0);
    t.integer('audience_familiares').notNullable().defaultTo(0);
    t.integer('audience_personal').notNullable().defaultTo(0);
    t.integer('audience_externo').notNullable().defaultTo(0);
    t.integer('audience_autoridades').notNullable().defaultTo(0);
    t.text('notes').nullable();
    audit(t);
    t.index(['date']);
    t.index(['season_id']);
  });

  await knex.schema.createTable('event_partners', (t) => {
    t.integer('event_id').notNullable().references('id').inTable('events').onDelete('CASCADE');
    t.integer('partner_id').notNullable().references('id').inTable('partners').onDelete('RESTRICT');
    t.primary(['event_id', 'partner_id']);
    t.index(['partner_id']);
  });

  await knex.schema.createTable('event_ensembles', (t) => {
    t.integer('event_id').notNullable().references('id').inTable('events').onDelete('CASCADE');
    t.integer('ensemble_id').notNullable().references('id').inTable('ensembles').onDelete('RESTRICT');
    t.primary(['event_id', 'ensemble_id']);
    t.index(['ensemble_id']);
  });

  await knex.schema.createTable('event_photos', (t) => {
    t.increments('id').primary();
    t.integer('event_id').notNullable().references('id').inTable('events').onDelete('CASCADE');
    t.string('attachment_hash', 64).notNullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.string('added_at', 30).notNullable();
    t.string('added_by', 200).notNullable();
    t.unique(['event_id', 'attachment_hash']);
  });

  // Ledgers are appended, never rewritten.
  if (knex.client.config.client === 'sqlite3') {
    for (const table of ['participant_movements', 'enrolment_stages', 'partner_donations']) {
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
    'event_photos',
    'event_ensembles',
    'event_partners',
    'events',
    'partner_donations',
    'agreements',
    'partners',
    'seasons',
    'attendance',
    'enrolment_stages',
    'enrolments',
    'ensembles',
    'participant_movements',
    'participants',
    'workshop_sessions',
    'workshops',
  ]) {
    await knex.schema.dropTable(table);
  }
}
