import type { Knex } from 'knex';
import type { BudgetLine } from '../../../shared/contracts/rules';
import type { Expense, ExpenseLink } from '../../../shared/contracts/schemas';
import { exhibitionTargets, exhibitionTitles } from '../internarte/repository/for-contracts';
import { expenseTargetNames, expenseTargets } from '../programmes/repository/for-contracts';
import { listExpenses, type StoredExpense } from './repository/expenses';

/**
 * What an expense was for: an event or a workshop (programmes) or an exhibition (InternArte),
 * asked of those domains by id (their repository/for-contracts.ts).
 */

/** The expenses with the name of the event, workshop or exhibition each was for. */
export async function withLinks(db: Knex, stored: StoredExpense[]): Promise<Expense[]> {
  const idsOf = (kind: string) => stored.flatMap((e) => (e.linkRef?.kind === kind ? [e.linkRef.id] : []));
  const names = await expenseTargetNames(db, { events: idsOf('evento'), workshops: idsOf('taller') });
  const exhibitions = await exhibitionTitles(db, idsOf('exposicion'));
  const nameOf = (ref: NonNullable<StoredExpense['linkRef']>) =>
    (ref.kind === 'evento' ? names.events : ref.kind === 'taller' ? names.workshops : exhibitions).get(ref.id) ?? `#${ref.id}`;
  return stored.map(({ linkRef, ...e }) => ({
    ...e,
    link: linkRef ? { kind: linkRef.kind, id: linkRef.id, name: nameOf(linkRef), date: null } : null,
  }));
}

export async function linkChoices(db: Knex, year: number): Promise<ExpenseLink[]> {
  return [...(await expenseTargets(db, year)), ...(await exhibitionTargets(db, year))];
}

/** Whether the event, workshop or exhibition an expense names exists. */
export async function linkExists(db: Knex, link: { kind: string; id: number }): Promise<boolean> {
  if (link.kind === 'exposicion') return (await exhibitionTitles(db, [link.id])).has(link.id);
  const names = await expenseTargetNames(db, {
    events: link.kind === 'evento' ? [link.id] : [],
    workshops: link.kind === 'taller' ? [link.id] : [],
  });
  return (link.kind === 'evento' ? names.events : names.workshops).has(link.id);
}

/** A year's expenses (optionally of one line), newest first, with what each was for. */
export async function yearExpenses(db: Knex, year: number, line: BudgetLine | null = null): Promise<Expense[]> {
  return withLinks(db, await listExpenses(db, year, line));
}
