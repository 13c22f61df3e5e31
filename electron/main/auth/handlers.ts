import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { ACCOUNT_LOCK_MINUTES, IDLE_LOCK_MINUTES, MAX_FAILED_SIGN_INS, type SessionUser } from '../../../shared/auth/schemas';
import { runAuditedWrite } from '../ipc/audited-write';
import type { HandlerContext, Handlers } from '../ipc/dispatcher';
import { AppError, stale } from '../ipc/errors';
import { actorOf, checkIdle, signInSession, signOutSession, touchSession } from './access';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import * as repo from './repository';

type AuthHandlers = Pick<
  Handlers,
  'auth.status' | 'auth.setupAdmin' | 'auth.signIn' | 'auth.signOut' | 'auth.lock' | 'auth.unlock' | 'auth.changePassword'
>;

const badCredentials = () =>
  new AppError('validation', 'auth.errors.badCredentials', {}, { password: { key: 'auth.errors.badCredentials' } });

const minutesLeft = (until: string, now: string) => Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000));

/**
 * Checks a password against an account and does the bookkeeping: a failure counts (the
 * fifth in a row locks the account for five minutes and is audited), a success clears the
 * count. The bookkeeping is committed before a refusal is answered.
 */
async function attempt(ctx: HandlerContext, row: repo.UserRow, password: string, action: 'signIn' | 'unlock'): Promise<void> {
  if (row.lockedUntil && row.lockedUntil > ctx.now) {
    throw new AppError('forbidden', 'auth.errors.accountLocked', { minutes: minutesLeft(row.lockedUntil, ctx.now) });
  }
  const ok = await verifyPassword(password, row.passwordHash);
  const who: { actor: Actor } = { actor: { id: row.username, name: row.fullName } };
  if (!ok) {
    const failures = row.failedAttempts + 1;
    const lock = failures >= MAX_FAILED_SIGN_INS;
    const lockedUntil = lock ? new Date(Date.parse(ctx.now) + ACCOUNT_LOCK_MINUTES * 60_000).toISOString() : null;
    await runAuditedWrite(
      ctx.db,
      who,
      ctx.channel,
      async (trx, audit) => {
        await repo.recordSignIn(trx, row.id, { failed_attempts: lock ? 0 : failures, locked_until: lockedUntil });
        await audit({ entity: 'session', entityId: row.username, action: lock ? 'accountLocked' : `${action}Failed`, after: { failures, lockedUntil } });
      },
      ctx.now,
    );
    if (lock) {
      if (action === 'unlock') signOutSession(ctx.session);
      throw new AppError('forbidden', 'auth.errors.accountLocked', { minutes: ACCOUNT_LOCK_MINUTES });
    }
    throw badCredentials();
  }
  if (!row.active) throw new AppError('forbidden', 'auth.errors.disabled');
  await runAuditedWrite(
    ctx.db,
    who,
    ctx.channel,
    async (trx, audit) => {
      await repo.recordSignIn(trx, row.id, { failed_attempts: 0, locked_until: null, ...(action === 'signIn' ? { last_sign_in_at: ctx.now } : {}) });
      await audit({ entity: 'session', entityId: row.username, action });
    },
    ctx.now,
  );
}

async function currentUser(db: Knex, ctx: HandlerContext): Promise<repo.UserRow> {
  const id = ctx.session.auth?.user?.id;
  const row = id === undefined ? null : await repo.userById(db, id);
  if (!row) throw new AppError('unauthenticated', 'auth.errors.signedOut');
  return row;
}

export const authHandlers: AuthHandlers = {
  'auth.status': async (_input, ctx) => {
    touchSession(ctx.session);
    return {
      setupNeeded: (await repo.countUsers(ctx.db)) === 0,
      user: ctx.session.auth?.user ?? null,
      locked: checkIdle(ctx.session),
      idleMinutes: IDLE_LOCK_MINUTES,
    };
  },

  'auth.setupAdmin': async ({ username, fullName, password }, ctx) => {
    if ((await repo.countUsers(ctx.db)) > 0) throw new AppError('conflict', 'auth.errors.alreadySetUp');
    const id = await repo.insertUser(
      ctx.db,
      { username, fullName, role: 'administrador', passwordHash: await hashPassword(password), mustChangePassword: false },
      { id: username, name: fullName },
      ctx.now,
    );
    await repo.recordSignIn(ctx.db, id, { last_sign_in_at: ctx.now });
    const user = await repo.sessionUserOf(ctx.db, (await repo.userById(ctx.db, id))!);
    // The first administrator creates their own account: the entry is attributed to them.
    signInSession(ctx.session, user);
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
    const user = await repo.sessionUserOf(ctx.db, (await repo.userById(ctx.db, row.id))!);
    signInSession(ctx.session, user);
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
    const user: SessionUser = await repo.sessionUserOf(ctx.db, (await repo.userById(ctx.db, row.id))!);
    signInSession(ctx.session, user);
    return user;
  },

  'auth.changePassword': async ({ currentPassword, password }, ctx) => {
    const row = await currentUser(ctx.db, ctx);
    if (!(await verifyPassword(currentPassword, row.passwordHash))) {
      throw new AppError('validation', 'errors.validation', {}, { currentPassword: { key: 'auth.errors.wrongPassword' } });
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
    const user = await repo.sessionUserOf(ctx.db, (await repo.userById(ctx.db, row.id))!);
    if (ctx.session.auth) ctx.session.auth.user = user;
    return user;
  },
};
