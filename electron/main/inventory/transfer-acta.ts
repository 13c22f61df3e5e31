import { formatDate, formatDateTime, type Locale } from '../../../shared/format';
import type { Translate } from '../i18n';
import { escapeHtml as h, htmlDocument } from '../pdf/html';
import type { Transfer } from './repository';

/**
 * The transfer acta (issue 16, item 4): what was dispatched from where to where, each
 * instrument's receipt, and the signature lines of who hands over, who carries and who
 * receives, printed like the stocktake acta (inventory/documents.ts).
 */

const css = `
.org { font-size: 8.5pt; letter-spacing: 0.04em; text-transform: uppercase; color: #333; margin-bottom: 1mm; }
.meta { display: grid; grid-template-columns: 50mm 1fr; gap: 1mm 4mm; margin: 3mm 0 4mm; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
th { background: #eee; }
.code { white-space: nowrap; }
.pending { color: #8a5a00; font-style: italic; }
.signatures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10mm; margin-top: 22mm; }
.signatures div { border-top: 0.6pt solid #000; padding-top: 1.5mm; text-align: center; font-size: 9pt; }
.footer { margin-top: 6mm; font-size: 8pt; color: #444; }
`;

export function transferActaHtml(tr: Transfer, t: Translate, locale: Locale, now: string, user: string): string {
  const condition = (c: string | null) => (c ? t(`inventory.conditions.${c}`) : '');
  const field = (label: string, value: string | null) => (value ? `<dt>${h(label)}</dt><dd>${h(value)}</dd>` : '');
  const rows = tr.lines
    .map(
      (l) =>
        `<tr><td class="code">${h(l.code)}</td><td>${h(l.typeName)}</td><td>${h(l.brand ?? '')}</td><td>${h(condition(l.condition))}</td>${
          l.receivedOn
            ? `<td>${h(formatDate(l.receivedOn))}</td><td>${h(l.receivedBy ?? '')}</td><td>${h(condition(l.receivedCondition))}</td>`
            : `<td colspan="3" class="pending">${h(t('inventory.transfers.pending'))}</td>`
        }</tr>`,
    )
    .join('');
  const body = `
<div class="org">Instituto Nacional Penitenciario — ${h(t('app.tagline'))}</div>
<h1>${h(t('inventory.transfers.actaTitle'))}${tr.documentNumber ? ` N.° ${h(tr.documentNumber)}` : ''}</h1>
<dl class="meta">
  ${field(t('inventory.transfers.from'), tr.fromName ?? t('inventory.instruments.central'))}
  ${field(t('inventory.transfers.to'), tr.toName ?? t('inventory.instruments.central'))}
  ${field(t('inventory.transfers.dispatchedOn'), formatDate(tr.date))}
  ${field(t('inventory.transfers.dispatchedBy'), tr.person ?? tr.recordedBy)}
  ${field(t('inventory.transfers.count'), String(tr.lines.length))}
  ${field(t('inventory.transfers.description'), tr.description)}
</dl>
<table><thead>
<tr><th colspan="4">${h(t('inventory.transfers.dispatch'))}</th><th colspan="3">${h(t('inventory.transfers.receipt'))}</th></tr>
<tr><th>${h(t('inventory.instruments.code'))}</th><th>${h(t('inventory.instruments.type'))}</th><th>${h(t('inventory.instruments.brand'))}</th><th>${h(t('inventory.instruments.condition'))}</th><th>${h(t('inventory.transfers.receivedOn'))}</th><th>${h(t('inventory.transfers.receivedBy'))}</th><th>${h(t('inventory.instruments.condition'))}</th></tr>
</thead><tbody>${rows}</tbody></table>
<h2 class="avoid-break">${h(t('inventory.stocktake.actaSignatures'))}</h2>
<div class="signatures avoid-break">
  <div>${h(t('inventory.transfers.signDispatcher'))}</div>
  <div>${h(t('inventory.transfers.signCarrier'))}</div>
  <div>${h(t('inventory.transfers.signReceiver'))}</div>
</div>
<p class="footer">${h(t('inventory.reports.generatedAt', { date: formatDateTime(now), user }))}</p>`;
  return htmlDocument({ lang: locale, title: t('inventory.transfers.actaTitle'), css, body });
}
