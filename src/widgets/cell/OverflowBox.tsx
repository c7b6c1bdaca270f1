import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that scrolls sideways when its content is wider than it (an equation on a phone),
 * and only then becomes a keyboard stop with a name, as a scrolling region must.
 */
export function OverflowBox({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflowing(box.scrollWidth > box.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    // Content can grow without its first child resizing (KaTeX once web fonts arrive, a new
    // set of numbers): measure again on such changes too.
    const mutations = new MutationObserver(measure);
    mutations.observe(box, { childList: true, subtree: true, characterData: true });
    let live = true;
    void document.fonts?.ready.then(() => {
      if (live) measure();
    });
    return () => {
      live = false;
      observer.disconnect();
      mutations.disconnect();
    };
  }, []);
  return (
    <div
      ref={ref}
      className={['lstm-eq-scroll', className ?? ''].filter(Boolean).join(' ')}
      tabIndex={overflowing ? 0 : undefined}
      role={overflowing ? 'group' : undefined}
      aria-label={overflowing ? label : undefined}
    >
      {children}
    </div>
  );
}
