import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { lessonPreload } from './scripts/build/lessonPreload.ts';
import { prerender } from './scripts/build/prerender.ts';
import { writeBookFont } from './scripts/fonts/bookFont.ts';
import { mdx } from './scripts/vite-mdx.ts';
import { rehypeFocusableMath } from './src/lessons/rehypeFocusableMath.ts';
import { rehypeProseSections } from './src/lessons/rehypeProseSections.ts';
import { CONTENT_SECURITY_POLICY } from './src/pwa/csp.ts';

// GATEBOOK_BASE lets the static site live under any sub-path; './' (the default) makes
// dist/ work from any static server because routing is hash-based.
const base = process.env.GATEBOOK_BASE ?? './';

/**
 * Writes the CSP into every built page as a <meta> tag, right after the charset, so static
 * hosts that cannot send headers still enforce it. Build only: the dev server's React
 * refresh preamble is an inline script.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'gatebook:csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      const charset = /<meta charset="UTF-8"\s*\/?>/i;
      if (!charset.test(html)) throw new Error('gatebook:csp-meta: no <meta charset> in the page');
      return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
    },
  };
}

/**
 * Every browser Gatebook supports reads woff2, so the woff and ttf fallbacks in the font
 * stylesheets (Noto Sans KR: ~270 faces; KaTeX: 20) only make the render-blocking CSS
 * larger and the build 5 MB heavier. This drops them from @font-face `src` lists.
 */
function woff2Only(): Plugin {
  const fallback = /,\s*url\([^)]*?\.(?:woff|ttf)\)\s*format\((["'])(?:woff|truetype)\1\)/g;
  return {
    name: 'gatebook:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css(?:$|\?)/.test(id) || !/[\\/](?:@fontsource|katex)[\\/]/.test(id)) return null;
      return { code: code.replace(fallback, ''), map: null };
    },
  };
}

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * `vite preview` answers a folder without its slash (`/en/lessons/lstm`) with the root
 * index.html, whose relative asset URLs then point into the wrong folder. Static hosts
 * redirect to the slash; so does the preview server, for every folder that holds a page.
 */
function previewFolderSlash(): Plugin {
  return {
    name: 'gatebook:preview-folder-slash',
    configurePreviewServer(server) {
      const outDir = path.resolve(root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const below = decodeURIComponent(url.pathname).replace(/^\/+/, '');
        if (below && !below.endsWith('/') && !below.includes('..')) {
          if (existsSync(path.join(outDir, below, 'index.html'))) {
            res.statusCode = 301;
            res.setHeader('Location', `${url.pathname}/${url.search}`);
            res.end();
            return;
          }
        }
        next();
      });
    },
  };
}

/**
 * Cuts Noto Sans KR down to the Korean the book uses (src/fonts/generated, not committed)
 * before anything imports it; unchanged text reuses the last cut.
 */
function bookFont(): Plugin {
  return {
    name: 'gatebook:book-font',
    async buildStart() {
      const result = await writeBookFont(root, path.join(root, 'src/fonts/generated'));
      if (!result.reused) {
        this.info(
          `book font: ${result.characters} Korean characters, ${result.bytes.map((b) => `${(b / 1024).toFixed(0)} kB`).join(' + ')}`,
        );
      }
    },
  };
}

export default defineConfig({
  base,
  plugins: [
    bookFont(),
    mdx({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        [rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }],
        rehypeFocusableMath,
        rehypeProseSections,
      ],
      providerImportSource: undefined,
      // Lessons carry build-time KaTeX markup; its stylesheet loads with them, not with home.
      prelude: ['katex/dist/katex.min.css'],
    }),
    react({ include: /\.(mdx|tsx|ts)$/ }),
    cspMetaTag(),
    woff2Only(),
    lessonPreload(),
    // Every page as static HTML (after the browser build, before the service worker).
    prerender(),
    previewFolderSlash(),
    // Offline: a generated service worker precaches the whole built book. src/pwa registers
    // it and shows its state; a new version waits and is applied on the next load.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      // favicon.svg is precached by the glob below already.
      includeManifestIcons: false,
      manifest: {
        name: 'Gatebook — 순환 신경망 인터랙티브 교과서',
        short_name: 'Gatebook',
        description: '순환 신경망(RNN)과 LSTM을 눈으로 보며 배우는 인터랙티브 교과서',
        lang: 'ko',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Every page, lesson chunk, stylesheet and woff2 font (the browsers we support never
        // ask for the woff/ttf fallbacks), the tfjs wasm binaries, and the corpora in data/.
        globPatterns: [
          '**/*.{js,css,html,svg,woff2,wasm}',
          // Only once corpora exist: workbox warns about a pattern that matches nothing.
          ...(existsSync(new URL('./public/data', import.meta.url))
            ? ['data/**/*.{tsv,txt,csv,json}']
            : []),
        ],
        // lab.html is a test bench for the tensor runtime, not part of the book.
        globIgnores: ['lab.html', 'assets/lab-*.js', '.vite/**'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        // Every page is a precached file (`lessons/lstm/` → lessons/lstm/index.html); a
        // page's query (`?lstm.step=3`) is state for the app, never a different file.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: {
    port: 4173,
    host: '127.0.0.1',
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 2000,
    // lab.html: a test and benchmark page for the tensor runtime, not linked from the book.
    rolldownOptions: { input: { main: 'index.html', lab: 'lab.html' } },
  },
  // The training worker (src/core/worker) is an ES module worker.
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
});
