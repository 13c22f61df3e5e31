import { mayImport } from '../../../shared/auth/permissions';
import type { HandlerContext } from '../ipc/context';
import { AppError } from '../ipc/errors';

/**
 * The import channels are open (shared/auth/permissions.ts) to every role that may write
 * some import target; each call is then checked against its own target here: a role may
 * import only into a module it may write (instruments: inventario; establishments:
 * administrador…).
 */
export function requireImportTarget(ctx: Pick<HandlerContext, 'session'>, target: string): void {
  const user = ctx.session.auth?.user;
  if (!user || !mayImport(user.role, target)) throw new AppError('forbidden', 'errors.forbidden');
}
