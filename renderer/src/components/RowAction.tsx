import { ActionIcon, UnstyledButton, useMantineTheme, type ActionIconProps, type MantineColor } from '@mantine/core';
import type { CSSProperties, MouseEventHandler, ReactNode } from 'react';
import { HoverTooltip } from './HoverTooltip';

/**
 * An icon button of a row, named after the row ("Editar: Lurigancho") and explained by its
 * tooltip; `hidden`: kept in place but not shown (a clerk who may only read).
 */
export interface RowActionProps {
  label: string;
  name: string;
  color?: MantineColor;
  disabled?: boolean;
  hidden?: boolean;
  onClick: MouseEventHandler<HTMLButtonElement>;
  children: ReactNode;
}

export function RowAction({ label, name, color, disabled, hidden, onClick, children }: RowActionProps) {
  const theme = useMantineTheme();
  // Mantine's subtle ActionIcon as it renders (its classes, data attributes and colour
  // variables), drawn as a plain button: a list has one to four in every row, and each
  // ActionIcon costs the page switch four Mantine components with their theme and styles.
  const vars = ActionIcon.varsResolver(theme, { color, variant: 'subtle' } as ActionIconProps, undefined).root as CSSProperties;
  return (
    <HoverTooltip label={label}>
      <button
        type="button"
        className={disabled ? actionIconClasses : `mantine-active ${actionIconClasses}`}
        data-variant="subtle"
        data-disabled={disabled || undefined}
        disabled={disabled}
        aria-label={`${label}: ${name}`}
        onClick={onClick}
        style={hidden ? { ...vars, display: 'none' } : vars}
      >
        <span className={`${ActionIcon.classes.icon} mantine-ActionIcon-icon`}>{children}</span>
      </button>
    </HoverTooltip>
  );
}

/** The classes Mantine gives an ActionIcon's button (with its UnstyledButton's). */
const actionIconClasses = `mantine-focus-auto ${ActionIcon.classes.root} mantine-ActionIcon-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`;
