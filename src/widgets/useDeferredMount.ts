import { useEffect, useState, type RefObject } from 'react';
import { getLocation } from '../state/urlStore';
import { NEAR_VIEWPORT_MARGIN, canDefer, mountWhenIdle } from './deferredMount';

/**
 * True once `element` is near the viewport or the page has had idle time to build what it
 * holds (see deferredMount.ts). `now` mounts at once (a shared link's target).
 */
export function useDeferredMount(element: RefObject<HTMLElement | null>, now = false): boolean {
  const [mounted, setMounted] = useState(() => now || !canDefer());
  useEffect(() => {
    const target = element.current;
    if (mounted || !target) return;
    const mount = () => setMounted(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) mount();
      },
      { rootMargin: NEAR_VIEWPORT_MARGIN },
    );
    observer.observe(target);
    const cancel = mountWhenIdle(mount);
    return () => {
      observer.disconnect();
      cancel();
    };
  }, [element, mounted]);
  return mounted;
}

/** A shared link that names a widget (`at=`) must find everything above it already built. */
export function linkTargetsAWidget(): boolean {
  return getLocation().params.has('at');
}
