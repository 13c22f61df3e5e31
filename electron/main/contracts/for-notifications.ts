import { EXPIRY_WARNING_DAYS, lastDayOf, limaToday } from '../../../shared/contracts/rules';
import { addDays, daysBetween } from '../../../shared/format';
import { LIST_LIMIT, type NotificationItem } from '../../../shared/notifications/schemas';
import type { HandlerContext } from '../ipc/context';
import { contractScope, expiringContracts } from './repository/contracts';
import { missingConformities } from './repository/conformities';
import { expiringAuthorisations } from './repository/teachers';

/**
 * What the notifications centre asks of the contracts: the same reminders as the home page's
 * alerts (contracts.alerts), each as an item that opens its record, within the session's
 * establishments. "Por vencer" is EXPIRY_WARNING_DAYS ahead of the Lima day of `ctx.now`; a
 * month misses its conformity once it is over (its period is before today's).
 */

type Reminders = { total: number; items: NotificationItem[] };

export async function contractReminders(
  ctx: Pick<HandlerContext, 'db' | 'session' | 'now'>,
): Promise<{ contractExpiring: Reminders; authorisationExpiring: Reminders; conformityMissing: Reminders }> {
  const today = limaToday(ctx.now);
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  const scope = contractScope(ctx);
  const contracts = await expiringContracts(ctx.db, scope, today, soon);
  const authorisations = await expiringAuthorisations(ctx.db, ctx.session, today, soon);
  const missing = await missingConformities(ctx.db, today, scope, '', LIST_LIMIT);
  const base = { reason: null } as const;
  return {
    contractExpiring: {
      total: contracts.length,
      items: contracts.map((c) => ({
        ...base,
        key: `contract:${c.id}:${c.endDate}`,
        kind: 'contractExpiring',
        label: c.number,
        detail: c.teacherName,
        date: c.endDate,
        days: c.daysLeft,
        target: { page: 'contract', id: c.id },
      })),
    },
    authorisationExpiring: {
      total: authorisations.length,
      items: authorisations.map((a) => ({
        ...base,
        key: `authorisation:${a.id}:${a.validTo}`,
        kind: 'authorisationExpiring',
        label: a.teacherName,
        detail: a.establishmentName,
        date: a.validTo,
        days: a.daysLeft,
        target: { page: 'teacher', id: a.teacherId },
      })),
    },
    conformityMissing: {
      total: missing.total,
      items: missing.rows.map((m) => ({
        ...base,
        key: `conformity:${m.contractId}:${m.period}`,
        kind: 'conformityMissing',
        label: m.contractNumber,
        detail: m.teacherName,
        date: m.period,
        // Days since the month ended.
        days: daysBetween(lastDayOf(m.period), today),
        target: { page: 'contract', id: m.contractId },
      })),
    },
  };
}
