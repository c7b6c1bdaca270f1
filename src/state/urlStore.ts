/**
 * The address is the single source of truth for everything a learner may share. It has two
 * forms, and every reader sees the hash form:
 *
 * - **hash form** `#/lessons/sequences?lang=en&shapes.kind=many-to-one`, for any page of the
 *   book from index.html on any static server and base path (shared links, embeds);
 * - **path form** `lessons/sequences/?shapes.kind=many-to-one` (Korean) and
 *   `en/lessons/sequences/` (English) under the book's base, for the pages written out as
 *   static HTML at build time (scripts/build/prerender.ts), which paint before any script
 *   has run. A page is in path form when its HTML says so (`<html data-routing="path">`)
 *   and its address carries no hash route; links and language switches then keep it there.
 *
 * `getHash()` turns a path-form address into the equivalent hash, so routing, language and
 * widget state read one form.
 */
export interface Location {
  path: string;
  params: URLSearchParams;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** The page a build-time render writes out (scripts/build/prerender.ts), in hash form. */
let serverHash = '';

/** For the build-time render only: the page being written out, always in path form. */
export function setServerHash(hash: string): void {
  serverHash = hash;
}

const HASH_ROUTE = /^#\//;

/**
 * The book's base as an absolute path (`/` or `/courses/gatebook/`), from the address the page
 * was loaded at and the page's own distance from the base (`data-base="../../"`), read once:
 * later pushState calls move the address, not the base.
 */
const pageBase: string | null = (() => {
  if (typeof document === 'undefined') return null;
  const { routing, base } = document.documentElement.dataset;
  if (routing !== 'path' || base === undefined) return null;
  try {
    return new URL(base, window.location.href).pathname;
  } catch {
    return null;
  }
})();

/** True when the address is in path form (see above); a build-time render always is. */
export function usesPathRouting(): boolean {
  if (typeof window === 'undefined') return true;
  return pageBase !== null && !HASH_ROUTE.test(window.location.hash);
}

/** `en/lessons/lstm/` (below the base) → `#/lessons/lstm?lang=en`; anything else keeps its path. */
export function pathToHash(pathBelowBase: string, search: string): string {
  let rest = pathBelowBase.replace(/^\/+/, '');
  let lang = 'ko';
  if (rest === 'en' || rest.startsWith('en/')) {
    lang = 'en';
    rest = rest.slice(2);
  }
  const params = new URLSearchParams(search);
  params.delete('lang');
  const query = new URLSearchParams({ lang });
  for (const [key, value] of params) query.append(key, value);
  const { path } = parseHash('#/' + rest.replace(/index\.html$/, ''));
  return formatHash(path, query);
}

/** `#/lessons/lstm?lang=en&x=1` → `<base>en/lessons/lstm/?x=1` (Korean has no prefix). */
export function hashToPath(base: string, path: string, params: URLSearchParams): string {
  const query = new URLSearchParams(params);
  const lang = query.get('lang') === 'en' ? 'en/' : '';
  query.delete('lang');
  const below = path === '/' ? '' : `${path.replace(/^\/+/, '')}/`;
  const search = query.toString();
  return `${base}${lang}${below}${search ? `?${search}` : ''}`;
}

function currentHash(): string {
  if (typeof window === 'undefined') return serverHash;
  if (pageBase !== null && usesPathRouting()) {
    const { pathname, search } = window.location;
    const below = pathname.startsWith(pageBase) ? pathname.slice(pageBase.length) : pathname;
    return pathToHash(below, search);
  }
  return window.location.hash;
}

/** How many folders below the base a path-form page sits: `en/lessons/lstm/` → 3. */
function depthBelowBase(path: string, params: URLSearchParams): number {
  const folders = path.split('/').filter((part) => part.length > 0).length;
  return folders + (params.get('lang') === 'en' ? 1 : 0);
}

/** The address that page updates write, in the page's form. */
function toAddress(path: string, params: URLSearchParams): string {
  return pageBase !== null && usesPathRouting()
    ? hashToPath(pageBase, path, params)
    : formatHash(path, params);
}

/**
 * An in-book link (`href`) in the page's form. In path form it is relative to the page
 * (`../../lessons/gru/`), so a page written out at build time, before its base is known,
 * holds the same links the page renders once it runs.
 */
export function bookHref(path: string, params: URLSearchParams): string {
  if (!usesPathRouting()) return formatHash(path, params);
  const here = getLocation();
  const up = '../'.repeat(depthBelowBase(here.path, here.params));
  return up + hashToPath('', path, params) || './';
}

/** A file shipped with the book (`favicon.svg`) as a `src` relative to the page, in either form. */
export function bookAssetHref(file: string): string {
  if (!usesPathRouting()) return typeof window === 'undefined' ? `./${file}` : bookFileUrl(file);
  const here = getLocation();
  return '../'.repeat(depthBelowBase(here.path, here.params)) + file;
}

/**
 * In path form, a click on an in-book link changes the page in place (pushState) instead of
 * loading the next page's HTML: the app, its workers and loaded lessons stay. Returns a remover.
 */
export function followBookLinksInPlace(): () => void {
  const onClick = (event: MouseEvent) => {
    if (pageBase === null || !usesPathRouting()) return;
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.hasAttribute('download'))
      return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || !url.pathname.startsWith(pageBase)) return;
    if (url.hash) return;
    const below = url.pathname.slice(pageBase.length);
    if (!/^(?:en\/?)?(?:lessons\/[a-z0-9-]+\/?)?$/.test(below)) return;
    event.preventDefault();
    const { path, params } = parseHash(pathToHash(below, url.search));
    navigate(path, params);
  };
  document.addEventListener('click', onClick);
  return () => document.removeEventListener('click', onClick);
}

/**
 * The book's base URL (`https://host/courses/gatebook/`), for shared links and shipped files:
 * not the page's own address, which in path form is a lesson's folder.
 */
export function bookBaseUrl(): string {
  if (typeof window === 'undefined') return 'http://localhost/';
  const { origin, pathname, search } = window.location;
  if (pageBase !== null) return origin + pageBase;
  return `${origin}${pathname}${search}`;
}

/** A file shipped with the book (`data/apriori-ko.txt`, `sw.js`), as an absolute URL. */
export function bookFileUrl(file: string): string {
  return new URL(file, bookBaseUrl()).href;
}

/**
 * The address the page's HTML was written for (`data-prerendered`, in hash form), used as
 * React's server snapshot while it hydrates that HTML; otherwise the current address.
 */
export function getServerHash(): string {
  if (typeof window === 'undefined') return serverHash;
  return document.documentElement.dataset.prerendered ?? currentHash();
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
    window.addEventListener('popstate', notify);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined') {
      window.removeEventListener('hashchange', notify);
      window.removeEventListener('popstate', notify);
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
  if (formatHash(path, params) === currentHash()) return;
  window.history.pushState(null, '', toAddress(path, params));
  notify();
}

/** Changes parameters in place (no history entry per slider move). */
export function updateParams(mutate: (params: URLSearchParams) => void): void {
  const { path, params } = getLocation();
  mutate(params);
  if (formatHash(path, params) === currentHash()) return;
  window.history.replaceState(window.history.state, '', toAddress(path, params));
  notify();
}
