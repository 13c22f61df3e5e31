import type { Knex } from 'knex';

/**
 * The global search (issue 16, item 2: Ctrl+K) answers within 30 ms over the national
 * registers. Their normalized search keys (lower case, no accents, written by each domain on
 * every save) are searched for any part of a word ("uispe" finds "Quispe"), which on SQLite
 * means reading every row; on the largest registers that is too slow. So on SQLite each of
 * them gets a trigram index of its key (FTS5, `tokenize='trigram'`, external content: the
 * index stores no copy of the text), kept by triggers in the same transaction as the write,
 * and filled here with what exists. The search (db/search.ts `whereIndexedWords`) asks the
 * index which rows may match, then checks the key itself, so answers are the same with or
 * without it. PostgreSQL keeps reading the keys (an office server is not this PC's disk).
 *
 * Frozen once landed.
 */
const indexed: Array<{ table: string; column: string }> = [
  { table: 'participants', column: 'search_text' },
  { table: 'instruments', column: 'search_text' },
  { table: 'contracts', column: 'search_text' },
  { table: 'teachers', column: 'search_text' },
  { table: 'workshops', column: 'name_key' },
];

const isSqlite = (knex: Knex) => (knex.client as { config: { client: unknown } }).config.client !== 'pg';

export async function up(knex: Knex): Promise<void> {
  if (!isSqlite(knex)) return;
  for (const { table, column } of indexed) {
    const fts = `${table}_search`;
    await knex.raw(`CREATE VIRTUAL TABLE ${fts} USING fts5(${column}, content='${table}', content_rowid='id', tokenize='trigram')`);
    await knex.raw(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`);
    await knex.raw(
      `CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${table} BEGIN
         INSERT INTO ${fts}(rowid, ${column}) VALUES (new.id, new.${column});
       END`,
    );
    await knex.raw(
      `CREATE TRIGGER ${fts}_ad AFTER DELETE ON ${table} BEGIN
         INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.id, old.${column});
       END`,
    );
    await knex.raw(
      `CREATE TRIGGER ${fts}_au AFTER UPDATE OF ${column} ON ${table} BEGIN
         INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.id, old.${column});
         INSERT INTO ${fts}(rowid, ${column}) VALUES (new.id, new.${column});
       END`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  if (!isSqlite(knex)) return;
  for (const { table } of indexed) {
    const fts = `${table}_search`;
    for (const t of ['ai', 'ad', 'au']) await knex.raw(`DROP TRIGGER IF EXISTS ${fts}_${t}`);
    await knex.raw(`DROP TABLE IF EXISTS ${fts}`);
  }
}
