import { useMemo, useSyncExternalStore } from 'react';
import { getHash, parseHash, subscribe, type Location } from './urlStore';

export function useHash(): string {
  return useSyncExternalStore(subscribe, getHash, () => '');
}

export function useLocation(): Location {
  const hash = useHash();
  return useMemo(() => parseHash(hash), [hash]);
}
