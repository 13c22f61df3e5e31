import { formatDate, formatDateTime, formatMoney, type Locale } from '../../../shared/format';
import type { ContractDetail } from '../../../shared/contracts/schemas';
import type { Translate } from '../i18n';
import { escapeHtml as h, htmlDocument } from '../pdf/html';

/** "2026-03" → "marzo 2026" in the document's language. */
export function periodLabel(period: string, locale: Locale): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const name = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-PE', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
  return `${name} ${y}`;
}

/** One page that says what the contract is, where, until when, and what has been signed off and paid. */
export function contractSummaryHtml(d: ContractDetail, t: Translate, locale: Locale, now: string, user: string): string {
  const c = d.contract;
  const money = (x: number) => formatMoney(x, locale);
  const field = (label: string, value: string) => `<dt>${h(label)}</dt><dd>${h(value)}</dd>`;
  const statusText = t(`contracts.statuses.${c.status}`);
  const rows = d.schedule
    .map((m) => {
      const state = m.conformityStatus
        ? t(`contracts.conformityStatuses.${m.conformityStatus}`)
        : m.due
          ? t('contracts.conformities.missingShort')
          : '';
      return `<tr${m.due && !m.conformityStatus ? ' class="missing"' : ''}><td>${h(periodLabel(m.period, locale))}</td><td class="num">${h(money(m.expectedCentimos))}</td><td>${h(state)}</td><td class="num">${m.grossCentimos === null ? '' : h(money(m.grossCentimos))}</td><td>${h(formatDate(m.paymentDate))}</td></tr>`;
    })
    .join('');
  const body = `
<div class="org">Instituto Nacional Penitenciario — ${h(t('app.tagline'))}</div>
<h1>${h(t('contracts.summary.title'))}: ${h(c.number)}</h1>
<p class="status">${h(statusText)}${c.overBudget ? ` · ${h(t('contracts.contracts.overBudget'))}` : ''}</p>
<dl class="meta">
${field(t('contracts.contracts.teacher'), `${c.teacherName} — ${t('contracts.teachers.dni')} ${c.teacherDni}${d.teacherRuc ? ` — ${t('contracts.teachers.ruc')} ${d.teacherRuc}` : ''}`)}
${field(t('contracts.contracts.modality'), t(`contracts.modalities.${c.modality}`))}
${field(t('contracts.contracts.object'), c.object)}
${field(t('contracts.contracts.period'), `${formatDate(c.startDate)} – ${formatDate(c.endDate)}`)}
${field(t('contracts.contracts.amount'), `${money(c.amountCentimos)} (${t(`contracts.amountTypes.${c.amountType}`)})`)}
${field(t('contracts.contracts.total'), money(c.totalCentimos))}
${field(t('contracts.contracts.hoursPerWeek'), String(c.hoursPerWeek))}
${field(t('contracts.contracts.budgetLine'), t(`contracts.budgetLines.${c.budgetLine}`))}
${c.signedOn ? field(t('contracts.contracts.signedOn'), formatDate(c.signedOn)) : ''}
${c.resolvedOn ? field(t('contracts.contracts.resolvedOn'), `${formatDate(c.resolvedOn)} — ${c.resolutionReason ?? ''}`) : ''}
${c.previousNumber ? field(t('contracts.contracts.previous'), c.previousNumber) : ''}
${c.renewedByNumber ? field(t('contracts.contracts.renewedBy'), c.renewedByNumber) : ''}
</dl>
<h2>${h(t('contracts.contracts.establishments'))}</h2>
<table><thead><tr><th>${h(t('contracts.contracts.establishment'))}</th><th>${h(t('contracts.contracts.workshops'))}</th></tr></thead>
<tbody>${c.establishments.map((e) => `<tr><td>${h(e.name)}</td><td>${h([...e.linkedWorkshops.map((w) => w.name), ...(e.workshops ? [t('contracts.workshopLinks.typed', { text: e.workshops })] : [])].join('; '))}</td></tr>`).join('')}</tbody></table>
<h2>${h(t('contracts.contracts.schedule'))}</h2>
<table class="schedule"><thead><tr><th>${h(t('contracts.conformities.period'))}</th><th class="num">${h(t('contracts.contracts.expected'))}</th><th>${h(t('contracts.conformities.title'))}</th><th class="num">${h(t('contracts.conformities.gross'))}</th><th>${h(t('contracts.conformities.paymentDate'))}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th>${h(t('contracts.contracts.paid'))}</th><td class="num"><b>${h(money(d.paidCentimos))}</b></td><th>${h(t('contracts.contracts.pending'))}</th><td class="num"><b>${h(money(d.pendingCentimos))}</b></td><td></td></tr></tfoot></table>
${d.warnings.length ? `<div class="warn">${d.warnings.map((w) => `<p>${h(w.message)}</p>`).join('')}</div>` : ''}
<p class="footer">${h(t('inventory.reports.generatedAt', { date: formatDateTime(now), user }))}</p>`;
  return htmlDocument({
    lang: locale,
    title: `${t('contracts.summary.title')} ${c.number}`,
    page: { size: 'A4', margin: '14mm' },
    css: `
.org { font-size: 8.5pt; letter-spacing: 0.04em; text-transform: uppercase; color: #333; margin-bottom: 1mm; }
h1 { margin-bottom: 1mm; }
.status { font-weight: bold; margin-bottom: 3mm; }
.meta { display: grid; grid-template-columns: 42mm 1fr; gap: 1mm 4mm; margin: 2mm 0 3mm; }
.meta dt { font-weight: bold; } .meta dd { margin: 0; }
th { background: #eee; }
.schedule td, .schedule th { padding: 0.6mm 1.5mm; font-size: 8.5pt; }
tr.missing td { background: #fff3cd; }
.warn { border: 0.6pt solid #b58100; padding: 2mm; margin-top: 3mm; font-size: 9pt; }
.footer { margin-top: 5mm; font-size: 8pt; color: #444; }`,
    body,
  });
}
