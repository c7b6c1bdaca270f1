import { useRef, type ReactNode } from 'react';
import { linkTargetsAWidget, useDeferredMount } from './useDeferredMount';

/**
 * One `##` section of a lesson after the first (wrapped at build time by
 * src/lessons/rehypeProseSections.ts). It is built when it comes near the viewport or in
 * idle time, like a widget, so a long lesson's first screen paints without waiting for the
 * KaTeX and widgets of every section below it. Until then it keeps a screen's room.
 */
export function ProseSection({ children }: { children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const mounted = useDeferredMount(ref, linkTargetsAWidget());
  return (
    <div ref={ref} className={mounted ? 'prose-section' : 'prose-section prose-deferred'}>
      {mounted ? children : null}
    </div>
  );
}
