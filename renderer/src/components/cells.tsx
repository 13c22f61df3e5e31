import { Badge, Table, Text, useMantineTheme, type BadgeProps, type MantineColor } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
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

interface CellBadgeProps {
  /** The theme's primary colour when absent, as Mantine's Badge. */
  color?: MantineColor;
  variant?: 'light' | 'filled' | 'outline' | 'dot';
  size?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}

/**
 * A badge in a list's cell (a status, a condition), drawn with Mantine's own Badge classes and
 * colour variables, without a Mantine component: the same look, whole (never cut short, like
 * `badges.ts`), at the cost of a plain element in each row.
 */
export function CellBadge({ color, variant = 'light', size, children }: CellBadgeProps) {
  const theme = useMantineTheme();
  const vars = Badge.varsResolver(theme, { color, variant, size } as BadgeProps, undefined).root as CSSProperties;
  return (
    <div
      className={`${Badge.classes.root} ${variant === 'dot' ? Badge.classes['root--dot'] : ''} mantine-Badge-root`}
      data-variant={variant}
      data-size={size}
      style={{ ...vars, textTransform: 'none', overflow: 'visible', flexShrink: 0 }}
    >
      <span className={`${Badge.classes.label} mantine-Badge-label`} style={{ overflow: 'visible' }}>
        {children}
      </span>
    </div>
  );
}

/** A table cell of two lines: the name, and under it a dimmed detail (its code, who recorded it). */
export function TwoLineCell({ children, detail }: { children: ReactNode; detail: ReactNode }) {
  return (
    <Table.Td>
      <Text size="sm">{children}</Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Table.Td>
  );
}
