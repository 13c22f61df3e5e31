import { describe, expect, it } from 'vitest';
import { axisTicks, chartSvg, type ChartSpec } from '../../../electron/main/pdf/svg-chart';

/**
 * The printed charts' SVG (electron/main/pdf/svg-chart.ts): what a reader of the evaluation PDF
 * and the annual report sees drawn. Checked on the markup: bars of the right length, a gap for
 * a hidden small cell, a pattern per series (black-and-white print), escaped labels.
 */

const es = (n: number) => new Intl.NumberFormat('es-PE', { maximumFractionDigits: 1 }).format(n);
/** The bars drawn (not the legend's keys), as [markup, x, y, width, height, series]. */
const rects = (svg: string) =>
  [...svg.matchAll(/<rect data-s="(\d)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => [
    m[0],
    m[2],
    m[3],
    m[4],
    m[5],
    m[1],
  ]);

describe('chartSvg', () => {
  it('draws round axis steps up to the highest value', () => {
    expect(axisTicks(18)).toEqual([0, 5, 10, 15, 20]);
    expect(axisTicks(0.9)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(axisTicks(1_234)).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(axisTicks(0)).toEqual([0, 1]);
  });

  it('draws columns in proportion, each labelled with its value in es-PE, and leaves a hidden cell out', () => {
    const spec: ChartSpec = {
      kind: 'bars',
      categories: ['Inscrito', 'Activo', 'Completado', 'Retirado'],
      series: [{ label: 'Inscripciones', values: [0, 1200, null, 600] }],
      format: es,
    };
    const svg = chartSvg(spec, { empty: 'Sin datos' });
    const bars = rects(svg);
    // 0 and the hidden one draw nothing: two columns, the first twice the second.
    expect(bars).toHaveLength(2);
    const [a, b] = bars.map((m) => Number(m[4]));
    expect(a! / b!).toBeCloseTo(2, 1);
    expect(svg).toContain('>1,200</text>');
    expect(svg).toContain('>Completado</text>');
    expect(svg).not.toContain('Sin datos');
  });

  it('stacks series on each other, each with its own texture and a legend', () => {
    const spec: ChartSpec = {
      kind: 'stacked',
      categories: ['Abr. 2026'],
      series: [
        { label: 'Internos', values: [40] },
        { label: 'Personal INPE', values: [10] },
      ],
      format: es,
    };
    const svg = chartSvg(spec, { empty: '—' });
    const bars = rects(svg);
    expect(bars.map((m) => m[5])).toEqual(['0', '1']);
    // The second sits right on top of the first.
    const [first, second] = bars;
    expect(Number(second![2]) + Number(second![4])).toBeCloseTo(Number(first![2]), 0);
    // They differ not only in colour: the second series' key and bar are crossed by white lines, the first's are plain.
    const textures = [...svg.matchAll(/<rect[^>]*data-s="(\d)"[^>]*\/>(<path class="texture")?/g)].map((m) => [m[1], Boolean(m[2])]);
    expect(textures).toEqual([
      ['0', false],
      ['1', true],
      ['0', false],
      ['1', true],
    ]);
    // No SVG pattern: Chromium prints a pattern as a picture per bar (a heavy, slow PDF).
    expect(svg).not.toContain('<pattern');
    expect(svg).toMatch(/class="legend".*Internos.*Personal INPE/);
  });

  it('draws a line with a break where a month is hidden, and horizontal bars with long names', () => {
    const line = chartSvg(
      {
        kind: 'lines',
        categories: ['Ene.', 'Feb.', 'Mar.'],
        series: [{ label: 'Tasa', values: [90, null, 80] }],
        format: (n) => `${es(n)} %`,
      },
      { empty: '—' },
    );
    const d = /<path d="([^"]+)" fill="none"/.exec(line)![1]!;
    // Two separate pieces (a move each), not a line drawn across the gap.
    expect(d.match(/M/g)).toHaveLength(2);
    expect(line).toContain('>90 %</text>');
    const bars = chartSvg(
      {
        kind: 'bars',
        horizontal: true,
        categories: ['E.P. de Lurigancho', 'E.P. <Anexo> & "Mujeres"'],
        series: [{ label: 'Alcance', values: [1, 0.5] }],
        format: es,
      },
      { empty: '—' },
    );
    expect(bars).toContain('E.P. &lt;Anexo&gt; &amp; &quot;Mujeres&quot;');
    expect(bars).not.toContain('<Anexo>');
    const widths = rects(bars).map((m) => Number(m[3]));
    expect(widths[0]! / widths[1]!).toBeCloseTo(2, 1);
  });

  it('says there is nothing to draw instead of empty axes', () => {
    const svg = chartSvg(
      { kind: 'bars', categories: ['Ene.'], series: [{ label: 'x', values: [0] }], format: es },
      { empty: 'No hay datos' },
    );
    expect(svg).toContain('No hay datos');
    expect(svg).not.toContain('<rect');
  });
});

describe('chartSvg over a long period', () => {
  it('labels every few months when there are too many to read, and still draws each one', () => {
    const months = Array.from({ length: 120 }, (_, i) => `M${i + 1}`);
    const svg = chartSvg(
      { kind: 'bars', categories: months, series: [{ label: 'x', values: months.map(() => 7) }], format: es },
      { empty: '—' },
    );
    expect(rects(svg)).toHaveLength(120);
    const labels = [...svg.matchAll(/>M(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(labels.length).toBeLessThanOrEqual(24);
    expect(labels.slice(0, 3)).toEqual([1, 6, 11]);
    // Bars 4 px wide carry no value above them (the table beside says each).
    expect(svg).not.toContain('>7</text>');
  });
});
