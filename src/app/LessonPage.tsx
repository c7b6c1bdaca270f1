import { Suspense, use, useEffect } from 'react';
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
import { lessonComponents } from '../widgets';
import { NotFoundPage } from './NotFoundPage';
import { shellStrings } from './strings';

const modules = new Map<string, Promise<LessonModule>>();

function lessonModule(slug: string, lang: Lang): Promise<LessonModule> {
  const key = `${slug}/${lang}`;
  let promise = modules.get(key);
  if (!promise) {
    promise = loadLesson(slug, lang) ?? Promise.reject(new Error(`no content for ${key}`));
    promise.catch(() => modules.delete(key)); // allow a retry after a failed load
    modules.set(key, promise);
  }
  return promise;
}

function LessonContent({ slug, lang }: { slug: string; lang: Lang }) {
  const { default: Content } = use(lessonModule(slug, lang));
  return <Content components={lessonComponents} />;
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
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t.loading}
            </p>
          }
        >
          <div className="prose">
            <LessonContent slug={slug} lang={lang} />
          </div>
        </Suspense>
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
        href={`#${lessonPath(lesson.slug)}?lang=${lang}`}
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
