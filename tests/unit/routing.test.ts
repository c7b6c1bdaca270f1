import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../src/app/routes';
import { formatHash, hashToPath, parseHash, pathToHash } from '../../src/state/urlStore';

describe('hash URLs', () => {
  it('splits path and parameters', () => {
    const { path, params } = parseHash('#/lessons/sequences?lang=en&shapes.length=5');
    expect(path).toBe('/lessons/sequences');
    expect(params.get('lang')).toBe('en');
    expect(params.get('shapes.length')).toBe('5');
  });

  it('treats an empty or odd hash as home', () => {
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#').path).toBe('/');
    expect(parseHash('#//lessons//').path).toBe('/lessons');
    expect(parseHash('#/%E0%A4%A').path).toBe('/%E0%A4%A');
  });

  it('round-trips through formatHash', () => {
    const params = new URLSearchParams({ 'act.fn': 'tanh', lang: 'ko' });
    expect(parseHash(formatHash('/lessons/lstm', params)).params.toString()).toBe(
      params.toString(),
    );
  });

  it('matches the three kinds of page', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/lessons/sequences')).toEqual({ name: 'lesson', slug: 'sequences' });
    expect(matchRoute('/lessons/Bad Slug')).toEqual({
      name: 'notFound',
      path: '/lessons/Bad Slug',
    });
    expect(matchRoute('/nope')).toEqual({ name: 'notFound', path: '/nope' });
  });
});

describe('path-form addresses (pages written out at build time)', () => {
  it('read the language from the folder and the state from the query', () => {
    expect(pathToHash('', '')).toBe('#/?lang=ko');
    expect(pathToHash('en/', '')).toBe('#/?lang=en');
    expect(pathToHash('en', '')).toBe('#/?lang=en');
    expect(pathToHash('lessons/lstm/', '?lstm.step=3')).toBe('#/lessons/lstm?lang=ko&lstm.step=3');
    expect(pathToHash('en/lessons/gru', '')).toBe('#/lessons/gru?lang=en');
    expect(pathToHash('index.html', '')).toBe('#/?lang=ko');
    expect(pathToHash('en/lessons/gru/index.html', '')).toBe('#/lessons/gru?lang=en');
  });

  it('ignore a lang parameter in the query: the folder says the language', () => {
    expect(pathToHash('lessons/lstm/', '?lang=en&a.b=1')).toBe('#/lessons/lstm?lang=ko&a.b=1');
  });

  it('keep an unknown path for the app to answer with "not found"', () => {
    expect(matchRoute(parseHash(pathToHash('nope/x/', '')).path)).toEqual({
      name: 'notFound',
      path: '/nope/x',
    });
    expect(pathToHash('english/', '')).toBe('#/english?lang=ko');
  });

  it('write an address under the base, English under en/', () => {
    const params = new URLSearchParams({ lang: 'en', 'lstm.step': '3' });
    expect(hashToPath('/', '/lessons/lstm', params)).toBe('/en/lessons/lstm/?lstm.step=3');
    expect(hashToPath('/book/', '/', new URLSearchParams({ lang: 'ko' }))).toBe('/book/');
    expect(hashToPath('', '/lessons/gru', new URLSearchParams())).toBe('lessons/gru/');
  });

  it('round-trip between the two forms', () => {
    for (const hash of [
      '#/?lang=ko',
      '#/?lang=en',
      '#/lessons/sequences?lang=en&shapes.kind=many-to-one',
      '#/embed/lstm/LstmCell?lang=ko&lstm.step=2',
    ]) {
      const { path, params } = parseHash(hash);
      const address = hashToPath('/', path, params);
      const url = new URL(address, 'http://x');
      expect(pathToHash(url.pathname.slice(1), url.search)).toBe(hash);
    }
  });
});
