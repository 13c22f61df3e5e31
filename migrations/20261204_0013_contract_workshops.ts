import type { Knex } from 'knex';

/**
 * Contracts cover named workshops by id (issue 15, item 4).
 *
 * - `contract_workshops`: the workshops a contract covers, each one a workshop of one of the
 *   contract's establishments. The text typed per establishment before
 *   (`contract_establishments.workshops`) stays as it was, readable.
 * - `contract_workshop_reviews`: the workshop names this migration could not link ("sin
 *   vincular"), one per name, for a clerk to link or dismiss.
 *
 * The carry-over, with its own matching (a migration never imports code that may change
 * after it lands): each establishment's text is read as one or several names separated by
 * "," or ";"; a name that is exactly (without case, accents or repeated spaces) the name of one
 * workshop of that establishment links it; any other name is listed for review. Frozen once
 * landed.
 */

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

type Row = Record<string, unknown>;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('contract_workshops', (t) => {
    t.integer('contract_id').notNullable().references('id').inTable('contracts').onDelete('CASCADE');
    t.integer('workshop_id').notNullable().references('id').inTable('workshops').onDelete('RESTRICT');
    t.primary(['contract_id', 'workshop_id']);
    t.index(['workshop_id']);
  });

  await knex.schema.createTable('contract_workshop_reviews', (t) => {
    t.increments('id').primary();
    t.integer('contract_id').notNullable().references('id').inTable('contracts').onDelete('CASCADE');
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    /** One workshop's name as it was typed in the contract's text, kept as it is. */
    t.string('original_text', 200).notNullable();
    t.string('status', 20).notNullable(); // pendiente | vinculado | descartado
    t.integer('workshop_id').nullable().references('id').inTable('workshops').onDelete('RESTRICT');
    t.string('created_at', 30).notNullable();
    t.string('resolved_at', 30).nullable();
    t.string('resolved_by', 200).nullable();
    t.index(['status']);
    t.index(['contract_id']);
  });

  await carryOver(knex);
}

async function carryOver(knex: Knex): Promise<void> {
  const now = new Date().toISOString();
  const byEstablishment = new Map<number, Array<{ id: number; key: string }>>();
  for (const r of (await knex('workshops').select('id', 'name', 'establishment_id')) as Row[]) {
    const at = Number(r.establishment_id);
    byEstablishment.set(at, [...(byEstablishment.get(at) ?? []), { id: Number(r.id), key: fold(String(r.name)) }]);
  }
  const typed = (await knex('contract_establishments')
    .whereNotNull('workshops')
    .orderBy(['contract_id', 'establishment_id'])
    .select('contract_id', 'establishment_id', 'workshops')) as Row[];
  const links: Row[] = [];
  const linked = new Set<string>();
  const reviews: Row[] = [];
  for (const r of typed) {
    const contractId = Number(r.contract_id);
    const establishmentId = Number(r.establishment_id);
    const here = byEstablishment.get(establishmentId) ?? [];
    for (const piece of String(r.workshops).split(/[,;]/)) {
      const name = piece.trim();
      if (name === '') continue;
      const named = here.filter((w) => w.key === fold(name));
      if (named.length === 1) {
        const pair = `${contractId}:${named[0]!.id}`;
        if (!linked.has(pair)) links.push({ contract_id: contractId, workshop_id: named[0]!.id });
        linked.add(pair);
        continue;
      }
      reviews.push({
        contract_id: contractId,
        establishment_id: establishmentId,
        original_text: name,
        status: 'pendiente',
        created_at: now,
      });
    }
  }
  for (let i = 0; i < links.length; i += 200) await knex('contract_workshops').insert(links.slice(i, i + 200));
  for (let i = 0; i < reviews.length; i += 200) await knex('contract_workshop_reviews').insert(reviews.slice(i, i + 200));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('contract_workshop_reviews');
  await knex.schema.dropTable('contract_workshops');
}
