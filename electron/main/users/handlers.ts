import type { User } from '../../../shared/users/schemas';
import { isUniqueViolation } from '../db/dialect';
import type { userChannels } from '../../../shared/users/channels';
import { allEstablishmentsExist } from '../establishments/repository';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError, stale, orNotFound, fieldError } from '../ipc/errors';
import { actorOf } from '../auth/access';
import { hashPassword } from '../auth/passwords';
import * as repo from '../auth/repository';

type UserChannel = (typeof userChannels)[number];

async function mustGet(ctx: HandlerContext, id: number): Promise<User> {
  return orNotFound(await repo.getUser(ctx.db, id));
}

/** Every establishment named must exist. */
async function checkEstablishments(ctx: HandlerContext, ids: number[]): Promise<void> {
  if (!(await allEstablishmentsExist(ctx.db, ids))) {
    throw fieldError('establishmentIds', 'users.errors.unknownEstablishment');
  }
}

/** The app always keeps one active administrator (someone must be able to manage users and restore backups). */
async function keepAnAdministrator(ctx: HandlerContext, before: User, after: { role: string; active: boolean }): Promise<void> {
  const losesAdmin = before.role === 'administrador' && before.active && (after.role !== 'administrador' || !after.active);
  if (losesAdmin && (await repo.activeAdministrators(ctx.db)) <= 1) throw new AppError('conflict', 'users.errors.lastAdministrator');
}

/** Changes to the signed-in user's own account reach the session at once. */
async function refreshSession(ctx: HandlerContext, id: number): Promise<void> {
  const auth = ctx.session.auth;
  if (auth?.user?.id !== id) return;
  const row = await repo.userById(ctx.db, id);
  if (!row) return;
  auth.user = await repo.sessionUserOf(ctx.db, row);
  auth.userVersion = row.version;
  ctx.session.actor = actorOf(auth.user);
}

/** What the audit log keeps of an account: never the password hash. */
const audited = (u: User) => ({
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  establishmentIds: u.establishmentIds,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
});

/** The administrator's user accounts (users.*); the accounts themselves are auth's (auth/repository.ts). */
export const userHandlers: DomainHandlers<UserChannel> = {
  'users.list': (q, ctx) => repo.listUsers(ctx.db, q),

  'users.create': async ({ username, fullName, role, establishmentIds, password }, ctx) => {
    if (await repo.userByUsername(ctx.db, username)) {
      throw new AppError(
        'conflict',
        'users.errors.duplicateUsername',
        { username },
        { username: { key: 'users.errors.duplicateUsername', params: { username } } },
      );
    }
    await checkEstablishments(ctx, establishmentIds);
    let id: number;
    try {
      id = await repo.insertUser(
        ctx.db,
        { username, fullName, role, passwordHash: await hashPassword(password), mustChangePassword: true },
        ctx.session.actor,
        ctx.now,
      );
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppError(
          'conflict',
          'users.errors.duplicateUsername',
          { username },
          { username: { key: 'users.errors.duplicateUsername', params: { username } } },
        );
      }
      throw err;
    }
    await repo.setEstablishments(ctx.db, id, establishmentIds);
    const created = await mustGet(ctx, id);
    await ctx.audit({ entity: 'user', entityId: id, action: 'create', after: audited(created) });
    return created;
  },

  'users.update': async ({ id, version, fullName, role, establishmentIds }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    await checkEstablishments(ctx, establishmentIds);
    await keepAnAdministrator(ctx, before, { role, active: before.active });
    if (!(await repo.updateUser(ctx.db, id, version, { full_name: fullName, role }, ctx.session.actor, ctx.now))) throw stale();
    await repo.setEstablishments(ctx.db, id, establishmentIds);
    const after = await mustGet(ctx, id);
    await ctx.audit({ entity: 'user', entityId: id, action: 'update', before: audited(before), after: audited(after) });
    await refreshSession(ctx, id);
    return after;
  },

  'users.setActive': async ({ id, version, active }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    if (!active && ctx.session.auth?.user?.id === id) throw new AppError('conflict', 'users.errors.disableSelf');
    await keepAnAdministrator(ctx, before, { role: before.role, active });
    if (!(await repo.updateUser(ctx.db, id, version, { active }, ctx.session.actor, ctx.now))) throw stale();
    const after = await mustGet(ctx, id);
    await ctx.audit({
      entity: 'user',
      entityId: id,
      action: active ? 'enable' : 'disable',
      before: audited(before),
      after: audited(after),
    });
    return after;
  },

  'users.resetPassword': async ({ id, version, password }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    const values = {
      password_hash: await hashPassword(password),
      must_change_password: true,
      failed_attempts: 0,
      locked_until: null,
      password_changed_at: ctx.now,
    };
    if (!(await repo.updateUser(ctx.db, id, version, values, ctx.session.actor, ctx.now))) throw stale();
    const after = await mustGet(ctx, id);
    await ctx.audit({ entity: 'user', entityId: id, action: 'resetPassword', before: audited(before), after: audited(after) });
    await refreshSession(ctx, id);
    return after;
  },
};
