import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Store = typeof import('../../../src/state/urlStore');

/** The URL store as a written-out page at `address` loads it (its base is read once). */
async function storeOnWrittenPage(address: string, base: string): Promise<Store> {
  window.history.replaceState(null, '', address);
  document.documentElement.dataset.routing = 'path';
  document.documentElement.dataset.base = base;
  vi.resetModules();
  return import('../../../src/state/urlStore');
}

afterEach(() => {
  delete document.documentElement.dataset.routing;
  delete document.documentElement.dataset.base;
  window.history.replaceState(null, '', '/');
  vi.resetModules();
});

describe('a page written out at build time, under a sub-path', () => {
  let store: Store;
  beforeEach(async () => {
    store = await storeOnWrittenPage('/book/lessons/lstm/?lstm.step=3', '../../');
  });

  it('reads route, language and state from its address', () => {
    expect(store.usesPathRouting()).toBe(true);
    const { path, params } = store.getLocation();
    expect(path).toBe('/lessons/lstm');
    expect(params.get('lang')).toBe('ko');
    expect(params.get('lstm.step')).toBe('3');
    expect(store.bookBaseUrl()).toBe(`${window.location.origin}/book/`);
    expect(store.bookFileUrl('data/x.tsv')).toBe(`${window.location.origin}/book/data/x.tsv`);
  });

  it('writes links relative to its folder', () => {
    expect(store.bookHref('/lessons/gru', new URLSearchParams({ lang: 'en' }))).toBe(
      '../../en/lessons/gru/',
    );
    expect(store.bookHref('/', new URLSearchParams({ lang: 'ko' }))).toBe('../../');
    expect(store.bookAssetHref('favicon.svg')).toBe('../../favicon.svg');
  });

  it('switches language and state in place, in path form', () => {
    store.updateParams((p) => p.set('lang', 'en'));
    expect(window.location.pathname).toBe('/book/en/lessons/lstm/');
    expect(window.location.search).toBe('?lstm.step=3');
    expect(window.location.hash).toBe('');
    store.updateParams((p) => p.set('lstm.step', '4'));
    expect(window.location.search).toBe('?lstm.step=4');
    expect(store.bookHref('/', new URLSearchParams({ lang: 'en' }))).toBe('../../../en/');
  });

  it('follows an in-book link without loading a page', () => {
    const stop = store.followBookLinksInPlace();
    const seen: string[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.getHash()));
    const link = document.createElement('a');
    link.href = '../gru/';
    document.body.append(link);
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(window.location.pathname).toBe('/book/lessons/gru/');
    expect(seen).toEqual(['#/lessons/gru?lang=ko']);
    // A link out of the book, or one with a modifier key, is the browser's.
    const out = document.createElement('a');
    out.href = '/elsewhere/';
    document.body.append(out);
    const outEvent = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    out.addEventListener('click', (e) => e.preventDefault());
    out.dispatchEvent(outEvent);
    expect(window.location.pathname).toBe('/book/lessons/gru/');
    unsubscribe();
    stop();
    link.remove();
    out.remove();
  });

  it('hands over to the hash form when the address carries a hash route', () => {
    window.history.replaceState(null, '', '/book/lessons/lstm/#/lessons/gru?lang=en');
    expect(store.usesPathRouting()).toBe(false);
    expect(store.getLocation().path).toBe('/lessons/gru');
    expect(store.bookHref('/', new URLSearchParams({ lang: 'en' }))).toBe('#/?lang=en');
  });
});

describe('the hash form elsewhere', () => {
  it('is unchanged on a page without routing attributes', async () => {
    window.history.replaceState(null, '', '/#/lessons/lstm?lang=en');
    vi.resetModules();
    const store = await import('../../../src/state/urlStore');
    expect(store.usesPathRouting()).toBe(false);
    expect(store.getLocation().params.get('lang')).toBe('en');
    expect(store.bookHref('/lessons/gru', new URLSearchParams({ lang: 'en' }))).toBe(
      '#/lessons/gru?lang=en',
    );
    store.navigate('/lessons/gru', new URLSearchParams({ lang: 'en' }));
    expect(window.location.hash).toBe('#/lessons/gru?lang=en');
  });
});
