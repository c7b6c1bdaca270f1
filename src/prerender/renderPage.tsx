// The build-time render (scripts/build/prerender.ts): one page of the book as HTML, exactly
// as the browser's first render of that address builds it, so the browser can hydrate it.
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { App } from '../app/App';
import { preloadLesson } from '../app/LessonPage';
import { matchRoute } from '../app/routes';
import { isLang } from '../i18n/lang';
import { LESSONS, isLessonAvailable } from '../lessons/registry';
import { formatHash, parseHash, setServerHash } from '../state/urlStore';

export interface PageToWrite {
  /** The page's address in hash form: `#/lessons/lstm?lang=en`. */
  hash: string;
  /** The lesson it shows, if any. */
  slug: string | null;
  lang: 'ko' | 'en';
  title: string;
}

/** Every page written out: the home page and each available lesson, in both languages. */
export function pagesToWrite(): PageToWrite[] {
  const pages: PageToWrite[] = [];
  for (const lang of ['ko', 'en'] as const) {
    const params = new URLSearchParams({ lang });
    pages.push({
      hash: formatHash('/', params),
      slug: null,
      lang,
      title: lang === 'ko' ? 'Gatebook — 순환 신경망 교과서' : 'Gatebook — the RNN textbook',
    });
    for (const lesson of LESSONS) {
      if (!isLessonAvailable(lesson.slug)) continue;
      pages.push({
        hash: formatHash(`/lessons/${lesson.slug}`, params),
        slug: lesson.slug,
        lang,
        title: `${lesson.title[lang]} — Gatebook`,
      });
    }
  }
  return pages;
}

/** The markup inside `#root` for one page. */
export async function renderPage(hash: string): Promise<string> {
  const { path, params } = parseHash(hash);
  const lang = params.get('lang');
  if (!isLang(lang)) throw new Error(`prerender: ${hash} names no language`);
  const route = matchRoute(path);
  if (route.name === 'lesson') await preloadLesson(route.slug, lang);
  setServerHash(hash);
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  const parts: Buffer[] = [];
  for await (const part of prelude) parts.push(Buffer.from(part as Uint8Array));
  return Buffer.concat(parts).toString('utf8');
}
