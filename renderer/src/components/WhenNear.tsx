import { isValidElement, startTransition, useEffect, useRef, useState, type ReactNode } from 'react';

/** How far outside the window a part starts to render: it is drawn before it scrolls in. */
const MARGIN = '400px 0px';
/** How long a far part waits before it looks for an idle moment: the page's first screen and its data come first. */
const FAR_AFTER_MS = 600;
/** How long a far part then waits for an idle moment at the most. */
const IDLE_LIMIT_MS = 3000;

/**
 * Renders `children` once they come near the window; until then an empty block of the same
 * height (`height`, or the child's own `h` prop, as Mantine's charts take it), so the page
 * neither jumps nor spends its first frame drawing what is far below the fold; the rest is
 * drawn in idle moments afterwards.
 */
export function WhenNear({ children, height }: { children: ReactNode; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    let later: ReturnType<typeof setTimeout> | undefined;
    // Drawn in a transition: React draws it in short slices, so the page's first frame, a
    // click or a key never waits for a part that is not yet in the window. Not while the page
    // is being left (the shell makes it inert while the next one is prepared): the next page
    // would wait for it; it is looked at again a moment later, in case the page stays.
    const draw = () => {
      clearTimeout(later);
      if (element.closest('[inert]')) later = setTimeout(draw, FAR_AFTER_MS);
      else startTransition(() => setNear(true));
    };
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && draw(), {
      rootMargin: MARGIN,
    });
    observer.observe(element);
    // Far parts are drawn too, once the page has settled and while the window is idle, so that
    // the page is whole when it is scrolled, printed or captured, without delaying its first
    // screen (nor the data it asks for: a far part's own queries start when it is drawn).
    let idle: number | undefined;
    const timer = setTimeout(() => {
      idle = requestIdleCallback(draw, { timeout: IDLE_LIMIT_MS });
    }, FAR_AFTER_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(later);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [near]);
  if (near) return children;
  const own = isValidElement<{ h?: unknown }>(children) && typeof children.props.h === 'number' ? children.props.h : undefined;
  return <div ref={ref} style={{ height: height ?? own }} />;
}
