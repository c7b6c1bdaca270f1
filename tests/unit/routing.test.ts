import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../src/app/routes';
import { formatHash, parseHash } from '../../src/state/urlStore';

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
