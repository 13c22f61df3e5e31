import type { ReactNode } from 'react';
import classes from './cells.module.css';

interface CellTextProps {
  children: ReactNode;
  /** xs: the second line of a cell (a name under a code, a date under a status). */
  size?: 'sm' | 'xs';
  dimmed?: boolean;
  /** In red: what needs attention (a stock below its minimum). */
  danger?: boolean;
  strong?: boolean;
  nowrap?: boolean;
  /** One line, cut with an ellipsis (the whole text in `title`). */
  clamp?: boolean;
  title?: string;
  /** Inside a line of text (a span) rather than a line of its own. */
  inline?: boolean;
}

/**
 * A line of text in a list's cell, as Mantine's Text would show it, without a Mantine component:
 * a page shows it in every row (25 to 100 of them), and each Text costs the page switch its
 * theme, style props and class names.
 */
export function CellText({ children, size = 'sm', dimmed, danger, strong, nowrap, clamp, title, inline }: CellTextProps) {
  const className = [
    classes.text,
    size === 'xs' && classes.xs,
    dimmed && classes.dimmed,
    danger && classes.danger,
    strong && classes.strong,
    nowrap && classes.nowrap,
    clamp && classes.clamp,
  ]
    .filter(Boolean)
    .join(' ');
  return inline ? (
    <span className={className} title={title}>
      {children}
    </span>
  ) : (
    <div className={className} title={title}>
      {children}
    </div>
  );
}
