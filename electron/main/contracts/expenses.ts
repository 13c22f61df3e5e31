import { budgetLines, limaToday, modificationEffect, type BudgetLine } from '../../../shared/contracts/rules';
import type { ExpenseChannel } from '../../../shared/contracts/channels';
import type { Expense } from '../../../shared/contracts/schemas';
import { formatMoney } from '../../../shared/format';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError, fieldError, stale, orNotFound } from '../ipc/errors';
import { budgetSummary } from './budget';
import { linkChoices, linkExists, withLinks, yearExpenses } from './expense-links';
import { budgetYear } from './repository/budget';
import {
  getExpense,
  insertExpense,
  insertModification,
  listModifications,
  lockBudgetYear,
  sameDocument,
  voidExpense,
} from './repository/expenses';

/**
 * The budget's expenses and modifications (issue 16, item 5). An expense is recorded once and
 * corrected by voiding it with a reason; a modification is appended to the year's ledger. Both
 * reach the budget's figures at once (budget.ts).
 */

type Channel = ExpenseChannel;

async function mustGet(ctx: HandlerContext, id: number): Promise<Expense> {
  const e = orNotFound(await getExpense(ctx.db, id));
  return (await withLinks(ctx.db, [e]))[0]!;
}

export const expenseHandlers: DomainHandlers<Channel> = {
  'budget.expenses': ({ year, line }, ctx) => yearExpenses(ctx.db, year, line),

  'budget.expenseLinks': ({ year }, ctx) => linkChoices(ctx.db, year),

  'budget.recordExpense': async (input, ctx) => {
    const ruc = input.supplierRuc!;
    if (input.date > limaToday(ctx.now)) throw fieldError('date', 'contracts.errors.expenseFuture');
    if (input.link && !(await linkExists(ctx.db, input.link))) throw fieldError('link', 'contracts.errors.expenseLinkMissing');
    const same = await sameDocument(ctx.db, ruc, input.documentType, input.documentNumber);
    if (same !== null)
      throw fieldError('documentNumber', 'contracts.errors.expenseDuplicate', { number: input.documentNumber, ruc }, 'conflict');
    const id = await insertExpense(ctx.db, { ...input, supplierRuc: ruc }, ctx.session.actor, ctx.now);
    const after = await mustGet(ctx, id);
    await ctx.audit({ entity: 'budgetExpense', entityId: id, action: 'create', after });
    return after;
  },

  'budget.voidExpense': async ({ id, version, reason }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.voided) throw new AppError('conflict', 'contracts.errors.expenseVoided');
    if (before.version !== version) throw stale();
    if (!(await voidExpense(ctx.db, id, version, reason, ctx.session.actor, ctx.now))) throw stale();
    const after = await mustGet(ctx, id);
    await ctx.audit({ entity: 'budgetExpense', entityId: id, action: 'void', before, after });
    return after;
  },

  'budget.modifications': ({ year }, ctx) => listModifications(ctx.db, year),

  'budget.modify': async (m, ctx) => {
    await lockBudgetYear(ctx.db, m.year);
    const before = await budgetSummary(ctx.db, m.year);
    if (!before.defined || !(await budgetYear(ctx.db, m.year)).stored)
      throw fieldError('year', 'contracts.errors.modificationNoBudget', { year: m.year }, 'conflict');
    const assigned = Object.fromEntries(before.lines.map((l) => [l.line, l.budgetCentimos])) as Record<BudgetLine, number>;
    const effect = modificationEffect(m);
    const short = budgetLines.find((l) => assigned[l] + (effect[l] ?? 0) < 0);
    if (short)
      throw fieldError('amountCentimos', 'contracts.errors.modificationBelowZero', {
        line: ctx.t(`contracts.budgetLines.${short}`),
        assigned: formatMoney(assigned[short], ctx.session.locale),
      });
    const id = await insertModification(ctx.db, m, ctx.session.actor, ctx.now);
    const after = await budgetSummary(ctx.db, m.year);
    await ctx.audit({
      entity: 'budgetModification',
      entityId: id,
      action: 'create',
      after: { ...m, assigned: after.lines.map((l) => [l.line, l.budgetCentimos]) },
    });
    return after;
  },
};
