import { formatDateTime, formatMoney, type Locale } from '../../../shared/format';
import type { BudgetLineRow, BudgetSummary } from '../../../shared/contracts/schemas';
import { formatUsd } from '../../../shared/contracts/format';
import { tableWorkbook } from '../export/table';
import type { HandlerContext } from '../ipc/context';
import { escapeHtml as h, htmlDocument } from '../pdf/html';
import type { Translate } from '../i18n';
import { addBudgetExtraSheets, budgetExtraCss, budgetExtraHtml, type BudgetReportExtra } from './budget-report-extra';

// ── Reports ─────────────────────────────────────────────────────────────────────

const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)} %`);

export function budgetReportHtml(s: BudgetSummary, x: BudgetReportExtra, t: Translate, locale: Locale, now: string, user: string): string {
  const money = (c: number) => formatMoney(c, locale);
  const dollars = (c: number | undefined) => (c === undefined ? '—' : formatUsd(c, locale));
  const row = (label: string, r: Omit<BudgetLineRow, 'line'>, strong = false) => {
    const td = (v: string) => `<td class="num">${strong ? `<b>${h(v)}</b>` : h(v)}</td>`;
    return `<tr${r.alert ? ' class="alert"' : ''}><td>${strong ? `<b>${h(label)}</b>` : h(label)}</td>${td(money(r.budgetCentimos))}${td(money(r.committedCentimos))}${td(money(r.executedCentimos))}${td(money(r.availableCentimos))}${td(pct(r.usedPercent))}${td(dollars(r.usdCents?.budget))}${td(dollars(r.usdCents?.executed))}${td(dollars(r.usdCents?.available))}</tr>`;
  };
  const body = `
<div class="org">Instituto Nacional Penitenciario — ${h(t('app.tagline'))}</div>
<h1>${h(t('contracts.budget.reportTitle', { year: s.year }))}</h1>
<dl class="meta">
  <dt>${h(t('contracts.budget.year'))}</dt><dd>${s.year}</dd>
  <dt>${h(t('contracts.budget.exchangeRateShort'))}</dt><dd>${s.exchangeRate === null ? '—' : h(t('contracts.budget.rateValue', { rate: s.exchangeRate.toFixed(4) }))}</dd>
  <dt>${h(t('contracts.budget.totalBudget'))}</dt><dd>${h(money(s.total.budgetCentimos))}${s.total.usdCents ? ` (${h(dollars(s.total.usdCents.budget))})` : ''}</dd>
</dl>
<table>
<thead><tr><th>${h(t('contracts.budget.line'))}</th><th class="num">${h(t('contracts.budget.budget'))} (S/)</th><th class="num">${h(t('contracts.budget.committed'))} (S/)</th><th class="num">${h(t('contracts.budget.executed'))} (S/)</th><th class="num">${h(t('contracts.budget.available'))} (S/)</th><th class="num">${h(t('contracts.budget.used'))}</th><th class="num">${h(t('contracts.budget.budget'))} (US$)</th><th class="num">${h(t('contracts.budget.executed'))} (US$)</th><th class="num">${h(t('contracts.budget.available'))} (US$)</th></tr></thead>
<tbody>
${s.lines.map((l) => row(t(`contracts.budgetLines.${l.line}`), l)).join('\n')}
${row(t('contracts.budget.total'), s.total, true)}
</tbody></table>
<h2>${h(t('contracts.budget.howTitle'))}</h2>
<p class="small">${h(t('contracts.budget.howCommitted'))}</p>
<p class="small">${h(t('contracts.budget.howExecuted'))}</p>
<p class="small">${h(t('contracts.budget.howExecutedSplit', { payments: money(s.total.executedPaymentsCentimos), instruments: money(s.total.executedInstrumentsCentimos), materials: money(s.total.executedMaterialsCentimos) }))}</p>
<p class="small">${h(t('contracts.execution.howExpenses', { amount: money(s.total.executedExpensesCentimos), modified: money(s.total.modificationsCentimos) }))}</p>
${s.notes ? `<p class="small"><b>${h(t('contracts.budget.notes'))}:</b> ${h(s.notes)}</p>` : ''}
${budgetExtraHtml(s, x, t, locale)}
<p class="footer">${h(t('inventory.reports.generatedAt', { date: formatDateTime(now), user }))}</p>`;
  return htmlDocument({
    lang: locale,
    title: t('contracts.budget.reportTitle', { year: s.year }),
    page: { size: 'A4', landscape: true, margin: '12mm' },
    css: `
.org { font-size: 8.5pt; letter-spacing: 0.04em; text-transform: uppercase; color: #333; margin-bottom: 1mm; }
.meta { display: grid; grid-template-columns: 45mm 1fr; gap: 1mm 4mm; margin: 3mm 0 4mm; }
.meta dt { font-weight: bold; } .meta dd { margin: 0; }
th { background: #eee; font-size: 8.5pt; }
td { font-size: 9pt; white-space: nowrap; }
tr.alert td { background: #fde8e8; }
.footer { margin-top: 6mm; font-size: 8pt; color: #444; }${budgetExtraCss}`,
    body,
  });
}

export async function budgetWorkbook(ctx: HandlerContext, s: BudgetSummary, x: BudgetReportExtra): Promise<Buffer> {
  const { t } = ctx;
  type R = Omit<BudgetLineRow, 'line'> & { label: string };
  const rows: R[] = [
    ...s.lines.map((l) => ({ ...l, label: t(`contracts.budgetLines.${l.line}`) })),
    { ...s.total, label: t('contracts.budget.total') },
  ];
  // Amounts in céntimos (US cents): the sheet shows them as numbers in S/ (US$) with two decimals.
  const wb = await tableWorkbook<R>(
    t('contracts.budget.sheet', { year: s.year }).slice(0, 31),
    [
      { header: t('contracts.budget.line'), width: 20, value: (r) => r.label },
      { header: `${t('contracts.budget.budget')} (S/)`, width: 16, kind: 'money', value: (r) => r.budgetCentimos },
      { header: `${t('contracts.budget.committed')} (S/)`, width: 16, kind: 'money', value: (r) => r.committedCentimos },
      { header: `${t('contracts.budget.executed')} (S/)`, width: 16, kind: 'money', value: (r) => r.executedCentimos },
      { header: `${t('contracts.budget.available')} (S/)`, width: 16, kind: 'money', value: (r) => r.availableCentimos },
      {
        header: t('contracts.budget.used'),
        width: 10,
        kind: 'percent',
        value: (r) => (r.usedPercent === null ? null : r.usedPercent / 100),
      },
      { header: `${t('contracts.budget.budget')} (US$)`, width: 16, kind: 'usd', value: (r) => r.usdCents?.budget ?? null },
      { header: `${t('contracts.budget.committed')} (US$)`, width: 16, kind: 'usd', value: (r) => r.usdCents?.committed ?? null },
      { header: `${t('contracts.budget.executed')} (US$)`, width: 16, kind: 'usd', value: (r) => r.usdCents?.executed ?? null },
      { header: `${t('contracts.budget.available')} (US$)`, width: 16, kind: 'usd', value: (r) => r.usdCents?.available ?? null },
    ],
    rows,
  );
  const ws = wb.worksheets[0]!;
  ws.getRow(rows.length + 1).font = { bold: true };
  const note = ws.addRow([]);
  note.getCell(1).value = s.exchangeRate === null ? '' : t('contracts.budget.rateNote', { rate: s.exchangeRate.toFixed(4) });
  ws.addRow([t('contracts.budget.howCommitted')]);
  ws.addRow([t('contracts.budget.howExecuted')]);
  ws.addRow([
    t('contracts.budget.howExecutedSplit', {
      payments: formatMoney(s.total.executedPaymentsCentimos, ctx.session.locale),
      instruments: formatMoney(s.total.executedInstrumentsCentimos, ctx.session.locale),
      materials: formatMoney(s.total.executedMaterialsCentimos, ctx.session.locale),
    }),
  ]);
  ws.addRow([
    t('contracts.execution.howExpenses', {
      amount: formatMoney(s.total.executedExpensesCentimos, ctx.session.locale),
      modified: formatMoney(s.total.modificationsCentimos, ctx.session.locale),
    }),
  ]);
  addBudgetExtraSheets(wb, s, x, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
