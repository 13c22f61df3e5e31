import { Tooltip, type TooltipProps } from '@mantine/core';
import { cloneElement, useRef, useState, type MouseEventHandler, type ReactElement, type Ref } from 'react';

type Target = ReactElement<{ ref?: Ref<HTMLElement>; onMouseEnter?: MouseEventHandler; onMouseLeave?: MouseEventHandler }>;

/**
 * A tooltip that exists only while the pointer rests on its element. For what repeats in every
 * row of a list or a chart: each Mantine Tooltip sets up its floating element on every render,
 * which a page switch would pay for rows nobody points at. The element itself is never replaced
 * (the tooltip stands beside it, aimed at it), so a click that begins as the pointer arrives lands.
 */
export function HoverTooltip({ children, ...props }: Omit<TooltipProps, 'children' | 'target' | 'opened'> & { children: Target }) {
  const target = useRef<HTMLElement>(null);
  const [pointed, setPointed] = useState(false);
  return (
    <>
      {cloneElement(children, { ref: target, onMouseEnter: () => setPointed(true), onMouseLeave: () => setPointed(false) })}
      {pointed && <Tooltip {...props} target={target} opened />}
    </>
  );
}
