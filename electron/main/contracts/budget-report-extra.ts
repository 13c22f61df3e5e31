import type ExcelJS from 'exceljs';
import { formatDate, formatDateTime, formatMoney, type Locale } from '../../../shared/format';
import type { BudgetSummary, Expense, Modification } from '../../../shared/contracts/schemas';
import { addTableSheet } from '../export/table';
import { escapeHtml as h } from '../pdf/html';
import type { Translate } from '../i18n';

/**
 * The budget report's parts on modifications, execution by month and expenses (issue 16,
 * item 5), in the PDF and as sheets of the Excel workbook (budget-report.ts writes the rest).
 */

export interface BudgetReportExtra {
  expenses: Expense[];
  modifications: Modification[];
}

const monthKeys = Array.from({ length: 12 }, (_, i) => `contracts.months.m${i + 1}`);

const modificationLines = (m: Modification, t: Translate) =>
  m.kind === 'transferencia' && m.toLine
    ? t('contracts.modifications.transfer', { from: t(`contracts.budgetLines.${m.line}`), to: t(`contracts.budgetLines.${m.toLine}`) })
    : t(`contracts.budgetLines.${m.line}`);

const linkText = (e: Expense, t: Translate) => (e.link ? `${t(`contracts.expenseLinkKinds.${e.link.kind}`)}: ${e.link.name}` : '');

export function budgetExtraHtml(s: BudgetSummary, x: BudgetReportExtra, t: Translate, locale: Locale): string {
  const money = (c: number) => formatMoney(c, locale);
  const num = (v: string) => `<td class="num">${h(v)}</td>`;
  const monthTotals = monthKeys.map((_, i) => s.months.reduce((a, l) => a + (l.months[i] ?? 0), 0));
  const months = `
<h2>${h(t('contracts.execution.title'))}</h2>
<table class="months">
<thead><tr><th>${h(t('contracts.budget.line'))}</th>${monthKeys.map((k) => `<th class="num">${h(t(k))}</th>`).join('')}<th class="num">${h(t('contracts.budget.total'))}</th></tr></thead>
<tbody>
${s.months
  .map(
    (l) =>
      `<tr><td>${h(t(`contracts.budgetLines.${l.line}`))}</td>${l.months.map((c) => num(money(c))).join('')}${num(money(l.months.reduce((a, c) => a + c, 0)))}</tr>`,
  )
  .join('\n')}
<tr><td><b>${h(t('contracts.budget.total'))}</b></td>${monthTotals.map((c) => num(money(c))).join('')}${num(money(monthTotals.reduce((a, c) => a + c, 0)))}</tr>
</tbody></table>
<p class="small">${h(t('contracts.execution.hint'))}</p>`;
  const modifications = `
<h2>${h(t('contracts.modifications.title'))}</h2>
${
  x.modifications.length === 0
    ? `<p class="small">${h(t('contracts.modifications.empty', { year: s.year }))}</p>`
    : `<table><thead><tr><th>${h(t('contracts.modifications.resolutionDate'))}</th><th>${h(t('contracts.modifications.resolutionNumber'))}</th><th>${h(t('contracts.modifications.kind'))}</th><th>${h(t('contracts.modifications.line'))}</th><th class="num">${h(t('contracts.modifications.amount'))}</th><th>${h(t('contracts.modifications.reason'))}</th></tr></thead><tbody>
${x.modifications
  .map(
    (m) =>
      `<tr><td>${h(formatDate(m.resolutionDate))}</td><td>${h(m.resolutionNumber)}</td><td>${h(t(`contracts.modificationKinds.${m.kind}`))}</td><td>${h(modificationLines(m, t))}</td>${num(money(m.amountCentimos))}<td class="wrap">${h(m.reason)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
}`;
  const expenses = `
<h2>${h(t('contracts.expenses.title'))}</h2>
${
  x.expenses.length === 0
    ? `<p class="small">${h(t('contracts.expenses.empty', { year: s.year }))}</p>`
    : `<table><thead><tr><th>${h(t('contracts.expenses.date'))}</th><th>${h(t('contracts.expenses.line'))}</th><th>${h(t('contracts.expenses.supplier'))}</th><th>${h(t('contracts.expenses.document'))}</th><th>${h(t('contracts.expenses.description'))}</th><th class="num">${h(t('contracts.expenses.amount'))}</th></tr></thead><tbody>
${x.expenses
  .map(
    (e) =>
      `<tr${e.voided ? ' class="voided"' : ''}><td>${h(formatDate(e.date))}</td><td>${h(t(`contracts.budgetLines.${e.line}`))}</td><td class="wrap">${h(e.supplierName)}<br><span class="small">RUC ${h(e.supplierRuc)}</span></td><td>${h(t(`contracts.expenseDocumentTypes.${e.documentType}`))} ${h(e.documentNumber)}</td><td class="wrap">${h(e.description)}${e.link ? `<br><span class="small">${h(linkText(e, t))}</span>` : ''}${e.voided ? `<br><span class="small">${h(t('contracts.expenses.voidedBy', { date: formatDateTime(e.voidedAt ?? ''), user: e.voidedBy ?? '', reason: e.voidReason ?? '' }))}</span>` : ''}</td>${num(money(e.amountCentimos))}</tr>`,
  )
  .join('\n')}
</tbody></table>`
}`;
  return `${modifications}\n${months}\n${expenses}`;
}

export const budgetExtraCss = `
table.months { page-break-inside: avoid; }
table.months td, table.months th { font-size: 7.5pt; padding: 1mm 1.2mm; }
td.wrap { white-space: normal; }
tr.voided td { color: #777; text-decoration: line-through; }
tr.voided td .small { text-decoration: none; }`;

/** The sheets of modifications, execution by month and expenses. */
export function addBudgetExtraSheets(wb: ExcelJS.Workbook, s: BudgetSummary, x: BudgetReportExtra, t: Translate): void {
  addTableSheet(
    wb,
    t('contracts.execution.sheet'),
    [
      {
        header: t('contracts.budget.line'),
        width: 18,
        value: (r: BudgetSummary['months'][number]) => t(`contracts.budgetLines.${r.line}`),
      },
      ...monthKeys.map((k, i) => ({
        header: `${t(k)} (S/)`,
        width: 13,
        kind: 'money' as const,
        value: (r: BudgetSummary['months'][number]) => r.months[i] ?? 0,
      })),
      {
        header: `${t('contracts.budget.total')} (S/)`,
        width: 15,
        kind: 'money',
        value: (r: BudgetSummary['months'][number]) => r.months.reduce((a, c) => a + c, 0),
      },
    ],
    s.months,
  );
  addTableSheet(
    wb,
    t('contracts.execution.modificationsSheet'),
    [
      { header: t('contracts.modifications.resolutionDate'), width: 14, kind: 'date', value: (m: Modification) => m.resolutionDate },
      { header: t('contracts.modifications.resolutionNumber'), width: 26, value: (m: Modification) => m.resolutionNumber },
      { header: t('contracts.modifications.kind'), width: 24, value: (m: Modification) => t(`contracts.modificationKinds.${m.kind}`) },
      { header: t('contracts.modifications.line'), width: 30, value: (m: Modification) => modificationLines(m, t) },
      { header: t('contracts.modifications.amount'), width: 15, kind: 'money', value: (m: Modification) => m.amountCentimos },
      { header: t('contracts.modifications.reason'), width: 50, value: (m: Modification) => m.reason },
    ],
    x.modifications,
  );
  addTableSheet(
    wb,
    t('contracts.execution.expensesSheet'),
    [
      { header: t('contracts.expenses.date'), width: 12, kind: 'date', value: (e: Expense) => e.date },
      { header: t('contracts.expenses.line'), width: 16, value: (e: Expense) => t(`contracts.budgetLines.${e.line}`) },
      { header: t('contracts.expenses.supplierName'), width: 30, value: (e: Expense) => e.supplierName },
      { header: t('contracts.expenses.supplierRuc'), width: 14, value: (e: Expense) => e.supplierRuc },
      {
        header: t('contracts.expenses.documentType'),
        width: 20,
        value: (e: Expense) => t(`contracts.expenseDocumentTypes.${e.documentType}`),
      },
      { header: t('contracts.expenses.documentNumber'), width: 16, value: (e: Expense) => e.documentNumber },
      { header: t('contracts.expenses.amount'), width: 14, kind: 'money', value: (e: Expense) => e.amountCentimos },
      { header: t('contracts.expenses.description'), width: 40, value: (e: Expense) => e.description },
      { header: t('contracts.expenses.link'), width: 30, value: (e: Expense) => linkText(e, t) },
      { header: t('contracts.expenses.voided'), width: 40, value: (e: Expense) => (e.voided ? (e.voidReason ?? '') : '') },
    ],
    x.expenses,
  );
}
