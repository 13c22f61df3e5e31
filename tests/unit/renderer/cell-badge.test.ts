import { Badge, createTheme, MantineProvider, type BadgeProps } from '@mantine/core';
import { createElement, type FC, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { whole } from '../../../renderer/src/components/badges';
import { CellBadge } from '../../../renderer/src/components/cells';

/**
 * A list's badges (an instrument's situation and condition) are drawn without a Mantine
 * component for speed (renderer/src/components/cells.tsx), from Mantine's own Badge classes and
 * colour variables. They must look exactly as Mantine's Badge: the same classes, variant and
 * colour variables, so a Mantine upgrade that renames them fails here rather than in the rows.
 */
const html = (badge: ReactElement) => renderToStaticMarkup(createElement(MantineProvider, { theme: createTheme({}) }, badge));

/** The badge's root element: its classes (sorted) and its attributes, as the page would get them. */
function rootOf(markup: string) {
  const root = /<div([^>]*)>/.exec(markup)?.[1] ?? '';
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(root)?.[1];
  const style = (attr('style') ?? '').split(';').filter((d) => d.startsWith('--badge'));
  return {
    classes: (attr('class') ?? '').split(/\s+/).filter(Boolean).sort(),
    variant: attr('data-variant'),
    vars: style.sort(),
  };
}

describe('a badge in a list row', () => {
  for (const [color, variant] of [
    ['teal', 'light'],
    ['orange', 'dot'],
    ['red', 'filled'],
    ['gray', 'outline'],
  ] as const) {
    it(`is Mantine's Badge, ${variant} ${color}: the same classes, variant and colours`, () => {
      const mantine = rootOf(
        html(createElement(Badge as unknown as FC<BadgeProps>, { color, variant, tt: 'none', styles: whole }, 'Bueno')),
      );
      const light = rootOf(html(createElement(CellBadge, { color, variant, children: 'Bueno' })));
      expect(light.classes).toEqual(mantine.classes);
      expect(light.variant).toBe(variant);
      expect(light.vars).toEqual(mantine.vars);
      expect(light.vars.length).toBeGreaterThan(0);
    });
  }
});
