// First paint needs only Noto Sans KR's Latin faces and the book's own Korean face (the
// Hangul and symbols the book writes, cut from Noto Sans KR at build time).
import '@fontsource/noto-sans-kr/latin-400.css';
import '@fontsource/noto-sans-kr/latin-700.css';
import './fonts/generated/gatebook-kr.css';
import './styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('Gatebook: #root is missing from index.html');

/**
 * A page written out at build time is readable before any script runs, so its text, styles
 * and fonts get the network first: the app (React and the book, ~85 kB gzip) is fetched once
 * that page has painted. A page with nothing written out for its address starts at once.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A background tab paints nothing; it must still start.
    if (document.visibilityState !== 'visible') return resolve();
    let observer: PerformanceObserver | null = null;
    const done = () => {
      clearTimeout(fallback);
      observer?.disconnect();
      resolve();
    };
    const fallback = setTimeout(done, 1000);
    try {
      // The paint as presented on screen, not as recorded: a frame's rAF comes before it.
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      requestAnimationFrame(() => setTimeout(done, 0));
    }
  });
}

/** The chunks a written-out page's app and lesson need, fetched together (see prerender.ts). */
function preloadPageModules(): void {
  const { modules, base = './' } = document.documentElement.dataset;
  for (const file of modules?.split(' ') ?? []) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = base + file;
    document.head.append(link);
  }
}

const readable =
  root.hasAttribute('data-prerendered-root') &&
  !document.documentElement.hasAttribute('data-hash-route');
void (readable ? afterFirstPaint() : Promise.resolve())
  .then(() => {
    if (readable) preloadPageModules();
    return import('./app/start');
  })
  .then(({ start }) => start(root));

// The rest of Noto Sans KR — ~240 unicode-range faces, 50 kB of CSS — only serves text the
// book does not contain (a learner's own review, an uploaded corpus), which appears only after
// the learner does something: it loads at the first key, tap or click, or 5 s after the page.
const FIRST_INPUT = ['pointerdown', 'keydown', 'touchstart'] as const;
let fallbackRequested = false;
function loadFallbackFaces() {
  if (fallbackRequested) return;
  fallbackRequested = true;
  for (const type of FIRST_INPUT) window.removeEventListener(type, loadFallbackFaces, true);
  void import('@fontsource/noto-sans-kr/400.css');
  void import('@fontsource/noto-sans-kr/700.css');
}
for (const type of FIRST_INPUT) window.addEventListener(type, loadFallbackFaces, true);
setTimeout(loadFallbackFaces, 5000);
