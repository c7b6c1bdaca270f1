import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { pageFolder, pageHtml, stylesheetsOf } from '../../../scripts/build/prerender';
import { PAGE_GUARD_SCRIPT, PAGE_GUARD_SOURCE } from '../../../src/pwa/csp';

const TEMPLATE = `<!doctype html>
<html lang="ko">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
    <title>Gatebook</title>
    <script type="module" crossorigin src="./assets/main-abc.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/main-abc.css">
    <script async src="./assets/lesson-preload-xyz.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const lstmEn = {
  hash: '#/lessons/lstm?lang=en',
  slug: 'lstm',
  lang: 'en' as const,
  title: 'LSTM gates — Gatebook',
};

describe('pages written out at build time', () => {
  it('sit in one folder per page below the base, Korean without a prefix', () => {
    expect(pageFolder({ slug: null, lang: 'ko' })).toBe('');
    expect(pageFolder({ slug: null, lang: 'en' })).toBe('en/');
    expect(pageFolder({ slug: 'gru', lang: 'ko' })).toBe('lessons/gru/');
    expect(pageFolder({ slug: 'gru', lang: 'en' })).toBe('en/lessons/gru/');
  });

  it('hold the markup, routing attributes, the stylesheets, and assets at their depth', () => {
    const html = pageHtml({
      template: TEMPLATE,
      page: lstmEn,
      markup:
        '<link rel="preload" as="image" href="./favicon.svg"/><main><h1>LSTM gates</h1></main>',
      base: './',
      assets: ['assets/start-1.css', 'assets/en-2.js', 'assets/katex-3.css', 'assets/start-1.css'],
      fonts: ['assets/KaTeX_Main-Regular-4.woff2'],
    });
    expect(html).toContain(
      '<html lang="en" data-routing="path" data-base="../../../" data-prerendered="#/lessons/lstm?lang=en" data-modules="assets/en-2.js">',
    );
    expect(html).toContain('<title>LSTM gates — Gatebook</title>');
    expect(html).toContain(
      '<div id="root" data-prerendered-root><main><h1>LSTM gates</h1></main></div>',
    );
    expect(html).toContain('src="../../../assets/main-abc.js"');
    expect(html).toContain('href="../../../favicon.svg" type="image/svg+xml"');
    // React's image hint moved to the head, at the page's depth.
    expect(html).toContain('<link rel="preload" as="image" href="../../../favicon.svg"/>');
    expect(html).toContain(
      '<link rel="preload" href="../../../assets/KaTeX_Main-Regular-4.woff2" as="font"',
    );
    // The lesson's and app's stylesheets, once each, after the entry's.
    const sheets = [...html.matchAll(/rel="stylesheet" crossorigin href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(sheets).toEqual([
      '../../../assets/main-abc.css',
      '../../../assets/start-1.css',
      '../../../assets/katex-3.css',
    ]);
    // Chunks are not fetched from the head: src/main.tsx preloads them after the first paint.
    expect(html).not.toContain('modulepreload');
    // The hash-reading preload script is for index.html only.
    expect(html).not.toContain('lesson-preload');
    // The guard comes first in the head, right after the policy that allows it.
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'" />\n    <script>${PAGE_GUARD_SCRIPT}</script>`,
    );
    expect(html.indexOf(`<script>${PAGE_GUARD_SCRIPT}</script>`)).toBeLessThan(
      html.indexOf('<link'),
    );
  });

  it('keep the hash-address preload script on the home page at the base', () => {
    const html = pageHtml({
      template: TEMPLATE,
      page: { hash: '#/?lang=ko', slug: null, lang: 'ko', title: 'Gatebook' },
      markup: '<main></main>',
      base: './',
      assets: [],
      fonts: [],
    });
    expect(html).toContain('data-base="./"');
    expect(html).toContain('src="./assets/lesson-preload-xyz.js"');
    expect(html).not.toContain('data-modules');
  });

  it('leave absolute asset URLs alone under an absolute base', () => {
    const html = pageHtml({
      template: TEMPLATE.replace(/"\.\//g, '"/book/'),
      page: lstmEn,
      markup: '<main></main>',
      base: '/book/',
      assets: ['assets/katex-3.css'],
      fonts: [],
    });
    expect(html).toContain('data-base="/book/"');
    expect(html).toContain('src="/book/assets/main-abc.js"');
    expect(html).toContain('href="/book/assets/katex-3.css"');
  });

  it('refuse a template without a policy or an empty #root', () => {
    expect(() =>
      pageHtml({
        template: TEMPLATE.replace(/<meta http-equiv[^>]*>/, ''),
        page: lstmEn,
        markup: '',
        base: './',
        assets: [],
        fonts: [],
      }),
    ).toThrow(/Content-Security-Policy/);
    expect(() =>
      pageHtml({
        template: TEMPLATE.replace('<div id="root"></div>', ''),
        page: lstmEn,
        markup: '',
        base: './',
        assets: [],
        fonts: [],
      }),
    ).toThrow(/#root/);
  });

  it('link the stylesheets of the app chunk and of the chunks it imports', () => {
    const chunk = (fileName: string, imports: string[], css: string[], facade?: string) =>
      ({
        type: 'chunk',
        fileName,
        imports,
        facadeModuleId: facade ?? null,
        viteMetadata: { importedCss: new Set(css) },
      }) as unknown as Rollup.OutputChunk;
    const bundle = {
      a: chunk(
        'assets/start-1.js',
        ['assets/shared-2.js', 'assets/runtime-3.js'],
        ['assets/start-1.css'],
        '/x/src/app/start.tsx',
      ),
      b: chunk('assets/shared-2.js', ['assets/runtime-3.js'], ['assets/shared-2.css']),
      c: chunk('assets/runtime-3.js', ['assets/start-1.js'], []),
      d: chunk('assets/lesson-4.js', [], ['assets/katex-5.css']),
    } as Rollup.OutputBundle;
    expect(stylesheetsOf(bundle, 'src/app/start.tsx')).toEqual([
      'assets/start-1.css',
      'assets/shared-2.css',
    ]);
    expect(stylesheetsOf(bundle, 'src/nope.tsx')).toEqual([]);
  });

  it('allow exactly the guard script in the CSP, by its hash', () => {
    const digest = createHash('sha256').update(PAGE_GUARD_SCRIPT).digest('base64');
    expect(PAGE_GUARD_SOURCE).toBe(`'sha256-${digest}'`);
  });
});
