import { createElement } from 'react';
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
