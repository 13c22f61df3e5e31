import { ActionIcon, createTheme, MantineProvider, type ActionIconProps, type MantineColor } from '@mantine/core';
import { createElement, type FC, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RowAction } from '../../../renderer/src/components/RowAction';

/**
 * A row's icon buttons (Editar, Eliminar, …) are drawn as plain buttons for speed
 * (renderer/src/components/RowAction.tsx), from Mantine's own ActionIcon classes and colour
 * variables. They must look and behave as Mantine's subtle ActionIcon: the same classes,
 * variant, colours and disabled state, so a Mantine upgrade that renames them fails here.
 */
const html = (element: ReactElement) => renderToStaticMarkup(createElement(MantineProvider, { theme: createTheme({}) }, element));

/** The button element: its classes (sorted), variant, colour variables and disabled state. */
function buttonOf(markup: string) {
  const root = /<button([^>]*)>/.exec(markup)?.[1] ?? '';
  const attr = (name: string) => new RegExp(` ${name}="([^"]*)"`).exec(root)?.[1];
  return {
    classes: (attr('class') ?? '').split(/\s+/).filter(Boolean).sort(),
    variant: attr('data-variant'),
    vars: (attr('style') ?? '')
      .split(';')
      .filter((d) => d.startsWith('--ai'))
      .sort(),
    disabled: / disabled=""/.test(root),
    dataDisabled: attr('data-disabled'),
    label: attr('aria-label'),
    icon: /<span class="([^"]*)"/.exec(markup)?.[1],
  };
}

describe("a row's icon button", () => {
  for (const [color, disabled] of [
    [undefined, false],
    ['red', false],
    ['orange', true],
  ] as [MantineColor | undefined, boolean][]) {
    it(`is Mantine's subtle ActionIcon (${color ?? 'primary'}${disabled ? ', disabled' : ''}): the same classes, colours and state`, () => {
      const mantine = buttonOf(
        html(
          createElement(ActionIcon as unknown as FC<ActionIconProps & { 'aria-label': string }>, {
            variant: 'subtle',
            color,
            disabled,
            'aria-label': 'Editar: E.P. Ancón I',
            children: 'x',
          }),
        ),
      );
      const plain = buttonOf(
        html(createElement(RowAction, { label: 'Editar', name: 'E.P. Ancón I', color, disabled, onClick: () => undefined, children: 'x' })),
      );
      expect(plain).toEqual(mantine);
      expect(plain.label).toBe('Editar: E.P. Ancón I');
      expect(plain.vars.length).toBeGreaterThan(0);
    });
  }
});
