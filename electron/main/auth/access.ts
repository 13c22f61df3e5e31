import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Actor } from '../../../shared/app/schemas';
import { classify, mayCall, roleHas, type Permission } from '../../../shared/auth/permissions';
import { IDLE_LOCK_MINUTES, type SessionUser } from '../../../shared/auth/schemas';
import type { ChannelName } from '../../../shared/channels';
import { contract } from '../../../shared/contract';
import { markedValues } from '../../../shared/marks';
import { importTargets } from '../../../shared/import/schemas';
import { jobChannels } from '../../../shared/jobs/channels';
import { AppError } from '../ipc/errors';
import type { HandlerContext, Session, SessionAuth } from '../ipc/context';
import { accountStamp, sessionUserOf, userById } from './repository';

/**
 * Who is signed in to a Session, and the checks every channel call goes through in main
 * (ipc/dispatcher.ts): signed in → not locked → role may call the channel → the input
 * names only establishments the user may work with. Handlers reach the same facts through
 * the helpers at the end of this file (permissions such as personalData, the user's
 * establishments).
 */

export const IDLE_LOCK_MS = IDLE_LOCK_MINUTES * 60_000;

/** Who a write is attributed to while nobody is signed in (only the first-run administrator's creation). */
export const NOBODY: Actor = { id: 'sin-sesion', name: 'Sin sesión' };

export function newSessionAuth(clock: () => number = Date.now): SessionAuth {
  return { user: null, locked: false, lastActivity: clock(), clock, userVersion: 0, ended: null };
}

export const actorOf = (user: SessionUser): Actor => ({ id: user.username, name: user.fullName });

/** `version`: the account's version as read with `user` (repository UserRow.version). */
export function signInSession(session: Session, user: SessionUser, version: number): void {
  const auth = (session.auth ??= newSessionAuth());
  auth.user = user;
  auth.userVersion = version;
  auth.ended = null;
  auth.locked = false;
  auth.lastActivity = auth.clock();
  session.actor = actorOf(user);
  session.writtenFiles.clear();
}

export function signOutSession(session: Session): void {
  if (session.auth) {
    session.auth.user = null;
    session.auth.locked = false;
    session.auth.ended = null;
  }
  session.actor = NOBODY;
  session.writtenFiles.clear();
}

/**
 * Calls that do not count as the user doing something (the renderer's polling). auth.status
 * does count: the renderer asks it as a heartbeat while someone is using the keyboard or
 * the mouse (features/auth/AuthGate.tsx), and it touches the session itself (touchSession).
 */
const passiveChannels: ReadonlySet<string> = new Set(['app.info', 'jobs.status']);

/** The user did something: the idle clock starts again (unless the session is already locked). */
/** The signed-in user's id, for what belongs to each user (muted reminders, saved views); the dispatcher lets no other session through. */
export function signedInUserId(ctx: Pick<HandlerContext, 'session'>): number {
  const user = ctx.session.auth?.user;
  if (!user) throw new AppError('forbidden', 'errors.forbidden');
  return user.id;
}

export function touchSession(session: Session): void {
  const auth = session.auth;
  if (auth?.user && !checkIdle(session)) auth.lastActivity = auth.clock();
}

/** Closes the session when it has been idle too long; answers whether it is locked. */
export function checkIdle(session: Session): boolean {
  const auth = session.auth;
  if (!auth?.user) return false;
  if (!auth.locked && auth.clock() - auth.lastActivity > IDLE_LOCK_MS) auth.locked = true;
  return auth.locked;
}

const jobChannelSet: ReadonlySet<string> = new Set(jobChannels);

/**
 * The account step, first of all for a signed-in session: the role, the establishments and
 * the active flag are the database's, not those read at sign-in — on an office server an
 * administrator on another PC may have changed them. One read by primary key per call
 * (the account's version); only when the version moved is the account read again. A
 * deactivated (or deleted) account's session ends: a channel other than the public ones is
 * refused with the reason, and auth.status tells it to the sign-in screen.
 */
export async function refreshSessionUser(db: Knex, session: Session, channel: ChannelName): Promise<AppError | null> {
  const auth = session.auth;
  const user = auth?.user;
  if (!auth || !user) return null;
  // A running job's progress and its Cancel answer from memory: a long import holds SQLite's
  // one connection until it ends, and reading the account would make them wait for it. The
  // account is read again on the next call that reaches the data.
  if (jobChannelSet.has(channel)) return null;
  const stamp = await accountStamp(db, user.id);
  if (stamp?.active && stamp.version === auth.userVersion) return null;
  const row = stamp?.active ? await userById(db, user.id) : null;
  if (!row?.active) {
    signOutSession(session);
    auth.ended = 'deactivated';
    return classify(channel, contract[channel].kind)?.type === 'public' ? null : new AppError('unauthenticated', 'auth.errors.deactivated');
  }
  auth.user = await sessionUserOf(db, row);
  auth.userVersion = row.version;
  session.actor = actorOf(auth.user);
  return null;
}

/**
 * The session step, before the permission step: a channel other than the public ones
 * needs a signed-in, unlocked session whose password need not be changed first.
 */
export function sessionRefusal(session: Session, channel: ChannelName): AppError | null {
  const access = classify(channel, contract[channel].kind);
  if (access?.type === 'public') return null;
  const auth = session.auth;
  if (!auth?.user) return new AppError('unauthenticated', 'auth.errors.signedOut');
  const locked = checkIdle(session);
  if (access?.type === 'locked' || channel === 'auth.signOut') return null;
  if (locked) return new AppError('locked', 'auth.errors.locked');
  if (auth.user.mustChangePassword && !channel.startsWith('auth.') && channel !== 'app.setLocale') {
    return new AppError('forbidden', 'auth.errors.mustChangePassword');
  }
  if (!passiveChannels.has(channel)) auth.lastActivity = auth.clock();
  return null;
}

/** The permission step: the signed-in user's role may call this channel (see shared/auth/permissions.ts). */
export function sessionMayCall(session: Session, channel: ChannelName): boolean {
  const kind = contract[channel].kind;
  const access = classify(channel, kind);
  if (access?.type === 'public') return true;
  const user = session.auth?.user;
  return !!user && mayCall(user.role, channel, kind, importTargets);
}

/**
 * The establishment step, after parsing: a user restricted to some establishments may not
 * name another one in any input (a filter, a movement's destination, a stocktake…): the
 * fields the contract's input schema marks with EstablishmentId (shared/marks.ts), by
 * default the channel's own schema. A user's own list of establishments (users.create,
 * users.update) is not marked: it sets a scope, it does not work in one.
 * Lists that are not filtered by establishment are narrowed by the modules themselves
 * with whereInScope() and single records are checked with requireEstablishment().
 */
export function establishmentRefusal(
  session: Session,
  channel: ChannelName,
  input: unknown,
  schema: z.core.$ZodType = contract[channel].input,
): AppError | null {
  const scope = establishmentScope(session);
  if (scope === null) return null;
  const outside = markedValues(schema, input, 'establishment').filter((id) => !scope.includes(id));
  return outside.length > 0 ? new AppError('forbidden', 'auth.errors.establishmentNotAllowed') : null;
}

// ─── For handlers ────────────────────────────────────────────────────────────────────────

/** Whether the signed-in user holds a permission (personalData: participants' names and codes). */
export function hasPermission(session: Session, permission: Permission): boolean {
  const user = session.auth?.user;
  return !!user && roleHas(user.role, permission);
}

/** Refuses the call unless the signed-in user holds the permission. */
export function requirePermission(ctx: Pick<HandlerContext, 'session'>, permission: Permission): void {
  if (!hasPermission(ctx.session, permission)) throw new AppError('forbidden', 'privacy.errors.noPersonalData');
}

/** The establishments the signed-in user may work with, or null for all of them. */
export function establishmentScope(session: Session): number[] | null {
  const ids = session.auth?.user?.establishmentIds ?? [];
  return ids.length === 0 ? null : ids;
}

/** Whether a record of these establishments (any of them) is the user's; a record of none is not, for a restricted user. */
export function inEstablishmentScope(session: Session, ...establishmentIds: Array<number | null | undefined>): boolean {
  const scope = establishmentScope(session);
  return scope === null || establishmentIds.some((id) => id !== null && id !== undefined && scope.includes(id));
}

/**
 * Refuses work on a record outside the user's establishments (its establishment(s), read
 * from the database): the one check every single-record read and write of a module with
 * establishments goes through. Several ids: the record is the user's when any is
 * (an instrument in transit to one of theirs, an event where their ensemble plays).
 */
export function requireEstablishment(ctx: Pick<HandlerContext, 'session'>, ...establishmentIds: Array<number | null | undefined>): void {
  if (!inEstablishmentScope(ctx.session, ...establishmentIds)) {
    throw new AppError('forbidden', 'auth.errors.establishmentNotAllowed');
  }
}

/**
 * Narrows a list, summary or export query to the signed-in user's establishments: the
 * one helper every module with establishments uses (nothing changes for a user who works
 * with all of them). `columns`: the query's establishment column(s); a row is kept when
 * any of them is one of the user's, so rows of no establishment (the central warehouse,
 * an event outside the prisons) are left out for a restricted user. A column may also be
 * a sub-query building function for rows reached through another table.
 */
export function whereInScope<Q extends Knex.QueryBuilder>(
  session: Session,
  q: Q,
  ...columns: Array<string | ((scope: number[]) => Knex.QueryBuilder)>
): Q {
  const scope = establishmentScope(session);
  if (scope === null) return q;
  q.where((b) => {
    for (const c of columns) {
      if (typeof c === 'string') b.orWhereIn(c, scope);
      else b.orWhereExists(c(scope));
    }
  });
  return q;
}

/** Keeps the items of a list computed in memory (a summary's rows) that are in the user's establishments. */
export function filterInScope<T>(session: Session, items: readonly T[], establishmentOf: (item: T) => number | null | undefined): T[] {
  const scope = establishmentScope(session);
  if (scope === null) return [...items];
  return items.filter((i) => {
    const id = establishmentOf(i);
    return id !== null && id !== undefined && scope.includes(id);
  });
}
