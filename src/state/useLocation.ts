import { useMemo, useSyncExternalStore } from 'react';
import { getHash, getServerHash, parseHash, subscribe, type Location } from './urlStore';

export function useHash(): string {
  return useSyncExternalStore(subscribe, getHash, getServerHash);
}

export function useLocation(): Location {
  const hash = useHash();
  return useMemo(() => parseHash(hash), [hash]);
}
