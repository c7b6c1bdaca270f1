import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while React hydrates a page written out at build time (and in that build-time render),
 * true in every other render. Parts that depend on the browser (its graphics, its storage)
 * render only once this is true, so the first client render matches the written-out HTML.
 */
export function useBrowserOnly(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
