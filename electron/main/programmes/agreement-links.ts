import type { Knex } from 'knex';
import type { AgreementDetail } from '../../../shared/programmes/agreement-link-schemas';
import { exhibitionsUnderAgreement } from '../internarte/repository/for-programmes';
import { fieldError, orNotFound } from '../ipc/errors';
import type { DomainHandlers } from '../ipc/context';
import * as repo from './repository';

/**
 * Agreements and what they produced (issue 15): an event, an exhibition or a donation may name
 * the agreement under which it happened; the agreement's page lists them with their sums.
 */

/**
 * Why this agreement cannot be named by a record of these partners on this date (an i18n key
 * and its params), or null when it fits: it exists, it is one of the partners', and the date
 * (when known) falls within its period.
 */
export async function agreementMisfit(
  db: Knex,
  agreementId: number,
  partnerIds: number[],
  date: string | null,
): Promise<{ key: string; params: Record<string, string> } | null> {
  const a = await repo.agreementTerms(db, agreementId);
  if (!a) return { key: 'programmes.errors.unknownAgreement', params: {} };
  if (!partnerIds.includes(a.partnerId)) return { key: 'programmes.errors.agreementOtherPartner', params: { title: a.title } };
  if (date !== null && (date < a.startDate || (a.endDate !== null && date > a.endDate))) {
    return { key: 'programmes.errors.agreementNotInForce', params: { title: a.title } };
  }
  return null;
}

/** An agreement that events, exhibitions or donations name keeps its partner (they were that partner's). */
export async function checkPartnerKept(db: Knex, id: number, before: number, after: number): Promise<void> {
  if (before === after) return;
  const uses = (await repo.agreementUses(db, id)) + (await exhibitionsUnderAgreement(db, id)).length;
  if (uses > 0) throw fieldError('partnerId', 'programmes.errors.agreementInUse', { count: uses });
}

export const agreementLinkHandlers: DomainHandlers<'agreements.get'> = {
  'agreements.get': async ({ id }, ctx): Promise<AgreementDetail> => {
    const agreement = orNotFound(await repo.getAgreement(ctx.db, repo.limaToday(ctx.now), id));
    const events = await repo.agreementEvents(ctx.db, id);
    const donations = await repo.agreementDonations(ctx.db, id);
    const audiences = repo.sumAudiences(events);
    return {
      agreement,
      events,
      exhibitions: await exhibitionsUnderAgreement(ctx.db, id),
      donations,
      audiences,
      totalAudience: events.reduce((n, e) => n + e.totalAudience, 0),
      donatedCentimos: donations.reduce((n, d) => n + d.valueCentimos, 0),
    };
  },
};
