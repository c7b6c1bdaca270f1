import { useEffect } from 'react';
import { format } from '../i18n/defineStrings';
import { useLang, useStrings } from '../i18n/useLang';
import { LESSONS, isLessonAvailable, lessonPath } from '../lessons/registry';
import { lessonsWithExercises } from '../exercises/catalog';
import { solvedCount, useProgress } from '../exercises/progress';
import { ProgressTools } from './ProgressTools';
import { shellStrings } from './strings';
import { useExerciseIds } from './useExerciseCounts';
import { bookHref } from '../state/urlStore';

export function HomePage() {
  const lang = useLang();
  const t = useStrings(shellStrings);
  const progress = useProgress();
  const exerciseIds = useExerciseIds();
  const withExercises = new Set(lessonsWithExercises());
  useEffect(() => {
    document.title =
      lang === 'ko' ? 'Gatebook — 순환 신경망 교과서' : 'Gatebook — the RNN textbook';
  }, [lang]);
  return (
    <div className="home">
      <section className="hero">
        <h1>Gatebook</h1>
        <p>{t.homeIntro}</p>
      </section>
      <h2 id="toc-heading">{t.contents}</h2>
      <ol className="toc" aria-labelledby="toc-heading">
        {LESSONS.map((lesson, index) => {
          const available = isLessonAvailable(lesson.slug);
          const number = format(t.lessonNumber, { n: index });
          const ids = exerciseIds.get(lesson.slug);
          const solved = ids ? solvedCount(progress, lesson.slug, ids) : 0;
          const progressLabel = ids ? format(t.progress, { n: solved, count: ids.length }) : '';
          const body = (
            <>
              <span className="toc-number">{number}</span>
              <span className="toc-title">{lesson.title[lang]}</span>
              <span className="toc-summary">{lesson.summary[lang]}</span>
              {available && ids && ids.length > 0 && (
                <span className="toc-progress" data-testid={`progress-${lesson.slug}`}>
                  <progress max={ids.length} value={solved} aria-hidden="true" />
                  <span>{progressLabel}</span>
                </span>
              )}
              {available && !ids && withExercises.has(lesson.slug) && (
                // Its room, until the lesson's exercise list has loaded: the cards do not grow.
                <span className="toc-progress is-pending" aria-hidden="true">
                  <progress max={1} value={0} />
                  <span>{format(t.progress, { n: 0, count: 0 })}</span>
                </span>
              )}
              {available ? (
                <span className="toc-start" aria-hidden="true">
                  {t.start} →
                </span>
              ) : (
                <span className="badge">{t.comingSoon}</span>
              )}
            </>
          );
          return (
            <li key={lesson.slug} className={available ? 'toc-item' : 'toc-item is-soon'}>
              {available ? (
                <a
                  href={bookHref(lessonPath(lesson.slug), new URLSearchParams({ lang }))}
                  data-testid={`toc-${lesson.slug}`}
                >
                  {body}
                </a>
              ) : (
                <div data-testid={`toc-${lesson.slug}`} aria-disabled="true">
                  {body}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <ProgressTools />
    </div>
  );
}
