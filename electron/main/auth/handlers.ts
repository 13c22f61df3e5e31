import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { ACCOUNT_LOCK_MINUTES, IDLE_LOCK_MINUTES, MAX_FAILED_SIGN_INS, type SessionUser } from '../../../shared/auth/schemas';
import { runAuditedWrite } from '../ipc/audited-write';
import type { authChannels } from '../../../shared/auth/channels';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError, stale, fieldError } from '../ipc/errors';
import { actorOf, checkIdle, signInSession, signOutSession, touchSession } from './access';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './passwords';
import * as repo from './repository';

type AuthChannel = (typeof authChannels)[number];

/**
 * A wrong password, an unknown user name and a locked account get this same answer (code,
 * message, field), after the same work (a password check): sign-in does not tell which
 * user names exist. The message says that failures lock the account for a while.
 */
const badCredentials = () => {
  const params = { max: MAX_FAILED_SIGN_INS, minutes: ACCOUNT_LOCK_MINUTES };
  return new AppError('validation', 'auth.errors.badCredentials', params, { password: { key: 'auth.errors.badCredentials', params } });
};

const minutesLeft = (until: string, now: string) => Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000));

/** Attempts on one account run one after another in this process (the database count serialises them across PCs). */
const attemptQueues = new WeakMap<Knex, Map<number, Promise<unknown>>>();
function oneAtATime<T>(db: Knex, userId: number, fn: () => Promise<T>): Promise<T> {
  let queues = attemptQueues.get(db);
  if (!queues) attemptQueues.set(db, (queues = new Map()));
  const previous = queues.get(userId) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(userId, settled);
  void settled.then(() => {
    if (queues.get(userId) === settled) queues.delete(userId);
  });
  return run;
}

type Outcome =
  { kind: 'locked'; lockedUntil: string | null } | { kind: 'failed'; locksNow: boolean } | { kind: 'disabled' } | { kind: 'ok' };

/**
 * Checks a password against an account and does the bookkeeping. The attempt is counted
 * first, atomically (repository countAttempt), and only then is the password checked: a
 * locked account's attempts are not checked at all, and many attempts at once — in this
 * process, queued per account, or from several PCs — get at most five checks before the
 * lock (five minutes, audited). A success clears the count, and a hash weaker than today's
 * cost is replaced by a stronger one of the same password.
 */
async function attempt(ctx: HandlerContext, row: repo.UserRow, password: string, action: 'signIn' | 'unlock'): Promise<void> {
  const who: { actor: Actor } = { actor: { id: row.username, name: row.fullName } };
  const outcome = await oneAtATime<Outcome>(ctx.db, row.id, async () => {
    const lockUntil = new Date(Date.parse(ctx.now) + ACCOUNT_LOCK_MINUTES * 60_000).toISOString();
    const counted = await repo.countAttempt(ctx.db, row.id, { now: ctx.now, lockUntil, max: MAX_FAILED_SIGN_INS });
    if (!counted.admitted) return { kind: 'locked', lockedUntil: (await repo.userById(ctx.db, row.id))?.lockedUntil ?? null };
    const ok = await verifyPassword(password, row.passwordHash);
    if (!ok) {
      const locksNow = counted.lockedUntil !== null;
      await runAuditedWrite(
        ctx.db,
        who,
        ctx.channel,
        (_trx, audit) =>
          audit({
            entity: 'session',
            entityId: row.username,
            action: locksNow ? 'accountLocked' : `${action}Failed`,
            after: { failures: counted.failures, lockedUntil: counted.lockedUntil },
          }),
        ctx.now,
      );
      return { kind: 'failed', locksNow };
    }
    if (!row.active) return { kind: 'disabled' };
    const stronger = needsRehash(row.passwordHash) ? await hashPassword(password) : null;
    await runAuditedWrite(
      ctx.db,
      who,
      ctx.channel,
      async (trx, audit) => {
        await repo.recordSignIn(trx, row.id, {
          failed_attempts: 0,
          locked_until: null,
          ...(action === 'signIn' ? { last_sign_in_at: ctx.now } : {}),
        });
        if (stronger) await repo.upgradePasswordHash(trx, row.id, row.passwordHash, stronger);
        await audit({ entity: 'session', entityId: row.username, action, ...(stronger ? { after: { passwordHashUpgraded: true } } : {}) });
      },
      ctx.now,
    );
    return { kind: 'ok' };
  });

  switch (outcome.kind) {
    case 'ok':
      return;
    case 'disabled':
      throw new AppError('forbidden', 'auth.errors.disabled');
    case 'locked':
      // Not checked against the account, but as long as a check takes.
      await verifyPassword(password, await decoyHash());
      if (action === 'signIn') throw badCredentials();
      throw new AppError('forbidden', 'auth.errors.accountLocked', {
        minutes: outcome.lockedUntil ? minutesLeft(outcome.lockedUntil, ctx.now) : ACCOUNT_LOCK_MINUTES,
      });
    case 'failed':
      if (outcome.locksNow && action === 'unlock') {
        // The lock screen's user is known: the session ends and the lock is told plainly.
        signOutSession(ctx.session);
        throw new AppError('forbidden', 'auth.errors.accountLocked', { minutes: ACCOUNT_LOCK_MINUTES });
      }
      throw badCredentials();
  }
}

async function currentUser(db: Knex, ctx: HandlerContext): Promise<repo.UserRow> {
  const id = ctx.session.auth?.user?.id;
  const row = id === undefined ? null : await repo.userById(db, id);
  if (!row) throw new AppError('unauthenticated', 'auth.errors.signedOut');
  return row;
}

export const authHandlers: DomainHandlers<AuthChannel> = {
  'auth.status': async (_input, ctx) => {
    touchSession(ctx.session);
    return {
      setupNeeded: (await repo.countUsers(ctx.db)) === 0,
      user: ctx.session.auth?.user ?? null,
      locked: checkIdle(ctx.session),
      idleMinutes: IDLE_LOCK_MINUTES,
      ended: ctx.session.auth?.user ? null : (ctx.session.auth?.ended ?? null),
    };
  },

  'auth.setupAdmin': async ({ username, fullName, password }, ctx) => {
    // One guarded insert: two PCs of an office doing the first run at once get one administrator.
    const id = await repo.insertFirstAdministrator(
      ctx.db,
      { username, fullName, passwordHash: await hashPassword(password) },
      { id: username, name: fullName },
      ctx.now,
    );
    if (id === null) throw new AppError('conflict', 'auth.errors.alreadySetUp');
    const row = (await repo.userById(ctx.db, id))!;
    const user = await repo.sessionUserOf(ctx.db, row);
    // The first administrator creates their own account: the entry is attributed to them.
    signInSession(ctx.session, user, row.version);
    await ctx.audit({ entity: 'user', entityId: id, action: 'create', after: await repo.getUser(ctx.db, id) });
    return user;
  },

  'auth.signIn': async ({ username, password }, ctx) => {
    const row = await repo.userByUsername(ctx.db, username);
    if (!row) {
      await verifyPassword(password, await decoyHash()); // the same wait as for a real account
      throw badCredentials();
    }
    await attempt(ctx, row, password, 'signIn');
    const now = (await repo.userById(ctx.db, row.id))!;
    const user = await repo.sessionUserOf(ctx.db, now);
    signInSession(ctx.session, user, now.version);
    return user;
  },

  'auth.signOut': async (_input, ctx) => {
    const user = ctx.session.auth?.user;
    if (user) {
      await runAuditedWrite(ctx.db, { actor: actorOf(user) }, ctx.channel, (_trx, audit) =>
        audit({ entity: 'session', entityId: user.username, action: 'signOut' }),
      );
    }
    signOutSession(ctx.session);
    return { signedOut: true as const };
  },

  'auth.lock': async (_input, ctx) => {
    if (ctx.session.auth) ctx.session.auth.locked = true;
    return { locked: true as const };
  },

  'auth.unlock': async ({ password }, ctx) => {
    const row = await currentUser(ctx.db, ctx);
    await attempt(ctx, row, password, 'unlock');
    const now = (await repo.userById(ctx.db, row.id))!;
    const user: SessionUser = await repo.sessionUserOf(ctx.db, now);
    signInSession(ctx.session, user, now.version);
    return user;
  },

  'auth.changePassword': async ({ currentPassword, password }, ctx) => {
    const row = await currentUser(ctx.db, ctx);
    if (!(await verifyPassword(currentPassword, row.passwordHash))) {
      throw fieldError('currentPassword', 'auth.errors.wrongPassword');
    }
    const ok = await repo.updateUser(
      ctx.db,
      row.id,
      row.version,
      { password_hash: await hashPassword(password), must_change_password: false, password_changed_at: ctx.now },
      ctx.session.actor,
      ctx.now,
    );
    if (!ok) throw stale();
    await ctx.audit({ entity: 'user', entityId: row.id, action: 'changePassword' });
    const changed = (await repo.userById(ctx.db, row.id))!;
    const user = await repo.sessionUserOf(ctx.db, changed);
    if (ctx.session.auth) {
      ctx.session.auth.user = user;
      ctx.session.auth.userVersion = changed.version;
    }
    return user;
  },
};
