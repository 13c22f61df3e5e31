import { paperChannels } from '../paper-channels';

export const teacherChannels = [
  'teachers.list',
  'teachers.get',
  'teachers.create',
  'teachers.update',
  'teachers.saveAuthorisation',
  'teachers.removeAuthorisation',
  'teachers.addDocument',
  'teachers.removeDocument',
  'teachers.documentCopy',
] as const;

export const contractChannels = [
  'contracts.list',
  'contracts.get',
  'contracts.create',
  'contracts.update',
  'contracts.activate',
  'contracts.terminate',
  'contracts.renew',
  'contracts.addDocument',
  'contracts.removeDocument',
  'contracts.documentCopy',
  'contracts.export',
  'contracts.summaryPdf',
  'contracts.alerts',
  'contracts.workshopOptions',
  'contracts.workshopReviews',
  'contracts.linkWorkshop',
  'contracts.dismissWorkshop',
] as const;

export const conformityChannels = [
  'conformities.list',
  'conformities.missing',
  'conformities.create',
  'conformities.update',
  'conformities.pay',
  'conformities.void',
  'conformities.delivered',
  ...paperChannels('conformities'),
] as const;

/** The budget's expenses and modifications (issue 16, item 5), under the budget's prefix. */
const expenseChannels = [
  'budget.expenses',
  'budget.expenseLinks',
  'budget.recordExpense',
  'budget.voidExpense',
  'budget.modifications',
  'budget.modify',
] as const;

/** The budget's expense and modification channels (a type: every channel is listed once, in budgetChannels). */
export type ExpenseChannel = (typeof expenseChannels)[number];

export const budgetChannels = ['budget.years', 'budget.summary', 'budget.save', 'budget.export', ...expenseChannels] as const;
