import { useSyncExternalStore } from 'react';
import type { ParamNotice } from './schema';

/** Invalid link values found while loading a page; the shell shows them in one banner. */
export interface LinkNotice extends ParamNotice {
  /** Full URL key, e.g. "shapes.length". */
  param: string;
}

let notices: readonly LinkNotice[] = [];
const listeners = new Set<() => void>();

export function reportNotices(prefix: string, found: readonly ParamNotice[]): void {
  if (found.length === 0) return;
  const fresh = found
    .map((n) => ({ ...n, param: prefix ? `${prefix}.${n.key}` : n.key }))
    .filter((n) => !notices.some((m) => m.param === n.param && m.raw === n.raw));
  if (fresh.length === 0) return;
  notices = [...notices, ...fresh];
  listeners.forEach((l) => l());
}

export function clearNotices(): void {
  if (notices.length === 0) return;
  notices = [];
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotices(): readonly LinkNotice[] {
  return useSyncExternalStore(
    subscribe,
    () => notices,
    () => notices,
  );
}
