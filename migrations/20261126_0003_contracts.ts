import type { Knex } from 'knex';

/**
 * Teachers and instructors, their access authorisations per establishment, contracts with
 * their month-by-month schedule and the append-only ledger of their changes, service
 * conformities with payments, and the programme's budget per fiscal year and line.
 * Frozen once landed.
 */

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('teachers', (t) => {
    t.increments('id').primary();
    t.string('dni', 8).notNullable().unique();
    t.string('ruc', 11).nullable().unique();
    t.string('first_names', 80).notNullable();
    t.string('last_names', 80).notNullable();
    /** "apellidos nombres" lower case without accents: what lists sort by. */
    t.string('name_key', 170).notNullable();
    t.string('search_text', 300).notNullable();
    t.string('sex', 1).notNullable();
    t.string('phone', 30).nullable();
    t.string('email', 120).nullable();
    t.string('address', 200).nullable();
    t.text('specialties_json').notNullable(); // ["Violín", "Viola"]
    t.text('notes').nullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
    t.index(['name_key']);
  });

  await knex.schema.createTable('teacher_disciplines', (t) => {
    t.integer('teacher_id').notNullable().references('id').inTable('teachers').onDelete('CASCADE');
    t.string('discipline', 20).notNullable();
    t.primary(['teacher_id', 'discipline']);
    t.index(['discipline']);
  });

  /** Constancias de suspensión de retenciones de cuarta categoría (SUNAT), one per fiscal year. */
  await knex.schema.createTable('teacher_suspensions', (t) => {
    t.increments('id').primary();
    t.integer('teacher_id').notNullable().references('id').inTable('teachers').onDelete('CASCADE');
    t.integer('fiscal_year').notNullable();
    t.string('operation_number', 40).notNullable();
    t.string('filed_on', 10).notNullable();
    t.unique(['teacher_id', 'fiscal_year']);
  });

  await knex.schema.createTable('teacher_authorisations', (t) => {
    t.increments('id').primary();
    t.integer('teacher_id').notNullable().references('id').inTable('teachers').onDelete('RESTRICT');
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('valid_from', 10).notNullable();
    t.string('valid_to', 10).notNullable();
    t.string('document_number', 80).notNullable();
    t.text('notes').nullable();
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.index(['teacher_id', 'establishment_id']);
    t.index(['valid_to']);
  });

  await knex.schema.createTable('teacher_documents', (t) => {
    t.increments('id').primary();
    t.integer('teacher_id').notNullable().references('id').inTable('teachers').onDelete('CASCADE');
    t.string('attachment_hash', 64).notNullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.string('kind', 20).notNullable();
    t.string('added_at', 30).notNullable();
    t.string('added_by', 200).notNullable();
    t.unique(['teacher_id', 'attachment_hash']);
  });

  await knex.schema.createTable('contracts', (t) => {
    t.increments('id').primary();
    t.string('number', 40).notNullable();
    /** The number without case, accents or spaces: unique. */
    t.string('number_key', 40).notNullable().unique();
    t.integer('teacher_id').notNullable().references('id').inTable('teachers').onDelete('RESTRICT');
    t.string('modality', 20).notNullable();
    t.text('object').notNullable();
    t.string('start_date', 10).notNullable();
    t.string('end_date', 10).notNullable();
    t.string('amount_type', 10).notNullable(); // mensual | total
    t.bigInteger('amount_centimos').notNullable();
    /** The agreed total, from the schedule (cached). */
    t.bigInteger('total_centimos').notNullable();
    t.integer('hours_per_week').notNullable();
    t.string('budget_line', 20).notNullable();
    /** borrador | vigente | resuelto; "vencido" and "por vencer" follow from end_date. */
    t.string('status', 12).notNullable();
    t.string('signed_on', 10).nullable();
    t.string('resolved_on', 10).nullable();
    t.text('resolution_reason').nullable();
    t.integer('previous_contract_id').nullable().references('id').inTable('contracts').onDelete('RESTRICT');
    /** Activated although it exceeded its budget line's available amount (confirmed). */
    t.boolean('over_budget').notNullable().defaultTo(false);
    t.string('search_text', 400).notNullable();
    t.text('notes').nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
    t.index(['teacher_id']);
    t.index(['status', 'end_date']);
    t.index(['end_date']);
    t.index(['previous_contract_id']);
  });

  await knex.schema.createTable('contract_establishments', (t) => {
    t.integer('contract_id').notNullable().references('id').inTable('contracts').onDelete('CASCADE');
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('workshops', 200).nullable();
    t.primary(['contract_id', 'establishment_id']);
    t.index(['establishment_id', 'contract_id']);
  });

  /**
   * One installment per month the contract covers, and where that month stands: derived from
   * the contract's terms and its conformities, and rewritten in the same transaction as they
   * change, so that the budget and the missing months read one table.
   */
  await knex.schema.createTable('contract_months', (t) => {
    t.integer('contract_id').notNullable().references('id').inTable('contracts').onDelete('CASCADE');
    t.string('period', 7).notNullable();
    t.bigInteger('expected_centimos').notNullable();
    t.string('budget_line', 20).notNullable();
    /** The contract is signed (not a draft): its months commit budget and expect conformities. */
    t.boolean('in_force').notNullable().defaultTo(false);
    /** The month's conformity (not void), its gross and whether it was paid. */
    t.integer('conformity_id').nullable();
    t.bigInteger('conformity_gross_centimos').nullable();
    t.boolean('paid').notNullable().defaultTo(false);
    t.primary(['contract_id', 'period']);
    // Covering: the budget's yearly sums read the index alone.
    t.index(
      ['period', 'in_force', 'budget_line', 'conformity_id', 'paid', 'expected_centimos', 'conformity_gross_centimos'],
      'contract_months_budget',
    );
    t.index(['in_force', 'conformity_id', 'period']);
  });

  /** The contract's history: created, edited, activated, renewed, resolved… appended, never rewritten. */
  await knex.schema.createTable('contract_events', (t) => {
    t.increments('id').primary();
    t.integer('contract_id').notNullable().references('id').inTable('contracts').onDelete('RESTRICT');
    t.integer('seq').notNullable();
    t.string('kind', 30).notNullable();
    t.string('date', 10).nullable();
    t.text('detail').nullable();
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.unique(['contract_id', 'seq']);
  });

  await knex.schema.createTable('contract_documents', (t) => {
    t.increments('id').primary();
    t.integer('contract_id').notNullable().references('id').inTable('contracts').onDelete('CASCADE');
    t.string('attachment_hash', 64).notNullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.string('kind', 20).notNullable();
    t.string('added_at', 30).notNullable();
    t.string('added_by', 200).notNullable();
    t.unique(['contract_id', 'attachment_hash']);
  });

  await knex.schema.createTable('service_conformities', (t) => {
    t.increments('id').primary();
    t.integer('contract_id').notNullable().references('id').inTable('contracts').onDelete('RESTRICT');
    t.string('period', 7).notNullable();
    t.string('deliverable', 300).notNullable();
    t.string('conformity_date', 10).notNullable();
    t.string('given_by', 160).notNullable();
    t.string('receipt_number', 20).nullable();
    t.string('receipt_date', 10).nullable();
    t.bigInteger('gross_centimos').notNullable();
    t.bigInteger('retention_centimos').notNullable();
    t.bigInteger('net_centimos').notNullable();
    t.boolean('suspended').notNullable().defaultTo(false);
    t.string('payment_date', 10).nullable();
    t.string('payment_reference', 60).nullable();
    /** pendiente_pago | pagada | anulada */
    t.string('status', 20).notNullable();
    t.text('void_reason').nullable();
    t.text('notes').nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
    t.index(['contract_id', 'period']);
    t.index(['period']);
    t.index(['status']);
  });

  await knex.schema.createTable('budget_years', (t) => {
    t.integer('year').primary();
    /** Soles per US dollar × 10,000 (3.4000 → 34000). */
    t.integer('exchange_rate_e4').notNullable();
    t.text('notes').nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
  });

  await knex.schema.createTable('budget_lines', (t) => {
    t.integer('year').notNullable().references('year').inTable('budget_years').onDelete('CASCADE');
    t.string('line', 20).notNullable();
    t.bigInteger('amount_centimos').notNullable();
    t.primary(['year', 'line']);
  });

  // The budget's instrumentos line reads the inventory's purchases by year and funding.
  await knex.schema.alterTable('instruments', (t) => {
    t.index(['acquisition_date', 'funding'], 'instruments_acquisition_for_budget');
  });

  // The contract ledger is appended, never rewritten.
  if (knex.client.config.client === 'sqlite3') {
    await knex.raw(
      `CREATE TRIGGER contract_events_no_update BEFORE UPDATE ON contract_events BEGIN SELECT RAISE(ABORT, 'contract_events is append-only'); END`,
    );
    await knex.raw(
      `CREATE TRIGGER contract_events_no_delete BEFORE DELETE ON contract_events BEGIN SELECT RAISE(ABORT, 'contract_events is append-only'); END`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('instruments', (t) => {
    t.dropIndex(['acquisition_date', 'funding'], 'instruments_acquisition_for_budget');
  });
  for (const table of [
    'budget_lines',
    'budget_years',
    'service_conformities',
    'contract_documents',
    'contract_events',
    'contract_months',
    'contract_establishments',
    'contracts',
    'teacher_documents',
    'teacher_authorisations',
    'teacher_suspensions',
    'teacher_disciplines',
    'teachers',
  ]) {
    await knex.schema.dropTable(table);
  }
}
