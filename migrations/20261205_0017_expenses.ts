import type { Knex } from 'knex';

/**
 * Every expense of the budget, and the budget's modifications during the year (issue 16, item 5).
 *
 * - `budget_expenses`: what the budget lines that contracts and instrument purchases do not
 *   cover spent (materials, events, training…): the day, the line, the supplier with their RUC,
 *   the document (factura, boleta, recibo por honorarios… and its number), the amount in
 *   céntimos, a description and, optionally, the event, workshop or exhibition it was for (by
 *   id). An expense is never rewritten nor deleted: a mistake is voided with a reason, once
 *   (the void columns are the only ones an update may write, and only from not voided).
 * - `budget_modifications`: increases, decreases and transfers between lines of a year's
 *   budget, each with its resolution's number and date and a reason. A ledger: appended, never
 *   rewritten; a line's assigned amount is its initial amount (`budget_lines`) plus them.
 * Nothing is carried over: neither was recorded anywhere before. Frozen once landed.
 */

const EXPENSES = 'budget_expenses';
const MODIFICATIONS = 'budget_modifications';
const voidColumns = ['voided', 'void_reason', 'voided_at', 'voided_by', 'version', 'updated_at', 'updated_by'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable(EXPENSES, (t) => {
    t.increments('id').primary();
    /** The day of the document, yyyy-mm-dd: the expense is executed in its month. */
    t.string('date', 10).notNullable();
    t.string('budget_line', 20).notNullable();
    t.string('supplier_name', 200).notNullable();
    t.string('supplier_ruc', 11).notNullable();
    /** factura | boleta | recibo_honorarios | otro */
    t.string('document_type', 30).notNullable();
    t.string('document_number', 40).notNullable();
    t.bigInteger('amount_centimos').notNullable();
    t.string('description', 500).notNullable();
    t.integer('event_id').nullable().references('id').inTable('events').onDelete('RESTRICT');
    t.integer('workshop_id').nullable().references('id').inTable('workshops').onDelete('RESTRICT');
    t.integer('exhibition_id').nullable().references('id').inTable('exhibitions').onDelete('RESTRICT');
    t.boolean('voided').notNullable().defaultTo(false);
    t.string('void_reason', 300).nullable();
    t.string('voided_at', 30).nullable();
    t.string('voided_by', 200).nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
    t.index(['date', 'budget_line']);
    t.index(['supplier_ruc', 'document_number']);
  });

  await knex.schema.createTable(MODIFICATIONS, (t) => {
    t.increments('id').primary();
    t.integer('year').notNullable().references('year').inTable('budget_years').onDelete('RESTRICT');
    /** incremento | reduccion | transferencia */
    t.string('kind', 20).notNullable();
    /** The line increased or decreased; in a transfer, the line the amount leaves. */
    t.string('budget_line', 20).notNullable();
    /** In a transfer, the line the amount goes to; null otherwise. */
    t.string('to_line', 20).nullable();
    t.bigInteger('amount_centimos').notNullable();
    t.string('resolution_number', 80).notNullable();
    t.string('resolution_date', 10).notNullable();
    t.string('reason', 500).notNullable();
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.index(['year']);
  });

  const recorded = Object.keys(await knex(EXPENSES).columnInfo())
    .filter((c) => !voidColumns.includes(c))
    .sort()
    .map((c) => `"${c}"`)
    .join(', ');
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      `CREATE TRIGGER ${MODIFICATIONS}_append_only BEFORE UPDATE OR DELETE ON ${MODIFICATIONS} FOR EACH ROW EXECUTE FUNCTION arteinpe_append_only()`,
    );
    await knex.raw(
      `CREATE TRIGGER ${EXPENSES}_append_only BEFORE DELETE OR UPDATE OF ${recorded} ON ${EXPENSES} FOR EACH ROW EXECUTE FUNCTION arteinpe_append_only()`,
    );
    await knex.raw(
      `CREATE TRIGGER ${EXPENSES}_void_once BEFORE UPDATE ON ${EXPENSES} FOR EACH ROW
       WHEN (OLD.voided) EXECUTE FUNCTION arteinpe_append_only()`,
    );
    return;
  }
  const abort = (table: string) => `SELECT RAISE(ABORT, '${table} is append-only')`;
  await knex.raw(`CREATE TRIGGER ${MODIFICATIONS}_no_update BEFORE UPDATE ON ${MODIFICATIONS} BEGIN ${abort(MODIFICATIONS)}; END`);
  await knex.raw(`CREATE TRIGGER ${MODIFICATIONS}_no_delete BEFORE DELETE ON ${MODIFICATIONS} BEGIN ${abort(MODIFICATIONS)}; END`);
  await knex.raw(`CREATE TRIGGER ${EXPENSES}_no_update BEFORE UPDATE OF ${recorded} ON ${EXPENSES} BEGIN ${abort(EXPENSES)}; END`);
  await knex.raw(`CREATE TRIGGER ${EXPENSES}_void_once BEFORE UPDATE ON ${EXPENSES} WHEN OLD.voided BEGIN ${abort(EXPENSES)}; END`);
  await knex.raw(`CREATE TRIGGER ${EXPENSES}_no_delete BEFORE DELETE ON ${EXPENSES} BEGIN ${abort(EXPENSES)}; END`);
}

export async function down(knex: Knex): Promise<void> {
  // Dropping a table drops its triggers (SQLite and PostgreSQL alike).
  await knex.schema.dropTable(MODIFICATIONS);
  await knex.schema.dropTable(EXPENSES);
}
