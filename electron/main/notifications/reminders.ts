import type { ChannelName } from '../../../shared/channels';
import {
  notificationKinds,
  type NotificationKind,
  type NotificationItem,
  type NotificationList,
} from '../../../shared/notifications/schemas';
import { limaToday } from '../../../shared/contracts/rules';
import { sessionMayCall, signedInUserId as userIdOf } from '../auth/access';
import { backupReminders } from '../backups/for-notifications';
import { contractReminders } from '../contracts/for-notifications';
import { isPostgres } from '../db/dialect';
import { inventoryReminders } from '../inventory/for-notifications';
import type { HandlerContext } from '../ipc/context';
import { agreementReminders } from '../programmes/for-notifications';
import { mutedKinds } from './repository';

/**
 * The reminders of one user: each kind comes from the domain that owns it (its
 * for-notifications.ts, the same rules as the home page's alerts), only the kinds the user's
 * role may read (the channel of the page a kind opens) and within the user's establishments.
 */

/** The channel whose permission a kind follows: who may open that list may be reminded of it. */
const readBy: Record<NotificationKind, ChannelName> = {
  contractExpiring: 'contracts.alerts',
  authorisationExpiring: 'contracts.alerts',
  conformityMissing: 'conformities.missing',
  agreementExpiring: 'agreements.list',
  custodyOverdue: 'custody.overdue',
  consumableLow: 'consumables.stock',
  backupOverdue: 'backups.list',
};

/** The kinds this session may be reminded of. This PC's backups do not apply in office mode (the server's are its administrator's). */
export function visibleKinds(ctx: Pick<HandlerContext, 'session' | 'db'>): NotificationKind[] {
  return notificationKinds.filter((k) => sessionMayCall(ctx.session, readBy[k]) && !(k === 'backupOverdue' && isPostgres(ctx.db)));
}

type Found = Partial<Record<NotificationKind, { total: number; items: NotificationItem[] }>>;

async function find(ctx: HandlerContext, kinds: readonly NotificationKind[]): Promise<Found> {
  const wants = (...ks: NotificationKind[]) => ks.some((k) => kinds.includes(k));
  const found: Found = {};
  if (wants('contractExpiring', 'authorisationExpiring', 'conformityMissing')) Object.assign(found, await contractReminders(ctx));
  if (wants('custodyOverdue', 'consumableLow')) Object.assign(found, await inventoryReminders(ctx));
  if (wants('agreementExpiring')) found.agreementExpiring = await agreementReminders(ctx.db, ctx.now);
  if (wants('backupOverdue')) found.backupOverdue = backupReminders(ctx.platform.paths.backupDir, ctx.now);
  return found;
}

/** What the bell counts and the centre lists: the kinds heard, and every visible kind with its total and whether it is muted. */
export async function remindersOf(ctx: HandlerContext): Promise<NotificationList> {
  const kinds = visibleKinds(ctx);
  const muted = await mutedKinds(ctx.db, userIdOf(ctx));
  const found = await find(ctx, kinds);
  const heard = kinds.filter((k) => !muted.has(k));
  return {
    today: limaToday(ctx.now),
    count: heard.reduce((n, k) => n + (found[k]?.total ?? 0), 0),
    kinds: kinds.map((kind) => ({ kind, total: found[kind]?.total ?? 0, muted: muted.has(kind) })),
    items: heard.flatMap((k) => found[k]?.items ?? []),
  };
}
