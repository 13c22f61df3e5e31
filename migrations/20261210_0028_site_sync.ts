import type { Knex } from 'knex';

/**
 * Offline prison sites (issue 20, docs/SITES.md decisions 4 and 5): global ids and change capture.
 *
 * - Every travelling table whose rows have an id of their own gets `gid` (text, UUID v7, unique),
 *   filled for the rows already there and set by the database for every new row: on PostgreSQL the
 *   column's DEFAULT `arteinpe_uuid_v7()`; on SQLite (no volatile DEFAULT on an added column) the
 *   table's AFTER INSERT trigger, when the insert gave none. A gid never changes (refused).
 * - Attachments are known by their SHA-256; links and marks with a natural composite key
 *   (attendance = session + participant…) by their two parents' keys, with no gid of their own.
 * - `site_changes`: every insert, update and delete of a travelling row, written by triggers in the
 *   same transaction as the write: the table, the row's key (`gid`, and `gid2` for a composite
 *   key), I/U/D, when, and who (the actor runAuditedWrite names for the transaction; none for the
 *   writes of no user, such as counting a sign-in attempt).
 * - Capture starts when the first site is enrolled (`site_capture.capture`, false until then: no
 *   one to send a change to, and the enrolment package is a picture of the data). It is paused
 *   for one transaction (a received package being applied): SQLite, the one-row `site_capture`
 *   (`paused`, and the transaction's actor); PostgreSQL, the transaction-local settings
 *   `arteinpe.capture`, `arteinpe.user_id`, `arteinpe.user_name`.
 *   PostgreSQL captures with statement triggers over the transition tables (one function, as
 *   migration 0025 does for the roll-ups), SQLite with row triggers.
 *
 * The append-only ledgers refused every UPDATE on SQLite; they now refuse an UPDATE of any column
 * but gid (so that their insert trigger can set it). Frozen once landed: the lists below are this
 * migration's own copy of electron/main/sites/travelling.ts.
 */

const GID_TABLES = [
  'establishments',
  'instrument_types',
  'users',
  'teachers',
  'teacher_authorisations',
  'instruments',
  'consumable_items',
  'participants',
  'workshops',
  'ensembles',
  'instrument_photos',
  'instrument_movements',
  'stocktakes',
  'stocktake_counts',
  'consumable_movements',
  'participant_movements',
  'enrolments',
  'enrolment_stages',
  'workshop_sessions',
  'events',
  'event_photos',
  'artworks',
  'artwork_photos',
  'artwork_consents',
  'artwork_custody',
  'artwork_condition_reports',
];

/** Table, then its two parents: [column, parent table]; attachments are known by their hash. */
const LINK_TABLES: Array<[string, [string, string], [string, string]]> = [
  ['user_establishments', ['user_id', 'users'], ['establishment_id', 'establishments']],
  ['consumable_minimums', ['item_id', 'consumable_items'], ['establishment_id', 'establishments']],
  ['workshop_teachers', ['workshop_id', 'workshops'], ['teacher_id', 'teachers']],
  ['attendance', ['session_id', 'workshop_sessions'], ['participant_id', 'participants']],
  ['event_ensembles', ['event_id', 'events'], ['ensemble_id', 'ensembles']],
  ['artwork_condition_photos', ['report_id', 'artwork_condition_reports'], ['attachment_hash', 'attachments']],
];

const HASH_TABLES = ['attachments'];

const ALL_TABLES = [...GID_TABLES, ...LINK_TABLES.map(([t]) => t), ...HASH_TABLES];

/** A parent's key as SQL, for the row named `row` (NEW, OLD, or r on PostgreSQL). */
const parentKey = (row: string, [column, parent]: [string, string]) =>
  parent === 'attachments' ? `${row}.${column}` : `(SELECT p.gid FROM ${parent} p WHERE p.id = ${row}.${column})`;

/** The two key expressions of a table's row. */
function keysOf(table: string, row: string): [string, string] {
  if (GID_TABLES.includes(table)) return [`${row}.gid`, 'NULL'];
  if (HASH_TABLES.includes(table)) return [`${row}.hash`, 'NULL'];
  const [, a, b] = LINK_TABLES.find(([t]) => t === table)!;
  return [parentKey(row, a), parentKey(row, b)];
}

// ---------------------------------------------------------------- SQLite

const SQLITE_MS = `printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER))`;
/** UUID v7: 48 bits of Unix milliseconds, version 7, 12 random bits, variant 10, 62 random bits. */
const SQLITE_UUID7 = `substr(${SQLITE_MS}, 1, 8) || '-' || substr(${SQLITE_MS}, 9, 4) || '-7' ||
  substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + (random() & 3), 1) ||
  substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))`;
const SQLITE_NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

function sqliteLog(table: string, op: 'I' | 'U' | 'D', keys: [string, string]): string {
  return `INSERT INTO site_changes (table_name, gid, gid2, op, at, user_id, user_name)
      SELECT '${table}', k.a, k.b, '${op}', ${SQLITE_NOW}, c.user_id, c.user_name
      FROM site_capture c, (SELECT ${keys[0]} AS a, ${keys[1]} AS b) k
      WHERE c.id = 1 AND c.capture = 1 AND c.paused = 0 AND k.a IS NOT NULL;`;
}

function sqliteTriggers(table: string): string[] {
  if (GID_TABLES.includes(table)) {
    return [
      `CREATE TRIGGER ${table}_site_insert AFTER INSERT ON ${table} BEGIN
        UPDATE ${table} SET gid = ${SQLITE_UUID7} WHERE rowid = NEW.rowid AND NEW.gid IS NULL;
        ${sqliteLog(table, 'I', [`(SELECT x.gid FROM ${table} x WHERE x.rowid = NEW.rowid)`, 'NULL'])}
      END`,
      `CREATE TRIGGER ${table}_site_update AFTER UPDATE ON ${table} WHEN OLD.gid IS NOT NULL BEGIN
        ${sqliteLog(table, 'U', keysOf(table, 'NEW'))}
      END`,
      `CREATE TRIGGER ${table}_site_delete AFTER DELETE ON ${table} BEGIN
        ${sqliteLog(table, 'D', keysOf(table, 'OLD'))}
      END`,
      `CREATE TRIGGER ${table}_gid_fixed BEFORE UPDATE OF gid ON ${table}
        WHEN OLD.gid IS NOT NULL AND NEW.gid IS NOT OLD.gid BEGIN
        SELECT RAISE(ABORT, '${table}.gid never changes');
      END`,
    ];
  }
  return [
    `CREATE TRIGGER ${table}_site_insert AFTER INSERT ON ${table} BEGIN ${sqliteLog(table, 'I', keysOf(table, 'NEW'))} END`,
    `CREATE TRIGGER ${table}_site_update AFTER UPDATE ON ${table} BEGIN ${sqliteLog(table, 'U', keysOf(table, 'NEW'))} END`,
    `CREATE TRIGGER ${table}_site_delete AFTER DELETE ON ${table} BEGIN ${sqliteLog(table, 'D', keysOf(table, 'OLD'))} END`,
  ];
}

const SQLITE_TRIGGER_NAMES = (table: string) =>
  [`${table}_site_insert`, `${table}_site_update`, `${table}_site_delete`].concat(GID_TABLES.includes(table) ? [`${table}_gid_fixed`] : []);

const wholeUpdate = (table: string) => `BEFORE UPDATE ON ${table} BEGIN`;

/** The append-only ledgers' "no update" triggers, made to let the gid column be set. */
async function sqliteLedgersAllowGid(knex: Knex, columnsOf: Map<string, string[]>): Promise<void> {
  for (const table of GID_TABLES) {
    const rows = (await knex('sqlite_master')
      .where({ type: 'trigger', name: `${table}_no_update` })
      .select('sql')) as Array<{
      sql: string;
    }>;
    const sql = rows[0]?.sql;
    if (!sql || !sql.includes(wholeUpdate(table))) continue;
    const columns = columnsOf.get(table)!.map((c) => `"${c}"`);
    await knex.raw(`DROP TRIGGER ${table}_no_update`);
    await knex.raw(sql.replace(wholeUpdate(table), `BEFORE UPDATE OF ${columns.join(', ')} ON ${table} BEGIN`));
  }
}

async function sqliteUp(knex: Knex): Promise<void> {
  await knex.schema.alterTable('site_capture', (t) => {
    t.integer('paused').notNullable().defaultTo(0);
    t.string('user_id', 40).nullable();
    t.string('user_name', 200).nullable();
  });
  const columnsOf = new Map<string, string[]>();
  for (const table of GID_TABLES) {
    const info = (await knex.raw(`SELECT name FROM pragma_table_info('${table}')`)) as Array<{ name: string }>;
    columnsOf.set(
      table,
      info.map((c) => c.name),
    );
  }
  await sqliteLedgersAllowGid(knex, columnsOf);
  for (const table of GID_TABLES) {
    await knex.raw(`ALTER TABLE ${table} ADD COLUMN gid varchar(36) NULL`);
    await knex.raw(`UPDATE ${table} SET gid = ${SQLITE_UUID7}`);
    await knex.raw(`CREATE UNIQUE INDEX ${table}_gid_unique ON ${table} (gid)`);
  }
  for (const table of ALL_TABLES) for (const sql of sqliteTriggers(table)) await knex.raw(sql);
}

async function sqliteDown(knex: Knex): Promise<void> {
  for (const table of ALL_TABLES) for (const name of SQLITE_TRIGGER_NAMES(table)) await knex.raw(`DROP TRIGGER ${name}`);
  for (const table of GID_TABLES) {
    await knex.raw(`DROP INDEX ${table}_gid_unique`);
    const rows = (await knex('sqlite_master')
      .where({ type: 'trigger', name: `${table}_no_update` })
      .select('sql')) as Array<{
      sql: string;
    }>;
    const info = (await knex.raw(`SELECT name FROM pragma_table_info('${table}')`)) as Array<{ name: string }>;
    const columns = info.map((c) => `"${c.name}"`).filter((c) => c !== '"gid"');
    // Only the triggers up() narrowed (every column but gid) go back to refusing every update.
    const narrowed = `BEFORE UPDATE OF ${columns.join(', ')} ON ${table} BEGIN`;
    const sql = rows[0]?.sql;
    if (sql && sql.includes(narrowed)) {
      await knex.raw(`DROP TRIGGER ${table}_no_update`);
      await knex.raw(sql.replace(narrowed, wholeUpdate(table)));
    }
    await knex.raw(`ALTER TABLE ${table} DROP COLUMN gid`);
  }
}

// ---------------------------------------------------------------- PostgreSQL

const PG_FUNCTIONS = `
CREATE FUNCTION arteinpe_uuid_v7() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ms text := lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0');
  r text := replace(gen_random_uuid()::text, '-', '');
BEGIN
  -- The random parts of a v4 UUID (its variant nibble is already 8, 9, a or b).
  RETURN substr(ms, 1, 8) || '-' || substr(ms, 9, 4) || '-7' || substr(r, 1, 3) || '-' || substr(r, 17, 4) || '-' || substr(r, 21, 12);
END $$;
CREATE FUNCTION arteinpe_site_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
BEGIN
  IF TG_OP = 'UPDATE' AND TG_ARGV[0] = 'gid' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.gid IS DISTINCT FROM o.gid) THEN
      RAISE EXCEPTION '%.gid never changes', TG_TABLE_NAME;
    END IF;
  END IF;
  IF coalesce(current_setting('arteinpe.capture', true), '') = 'off'
    OR NOT coalesce((SELECT capture FROM site_capture WHERE id = 1), false) THEN
    RETURN NULL;
  END IF;
  EXECUTE format(
    'INSERT INTO site_changes (table_name, gid, gid2, op, at, user_id, user_name)
       SELECT %L, k.a, k.b, %L, %L, %L, %L FROM (SELECT %s AS a, %s AS b FROM %I r) k WHERE k.a IS NOT NULL',
    TG_TABLE_NAME, left(TG_OP, 1),
    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    nullif(current_setting('arteinpe.user_id', true), ''), nullif(current_setting('arteinpe.user_name', true), ''),
    TG_ARGV[1], TG_ARGV[2], source);
  RETURN NULL;
END $$;
`;

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

function pgTriggers(table: string): string[] {
  const kind = GID_TABLES.includes(table) ? 'gid' : HASH_TABLES.includes(table) ? 'hash' : 'link';
  const [a, b] = keysOf(table, 'r');
  const args = `${quoted(kind)}, ${quoted(a)}, ${quoted(b)}`;
  return [
    `CREATE TRIGGER ${table}_site_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION arteinpe_site_capture(${args})`,
    `CREATE TRIGGER ${table}_site_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION arteinpe_site_capture(${args})`,
    `CREATE TRIGGER ${table}_site_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION arteinpe_site_capture(${args})`,
  ];
}

async function pgUp(knex: Knex): Promise<void> {
  await knex.raw(PG_FUNCTIONS);
  for (const table of GID_TABLES) {
    // A volatile DEFAULT is computed for each row already there as the column is added.
    await knex.raw(`ALTER TABLE ${table} ADD COLUMN gid varchar(36) NOT NULL DEFAULT arteinpe_uuid_v7()`);
    await knex.raw(`CREATE UNIQUE INDEX ${table}_gid_unique ON ${table} (gid)`);
  }
  for (const table of ALL_TABLES) for (const sql of pgTriggers(table)) await knex.raw(sql);
}

async function pgDown(knex: Knex): Promise<void> {
  for (const table of ALL_TABLES)
    for (const name of [`${table}_site_insert`, `${table}_site_update`, `${table}_site_delete`])
      await knex.raw(`DROP TRIGGER ${name} ON ${table}`);
  for (const table of GID_TABLES) await knex.raw(`ALTER TABLE ${table} DROP COLUMN gid`);
  await knex.raw('DROP FUNCTION arteinpe_site_capture()');
  await knex.raw('DROP FUNCTION arteinpe_uuid_v7()');
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('site_changes', (t) => {
    t.increments('id'); // the change's number, in order (named id, as every sequence the copy to a server moves on)
    t.string('table_name', 60).notNullable();
    t.string('gid', 64).notNullable();
    t.string('gid2', 64).nullable();
    t.string('op', 1).notNullable();
    t.string('at', 30).notNullable();
    t.string('user_id', 40).nullable();
    t.string('user_name', 200).nullable();
  });
  // Capture starts when the first site is enrolled (sites/capture.ts startCapture): until then
  // there is nobody to send a change to, and the enrolment package is a picture of the data.
  await knex.schema.createTable('site_capture', (t) => {
    t.integer('id').primary();
    t.boolean('capture').notNullable();
  });
  await knex('site_capture').insert({ id: 1, capture: false });
  if (knex.client.config.client === 'pg') await pgUp(knex);
  else await sqliteUp(knex);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') await pgDown(knex);
  else await sqliteDown(knex);
  await knex.schema.dropTable('site_capture');
  await knex.schema.dropTable('site_changes');
}
