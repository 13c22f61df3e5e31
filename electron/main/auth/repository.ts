import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { roles, rolePermissions, type Role } from '../../../shared/auth/permissions';
import type { SessionUser } from '../../../shared/auth/schemas';
import type { User, UserListQuery } from '../../../shared/users/schemas';
import { normalizeText } from '../../../shared/format';
import { isPostgres, rawRows } from '../db/dialect';
import { type Row, str, toBool, stampedOf, numOr0 } from '../db/rows';
import { joinEstablishment } from '../establishments/repository';
import { firstVersion, insertId, updateVersion } from '../db/writes';
import { siteScope } from '../sites/installation';

export interface UserRow {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  active: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

const toRow = (r: Row): UserRow => ({
  id: Number(r.id),
  username: String(r.username),
  fullName: String(r.full_name),
  role: (roles as readonly string[]).includes(String(r.role)) ? (r.role as Role) : 'consulta',
  passwordHash: String(r.password_hash),
  mustChangePassword: toBool(r.must_change_password),
  active: toBool(r.active),
  failedAttempts: Number(r.failed_attempts),
  lockedUntil: str(r.locked_until),
  lastSignInAt: str(r.last_sign_in_at),
  createdAt: String(r.created_at),
  ...stampedOf(r),
});

export async function countUsers(db: Knex): Promise<number> {
  const [row] = (await db('users').count({ n: '*' })) as Array<{ n: number | string }>;
  return numOr0(row?.n);
}

export async function userById(db: Knex, id: number): Promise<UserRow | null> {
  const r = (await db('users').where({ id }).first()) as Row | undefined;
  return r ? toRow(r) : null;
}

export async function userByUsername(db: Knex, username: string): Promise<UserRow | null> {
  const r = (await db('users').where({ username: username.trim().toLowerCase() }).first()) as Row | undefined;
  return r ? toRow(r) : null;
}

export async function establishmentIdsOf(db: Knex, userId: number): Promise<number[]> {
  return (
    (await db('user_establishments').where({ user_id: userId }).orderBy('establishment_id').pluck('establishment_id')) as unknown[]
  ).map(Number);
}

/**
 * The signed-in user as a session keeps it. At a prison site (issue 20) every account works with
 * that establishment only, whatever its links say: a site holds its own prison's data.
 */
export async function sessionUserOf(db: Knex, row: UserRow): Promise<SessionUser> {
  const site = await siteScope(db);
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    role: row.role,
    establishmentIds: site === null ? await establishmentIdsOf(db, row.id) : [site],
    permissions: [...rolePermissions[row.role]],
    mustChangePassword: row.mustChangePassword,
    atSite: site !== null,
  };
}

/** A user as the administrator's list shows it (never the hash). */
export async function getUser(db: Knex, id: number): Promise<User | null> {
  const row = await userById(db, id);
  return row ? (await toUsers(db, [row]))[0]! : null;
}

async function toUsers(db: Knex, rows: UserRow[]): Promise<User[]> {
  const links = (await joinEstablishment(db('user_establishments as ue'), 'e', 'ue.establishment_id')
    .whereIn(
      'ue.user_id',
      rows.map((r) => r.id),
    )
    .orderBy('e.name_key')
    .select('ue.user_id', 'e.id', 'e.name')) as Row[];
  return rows.map((r) => {
    const mine = links.filter((l) => Number(l.user_id) === r.id);
    return {
      id: r.id,
      username: r.username,
      fullName: r.fullName,
      role: r.role,
      establishmentIds: mine.map((l) => Number(l.id)),
      establishmentNames: mine.map((l) => String(l.name)),
      active: r.active,
      mustChangePassword: r.mustChangePassword,
      failedAttempts: r.failedAttempts,
      lockedUntil: r.lockedUntil,
      lastSignInAt: r.lastSignInAt,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
    };
  });
}

export async function listUsers(db: Knex, q: UserListQuery): Promise<User[]> {
  const query = db('users').orderBy('full_name');
  if (q.role) query.where({ role: q.role });
  if ((q.status ?? 'all') !== 'all') query.where({ active: q.status === 'active' });
  let rows = ((await query.select('*')) as Row[]).map(toRow);
  const words = normalizeText(q.search ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length > 0) rows = rows.filter((r) => words.every((w) => normalizeText(`${r.username} ${r.fullName}`).includes(w)));
  return toUsers(db, rows);
}

export async function insertUser(
  db: Knex,
  v: { username: string; fullName: string; role: Role; passwordHash: string; mustChangePassword: boolean },
  actor: Actor,
  now: string,
): Promise<number> {
  return insertId(db('users'), {
    username: v.username,
    full_name: v.fullName,
    role: v.role,
    password_hash: v.passwordHash,
    must_change_password: v.mustChangePassword,
    active: true,
    failed_attempts: 0,
    ...firstVersion(actor, now),
  });
}

export async function setEstablishments(db: Knex, userId: number, ids: number[]): Promise<void> {
  await db('user_establishments').where({ user_id: userId }).delete();
  const unique = [...new Set(ids)];
  if (unique.length > 0) await db('user_establishments').insert(unique.map((id) => ({ user_id: userId, establishment_id: id })));
}

/** Updates a user at a known version; false when someone changed it meanwhile. */
export async function updateUser(db: Knex, id: number, version: number, values: Row, actor: Actor, now: string): Promise<boolean> {
  const n = await updateVersion(db('users'), id, version, values, actor, now);
  return n === 1;
}

/** Sign-in bookkeeping (failed attempts, lock, last sign-in): not an edit of the account, so no new version. */
export async function recordSignIn(db: Knex, id: number, values: Row): Promise<void> {
  await db('users').where({ id }).update(values);
}

/**
 * A stronger hash of the same password, written at sign-in: only over the hash that was
 * verified (an administrator's reset meanwhile wins). Not an edit of the account, so no new version.
 */
export async function upgradePasswordHash(db: Knex, id: number, verified: string, stronger: string): Promise<void> {
  await db('users').where({ id, password_hash: verified }).update({ password_hash: stronger });
}

/**
 * Counts a sign-in attempt BEFORE its password is checked, in one statement (atomic on
 * SQLite and on PostgreSQL, where concurrent attempts on the same row queue on its lock):
 * an account that is locked is not counted and answers `admitted: false`; the attempt that
 * reaches `max` locks the account until `lockUntil` (and starts the count again). Many
 * attempts at once therefore get at most `max` password checks per lock period.
 */
export async function countAttempt(
  db: Knex,
  id: number,
  v: { now: string; lockUntil: string; max: number },
): Promise<{ admitted: false } | { admitted: true; failures: number; lockedUntil: string | null }> {
  return db.transaction(async (trx) => {
    const n = await trx('users')
      .where({ id })
      .where((b) => b.whereNull('locked_until').orWhere('locked_until', '<=', v.now))
      .update({
        failed_attempts: trx.raw('CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END', [v.max]),
        locked_until: trx.raw('CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE NULL END', [v.max, v.lockUntil]),
      });
    if (n !== 1) return { admitted: false as const };
    // Our own write, read inside the same transaction (PostgreSQL keeps the row locked until commit).
    const row = (await trx('users').where({ id }).first('failed_attempts', 'locked_until')) as Row;
    const lockedUntil = str(row.locked_until);
    return { admitted: true as const, failures: lockedUntil ? v.max : Number(row.failed_attempts), lockedUntil };
  });
}

/**
 * What the dispatcher re-reads on every call of a signed-in session (one read by primary
 * key): the account's version (every edit of role, establishments, password or active
 * flag increments it) and whether it is active; null when the account is gone.
 */
export async function accountStamp(db: Knex, id: number): Promise<{ version: number; active: boolean } | null> {
  // Written as SQL: the read every call pays for skips the query builder's compilation.
  const [r] = rawRows(db, await db.raw('SELECT "version", "active" FROM "users" WHERE "id" = ?', [id]));
  return r ? { version: Number(r.version), active: toBool(r.active) } : null;
}

/**
 * First run: the administrator's account, inserted only while no account exists — one
 * guarded INSERT … SELECT … WHERE NOT EXISTS. On PostgreSQL (several PCs may run the first
 * run at once) the users table is locked for the transaction first, so that the second
 * PC's insert sees the first one's account; SQLite runs one write at a time anyway.
 * Answers the new id, or null when an account already existed. Inside the caller's transaction.
 */
export async function insertFirstAdministrator(
  trx: Knex,
  v: { username: string; fullName: string; passwordHash: string },
  actor: Actor,
  now: string,
): Promise<number | null> {
  if (isPostgres(trx)) await trx.raw('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
  const values: Record<string, string | number | boolean> = {
    username: v.username,
    full_name: v.fullName,
    role: 'administrador',
    password_hash: v.passwordHash,
    must_change_password: false,
    active: true,
    failed_attempts: 0,
    last_sign_in_at: now,
    ...firstVersion(actor, now),
  };
  const columns = Object.keys(values);
  // Typed placeholders: PostgreSQL does not infer a parameter's type from the target column in INSERT … SELECT.
  const typeOf = (x: unknown) => (typeof x === 'boolean' ? 'boolean' : typeof x === 'number' ? 'integer' : 'text');
  const placeholders = Object.values(values).map((x) => `CAST(? AS ${typeOf(x)})`);
  const bindings = Object.values(values).map((x) => (typeof x === 'boolean' && !isPostgres(trx) ? Number(x) : x));
  const result = (await trx.raw(
    `INSERT INTO users (${columns.map(() => '??').join(', ')}) SELECT ${placeholders.join(', ')} WHERE NOT EXISTS (SELECT 1 FROM users) RETURNING id`,
    [...columns, ...bindings],
  )) as { rows: Row[] } | Row[];
  const rows = Array.isArray(result) ? result : result.rows;
  return rows.length === 1 ? Number(rows[0]!.id) : null;
}

export async function activeAdministrators(db: Knex): Promise<number> {
  const [row] = (await db('users').where({ role: 'administrador', active: true }).count({ n: '*' })) as Array<{ n: number | string }>;
  return numOr0(row?.n);
}
