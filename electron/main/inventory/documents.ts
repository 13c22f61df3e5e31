import { formatDate, formatDateTime, formatMoney, type Locale } from '../../../shared/format';
import type { Instrument } from '../../../shared/inventory/schemas';
import { conditions, families } from '../../../shared/inventory/rules';
import type { StocktakeDetail, StocktakeLine } from '../../../shared/inventory/stocktake-schemas';
import type { Translate } from '../i18n';
import { escapeHtml as h, htmlDocument } from '../pdf/html';
import { code128Svg, qrSvg } from '../pdf/codes';

/**
 * The inventory's printed documents as pure functions from data to HTML: the stocktake
 * acta, the label sheet and the inventory report. Platform.printPdf prints them.
 */

const docCss = `
.org { font-size: 8.5pt; letter-spacing: 0.04em; text-transform: uppercase; color: #333; margin-bottom: 1mm; }
.meta { display: grid; grid-template-columns: 45mm 1fr; gap: 1mm 4mm; margin: 3mm 0 4mm; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
.totals td { width: 25%; }
.signatures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10mm; margin-top: 22mm; }
.signatures div { border-top: 0.6pt solid #000; padding-top: 1.5mm; text-align: center; font-size: 9pt; }
th { background: #eee; }
.footer { margin-top: 6mm; font-size: 8pt; color: #444; }
.code { white-space: nowrap; }
`;

function lineTable(t: Translate, lines: StocktakeLine[], withRegistered: boolean): string {
  if (lines.length === 0) return `<p class="muted">${h(t('inventory.stocktake.none'))}</p>`;
  const head = [
    t('inventory.instruments.code'),
    t('inventory.instruments.type'),
    t('inventory.instruments.brand'),
    ...(withRegistered ? [t('inventory.instruments.establishment'), t('inventory.instruments.status')] : []),
    t('inventory.instruments.condition'),
  ];
  const rows = lines
    .map((l) => {
      const condition = l.countedCondition ?? l.registeredCondition;
      return `<tr><td class="code">${h(l.code)}</td><td>${h(l.typeName)}</td><td>${h(l.brand)}</td>${
        withRegistered
          ? `<td>${h(l.registeredEstablishmentName ?? (l.registeredStatus ? t('inventory.instruments.central') : ''))}</td><td>${h(l.registeredStatus ? t(`inventory.statuses.${l.registeredStatus}`) : '')}</td>`
          : ''
      }<td>${h(condition ? t(`inventory.conditions.${condition}`) : '')}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function stocktakeActaHtml(d: StocktakeDetail, regionalOffice: string, t: Translate, locale: Locale, now: string): string {
  const s = d.stocktake;
  const totals: Array<[string, number]> = [
    [t('inventory.stocktake.expected'), d.expected],
    [t('inventory.stocktake.found'), d.found.length],
    [t('inventory.stocktake.missing'), d.missing.length],
    [t('inventory.stocktake.elsewhere'), d.elsewhere.length],
    [t('inventory.stocktake.unknown'), d.unknown.length],
  ];
  const body = `
<div class="org">Instituto Nacional Penitenciario — ${h(t('app.tagline'))}</div>
<h1>${h(t('inventory.stocktake.actaTitle'))}${s.actaNumber ? ` N.° ${h(s.actaNumber)}` : ''}</h1>
<dl class="meta">
  <dt>${h(t('inventory.stocktake.actaEstablishment'))}</dt><dd>${h(s.establishmentName)}</dd>
  <dt>${h(t('inventory.stocktake.actaRegionalOffice'))}</dt><dd>${h(regionalOffice)}</dd>
  <dt>${h(t('inventory.stocktake.openedAt'))}</dt><dd>${h(formatDateTime(s.openedAt))} — ${h(s.openedBy)}</dd>
  ${s.closedAt ? `<dt>${h(t('inventory.stocktake.closedAt'))}</dt><dd>${h(formatDateTime(s.closedAt))} — ${h(s.closedBy)}</dd>` : ''}
  ${s.actaDate ? `<dt>${h(t('inventory.stocktake.actaDate'))}</dt><dd>${h(formatDate(s.actaDate))}</dd>` : ''}
</dl>
<h2>${h(t('inventory.stocktake.actaTotals'))}</h2>
<table class="totals"><tbody>${totals.map(([k, v]) => `<tr><th>${h(k)}</th><td class="num">${v}</td></tr>`).join('')}</tbody></table>
<h2>${h(t('inventory.stocktake.missing'))} (${d.missing.length})</h2>
${lineTable(t, d.missing, false)}
<h2>${h(t('inventory.stocktake.elsewhere'))} (${d.elsewhere.length})</h2>
${lineTable(t, d.elsewhere, true)}
<h2>${h(t('inventory.stocktake.unknown'))} (${d.unknown.length})</h2>
${d.unknown.length ? `<p>${d.unknown.map((u) => h(u.code)).join(', ')}</p>` : `<p class="muted">${h(t('inventory.stocktake.none'))}</p>`}
<h2>${h(t('inventory.stocktake.found'))} (${d.found.length})</h2>
${lineTable(t, d.found, false)}
<h2 class="avoid-break">${h(t('inventory.stocktake.actaSignatures'))}</h2>
<div class="signatures avoid-break">
  <div>${h(t('inventory.stocktake.actaSignClerk'))}</div>
  <div>${h(t('inventory.stocktake.actaSignDirector'))}</div>
  <div>${h(t('inventory.stocktake.actaSignWitness'))}</div>
</div>
<p class="footer">${h(t('inventory.reports.generatedAt', { date: formatDateTime(now), user: s.closedBy ?? s.openedBy }))}</p>`;
  return htmlDocument({
    lang: locale,
    title: `${t('inventory.stocktake.actaTitle')} — ${s.establishmentName}`,
    css: docCss,
    body,
  });
}

/**
 * A4 sheet of 21 labels (3 × 7, 63.5 × 38.1 mm, the usual adhesive sheet): the code as QR
 * or Code 128, the patrimonial code in letters, the type and the establishment.
 */
export function labelsHtml(instruments: Instrument[], symbology: 'qr' | 'code128', t: Translate, locale: Locale): string {
  const css = `
.sheet { display: grid; grid-template-columns: repeat(3, 63.5mm); grid-auto-rows: 38.1mm; column-gap: 2.5mm; }
.label { overflow: hidden; padding: 2mm 2.5mm; display: flex; gap: 2mm; align-items: center; break-inside: avoid; }
.label.code128 { flex-direction: column; justify-content: center; gap: 1mm; text-align: center; }
.label .qr svg { width: 24mm; height: 24mm; display: block; }
.label .bar svg { width: 56mm; height: 13mm; display: block; }
.label .code { font-weight: bold; font-size: 10pt; }
.label .type { font-size: 8.5pt; }
.label .est { font-size: 7.5pt; color: #333; }
.label .org { font-size: 6.5pt; letter-spacing: 0.05em; color: #555; }
`;
  const cells = instruments
    .map((i) => {
      const where = i.establishmentName ?? t('inventory.instruments.central');
      const text = `<div><div class="org">INPE — ArteINPE</div><div class="code">${h(i.code)}</div><div class="type">${h(i.typeName)}</div><div class="est">${h(where)}</div></div>`;
      return symbology === 'qr'
        ? `<div class="label"><div class="qr">${qrSvg(i.code)}</div>${text}</div>`
        : `<div class="label code128"><div class="bar">${code128Svg(i.code, { showText: false })}</div>${text}</div>`;
    })
    .join('');
  return htmlDocument({
    lang: locale,
    title: t('inventory.reports.labels'),
    css,
    page: { size: 'A4', margin: '15.1mm 7.2mm' },
    body: `<div class="sheet">${cells}</div>`,
  });
}

/** One establishment's instruments with totals by family and condition, and value in PEN. */
export function inventoryReportHtml(
  establishment: { name: string; regionalOffice: string },
  instruments: Instrument[],
  t: Translate,
  locale: Locale,
  now: string,
  user: string,
): string {
  const total = instruments.reduce((a, i) => a + i.costCentimos, 0);
  const byFamily = families
    .map((f) => {
      const list = instruments.filter((i) => i.family === f);
      return { label: t(`inventory.families.${f}`), n: list.length, value: list.reduce((a, i) => a + i.costCentimos, 0) };
    })
    .filter((x) => x.n > 0);
  const byCondition = conditions.map((c) => ({
    label: t(`inventory.conditions.${c}`),
    n: instruments.filter((i) => i.condition === c).length,
  }));
  const rows = instruments
    .map(
      (i) =>
        `<tr><td class="code">${h(i.code)}</td><td>${h(i.typeName)}</td><td>${h([i.brand, i.model].filter(Boolean).join(' '))}</td><td class="code">${h(i.serialNumber)}</td><td>${h(t(`inventory.statuses.${i.status}`))}</td><td>${h(t(`inventory.conditions.${i.condition}`))}</td><td>${h(i.custodianName)}</td><td>${h(formatDate(i.acquisitionDate))}</td><td class="num">${h(formatMoney(i.costCentimos, locale))}</td></tr>`,
    )
    .join('');
  const body = `
<div class="org">Instituto Nacional Penitenciario — ${h(t('app.tagline'))}</div>
<h1>${h(t('inventory.reports.byEstablishment'))}</h1>
<dl class="meta">
  <dt>${h(t('inventory.stocktake.actaEstablishment'))}</dt><dd>${h(establishment.name)}</dd>
  <dt>${h(t('inventory.stocktake.actaRegionalOffice'))}</dt><dd>${h(establishment.regionalOffice)}</dd>
  <dt>${h(t('inventory.reports.total'))}</dt><dd>${instruments.length}</dd>
  <dt>${h(t('inventory.reports.totalValue'))}</dt><dd>${h(formatMoney(total, locale))}</dd>
</dl>
<h2>${h(t('inventory.reports.byFamily'))}</h2>
<table><thead><tr><th>${h(t('inventory.instruments.family'))}</th><th class="num">${h(t('inventory.reports.total'))}</th><th class="num">${h(t('inventory.instruments.value'))}</th></tr></thead>
<tbody>${byFamily.map((f) => `<tr><td>${h(f.label)}</td><td class="num">${f.n}</td><td class="num">${h(formatMoney(f.value, locale))}</td></tr>`).join('')}</tbody></table>
<h2>${h(t('inventory.reports.byConditionHeading'))}</h2>
<table><thead><tr>${byCondition.map((c) => `<th class="num">${h(c.label)}</th>`).join('')}</tr></thead>
<tbody><tr>${byCondition.map((c) => `<td class="num">${c.n}</td>`).join('')}</tr></tbody></table>
<h2>${h(t('inventory.instruments.title'))}</h2>
<table class="small"><thead><tr><th>${h(t('inventory.instruments.code'))}</th><th>${h(t('inventory.instruments.type'))}</th><th>${h(t('inventory.instruments.brand'))}</th><th>${h(t('inventory.instruments.serialNumber'))}</th><th>${h(t('inventory.instruments.status'))}</th><th>${h(t('inventory.instruments.condition'))}</th><th>${h(t('inventory.instruments.custodian'))}</th><th>${h(t('inventory.instruments.acquisitionDate'))}</th><th class="num">${h(t('inventory.instruments.value'))}</th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="footer">${h(t('inventory.reports.generatedAt', { date: formatDateTime(now), user }))}</p>`;
  return htmlDocument({ lang: locale, title: `${t('inventory.reports.byEstablishment')} — ${establishment.name}`, css: docCss, body });
}
