import { mayLend } from '../../../shared/internarte/rules';
import type { Loan } from '../../../shared/internarte/schemas';
import { requireEstablishment } from '../auth/access';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError, fieldError, notFound, stale, orNotFound } from '../ipc/errors';
import { checklistItem, mustGetExhibition, storePhotos, viewOf } from './access';
import * as repo from './repository';
import { paperHandlers, type PaperOwner } from '../files/papers';
import type { PaperChannel } from '../../../shared/paper-channels';

/**
 * Loans of works to an exhibition: a work on the checklist, allowed to be exhibited and in the
 * workshop, goes out with photos of its condition; the custody ledger says "prestada" in the
 * same transaction, and "en taller" again when it comes back.
 */

type LoanChannel = 'exhibitions.loans' | 'exhibitions.lend' | 'exhibitions.returnLoan' | PaperChannel<'loans'>;

async function mustGetLoan(ctx: HandlerContext, id: number): Promise<Loan> {
  const [loan] = await repo.loansOf(ctx.db, ctx.attachments, { loanId: id });
  if (!loan) throw notFound();
  return loan;
}

/** A loan's signed agreement (issue 16, item 4): reached through its exhibition and its work's establishment. */
const loanPapers: PaperOwner<'loans'> = {
  prefix: 'loans',
  type: 'loan',
  entity: 'exhibitionLoan',
  reach: async (ctx, id) => {
    const loan = await mustGetLoan(ctx, id);
    const artwork = await repo.getArtwork(ctx.db, loan.artworkId, viewOf(ctx));
    requireEstablishment(ctx, artwork?.establishmentId);
    return { kind: 'convenio_prestamo', title: `${loan.exhibitionTitle} ${loan.artworkTitle}` };
  },
};

export const loanHandlers: DomainHandlers<LoanChannel> = {
  ...paperHandlers(loanPapers),
  'exhibitions.loans': async ({ id }, ctx) => {
    await mustGetExhibition(ctx, id);
    return repo.loansOf(ctx.db, ctx.attachments, { exhibitionId: id });
  },

  'exhibitions.lend': async (input, ctx) => {
    const ex = await mustGetExhibition(ctx, input.exhibitionId);
    await checklistItem(ctx, input.exhibitionId, input.artworkId);
    const artwork = orNotFound(await repo.getArtwork(ctx.db, input.artworkId, viewOf(ctx)));
    requireEstablishment(ctx, artwork.establishmentId);
    if (!(await repo.currentConsent(ctx.db, input.artworkId)).mayExhibit)
      throw new AppError('conflict', 'internarte.errors.noExhibitConsent');
    if (!mayLend(artwork.custodyStatus)) {
      const key = artwork.custodyStatus === 'prestada' ? 'internarte.custodyRules.onLoan' : 'internarte.custodyRules.final';
      throw new AppError('conflict', key);
    }
    const stored = await storePhotos(ctx, input.photos);
    const loanId = await repo.insertLoan(
      ctx.db,
      {
        exhibitionId: input.exhibitionId,
        artworkId: input.artworkId,
        lentOn: input.lentOn,
        dueOn: input.dueOn,
        insuranceCentimos: input.insuranceCentimos,
        conditionOut: input.conditionOut,
      },
      stored.map((s) => s.hash),
      ctx.session.actor,
      ctx.now,
    );
    // The custody ledger says "prestada" in the same transaction.
    await repo.appendCustody(
      ctx.db,
      input.artworkId,
      { to: 'prestada', loan: 'lend' },
      { date: input.lentOn, place: ex.venue, notes: null, exhibitionId: input.exhibitionId, loanId },
      ctx.session.actor,
      ctx.now,
    );
    const loan = await mustGetLoan(ctx, loanId);
    await ctx.audit({
      entity: 'exhibitionLoan',
      entityId: loanId,
      action: 'lend',
      after: { ...loan, photosOut: loan.photosOut.map((p) => p.hash) },
    });
    return loan;
  },

  'exhibitions.returnLoan': async (input, ctx) => {
    const before = await mustGetLoan(ctx, input.loanId);
    const artwork = await repo.getArtwork(ctx.db, before.artworkId, viewOf(ctx));
    if (artwork) requireEstablishment(ctx, artwork.establishmentId);
    if (before.returnedOn !== null) throw new AppError('conflict', 'internarte.errors.loanReturned');
    if (input.returnedOn < before.lentOn) throw fieldError('returnedOn', 'internarte.errors.returnBeforeLent');
    const stored = await storePhotos(ctx, input.photos);
    const returned = await repo.returnLoan(
      ctx.db,
      input.loanId,
      { returnedOn: input.returnedOn, conditionBack: input.conditionBack },
      stored.map((s) => s.hash),
      ctx.session.actor,
      ctx.now,
    );
    if (!returned) throw stale();
    await repo.appendCustody(
      ctx.db,
      before.artworkId,
      { to: 'en_taller', loan: 'return' },
      { date: input.returnedOn, place: null, notes: null, exhibitionId: before.exhibitionId, loanId: input.loanId },
      ctx.session.actor,
      ctx.now,
    );
    const after = await mustGetLoan(ctx, input.loanId);
    await ctx.audit({
      entity: 'exhibitionLoan',
      entityId: input.loanId,
      action: 'return',
      before: { returnedOn: null },
      after: { returnedOn: after.returnedOn, conditionBack: after.conditionBack },
    });
    return after;
  },
};
