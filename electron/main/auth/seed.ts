import type { Knex } from 'knex';
import type { Role } from '../../../shared/auth/permissions';
import type { Session } from '../ipc/context';
import { signInSession } from './access';
import { hashPassword } from './passwords';
import * as repo from './repository';

/**
 * Accounts for tests, the bench and command-line tools: created straight in the database
 * (no audit entry, no first-run screen) and signed in on a session without typing the
 * password. Never used by the app's own channels.
 */
let cachedHash: { password: string; hash: Promise<string> } | null = null;
const hashOf = (password: string) => {
  if (cachedHash?.password !== password) cachedHash = { password, hash: hashPassword(password) };
  return cachedHash.hash;
};

export async function ensureUser(
  db: Knex,
  v: { username: string; fullName: string; role: Role; password: string; establishmentIds?: number[] },
): Promise<repo.UserRow> {
  const existing = await repo.userByUsername(db, v.username);
  if (existing) {
    if (v.establishmentIds !== undefined) await repo.setEstablishments(db, existing.id, v.establishmentIds);
    return existing;
  }
  const now = new Date().toISOString();
  const id = await repo.insertUser(
    db,
    { username: v.username, fullName: v.fullName, role: v.role, passwordHash: await hashOf(v.password), mustChangePassword: false },
    { id: 'sistema', name: 'Sistema' },
    now,
  );
  if (v.establishmentIds?.length) await repo.setEstablishments(db, id, v.establishmentIds);
  return (await repo.userById(db, id))!;
}

/** Signs a session in as an existing account, without its password. */
export async function signInAs(db: Knex, session: Session, username: string): Promise<void> {
  const row = await repo.userByUsername(db, username);
  if (!row) throw new Error(`no user ${username}`);
  signInSession(session, await repo.sessionUserOf(db, row), row.version);
}
