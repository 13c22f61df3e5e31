import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage, pageLoaded, prefetchPages, preloadPage } from '../../../renderer/src/app/lazyPage';

/**
 * A navigation link draws its page at once only when the page's code has arrived
 * (renderer/src/app/lazyPage.ts pageLoaded, used by Shell.tsx): until then the page being left
 * stays on screen while the code comes (tests/e2e/renderer/page-switch.spec.ts).
 */
describe("a lazy page's code", () => {
  const Page = () => null;

  it('counts as arrived only once its module has loaded', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const Held = lazyPage(async () => {
      await held;
      return { Held: Page };
    }, 'Held');
    const element = createElement(Held);
    expect(pageLoaded(element)).toBe(false);
    preloadPage(element);
    expect(pageLoaded(element)).toBe(false);
    release();
    await prefetchPages();
    expect(pageLoaded(element)).toBe(true);
  });

  it('a module that failed to load does not count, and an unknown page does not either', async () => {
    const Broken = lazyPage<{ Broken: typeof Page }, 'Broken'>(() => Promise.reject(new Error('sin red')), 'Broken');
    const element = createElement(Broken);
    await prefetchPages();
    expect(pageLoaded(element)).toBe(false);
    expect(pageLoaded(undefined)).toBe(false);
  });

  it('a page that is not lazy is always ready', () => {
    expect(pageLoaded(createElement(Page))).toBe(true);
  });
});

/** The main area as the shell draws it: the page, or its fallback while it cannot be drawn yet. */
const draw = (Page: ComponentType) => renderToString(createElement(Suspense, { fallback: 'Cargando…' }, createElement(Page)));

/**
 * A page whose code has arrived (fetched in the background once the shell is up) is drawn at
 * once when its link is clicked, the first time too: never its fallback first, after which
 * React held the page back 300 ms more.
 */
describe('a lazy page drawn', () => {
  it('at once, the first time too, once its code has arrived in the background', async () => {
    const Reports = lazyPage(async () => ({ ReportsPage: () => createElement('h1', null, 'Reportes') }), 'ReportsPage');
    await prefetchPages();
    expect(pageLoaded(createElement(Reports))).toBe(true);
    expect(draw(Reports)).toContain('<h1>Reportes</h1>');
  });

  it('shows the fallback while its code is still on its way', () => {
    const Slow = lazyPage(() => new Promise<{ SlowPage: ComponentType }>(() => undefined), 'SlowPage');
    expect(draw(Slow)).toContain('Cargando…');
  });
});
