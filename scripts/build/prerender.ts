// Writes every page of the book (the home page and each lesson, in Korean and English) as
// static HTML at build time, so a page paints its text before any script has run; the app
// then hydrates it. Pages sit under the base in path form: `index.html`, `en/index.html`,
// `lessons/lstm/index.html`, `en/lessons/lstm/index.html` (see src/state/urlStore.ts).
//
// The render is a second, server-side build of src/prerender/renderPage.tsx with this same
// config, run after the browser build is written and before the service worker is generated
// (vite-plugin-pwa generates it at closeBundle), so the worker precaches these pages too.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig, type Rollup } from 'vite';
import { PAGE_GUARD_SCRIPT } from '../../src/pwa/csp.ts';
import { BOLD_BOOK_FACE, PROSE_MATH_FONTS, lessonFiles } from './lessonPreload.ts';

/** The server-side build of src/prerender/renderPage.tsx, imported once it is written. */
type RenderModule = typeof import('../../src/prerender/renderPage.tsx');
type PageToWrite = ReturnType<RenderModule['pagesToWrite']>[number];

/** `#/lessons/lstm?lang=en` → `en/lessons/lstm/` (the folder below the base). */
export function pageFolder(page: Pick<PageToWrite, 'slug' | 'lang'>): string {
  return `${page.lang === 'en' ? 'en/' : ''}${page.slug ? `lessons/${page.slug}/` : ''}`;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One page's HTML from the built index.html: relative asset URLs moved to the page's depth,
 * routing attributes and language on <html>, the title, the guard script, the stylesheets its
 * first paint needs (the app's and the lesson's, after the entry's), its fonts preloaded, and
 * the rendered markup inside #root. The page's chunks are listed in `data-modules` for
 * src/main.tsx to preload after the first paint, so they do not compete with what that paint
 * needs. The hash-reading preload script is for index.html's hash addresses only.
 */
export function pageHtml(options: {
  template: string;
  page: PageToWrite;
  markup: string;
  base: string;
  /** Stylesheets and chunks the page's app and lesson use, from the base. */
  assets: string[];
  fonts: string[];
}): string {
  const { template, page, markup, base, assets, fonts } = options;
  const folder = pageFolder(page);
  const depth = folder.split('/').filter(Boolean).length;
  const relative = base === './' || base === '';
  const prefix = relative ? '../'.repeat(depth) || './' : base;
  let html = template;
  if (relative && depth > 0) html = html.replace(/(\s(?:href|src))="\.\//g, `$1="${prefix}`);
  if (folder !== '') {
    html = html.replace(/\s*<script async src="[^"]*lesson-preload-[^"]*"><\/script>/, '');
  }
  const unique = [...new Set(assets)];
  const modules = unique.filter((file) => file.endsWith('.js'));
  const attrs = [
    `lang="${page.lang}"`,
    'data-routing="path"',
    `data-base="${prefix}"`,
    `data-prerendered="${escapeHtml(page.hash)}"`,
    ...(modules.length ? [`data-modules="${escapeHtml(modules.join(' '))}"`] : []),
  ];
  html = html.replace(/<html lang="[^"]*">/, `<html ${attrs.join(' ')}>`);
  html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`);
  const preloads = fonts.map(
    (font) =>
      `<link rel="preload" href="${prefix}${font}" as="font" type="font/woff2" crossorigin>`,
  );
  // React writes resource hints it found (an <img>'s preload) before the markup; they belong
  // in the head, and inside #root they would not match the app's first render.
  const hints = /^(?:<link [^>]*>)+/.exec(markup)?.[0] ?? '';
  if (hints) preloads.push(hints.replace(/ href="\.\//g, ` href="${prefix}`));
  html = html.replace('</title>', `</title>\n    ${preloads.join('\n    ')}`);
  const stylesheets = unique
    .filter((file) => file.endsWith('.css'))
    .map((file) => `<link rel="stylesheet" crossorigin href="${prefix}${file}">`);
  html = html.replace('</head>', `  ${stylesheets.join('\n    ')}\n  </head>`);
  // First in the head after the policy that allows it: the theme is set before the first paint.
  const policy = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
  if (!policy.test(html)) throw new Error('prerender: no Content-Security-Policy in index.html');
  html = html.replace(policy, (tag) => `${tag}\n    <script>${PAGE_GUARD_SCRIPT}</script>`);
  if (!html.includes('<div id="root"></div>'))
    throw new Error('prerender: no empty #root in index.html');
  const body = markup.slice(hints.length);
  return html.replace(
    '<div id="root"></div>',
    `<div id="root" data-prerendered-root>${body}</div>`,
  );
}

/** The stylesheets of the chunk built from `entry` and of every chunk it imports statically. */
export function stylesheetsOf(bundle: Rollup.OutputBundle, entry: string): string[] {
  const chunks = new Map<string, Rollup.OutputChunk>();
  for (const output of Object.values(bundle)) {
    if (output.type === 'chunk') chunks.set(output.fileName, output);
  }
  const start = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(entry));
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    const meta = (chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata;
    for (const file of meta?.importedCss ?? []) css.add(file);
    for (const name of chunk.imports) {
      const next = chunks.get(name);
      if (next) visit(next);
    }
  };
  if (start) visit(start);
  return [...css];
}

async function loadRenderer(config: ResolvedConfig): Promise<RenderModule> {
  const outDir = path.join(config.root, 'node_modules/.cache/gatebook-prerender');
  rmSync(outDir, { recursive: true, force: true });
  await build({
    root: config.root,
    configFile: config.configFile,
    mode: config.mode,
    logLevel: 'warn',
    build: {
      ssr: 'src/prerender/renderPage.tsx',
      outDir,
      emptyOutDir: true,
      manifest: false,
      ssrManifest: false,
    },
  });
  return (await import(pathToFileURL(path.join(outDir, 'renderPage.js')).href)) as RenderModule;
}

export function prerender(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'gatebook:prerender',
    apply: (userConfig, env) =>
      env.command === 'build' && !env.isSsrBuild && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler(options, bundle: Rollup.OutputBundle) {
        const outDir = options.dir ?? path.resolve(config.root, config.build.outDir);
        const template = readFileSync(path.join(outDir, 'index.html'), 'utf8');
        const names = Object.keys(bundle);
        const lessons = lessonFiles(bundle);
        const katexFonts = names.filter((name) => PROSE_MATH_FONTS.test(name));
        const boldKorean = names.filter((name) => BOLD_BOOK_FACE.test(name));
        // The app's own stylesheets come with the app (imported after the first paint); a
        // written-out page needs them for that paint.
        const appCss = stylesheetsOf(bundle, 'src/app/start.tsx');
        const renderer = await loadRenderer(config);
        const started = performance.now();
        const pages = renderer.pagesToWrite();
        for (const page of pages) {
          const markup = await renderer.renderPage(page.hash);
          const html = pageHtml({
            template,
            page,
            markup,
            base: config.base,
            assets: [...appCss, ...(page.slug ? (lessons[`${page.slug}/${page.lang}`] ?? []) : [])],
            fonts: [...(page.slug ? katexFonts : []), ...(page.lang === 'ko' ? boldKorean : [])],
          });
          const file = path.join(outDir, pageFolder(page), 'index.html');
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, html);
        }
        this.info(
          `wrote ${pages.length} pages as HTML in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
