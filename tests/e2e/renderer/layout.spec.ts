import type { Page } from '@playwright/test';
import { demoTest as test } from '../demo';
import { expect, screen } from '../fixtures';

/**
 * The office screen: 1366 × 768 with the navigation open. Every list page shows all it
 * lists without sideways scrolling: no header, cell or badge cuts its text ("Vencid",
 * "Fecha de pa…"), no table is wider than the page, the page itself never scrolls sideways.
 */

test.use({ viewport: { width: 1366, height: 768 } });

/** Every list page: its address, its heading, and what shows once its rows are in. */
const pages: Array<{ route: string; heading: string | RegExp; shot: string }> = [
  { route: '/establecimientos', heading: 'Establecimientos penitenciarios', shot: 'establecimientos' },
  { route: '/oficinas-regionales', heading: 'Oficinas regionales', shot: 'oficinas-regionales' },
  { route: '/personal', heading: 'Personal INPE', shot: 'personal' },
  { route: '/establecimientos/alcance', heading: 'Alcance del programa', shot: 'alcance' },
  { route: '/instrumentos', heading: 'Instrumentos', shot: 'instrumentos' },
  { route: '/instrumentos/vencidos', heading: 'Préstamos vencidos', shot: 'prestamos-vencidos' },
  { route: '/instrumentos/recuperacion', heading: 'Recuperación de instrumentos', shot: 'recuperacion' },
  { route: '/instrumentos/custodios-sin-vincular', heading: 'Custodios sin vincular', shot: 'custodios-sin-vincular' },
  { route: '/tipos-de-instrumento', heading: 'Tipos de instrumento', shot: 'tipos-de-instrumento' },
  { route: '/inventario-fisico', heading: /Inventario físico/, shot: 'inventario-fisico' },
  { route: '/consumibles', heading: /Consumibles/, shot: 'consumibles' },
  { route: '/docentes', heading: /Docentes/, shot: 'docentes' },
  { route: '/contratos', heading: /Contratos/, shot: 'contratos' },
  { route: '/contratos/talleres-sin-vincular', heading: 'Talleres de contratos sin vincular', shot: 'talleres-sin-vincular' },
  { route: '/conformidades', heading: /Conformidades/, shot: 'conformidades' },
  { route: '/presupuesto', heading: /Presupuesto/, shot: 'presupuesto' },
  { route: '/presupuesto/gastos', heading: 'Gastos del presupuesto', shot: 'gastos' },
  { route: '/talleres', heading: 'Talleres', shot: 'talleres' },
  { route: '/talleres/docentes-sin-vincular', heading: 'Docentes de talleres sin vincular', shot: 'docentes-sin-vincular' },
  { route: '/participantes', heading: 'Participantes', shot: 'participantes' },
  { route: '/elencos', heading: 'Elencos', shot: 'elencos' },
  { route: '/eventos', heading: 'Eventos y temporada', shot: 'eventos' },
  { route: '/aliados', heading: 'Aliados y convenios', shot: 'aliados' },
  { route: '/reportes-programa', heading: 'Reportes del programa', shot: 'reportes-programa' },
  { route: '/obras', heading: /Obras/, shot: 'obras' },
  { route: '/exposiciones', heading: /Exposiciones/, shot: 'exposiciones' },
  { route: '/usuarios', heading: /Usuarios/, shot: 'usuarios' },
  { route: '/auditoria', heading: /Auditoría|Registro de auditoría/, shot: 'auditoria' },
  { route: '/copias-de-seguridad', heading: /Copias de seguridad/, shot: 'copias-de-seguridad' },
];

/**
 * What is cut on the page: text that does not fit the box that clips it (a header or cell
 * ending in "…", a badge reading "Vencid"), a table wider than the page or scrolling sideways
 * in its frame, and the page itself scrolling sideways.
 */
async function cutContent(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim().slice(0, 40)}»`;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const main = document.querySelector('main')!;
    const m = main.getBoundingClientRect();
    // One pixel of rounding is not a cut.
    for (const el of main.querySelectorAll('table, table *, .mantine-Badge-root, .mantine-Badge-root *')) {
      if (!shown(el) || getComputedStyle(el).overflowX === 'visible') continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${describe(el)} cut: ${el.scrollWidth} > ${el.clientWidth} px`);
    }
    for (const table of main.querySelectorAll('table')) {
      if (!shown(table)) continue;
      const t = table.getBoundingClientRect();
      if (t.right > m.right + 1) found.push(`a table ends at ${Math.round(t.right)} px, past the page (${Math.round(m.right)} px)`);
      for (let p = table.parentElement; p && p !== main; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible' && p.scrollWidth > p.clientWidth + 1) {
          found.push(`a table scrolls sideways in its frame: ${p.scrollWidth} > ${p.clientWidth} px`);
          break;
        }
      }
    }
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) found.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth} px`);
    return found;
  });
}

test.describe('Las listas a 1366 × 768 con la navegación abierta', () => {
  for (const p of pages) {
    test(`${p.route} shows every column without cutting its text`, async ({ app, harness }) => {
      await app.goto(`${harness.url}#${p.route}`);
      await expect(app.getByRole('heading', { name: p.heading }).first()).toBeVisible();
      await expect(app.getByRole('navigation', { name: 'Navegación' })).toBeVisible();
      // The rows are in: a table with body rows, and no loader over it.
      await expect(app.locator('main table tbody tr').first()).toBeVisible();
      await expect(app.locator('main .mantine-Loader-root')).toHaveCount(0);
      await screen(app, `layout-1366-${p.shot}`);
      expect(await cutContent(app)).toEqual([]);
    });
  }
});
