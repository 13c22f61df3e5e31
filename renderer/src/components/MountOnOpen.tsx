import { useLayoutEffect, useState, type ReactNode } from 'react';

/**
 * A dialog or drawer built when it first opens, then kept (its closing, a later opening): a
 * page with several builds none of them when it opens. Built closed, then opened by a layout
 * effect (before anything is drawn), so that it opens as it always has. `built`: whether to
 * render it; `opened`: what to give it.
 */
export function useBuiltOnOpen(opened: boolean): { built: boolean; opened: boolean } {
  const [built, setBuilt] = useState(opened);
  const [ready, setReady] = useState(false);
  if (opened && !built) setBuilt(true);
  useLayoutEffect(() => {
    if (built) setReady(true);
  }, [built]);
  return { built, opened: opened && ready };
}

/**
 * `children` (a dialog with its form and what it reads) rendered from the first time `opened`
 * is true, and kept after: until then the page pays nothing for it.
 */
export function MountOnOpen({ opened, children }: { opened: boolean; children: ReactNode }) {
  const [mounted, setMounted] = useState(opened);
  if (opened && !mounted) setMounted(true);
  return mounted ? children : null;
}
