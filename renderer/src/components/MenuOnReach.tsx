import { Menu, type MenuDropdownProps, type MenuProps } from '@mantine/core';
import { cloneElement, useEffect, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';

type Target = ReactElement<{ onClick?: () => void; onKeyDown?: (e: KeyboardEvent) => void }>;

/**
 * A Mantine Menu behind `target` (its button), built the first time the button is clicked or
 * the keyboard opens it (Enter, Space, ArrowDown) and opened at once, then kept. Until then
 * only the button is drawn: a Menu sets up its floating dropdown on every render, which each
 * page switch (and each row of a list) would otherwise pay for a menu nobody opens.
 */
export function MenuOnReach({
  target,
  children,
  dropdownProps,
  ...props
}: Omit<MenuProps, 'opened' | 'onChange' | 'children'> & {
  target: Target;
  children: ReactNode;
  dropdownProps?: Omit<MenuDropdownProps, 'children'>;
}) {
  const [built, setBuilt] = useState(false);
  const [opened, setOpened] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  // The button is drawn anew inside the menu: it keeps the focus the first one had.
  useEffect(() => {
    if (built) box.current?.querySelector('button')?.focus();
  }, [built]);
  const build = () => {
    setBuilt(true);
    setOpened(true);
  };
  if (built) {
    return (
      <span ref={box} style={{ display: 'contents' }}>
        <Menu {...props} opened={opened} onChange={setOpened}>
          <Menu.Target>{target}</Menu.Target>
          <Menu.Dropdown {...dropdownProps}>{children}</Menu.Dropdown>
        </Menu>
      </span>
    );
  }
  return (
    <span ref={box} style={{ display: 'contents' }}>
      {cloneElement(target, {
        onClick: build,
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key !== 'ArrowDown') return;
          e.preventDefault();
          build();
        },
      })}
    </span>
  );
}
