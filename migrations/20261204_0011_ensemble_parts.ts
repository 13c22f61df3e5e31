import type { Knex } from 'knex';

/**
 * Ensemble parts from a list (issue 15): a member's part is an instrument type or a voice.
 *
 * - `enrolments.part_type_id` (an instrument type) or `enrolments.part_voice` (soprano,
 *   mezzosoprano, contralto, tenor, baritono, bajo): the part chosen from the list. The part
 *   as it was typed (`enrolments.part`) stays as it is.
 * - `ensemble_part_reviews`: the parts this migration could not link ("sin vincular"), for a
 *   clerk to link or dismiss.
 *
 * The data already entered is carried over here, with its own matching (a migration never
 * imports code that may change after it lands): a typed part that is, without accents or
 * case, exactly one instrument type's name or one voice's → that link; any other non-empty
 * part → one review item. Frozen once landed.
 */

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The voices as they are stored, and the words a clerk typed for them. */
const voices: Record<string, string> = {
  soprano: 'soprano',
  mezzosoprano: 'mezzosoprano',
  'mezzo soprano': 'mezzosoprano',
  'mezzo-soprano': 'mezzosoprano',
  contralto: 'contralto',
  tenor: 'tenor',
  baritono: 'baritono',
  bajo: 'bajo',
};

type Row = Record<string, unknown>;

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('enrolments', (t) => {
      t.integer('part_type_id').nullable().references('id').inTable('instrument_types').onDelete('RESTRICT');
    });
  } else {
    // SQLite: added in place (knex would rebuild the table, which the rows that refer to it forbid).
    await knex.raw('ALTER TABLE enrolments ADD COLUMN part_type_id integer NULL REFERENCES instrument_types(id) ON DELETE RESTRICT');
  }
  await knex.schema.alterTable('enrolments', (t) => {
    t.string('part_voice', 20).nullable();
  });

  await knex.schema.createTable('ensemble_part_reviews', (t) => {
    t.increments('id').primary();
    t.integer('enrolment_id').notNullable().references('id').inTable('enrolments').onDelete('RESTRICT');
    /** The part as it was typed, kept as it is. */
    t.string('original_text', 80).notNullable();
    t.string('status', 20).notNullable(); // pendiente | vinculado | descartado
    t.string('created_at', 30).notNullable();
    t.string('resolved_at', 30).nullable();
    t.string('resolved_by', 200).nullable();
    t.index(['status']);
    t.index(['enrolment_id']);
  });

  await carryOver(knex);
}

async function carryOver(knex: Knex): Promise<void> {
  const now = new Date().toISOString();
  const types = new Map<string, number[]>();
  for (const r of (await knex('instrument_types').select('id', 'name')) as Row[]) {
    const key = fold(String(r.name));
    types.set(key, [...(types.get(key) ?? []), Number(r.id)]);
  }
  const members = (await knex('enrolments').whereNotNull('ensemble_id').whereNotNull('part').select('id', 'part')) as Row[];
  const byType = new Map<number, number[]>();
  const byVoice = new Map<string, number[]>();
  const reviews: Row[] = [];
  for (const r of members) {
    const text = String(r.part);
    const key = fold(text);
    if (key === '') continue;
    const typeIds = types.get(key) ?? [];
    const voice = voices[key];
    const id = Number(r.id);
    if (typeIds.length === 1 && !voice) byType.set(typeIds[0]!, [...(byType.get(typeIds[0]!) ?? []), id]);
    else if (voice && typeIds.length === 0) byVoice.set(voice, [...(byVoice.get(voice) ?? []), id]);
    else reviews.push({ enrolment_id: id, original_text: text, status: 'pendiente', created_at: now });
  }
  for (const [typeId, ids] of byType) {
    for (let i = 0; i < ids.length; i += 500) {
      await knex('enrolments')
        .whereIn('id', ids.slice(i, i + 500))
        .update({ part_type_id: typeId });
    }
  }
  for (const [voice, ids] of byVoice) {
    for (let i = 0; i < ids.length; i += 500) {
      await knex('enrolments')
        .whereIn('id', ids.slice(i, i + 500))
        .update({ part_voice: voice });
    }
  }
  for (let i = 0; i < reviews.length; i += 200) await knex('ensemble_part_reviews').insert(reviews.slice(i, i + 200));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ensemble_part_reviews');
  await knex.schema.alterTable('enrolments', (t) => {
    t.dropColumn('part_type_id');
    t.dropColumn('part_voice');
  });
}
