import type { Knex } from 'knex';

/**
 * Linked custody (issue 15): an instrument's custodian is a person or an ensemble by id.
 *
 * - `staff_members`: the INPE staff of an establishment who may hold an instrument (name,
 *   role, establishment; nothing more).
 * - `establishments.loan_days`: the hand-over's default return period at that prison.
 * - The custodian's id, since when and until when on the instrument (cached, like the rest of
 *   its state) and on each movement of the ledger. The custodian's name stays as it was typed.
 *   The ledger stays append-only; only a movement's custodian id may be set, once, from none.
 * - `instrument_recoveries`: what a participant held when released, transferred or withdrawn,
 *   open until a devolución, a transfer that follows the person, an extravío or a stocktake
 *   clears the custody.
 * - `custodian_reviews`: custodians this migration could not link ("sin vincular"), for a
 *   clerk to link or dismiss.
 *
 * The data already entered is carried over here, with its own matching (a migration never
 * imports code that may change after it lands): "Nombres Apellidos (CODE)" → the participant
 * with that code; a name that is exactly one teacher's, or one ensemble's of the instrument's
 * establishment (else of the whole country) → that record. Frozen once landed.
 */

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

type Row = Record<string, unknown>;

interface Matcher {
  participants: Map<string, { id: number; status: string }>;
  teachers: Map<string, number[]>;
  ensembles: Array<{ id: number; key: string; establishmentId: number }>;
}

async function matcher(knex: Knex): Promise<Matcher> {
  const participants = new Map<string, { id: number; status: string }>();
  for (const r of (await knex('participants').select('id', 'code', 'status')) as Row[]) {
    participants.set(String(r.code).toUpperCase(), { id: Number(r.id), status: String(r.status) });
  }
  const teachers = new Map<string, number[]>();
  for (const r of (await knex('teachers').select('id', 'first_names', 'last_names')) as Row[]) {
    const first = String(r.first_names);
    const last = String(r.last_names);
    for (const k of new Set([fold(`${first} ${last}`), fold(`${last} ${first}`)])) {
      teachers.set(k, [...(teachers.get(k) ?? []), Number(r.id)]);
    }
  }
  const ensembles = ((await knex('ensembles').select('id', 'name', 'establishment_id')) as Row[]).map((r) => ({
    id: Number(r.id),
    key: fold(String(r.name)),
    establishmentId: Number(r.establishment_id),
  }));
  return { participants, teachers, ensembles };
}

/** The id the typed custodian names, or null when it names none or more than one. */
function linkOf(m: Matcher, type: string, name: string, establishmentId: number | null): number | null {
  if (type === 'participante') {
    const code = /\(([^()]+)\)\s*$/.exec(name)?.[1]?.trim().toUpperCase();
    return code ? (m.participants.get(code)?.id ?? null) : null;
  }
  const key = fold(name);
  if (type === 'docente') {
    const ids = m.teachers.get(key) ?? [];
    return ids.length === 1 ? ids[0]! : null;
  }
  if (type === 'elenco') {
    const named = m.ensembles.filter((e) => e.key === key);
    const here = named.filter((e) => e.establishmentId === establishmentId);
    if (here.length === 1) return here[0]!.id;
    return here.length === 0 && named.length === 1 ? named[0]!.id : null;
  }
  return null;
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('staff_members', (t) => {
    t.increments('id').primary();
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('full_name', 160).notNullable();
    /** Lower case without accents: what the search looks in and the list sorts by. */
    t.string('name_key', 160).notNullable();
    t.string('role', 80).notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
    t.index(['establishment_id', 'active']);
  });

  await knex.schema.alterTable('establishments', (t) => {
    t.integer('loan_days').nullable();
  });

  await knex.schema.alterTable('instruments', (t) => {
    t.integer('custodian_id').nullable();
    t.string('custody_since', 10).nullable();
    t.string('custody_due', 10).nullable();
    t.index(['custody_due']);
    t.index(['custodian_type', 'custodian_id']);
  });

  await knex.schema.alterTable('instrument_movements', (t) => {
    t.integer('custodian_id').nullable();
    t.string('due_date', 10).nullable();
    t.index(['custodian_type', 'custodian_id']);
  });
  await linkableLedger(knex);

  await knex.schema.createTable('instrument_recoveries', (t) => {
    t.increments('id').primary();
    t.integer('instrument_id').notNullable().references('id').inTable('instruments').onDelete('RESTRICT');
    t.integer('participant_id').notNullable().references('id').inTable('participants').onDelete('RESTRICT');
    /** Where the instrument was when the item opened (the scope of who sees it). */
    t.integer('establishment_id').nullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('reason', 20).notNullable(); // traslado | egreso | retiro
    t.string('opened_on', 10).notNullable();
    t.string('closed_on', 10).nullable();
    t.string('closed_by', 20).nullable(); // devolucion | traslado | extravio | regularizacion
    /** The ledger movement that closed it (its seq on the instrument). */
    t.integer('closing_seq').nullable();
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('closed_at', 30).nullable();
    t.string('closed_by_user', 200).nullable();
    t.index(['closed_on', 'establishment_id']);
    t.index(['instrument_id']);
    t.index(['participant_id']);
  });

  await knex.schema.createTable('custodian_reviews', (t) => {
    t.increments('id').primary();
    t.integer('instrument_id').notNullable().references('id').inTable('instruments').onDelete('RESTRICT');
    t.string('custodian_type', 20).notNullable();
    /** The custodian as it was typed, kept as it is. */
    t.string('original_text', 160).notNullable();
    t.string('status', 20).notNullable(); // pendiente | vinculado | descartado
    t.integer('custodian_id').nullable();
    t.string('created_at', 30).notNullable();
    t.string('resolved_at', 30).nullable();
    t.string('resolved_by', 200).nullable();
    t.index(['status']);
    t.index(['instrument_id']);
  });

  await carryOver(knex);
}

const LEDGER = 'instrument_movements';
const REFUSAL = `${LEDGER} is append-only`;

/**
 * The ledger stays append-only, with one exception: a movement's custodian_id may be set
 * once, from none to a record — the carry-over below and a clerk's link of a custodian
 * carried over as text (custody.link) name who the typed name was; nothing recorded
 * changes. Every other column, and an id once set, is refused as before (SQLite: the
 * triggers of 0002; PostgreSQL: the trigger of 0007, on the columns as they are now).
 */
async function linkableLedger(knex: Knex): Promise<void> {
  const columns = Object.keys(await knex(LEDGER).columnInfo())
    .filter((c) => c !== 'custodian_id')
    .sort()
    .map((c) => `"${c}"`)
    .join(', ');
  if (knex.client.config.client === 'pg') {
    await knex.raw(`DROP TRIGGER IF EXISTS ${LEDGER}_append_only ON ${LEDGER}`);
    await knex.raw(
      `CREATE TRIGGER ${LEDGER}_append_only BEFORE DELETE OR UPDATE OF ${columns} ON ${LEDGER} FOR EACH ROW EXECUTE FUNCTION arteinpe_append_only()`,
    );
    await knex.raw(
      `CREATE TRIGGER ${LEDGER}_link_once BEFORE UPDATE OF custodian_id ON ${LEDGER} FOR EACH ROW
       WHEN (OLD.custodian_id IS NOT NULL AND NEW.custodian_id IS DISTINCT FROM OLD.custodian_id) EXECUTE FUNCTION arteinpe_append_only()`,
    );
    return;
  }
  await knex.raw(`DROP TRIGGER IF EXISTS ${LEDGER}_no_update`);
  await knex.raw(
    `CREATE TRIGGER ${LEDGER}_no_update BEFORE UPDATE OF ${columns} ON ${LEDGER} BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
  );
  await knex.raw(
    `CREATE TRIGGER ${LEDGER}_link_once BEFORE UPDATE OF custodian_id ON ${LEDGER}
     WHEN OLD.custodian_id IS NOT NULL AND NEW.custodian_id IS NOT OLD.custodian_id BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
  );
}

/** The ledger's triggers as they were before this migration (every update refused). */
async function appendOnlyLedger(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`DROP TRIGGER IF EXISTS ${LEDGER}_link_once ON ${LEDGER}`);
    await knex.raw(`DROP TRIGGER IF EXISTS ${LEDGER}_append_only ON ${LEDGER}`);
    await knex.raw(
      `CREATE TRIGGER ${LEDGER}_append_only BEFORE UPDATE OR DELETE ON ${LEDGER} FOR EACH ROW EXECUTE FUNCTION arteinpe_append_only()`,
    );
    return;
  }
  await knex.raw(`DROP TRIGGER IF EXISTS ${LEDGER}_link_once`);
  await knex.raw(`DROP TRIGGER IF EXISTS ${LEDGER}_no_update`);
  await knex.raw(`CREATE TRIGGER ${LEDGER}_no_update BEFORE UPDATE ON ${LEDGER} BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`);
  await knex.raw(
    `CREATE TRIGGER IF NOT EXISTS ${LEDGER}_no_delete BEFORE DELETE ON ${LEDGER} BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
  );
}

async function carryOver(knex: Knex): Promise<void> {
  const now = new Date().toISOString();
  const m = await matcher(knex);

  // The ledger: each hand-over and return that names a custodian gets its id where it can.
  const moves = (await knex('instrument_movements')
    .whereNotNull('custodian_name')
    .whereNotNull('custodian_type')
    .select('id', 'custodian_type', 'custodian_name', 'establishment_after_id')) as Row[];
  const byLink = new Map<number, number[]>();
  for (const r of moves) {
    const id = linkOf(
      m,
      String(r.custodian_type),
      String(r.custodian_name),
      r.establishment_after_id == null ? null : Number(r.establishment_after_id),
    );
    if (id !== null) byLink.set(id, [...(byLink.get(id) ?? []), Number(r.id)]);
  }
  for (const [custodianId, ids] of byLink) {
    for (let i = 0; i < ids.length; i += 500) {
      await knex('instrument_movements')
        .whereIn('id', ids.slice(i, i + 500))
        .update({ custodian_id: custodianId });
    }
  }

  // The instruments held today: linked, with the date of their hand-over; or left for review.
  const held = (await knex('instruments')
    .whereNotNull('custodian_type')
    .whereNotNull('custodian_name')
    .select('id', 'custodian_type', 'custodian_name', 'establishment_id')) as Row[];
  const reviews: Row[] = [];
  const recoveries: Row[] = [];
  for (const r of held) {
    const instrumentId = Number(r.id);
    const type = String(r.custodian_type);
    const name = String(r.custodian_name);
    const establishmentId = r.establishment_id == null ? null : Number(r.establishment_id);
    const since = (await knex('instrument_movements')
      .where({ instrument_id: instrumentId, kind: 'entrega' })
      .orderBy('seq', 'desc')
      .first('date')) as Row | undefined;
    const custodianId = linkOf(m, type, name, establishmentId);
    await knex('instruments')
      .where({ id: instrumentId })
      .update({ custodian_id: custodianId, custody_since: since ? String(since.date) : null });
    if (custodianId === null) {
      reviews.push({ instrument_id: instrumentId, custodian_type: type, original_text: name, status: 'pendiente', created_at: now });
      continue;
    }
    if (type !== 'participante') continue;
    // A participant who already left holds it: the recovery the custody change never opened.
    const person = (await knex('participants').where({ id: custodianId }).first('status', 'establishment_id')) as Row;
    const left = String(person.status) !== 'activo' || Number(person.establishment_id) !== establishmentId;
    if (!left) continue;
    const last = (await knex('participant_movements')
      .where({ participant_id: custodianId })
      .whereIn('kind', ['traslado', 'egreso', 'retiro'])
      .orderBy('id', 'desc')
      .first('kind', 'date')) as Row | undefined;
    recoveries.push({
      instrument_id: instrumentId,
      participant_id: custodianId,
      establishment_id: establishmentId,
      reason: last ? String(last.kind) : 'traslado',
      opened_on: last ? String(last.date) : now.slice(0, 10),
      created_at: now,
      created_by: 'Migración 20261203_0010',
    });
  }
  for (let i = 0; i < reviews.length; i += 200) await knex('custodian_reviews').insert(reviews.slice(i, i + 200));
  for (let i = 0; i < recoveries.length; i += 200) await knex('instrument_recoveries').insert(recoveries.slice(i, i + 200));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('custodian_reviews');
  await knex.schema.dropTable('instrument_recoveries');
  await appendOnlyLedger(knex);
  await knex.schema.alterTable('instrument_movements', (t) => {
    t.dropIndex(['custodian_type', 'custodian_id']);
    t.dropColumn('custodian_id');
    t.dropColumn('due_date');
  });
  // SQLite drops a column by rebuilding the table, without its triggers: made again.
  await appendOnlyLedger(knex);
  await knex.schema.alterTable('instruments', (t) => {
    t.dropIndex(['custody_due']);
    t.dropIndex(['custodian_type', 'custodian_id']);
    t.dropColumn('custodian_id');
    t.dropColumn('custody_since');
    t.dropColumn('custody_due');
  });
  await knex.schema.alterTable('establishments', (t) => {
    t.dropColumn('loan_days');
  });
  await knex.schema.dropTable('staff_members');
}
