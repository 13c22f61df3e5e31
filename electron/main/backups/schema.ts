import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { migrationSource, migrations } from '../../../migrations';
import { createKnex } from '../db/connection';
import { BackupCheckError, DATABASE_FILE } from './format';

/** The migrations a database says it ran: notOurs without knex's table, newer when one is unknown to this app. */
export async function appliedMigrations(db: Knex, what: string, version: string): Promise<string[]> {
  const known = new Set(migrations.map(([n]) => n));
  const applied = (await db('knex_migrations')
    .orderBy('id')
    .pluck('name')
    .catch(() => null)) as string[] | null;
  if (applied === null) throw new BackupCheckError('notOurs', what);
  if (applied.some((n) => typeof n !== 'string' || !known.has(n))) throw new BackupCheckError('newer', version);
  return applied;
}

// ── The schema a database must have ─────────────────────────────────────────────────────

interface SchemaLine {
  /** What it is, for the refusal's message: "tabla x", "disparador y". */
  id: string;
  line: string;
}

const schemaWords: Record<string, string> = { table: 'tabla', index: 'índice', trigger: 'disparador', view: 'vista' };

const normalSql = (sql: string | null) =>
  (sql ?? '')
    .replace(/["`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * A SQLite database's schema as sorted lines: each table's columns (name, type, NOT NULL,
 * primary key, as SQLite reports them, whatever SQL text made them), each index, and each
 * trigger and view with its SQL. Two databases made by the same migrations answer the
 * same lines.
 */
export async function schemaOf(db: Knex): Promise<SchemaLine[]> {
  const objects = (await db.raw(
    "SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY type, name",
  )) as Array<{ type: string; name: string; tbl: string; sql: string | null }>;
  const lines: SchemaLine[] = [];
  for (const o of objects) {
    const id = `${schemaWords[o.type] ?? o.type} ${o.name}`;
    if (o.type === 'table') {
      const virtual = /^\s*create\s+virtual/i.test(o.sql ?? '');
      lines.push({ id, line: `table ${o.name}${virtual ? ` ${normalSql(o.sql)}` : ''}` });
      const cols = (await db.raw('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)', [o.name])) as Array<{
        name: string;
        type: string;
        nn: number;
        pk: number;
      }>;
      for (const c of cols)
        lines.push({
          id,
          line: `table ${o.name} column ${c.name} ${String(c.type).toLowerCase()} ${c.nn ? 'not null' : 'null'} pk${c.pk}`,
        });
    } else if (o.type === 'index') {
      lines.push({ id, line: `index ${o.name} on ${o.tbl}` });
    } else {
      lines.push({ id, line: `${o.type} ${o.name} on ${o.tbl}: ${normalSql(o.sql)}` });
    }
  }
  return lines.sort((a, b) => a.line.localeCompare(b.line));
}

const expectedSchemas = new Map<string, Promise<SchemaLine[]>>();

/** The schema ArteINPE's migrations make when exactly `names` have run (a fresh database, made once per set). */
export function migrationsSchema(names: readonly string[]): Promise<SchemaLine[]> {
  const wanted = new Set(names);
  const key = [...wanted].sort().join('\n');
  let made = expectedSchemas.get(key);
  if (!made) {
    made = (async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-esquema-'));
      const db = createKnex(path.join(dir, 'esquema.sqlite'));
      try {
        const source: Knex.MigrationSource<string> = {
          ...migrationSource,
          getMigrations: async () => migrations.map(([n]) => n).filter((n) => wanted.has(n)),
        };
        await db.migrate.latest({ migrationSource: source });
        return await schemaOf(db);
      } finally {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    })();
    expectedSchemas.set(key, made);
    made.catch(() => expectedSchemas.delete(key));
  }
  return made;
}

/**
 * Refuses (foreign) a database whose schema is not exactly the one the app's migrations
 * make for the migrations it says it ran: an extra or changed table, column, index,
 * trigger or view (a trigger could rewrite the audit log or the data on every change).
 */
export async function refuseForeignSchema(db: Knex, what = DATABASE_FILE): Promise<void> {
  const applied = await appliedMigrations(db, what, '');
  const [actual, expected] = await Promise.all([schemaOf(db), migrationsSchema(applied)]);
  const want = new Set(expected.map((l) => l.line));
  const have = new Set(actual.map((l) => l.line));
  const wrong = actual.find((l) => !want.has(l.line)) ?? expected.find((l) => !have.has(l.line));
  if (wrong) throw new BackupCheckError('foreign', wrong.id);
}
