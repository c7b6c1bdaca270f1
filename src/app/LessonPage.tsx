import { useEffect, useState } from 'react';
import { format } from '../i18n/defineStrings';
import type { Lang } from '../i18n/lang';
import { useLang, useStrings } from '../i18n/useLang';
import {
  LESSONS,
  findLesson,
  isLessonAvailable,
  lessonPath,
  loadLesson,
  type LessonMeta,
  type LessonModule,
} from '../lessons/registry';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { lessonComponents, proseComponents } from '../widgets';
import { NotFoundPage } from './NotFoundPage';
import { nameWidgets } from './widgetIdentity';
import { shellStrings } from './strings';
import { bookHref } from '../state/urlStore';

const loaded = new Map<string, LessonModule>();

/**
 * Loads a lesson file once per language and keeps it, so switching language back and forth is
 * instant. Also called before the first render of a page written out at build time, so it
 * hydrates with the content it shows (and the build-time render has it at all).
 */
export async function preloadLesson(slug: string, lang: Lang): Promise<LessonModule> {
  const key = `${slug}/${lang}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const module = await (loadLesson(slug, lang) ??
    Promise.reject(new Error(`no content for ${key}`)));
  loaded.set(key, module);
  return module;
}

/** The lesson's content once loaded; a failed load is thrown at render time for the error boundary's retry. */
export function useLessonModule(slug: string, lang: Lang): LessonModule | null {
  const key = `${slug}/${lang}`;
  const [state, setState] = useState<{ key: string; module?: LessonModule; error?: Error }>(() => ({
    key,
    module: loaded.get(key),
  }));
  useEffect(() => {
    if (loaded.has(key)) return;
    let live = true;
    preloadLesson(slug, lang).then(
      (module) => {
        if (live) setState({ key, module });
      },
      (error: unknown) => {
        if (live)
          setState({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, slug, lang]);
  const cached = loaded.get(key);
  if (cached) return cached;
  if (state.key === key && state.error) throw state.error;
  return null;
}

function LessonContent({ slug, lang }: { slug: string; lang: Lang }) {
  const t = useStrings(shellStrings);
  const lesson = useLessonModule(slug, lang);
  if (!lesson) {
    return (
      <p className="loading" role="status">
        {t.loading}
      </p>
    );
  }
  const Content = lesson.default;
  return <Content components={{ ...nameWidgets(lessonComponents), ...proseComponents }} />;
}

export function LessonPage({ slug }: { slug: string }) {
  const lang = useLang();
  const t = useStrings(shellStrings);
  const found = findLesson(slug);

  useEffect(() => {
    if (found) document.title = `${found.lesson.title[lang]} — Gatebook`;
  }, [found, lang]);
  useEffect(() => {
    window.scrollTo?.(0, 0);
  }, [slug]);

  if (!found) return <NotFoundPage path={lessonPath(slug)} />;
  if (!isLessonAvailable(slug)) {
    return (
      <NotFoundPage
        path={lessonPath(slug)}
        message={format(t.lessonNotReady, { title: found.lesson.title[lang] })}
      />
    );
  }

  return (
    <article className="lesson" data-lesson={slug}>
      <p className="lesson-kicker">{format(t.lessonNumber, { n: found.index })}</p>
      <ErrorBoundary
        fallback={(_error, retry) => (
          <div className="widget-error" role="alert">
            <p>{t.lessonLoadFailed}</p>
            <button type="button" className="button" onClick={retry}>
              {t.retry}
            </button>
          </div>
        )}
      >
        <div className="prose">
          <LessonContent slug={slug} lang={lang} />
        </div>
      </ErrorBoundary>
      <LessonNav index={found.index} />
    </article>
  );
}

function LessonNav({ index }: { index: number }) {
  const lang = useLang();
  const t = useStrings(shellStrings);
  const link = (lesson: LessonMeta | undefined, label: string, rel: 'prev' | 'next') => {
    if (!lesson) return <span />;
    const text = (
      <>
        <span className="nav-label">{label}</span>
        <span className="nav-title">{lesson.title[lang]}</span>
      </>
    );
    return isLessonAvailable(lesson.slug) ? (
      <a
        className={`lesson-nav-${rel}`}
        rel={rel}
        href={bookHref(lessonPath(lesson.slug), new URLSearchParams({ lang }))}
      >
        {text}
      </a>
    ) : (
      <span className={`lesson-nav-${rel} is-soon`}>
        {text}
        <span className="badge">{t.comingSoon}</span>
      </span>
    );
  };
  return (
    <nav className="lesson-nav" aria-label={`${t.previous} / ${t.next}`}>
      {link(LESSONS[index - 1], `← ${t.previous}`, 'prev')}
      {link(LESSONS[index + 1], `${t.next} →`, 'next')}
    </nav>
  );
}
