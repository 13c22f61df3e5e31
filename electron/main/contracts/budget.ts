import type { Knex } from 'knex';
import { formatDateTime, formatMoney, type Locale } from '../../../shared/format';
import {
  budgetLines,
  lineBalance,
  penToUsdCents,
  RATE_SCALE,
  rateToScaled,
  totalBalance,
  type BudgetLine,
  type LineBalance,
} from '../../../shared/contracts/rules';
import type { BudgetLineRow, BudgetSummary } from '../../../shared/contracts/schemas';
import { formatUsd } from '../../../shared/contracts/format';
import { inTurn, later } from '../db/dialect';
import { saveExport, tableWorkbook } from '../export/table';
import { AppError, stale } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import { escapeHtml as h, htmlDocument } from '../pdf/html';
import type { Translate } from '../i18n';
import { type Row, numOr0, str } from '../db/rows';

/**
 * The programme budget per fiscal year and line. Committed, executed and available are never
 * typed: they are summed from the records each time.
 * - committed: what contracts in force still owe for the year's months — the installment of
 *   each month without a conformity, and the gross of each conformity not yet paid;
 * - executed: the gross of the conformities paid for the year's months, and on the
 *   instrumentos line the instruments bought with INPE's budget (acquired that year);
 * - available: budget − committed − executed.
 * A month belongs to the fiscal year of the service (December paid in January is December's).
 */

export interface LineFiguresDetail {
  committed: number;
  payments: number;
  instruments: number;
}

const range = (year: number) => ({ from: `${year}-01`, to: `${year}-12` });

/**
 * Committed and executed per line for one year, read from the months' state (kept in the same
 * transaction as every contract and conformity change).
 */
export async function yearFigures(db: Knex, year: number): Promise<Record<BudgetLine, LineFiguresDetail>> {
  const { from, to } = range(year);
  const out = Object.fromEntries(budgetLines.map((l) => [l, { committed: 0, payments: 0, instruments: 0 }])) as Record<
    BudgetLine,
    LineFiguresDetail
  >;
  const [months, instruments] = await inTurn([
    db('contract_months')
      .where('period', '>=', from)
      .where('period', '<=', to)
      .where('in_force', true)
      .groupBy('budget_line')
      .select(
        'budget_line as line',
        db.raw('SUM(CASE WHEN conformity_id IS NULL THEN expected_centimos ELSE 0 END) AS open_s'),
        db.raw('SUM(CASE WHEN conformity_id IS NOT NULL AND paid = ? THEN conformity_gross_centimos ELSE 0 END) AS pending_s', [false]),
        db.raw('SUM(CASE WHEN paid = ? THEN conformity_gross_centimos ELSE 0 END) AS paid_s', [true]),
      ) as Promise<Row[]>,
    later(() => instrumentPurchases(db, year)),
  ]);
  for (const r of months) {
    out[r.line as BudgetLine].committed += numOr0(r.open_s) + numOr0(r.pending_s);
    out[r.line as BudgetLine].payments += numOr0(r.paid_s);
  }
  out.instrumentos.instruments = instruments;
  return out;
}

/** Instruments bought in the year with INPE's budget (the inventory's register). */
async function instrumentPurchases(db: Knex, year: number): Promise<number> {
  const [row] = (await db('instruments')
    .where('funding', 'presupuesto_inpe')
    .where('acquisition_date', '>=', `${year}-01-01`)
    .where('acquisition_date', '<=', `${year}-12-31`)
    .sum({ s: 'cost_centimos' })) as Row[];
  return numOr0(row?.s);
}

/**
 * The same figures summed from the contracts and conformities themselves, without the months'
 * cached state: what the tests compare yearFigures against.
 */
export async function yearFiguresFromRecords(db: Knex, year: number): Promise<Record<BudgetLine, LineFiguresDetail>> {
  const { from, to } = range(year);
  const out = Object.fromEntries(budgetLines.map((l) => [l, { committed: 0, payments: 0, instruments: 0 }])) as Record<
    BudgetLine,
    LineFiguresDetail
  >;
  const [open, conformities, instruments] = await inTurn([
    db('contract_months as m')
      .join('contracts as c', 'c.id', 'm.contract_id')
      .where('m.period', '>=', from)
      .where('m.period', '<=', to)
      .whereNot('c.status', 'borrador')
      .whereNotExists(
        db('service_conformities as f').whereRaw('f.contract_id = m.contract_id').whereRaw('f.period = m.period').whereNot('f.status', 'anulada'),
      )
      .groupBy('c.budget_line')
      .select('c.budget_line as line')
      .sum({ s: 'm.expected_centimos' }) as Promise<Row[]>,
    db('service_conformities as f')
      .join('contracts as c', 'c.id', 'f.contract_id')
      .where('f.period', '>=', from)
      .where('f.period', '<=', to)
      .whereNot('f.status', 'anulada')
      .groupBy('c.budget_line', 'f.status')
      .select('c.budget_line as line', 'f.status as status')
      .sum({ s: 'f.gross_centimos' }) as Promise<Row[]>,
    db('instruments')
      .where('funding', 'presupuesto_inpe')
      .where('acquisition_date', '>=', `${year}-01-01`)
      .where('acquisition_date', '<=', `${year}-12-31`)
      .sum({ s: 'cost_centimos' }) as Promise<Row[]>,
  ]);
  for (const r of open) out[r.line as BudgetLine].committed += numOr0(r.s);
  for (const r of conformities) {
    if (r.status === 'pagada') out[r.line as BudgetLine].payments += numOr0(r.s);
    else out[r.line as BudgetLine].committed += numOr0(r.s);
  }
  out.instrumentos.instruments = numOr0(instruments[0]?.s);
  return out;
}

const usd = (b: LineBalance, rate: number | null) =>
  rate === null
    ? null
    : {
        budget: penToUsdCents(b.budgetCentimos, rate),
        committed: penToUsdCents(b.committedCentimos, rate),
        executed: penToUsdCents(b.executedCentimos, rate),
        available: penToUsdCents(b.availableCentimos, rate),
      };

export async function budgetSummary(db: Knex, year: number): Promise<BudgetSummary> {
  const y = (await db('budget_years').where({ year }).first()) as Row | undefined;
  const amounts = (await db('budget_lines').where({ year }).select('line', 'amount_centimos')) as Row[];
  const figures = await yearFigures(db, year);
  const rate = y ? numOr0(y.exchange_rate_e4) : null;
  const balances = budgetLines.map((line) => {
    const f = figures[line];
    const b = lineBalance({
      budgetCentimos: numOr0(amounts.find((a) => a.line === line)?.amount_centimos),
      committedCentimos: f.committed,
      executedCentimos: f.payments + f.instruments,
    });
    return { line, b, f };
  });
  const lines: BudgetLineRow[] = balances.map(({ line, b, f }) => ({
    line,
    ...b,
    executedPaymentsCentimos: f.payments,
    executedInstrumentsCentimos: f.instruments,
    usdCents: usd(b, rate),
  }));
  const total = totalBalance(balances.map((x) => x.b));
  return {
    year,
    defined: y !== undefined,
    exchangeRate: rate === null ? null : rate / RATE_SCALE,
    notes: y ? str(y.notes) : null,
    version: y ? numOr0(y.version) : null,
    lines,
    total: {
      ...total,
      executedPaymentsCentimos: lines.reduce((a, l) => a + l.executedPaymentsCentimos, 0),
      executedInstrumentsCentimos: lines.reduce((a, l) => a + l.executedInstrumentsCentimos, 0),
      usdCents: usd(total, rate),
    },
    updatedAt: y ? str(y.updated_at) : null,
    updatedBy: y ? str(y.updated_by) : null,
  };
}

// ── Reports ─────────────────────────────────────────────────────────────────────

const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)} %`);

export function budgetReportHtml(s: BudgetSummary, t: Translate, locale: Locale, now: string, user: string): string {
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
<p class="small">${h(t('contracts.budget.howExecutedSplit', { payments: money(s.total.executedPaymentsCentimos), instruments: money(s.total.executedInstrumentsCentimos) }))}</p>
${s.notes ? `<p class="small"><b>${h(t('contracts.budget.notes'))}:</b> ${h(s.notes)}</p>` : ''}
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
.footer { margin-top: 6mm; font-size: 8pt; color: #444; }`,
    body,
  });
}

async function budgetWorkbook(ctx: HandlerContext, s: BudgetSummary): Promise<Buffer> {
  const { t } = ctx;
  type R = Omit<BudgetLineRow, 'line'> & { label: string };
  const rows: R[] = [...s.lines.map((l) => ({ ...l, label: t(`contracts.budgetLines.${l.line}`) })), { ...s.total, label: t('contracts.budget.total') }];
  // Amounts in céntimos (US cents): the sheet shows them as numbers in S/ (US$) with two decimals.
  const wb = tableWorkbook<R>(t('contracts.budget.sheet', { year: s.year }).slice(0, 31), [
    { header: t('contracts.budget.line'), width: 20, value: (r) => r.label },
    { header: `${t('contracts.budget.budget')} (S/)`, width: 16, kind: 'money', value: (r) => r.budgetCentimos },
    { header: `${t('contracts.budget.committed')} (S/)`, width: 16, kind: 'money', value: (r) => r.committedCentimos },
    { header: `${t('contracts.budget.executed')} (S/)`, width: 16, kind: 'money', value: (r) => r.executedCentimos },
    { header: `${t('contracts.budget.available')} (S/)`, width: 16, kind: 'money', value: (r) => r.availableCentimos },
    { header: t('contracts.budget.used'), width: 10, kind: 'percent', value: (r) => (r.usedPercent === null ? null : r.usedPercent / 100) },
    { header: `${t('contracts.budget.budget')} (US$)`, width: 16, kind: 'usd', value: (r) => r.usdCents?.budget ?? null },
    { header: `${t('contracts.budget.committed')} (US$)`, width: 16, kind: 'usd', value: (r) => r.usdCents?.committed ?? null },
    { header: `${t('contracts.budget.executed')} (US$)`, width: 16, kind: 'usd', value: (r) => r.usdCents?.executed ?? null },
    { header: `${t('contracts.budget.available')} (US$)`, width: 16, kind: 'usd', value: (r) => r.usdCents?.available ?? null },
  ], rows);
  const ws = wb.worksheets[0]!;
  ws.getRow(rows.length + 1).font = { bold: true };
  const note = ws.addRow([]);
  note.getCell(1).value = s.exchangeRate === null ? '' : t('contracts.budget.rateNote', { rate: s.exchangeRate.toFixed(4) });
  ws.addRow([t('contracts.budget.howCommitted')]);
  ws.addRow([t('contracts.budget.howExecuted')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type BudgetHandlers = Pick<Handlers, 'budget.years' | 'budget.summary' | 'budget.save' | 'budget.export'>;

export const budgetHandlers: BudgetHandlers = {
  'budget.years': async (_input, ctx) => {
    const rows = (await ctx.db('budget_years as y')
      .leftJoin('budget_lines as l', 'l.year', 'y.year')
      .groupBy('y.year', 'y.exchange_rate_e4')
      .orderBy('y.year', 'desc')
      .select('y.year', 'y.exchange_rate_e4')
      .sum({ s: 'l.amount_centimos' })) as Row[];
    return rows.map((r) => ({ year: numOr0(r.year), budgetCentimos: numOr0(r.s), exchangeRate: numOr0(r.exchange_rate_e4) / RATE_SCALE }));
  },

  'budget.summary': ({ year }, ctx) => budgetSummary(ctx.db, year),

  'budget.save': async ({ year, exchangeRate, lines, notes, version }, ctx) => {
    const before = await budgetSummary(ctx.db, year);
    if (version === null && before.defined) {
      throw new AppError('conflict', 'contracts.errors.budgetExists', { year }, { year: { key: 'contracts.errors.budgetExists', params: { year } } });
    }
    if (version !== null && before.version !== version) throw stale();
    const row = { exchange_rate_e4: rateToScaled(exchangeRate), notes, updated_at: ctx.now, updated_by: ctx.session.actor.name };
    if (version === null) await ctx.db('budget_years').insert({ year, ...row, version: 1 });
    else {
      const n = await ctx.db('budget_years').where({ year, version }).update({ ...row, version: version + 1 });
      if (n !== 1) throw stale();
    }
    await ctx.db('budget_lines').where({ year }).delete();
    await ctx.db('budget_lines').insert(budgetLines.map((line) => ({ year, line, amount_centimos: lines[line] })));
    const after = await budgetSummary(ctx.db, year);
    await ctx.audit({
      entity: 'budget',
      entityId: year,
      action: version === null ? 'create' : 'update',
      before: before.defined ? { exchangeRate: before.exchangeRate, lines: before.lines.map((l) => [l.line, l.budgetCentimos]) } : undefined,
      after: { exchangeRate, lines },
    });
    return after;
  },

  'budget.export': async ({ year, format }, ctx) => {
    const s = await budgetSummary(ctx.db, year);
    const baseName = ctx.t('contracts.budget.fileName', { year });
    if (format === 'pdf') {
      return saveExport(ctx, {
        baseName,
        extension: 'pdf',
        rows: s.lines.length,
        build: () =>
          ctx.platform.printPdf({
            html: budgetReportHtml(s, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name),
            pageSize: 'A4',
            landscape: true,
          }),
      });
    }
    return saveExport(ctx, { baseName, extension: 'xlsx', rows: s.lines.length, build: () => budgetWorkbook(ctx, s) });
  },
};
