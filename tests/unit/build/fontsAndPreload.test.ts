import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { lessonFiles, preloadScript } from '../../../scripts/build/lessonPreload';
import { bookCharacters, unicodeRange } from '../../../scripts/fonts/bookFont';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the book font', () => {
  it('collects the Korean and symbols the book writes, not what the Latin face has', () => {
    const chars = bookCharacters(root);
    for (const ch of ['게', '이', '트', '→', 'σ']) expect(chars).toContain(ch);
    for (const ch of ['a', 'Z', '7', 'é', '—']) expect(chars).not.toContain(ch);
    expect([...chars]).toEqual([...new Set(chars)].sort());
  });

  it('writes unicode-range with runs as ranges', () => {
    expect(unicodeRange('각가나→')).toBe('U+2192, U+AC00-AC01, U+B098');
    expect(unicodeRange('')).toBe('');
  });
});

/** A finished bundle as far as the plugin reads it. */
function chunk(fileName: string, extra: Partial<Rollup.OutputChunk>): Rollup.OutputChunk {
  return {
    type: 'chunk',
    fileName,
    isEntry: false,
    imports: [],
    moduleIds: [`/src/${fileName}.ts`],
    facadeModuleId: null,
    ...extra,
  } as Rollup.OutputChunk;
}

describe('lesson preloading', () => {
  const bundle = {
    'assets/main.js': chunk('assets/main.js', { isEntry: true }),
    'assets/ko.js': chunk('assets/ko.js', {
      facadeModuleId: '/book/lessons/lstm/ko.mdx',
      imports: ['assets/main.js', 'assets/katex.js', 'assets/shared.js'],
    }),
    'assets/katex.js': Object.assign(
      chunk('assets/katex.js', { moduleIds: ['/node_modules/katex/dist/katex.min.css'] }),
      { viteMetadata: { importedCss: new Set(['assets/katex.css']) } },
    ),
    'assets/shared.js': chunk('assets/shared.js', {}),
  } as unknown as Rollup.OutputBundle;

  it('lists a lesson’s chunk, its imports and their stylesheets, but not the entry or CSS-only chunks', () => {
    expect(lessonFiles(bundle)).toEqual({
      'lstm/ko': ['assets/ko.js', 'assets/katex.css', 'assets/shared.js'],
    });
  });

  it('preloads the linked lesson in the language the page will show', () => {
    const added: { rel: string; as?: string; href: string }[] = [];
    const run = (hash: string, stored: string | null) => {
      added.length = 0;
      const script = preloadScript(
        lessonFiles(bundle),
        ['assets/KaTeX_Main.woff2'],
        ['assets/gatebook-kr-700.woff2'],
        './',
      );
      const document = {
        createElement: () => ({}),
        head: {
          appendChild: (link: { rel: string; as?: string; href: string }) => added.push(link),
        },
      };
      const localStorage = { getItem: () => stored };
      new Function('location', 'document', 'localStorage', script)(
        { hash },
        document,
        localStorage,
      );
      return added.map((l) => `${l.rel}${l.as ? `:${l.as}` : ''} ${l.href}`);
    };
    expect(run('#/lessons/lstm?lang=ko&lstm.t=2', 'en')).toEqual([
      'modulepreload ./assets/ko.js',
      'preload:style ./assets/katex.css',
      'modulepreload ./assets/shared.js',
      'preload:font ./assets/KaTeX_Main.woff2',
      'preload:font ./assets/gatebook-kr-700.woff2',
    ]);
    expect(run('#/lessons/lstm', 'ko')).toHaveLength(5);
    expect(run('#/lessons/lstm', 'en')).toEqual([]);
    expect(run('#/', null)).toEqual(['preload:font ./assets/gatebook-kr-700.woff2']);
    expect(run('#/?lang=en', 'ko')).toEqual([]);
  });
});
