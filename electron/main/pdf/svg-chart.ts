import { SANS } from './fonts';
import { escapeHtml as h } from './html';

/**
 * Static SVG charts for printed documents (the evaluation page's PDF, the annual report), built
 * in main from the figures (never markup from the renderer). Recharts draws nothing without a
 * browser's layout, so this small module draws what the page's charts show: bars (columns, or
 * horizontal bars for long category names), stacked bars and lines, with a value axis, category
 * labels and a legend. Readable in black and white: each series has its own texture (bars) or
 * dash and marker (lines), and bars carry their values. No I/O; every text escaped.
 */

export interface ChartSeries {
  label: string;
  /** One value per category; null leaves a gap (a hidden small cell, or no figure). */
  values: Array<number | null>;
}

export interface ChartSpec {
  kind: 'bars' | 'stacked' | 'lines';
  /** Horizontal bars: the categories down the left (establishments, workshops). */
  horizontal?: boolean;
  categories: string[];
  series: ChartSeries[];
  /** How a value reads on the axis and on the bars ("12,5 %", "S/ 340,00"). */
  format: (n: number) => string;
}

export interface SvgOptions {
  /** The drawing's width in CSS pixels (it scales to its box). Default 520. */
  width?: number;
  /** The plot's height for columns and lines. Default 240. */
  height?: number;
  /** Said instead of empty axes. */
  empty: string;
}

/** Colours whose greys stay apart in black-and-white print; each series past the first also has its own texture (below). */
const fills = ['#1f5f5b', '#4a6fa5', '#8a5a9e', '#c07a2c', '#a33b3b', '#777777'];
const dashes = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

/**
 * A bar of series `k`: its colour and, past the first series, white lines across it (across,
 * down, a grid, wide across, wide down) so that series differ in black and white. Drawn as
 * plain lines inside the bar, not as an SVG pattern: Chromium prints patterns as a picture per
 * bar (a PDF of the national figures grew to 14 MB and took seconds per page).
 */
function bar(k: number, x: number, y: number, w: number, h: number, cls = ''): string {
  const rect = `<rect${cls ? ` class="${cls}"` : ''} data-s="${k}" x="${n2(x)}" y="${n2(y)}" width="${n2(w)}" height="${n2(h)}" fill="${fills[k % fills.length]}" stroke="#000" stroke-width="0.4"/>`;
  const kind = k % 6;
  if (kind === 0 || w < 2 || h < 2) return rect;
  const gap = kind >= 4 ? 5 : 3;
  const d: string[] = [];
  const across = kind === 1 || kind === 3 || kind === 4;
  const down = kind === 2 || kind === 3 || kind === 5;
  if (across) for (let yy = y + gap; yy < y + h - 0.5; yy += gap) d.push(`M${n2(x)} ${n2(yy)}h${n2(w)}`);
  if (down) for (let xx = x + gap; xx < x + w - 0.5; xx += gap) d.push(`M${n2(xx)} ${n2(y)}v${n2(h)}`);
  return `${rect}<path class="texture" d="${d.join('')}" stroke="#fff" stroke-width="${kind >= 4 ? 1.4 : 0.8}"/>`;
}

/** A round step for about `ticks` intervals up to `max` (1, 2, 2.5 or 5 × 10ⁿ). */
export function niceStep(max: number, ticks = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  return step;
}

/** The axis's top and its ticks: 0 up to the first multiple of the step at or over `max`. */
export function axisTicks(max: number): number[] {
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const out: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const n2 = (x: number) => Math.round(x * 10) / 10;

/** The highest value drawn: the tallest stack for stacked bars, the largest value otherwise. */
function maxValue(spec: ChartSpec): number {
  if (spec.kind === 'stacked')
    return Math.max(0, ...spec.categories.map((_, i) => spec.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0)));
  return Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0)));
}

function legend(spec: ChartSpec, width: number): { svg: string; height: number } {
  if (spec.series.length < 2) return { svg: '', height: 0 };
  const items: string[] = [];
  let x = 0;
  let y = 4;
  for (const [i, s] of spec.series.entries()) {
    const w = 22 + Math.min(s.label.length, 34) * 5.6;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 16;
    }
    const key =
      spec.kind === 'lines'
        ? `<line x1="${x}" y1="${y + 5}" x2="${x + 16}" y2="${y + 5}" stroke="${fills[i % fills.length]}" stroke-width="2" stroke-dasharray="${dashes[i % dashes.length]}"/>`
        : bar(i, x, y, 14, 10, 'key');
    items.push(`<g class="legend-item">${key}<text x="${x + 20}" y="${y + 9}">${h(clip(s.label, 34))}</text></g>`);
    x += w;
  }
  return { svg: `<g class="legend">${items.join('')}</g>`, height: y + 18 };
}

/** One chart as a self-contained <svg> element. */
export function chartSvg(spec: ChartSpec, opts: SvgOptions): string {
  const width = opts.width ?? 520;
  const drawn = spec.series.some((s) => s.values.some((v) => v !== null && v !== 0));
  if (spec.categories.length === 0 || !drawn) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} 40" width="${width}" height="40" role="img"><text x="${width / 2}" y="24" text-anchor="middle" font-size="11" fill="#444">${h(opts.empty)}</text></svg>`;
  }
  const lg = legend(spec, width);
  const body = spec.horizontal ? horizontal(spec, width, lg.height) : vertical(spec, width, opts.height ?? 240, lg.height);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart${body.height > 480 ? ' tall' : ''}" viewBox="0 0 ${width} ${body.height}" width="${width}" height="${body.height}" role="img" font-family="${SANS}" font-size="9">${lg.svg}${body.svg}</svg>`;
}

/** Bars across, one band per category (names down the left). */
function horizontal(spec: ChartSpec, width: number, top: number): { svg: string; height: number } {
  const labelW = Math.min(width * 0.45, Math.max(60, ...spec.categories.map((c) => Math.min(c.length, 46) * 5.2)));
  const left = labelW + 8;
  const right = 48;
  const plotW = width - left - right;
  const groups = spec.kind === 'stacked' ? 1 : spec.series.length;
  const band = Math.max(18, groups * 13 + 6);
  const plotTop = top + 4;
  const plotH = band * spec.categories.length;
  const ticks = axisTicks(maxValue(spec));
  const topV = ticks[ticks.length - 1]!;
  const x = (v: number) => left + (v / topV) * plotW;
  const out: string[] = [];
  for (const t of ticks)
    out.push(
      `<line x1="${n2(x(t))}" y1="${plotTop}" x2="${n2(x(t))}" y2="${plotTop + plotH}" stroke="#ccc" stroke-width="0.5"/><text x="${n2(x(t))}" y="${plotTop + plotH + 11}" text-anchor="middle" fill="#333">${h(spec.format(t))}</text>`,
    );
  spec.categories.forEach((c, i) => {
    const y0 = plotTop + i * band;
    out.push(`<text x="${n2(labelW)}" y="${n2(y0 + band / 2 + 3)}" text-anchor="end">${h(clip(c, 46))}</text>`);
    let acc = 0;
    spec.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null || v === undefined || v <= 0) return;
      const barH = spec.kind === 'stacked' ? band - 6 : 12;
      const by = spec.kind === 'stacked' ? y0 + 3 : y0 + 3 + k * 13;
      const bx = x(acc);
      const bw = x(acc + v) - bx;
      out.push(bar(k, bx, by, bw, barH));
      if (spec.kind !== 'stacked') out.push(`<text x="${n2(bx + bw + 3)}" y="${n2(by + 9)}" fill="#000">${h(spec.format(v))}</text>`);
      else if (bw > 28)
        out.push(
          `<text x="${n2(bx + bw / 2)}" y="${n2(by + barH / 2 + 3)}" text-anchor="middle" fill="#fff" class="on-bar">${h(spec.format(v))}</text>`,
        );
      if (spec.kind === 'stacked') acc += v;
    });
  });
  out.push(`<line x1="${left}" y1="${plotTop}" x2="${left}" y2="${plotTop + plotH}" stroke="#000" stroke-width="0.8"/>`);
  return { svg: out.join(''), height: plotTop + plotH + 18 };
}

/** Columns (grouped or stacked) or lines over the categories along the bottom (months, stages). */
function vertical(spec: ChartSpec, width: number, plotH: number, top: number): { svg: string; height: number } {
  const ticks = axisTicks(maxValue(spec));
  const topV = ticks[ticks.length - 1]!;
  const left = Math.max(36, ...ticks.map((t) => spec.format(t).length * 5.4 + 8));
  const plotTop = top + 8;
  const plotW = width - left - 8;
  const n = spec.categories.length;
  const band = plotW / n;
  const rotate = spec.categories.some((c) => c.length * 5.4 > band - 4);
  const labelH = rotate ? Math.min(90, Math.max(...spec.categories.map((c) => Math.min(c.length, 22))) * 4 + 12) : 16;
  const y = (v: number) => plotTop + plotH - (v / topV) * plotH;
  const out: string[] = [];
  for (const t of ticks)
    out.push(
      `<line x1="${left}" y1="${n2(y(t))}" x2="${width - 8}" y2="${n2(y(t))}" stroke="#ccc" stroke-width="0.5"/><text x="${left - 4}" y="${n2(y(t) + 3)}" text-anchor="end" fill="#333">${h(spec.format(t))}</text>`,
    );
  // Many months (a period of years): every k-th label, so that they do not overlap.
  const every = Math.ceil(n / 24);
  spec.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    const cx = left + band * (i + 0.5);
    const ly = plotTop + plotH + 11;
    out.push(
      rotate
        ? `<text x="${n2(cx)}" y="${ly}" text-anchor="end" transform="rotate(-40 ${n2(cx)} ${ly})">${h(clip(c, 22))}</text>`
        : `<text x="${n2(cx)}" y="${ly}" text-anchor="middle">${h(c)}</text>`,
    );
  });
  if (spec.kind === 'lines') {
    spec.series.forEach((s, k) => {
      const colour = fills[k % fills.length]!;
      let path = '';
      let pen = false;
      const marks: string[] = [];
      s.values.forEach((v, i) => {
        if (v === null || v === undefined) {
          pen = false;
          return;
        }
        const px = n2(left + band * (i + 0.5));
        const py = n2(y(v));
        path += `${pen ? 'L' : 'M'}${px} ${py} `;
        pen = true;
        marks.push(marker(k, px, py, colour));
        if (spec.series.length === 1 && n <= 14)
          out.push(`<text x="${px}" y="${n2(py - 6)}" text-anchor="middle">${h(spec.format(v))}</text>`);
      });
      out.push(
        `<path d="${path.trim()}" fill="none" stroke="${colour}" stroke-width="1.8" stroke-dasharray="${dashes[k % dashes.length]}"/>${marks.join('')}`,
      );
    });
  } else {
    const groups = spec.kind === 'stacked' ? 1 : spec.series.length;
    const barW = Math.min(40, (band * 0.7) / groups);
    spec.categories.forEach((_, i) => {
      const x0 = left + band * (i + 0.5) - (barW * groups) / 2;
      let acc = 0;
      spec.series.forEach((s, k) => {
        const v = s.values[i];
        if (v === null || v === undefined || v <= 0) return;
        const bx = spec.kind === 'stacked' ? x0 : x0 + k * barW;
        const by = y(acc + v);
        const bh = y(acc) - by;
        out.push(bar(k, bx, by, barW, bh));
        const label = h(spec.format(v));
        if (spec.kind !== 'stacked' && band >= 14 && label.length * 5.2 < barW + 14)
          out.push(`<text x="${n2(bx + barW / 2)}" y="${n2(by - 3)}" text-anchor="middle">${label}</text>`);
        else if (spec.kind === 'stacked' && bh > 11 && label.length * 5.2 < barW)
          out.push(
            `<text x="${n2(bx + barW / 2)}" y="${n2(by + bh / 2 + 3)}" text-anchor="middle" fill="#fff" class="on-bar">${label}</text>`,
          );
        if (spec.kind === 'stacked') acc += v;
      });
    });
  }
  out.push(`<line x1="${left}" y1="${plotTop + plotH}" x2="${width - 8}" y2="${plotTop + plotH}" stroke="#000" stroke-width="0.8"/>`);
  return { svg: out.join(''), height: plotTop + plotH + labelH };
}

/** A line's marker: circle, square, triangle, diamond… (one shape per series). */
function marker(k: number, x: number, y: number, colour: string): string {
  const shape = k % 4;
  if (shape === 0) return `<circle cx="${x}" cy="${y}" r="2.8" fill="${colour}"/>`;
  if (shape === 1) return `<rect x="${n2(x - 2.6)}" y="${n2(y - 2.6)}" width="5.2" height="5.2" fill="${colour}"/>`;
  if (shape === 2) return `<path d="M${x} ${n2(y - 3.2)} L${n2(x + 3)} ${n2(y + 2.4)} L${n2(x - 3)} ${n2(y + 2.4)} Z" fill="${colour}"/>`;
  return `<path d="M${x} ${n2(y - 3.4)} L${n2(x + 3.4)} ${y} L${x} ${n2(y + 3.4)} L${n2(x - 3.4)} ${y} Z" fill="#fff" stroke="${colour}" stroke-width="1.2"/>`;
}
