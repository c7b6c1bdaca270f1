/**
 * The URL hash is the single source of truth for everything a learner may share:
 * `#/lessons/sequences?lang=en&shapes.kind=many-to-one`. Hash routing keeps dist/ working
 * from any static server and any base path.
 */
export interface Location {
  path: string;
  params: URLSearchParams;
}

type Listener = () => void;
const listeners = new Set<Listener>();

function currentHash(): string {
  return typeof window === 'undefined' ? '' : window.location.hash;
}

export function parseHash(hash: string): Location {
  const body = hash.replace(/^#/, '');
  const q = body.indexOf('?');
  const rawPath = q === -1 ? body : body.slice(0, q);
  const query = q === -1 ? '' : body.slice(q + 1);
  let path = '/';
  try {
    path = '/' + decodeURIComponent(rawPath).replace(/^\/+/, '');
  } catch {
    path = '/' + rawPath.replace(/^\/+/, '');
  }
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return { path, params: new URLSearchParams(query) };
}

export function formatHash(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return '#' + path + (query ? '?' + query : '');
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (listeners.size === 1 && typeof window !== 'undefined') {
    window.addEventListener('hashchange', notify);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined') {
      window.removeEventListener('hashchange', notify);
    }
  };
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

export function getHash(): string {
  return currentHash();
}

export function getLocation(): Location {
  return parseHash(currentHash());
}

/** Goes to a new page (a history entry); keeps only the parameters given. */
export function navigate(path: string, params: URLSearchParams = new URLSearchParams()): void {
  const next = formatHash(path, params);
  if (next === currentHash()) return;
  window.history.pushState(null, '', next);
  notify();
}

/** Changes parameters in place (no history entry per slider move). */
export function updateParams(mutate: (params: URLSearchParams) => void): void {
  const { path, params } = getLocation();
  mutate(params);
  const next = formatHash(path, params);
  if (next === currentHash()) return;
  window.history.replaceState(window.history.state, '', next);
  notify();
}
