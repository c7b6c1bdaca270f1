// The service worker's life, as one small store the header can show. The worker itself is
// generated at build time (vite-plugin-pwa, workbox generateSW, see vite.config.ts) and
// precaches the whole book; this module registers it and follows its states.
//
// Updates: a new version installs in the background and then waits (no skipWaiting), so a
// page never mixes chunks of two builds. The next time the book is opened, the waiting
// version is told to take over and the page reloads once, before anyone has done anything.
import { bookFileUrl } from '../state/urlStore';

export type OfflineState =
  /** No service worker here (development build, old browser, or not a secure context). */
  | 'unsupported'
  /** First visit: the book is being saved for offline use. */
  | 'installing'
  /** Every file is cached; the book works with the network cut. */
  | 'ready'
  /** A new version is downloading in the background. */
  | 'updating'
  /** A new version is saved and will be used from the next load. */
  | 'update-ready'
  /** Registration or caching failed (the book still works online). */
  | 'error';

export interface OfflineSnapshot {
  state: OfflineState;
  online: boolean;
}

function supported(): boolean {
  return (
    import.meta.env.PROD &&
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    window.isSecureContext
  );
}

// Known before the first render, so the header does not shift when registration starts.
let snapshot: OfflineSnapshot = {
  state: !supported() ? 'unsupported' : navigator.serviceWorker.controller ? 'ready' : 'installing',
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
};
const listeners = new Set<() => void>();

function update(patch: Partial<OfflineSnapshot>): void {
  const next = { ...snapshot, ...patch };
  if (next.state === snapshot.state && next.online === snapshot.online) return;
  snapshot = next;
  if (typeof document !== 'undefined') document.documentElement.dataset.offline = next.state;
  listeners.forEach((listener) => listener());
}

export function getOfflineSnapshot(): OfflineSnapshot {
  return snapshot;
}

/**
 * What a page written out at build time shows (and hydrates with): a first visit's state, the
 * one Lighthouse and a new learner see; the real state follows right after hydration.
 */
const WRITTEN_OUT: OfflineSnapshot = { state: 'installing', online: true };
export function getWrittenOutOfflineSnapshot(): OfflineSnapshot {
  return WRITTEN_OUT;
}

export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Guards the one reload that applies an update against looping if the swap fails. */
const RELOAD_KEY = 'gatebook:sw-update-reload';
const RELOAD_GUARD_MS = 30_000;

function mayReloadForUpdate(): boolean {
  try {
    const last = Number(sessionStorage.getItem(RELOAD_KEY) ?? 0);
    if (Date.now() - last < RELOAD_GUARD_MS) return false;
    sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
    return true;
  } catch {
    return false;
  }
}

let started = false;

/**
 * Registers the service worker once per page (later calls do nothing). Only in the
 * production build and where the browser has service workers (a secure context).
 */
export function startOffline(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => update({ online: true }));
  window.addEventListener('offline', () => update({ online: false }));
  if (!supported()) return;
  // After the page has loaded and gone idle: saving ~10 MB for offline use must never
  // compete with what the learner is opening right now.
  const go = () => {
    const run = () => void register().catch(() => update({ state: 'error' }));
    if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 4000 });
    else setTimeout(run, 1000);
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}

async function register(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  // The book's base, not the page's folder: a written-out lesson sits in lessons/<slug>/.
  const wb = new Workbox(bookFileUrl('sw.js'), { scope: bookFileUrl('') });

  update({ state: navigator.serviceWorker.controller ? 'ready' : 'installing' });

  wb.addEventListener('installing', (event) => {
    if (event.isUpdate) update({ state: 'updating' });
  });
  wb.addEventListener('waiting', (event) => {
    if (event.wasWaitingBeforeRegister && mayReloadForUpdate()) {
      // Saved during an earlier visit: this load is the "next load", so apply it now.
      update({ state: 'updating' });
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    } else {
      update({ state: 'update-ready' });
    }
  });
  wb.addEventListener('controlling', (event) => {
    if (!event.isUpdate) update({ state: 'ready' });
  });
  wb.addEventListener('activated', (event) => {
    if (!event.isUpdate && navigator.serviceWorker.controller) update({ state: 'ready' });
  });
  wb.addEventListener('redundant', () => {
    if (!navigator.serviceWorker.controller) update({ state: 'error' });
  });

  await wb.register();
}
