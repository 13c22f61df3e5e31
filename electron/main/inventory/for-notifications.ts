import { limaToday } from '../../../shared/contracts/rules';
import { daysBetween } from '../../../shared/format';
import { OverdueQuery } from '../../../shared/inventory/custody-schemas';
import { LIST_LIMIT, type NotificationItem } from '../../../shared/notifications/schemas';
import type { HandlerContext } from '../ipc/context';
import { custodyHandlers } from './custody';
import { stockRows } from './repository/consumables';
import { stockScope } from './scope';

/**
 * What the notifications centre asks of the inventory: the hand-overs past their expected return
 * (custody.overdue, the oldest first, custodians' names as the viewer may read them) and the
 * consumables below their minimum (consumables.stock, low only), within the session's
 * establishments.
 */

type Reminders = { total: number; items: NotificationItem[] };

export async function inventoryReminders(ctx: HandlerContext): Promise<{ custodyOverdue: Reminders; consumableLow: Reminders }> {
  const today = limaToday(ctx.now);
  const overdue = await custodyHandlers['custody.overdue'](
    OverdueQuery.parse({ pageSize: LIST_LIMIT, sort: 'due', direction: 'asc' }),
    ctx,
  );
  const low = await stockRows(ctx.db, null, true, stockScope(ctx), null);
  return {
    custodyOverdue: {
      total: overdue.total,
      items: overdue.rows.map((h) => ({
        key: `custody:${h.instrumentId}:${h.custodianType}:${h.custodianId ?? ''}:${h.due ?? ''}`,
        kind: 'custodyOverdue',
        label: `${h.code} — ${h.typeName}`,
        detail: [h.custodianName, h.establishmentName].filter(Boolean).join(' · ') || null,
        date: h.due,
        days: h.due ? daysBetween(h.due, today) : null,
        reason: null,
        target: { page: 'instrument', id: h.instrumentId },
      })),
    },
    consumableLow: {
      total: low.length,
      items: low.slice(0, LIST_LIMIT).map((r) => ({
        key: `consumable:${r.itemId}:${r.establishmentId}`,
        kind: 'consumableLow',
        label: r.itemName,
        detail: `${r.establishmentName} · ${r.stock} / ${r.minimum ?? 0} ${r.unit}`,
        date: null,
        days: null,
        reason: null,
        target: { page: 'consumables', id: r.establishmentId },
      })),
    },
  };
}
