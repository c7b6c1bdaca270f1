import { useSyncExternalStore } from 'react';

export interface ViewStore<V> {
  get(): V;
  update(patch: Partial<V>): void;
  subscribe(listener: () => void): () => void;
  use(): V;
}

/**
 * A small module-level store for a long-running widget job (a training run, a race): it
 * outlives the components, so a language switch — which remounts the lesson — leaves the
 * job and its curves running. Each update replaces the view object, for useSyncExternalStore.
 */
export function createViewStore<V extends object>(initial: V): ViewStore<V> {
  let view = initial;
  const listeners = new Set<() => void>();
  const get = () => view;
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    get,
    subscribe,
    update(patch) {
      view = { ...view, ...patch };
      for (const listener of [...listeners]) listener();
    },
    use: () => useSyncExternalStore(subscribe, get, get),
  };
}
