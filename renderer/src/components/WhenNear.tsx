import { isValidElement, useEffect, useRef, useState, type ReactNode } from 'react';

/** How far outside the window a part starts to render: it is drawn before it scrolls in. */
const MARGIN = '400px 0px';
/** How long a far part waits for an idle moment at the most. */
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
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: MARGIN,
    });
    observer.observe(element);
    // Far parts are drawn too, one at a time while the window is idle, so that the page is
    // whole when it is scrolled, printed or captured, without delaying its first frame.
    const idle = requestIdleCallback(() => setNear(true), { timeout: IDLE_LIMIT_MS });
    return () => {
      observer.disconnect();
      cancelIdleCallback(idle);
    };
  }, [near]);
  if (near) return children;
  const own = isValidElement<{ h?: unknown }>(children) && typeof children.props.h === 'number' ? children.props.h : undefined;
  return <div ref={ref} style={{ height: height ?? own }} />;
}
