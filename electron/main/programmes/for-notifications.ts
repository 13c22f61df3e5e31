import type { Knex } from 'knex';
import { limaToday } from '../../../shared/contracts/rules';
import { LIST_LIMIT, type NotificationItem } from '../../../shared/notifications/schemas';
import { agreementsEndingFrom } from './repository';

/**
 * What the notifications centre asks of the programmes: the partners' agreements about to
 * expire (within AGREEMENT_ALERT_DAYS of the Lima day of `now`, as the home page's alert), each
 * opening its partner's record. Agreements belong to no establishment: every role that reads
 * them sees them all.
 */
export async function agreementReminders(db: Knex, now: string): Promise<{ total: number; items: NotificationItem[] }> {
  const expiring = (await agreementsEndingFrom(db, limaToday(now))).filter((a) => a.state === 'por_vencer');
  return {
    total: expiring.length,
    items: expiring.slice(0, LIST_LIMIT).map((a) => ({
      key: `agreement:${a.id}:${a.endDate ?? ''}`,
      kind: 'agreementExpiring',
      label: a.title,
      detail: a.partnerName,
      date: a.endDate,
      days: a.daysLeft,
      reason: null,
      target: { page: 'partner', id: a.partnerId },
    })),
  };
}
