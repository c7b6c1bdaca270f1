import { useCallback, useEffect, useState } from 'react';
import { LangContext } from '../i18n/useLang';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useLocation } from '../state/useLocation';
import { useClassroom, useClassroomKeys } from './classroom';
import { EmbedPage } from './EmbedPage';
import { Header } from './Header';
import { HomePage } from './HomePage';
import { KeyboardHelpDialog, useHelpKey } from './KeyboardHelp';
import { LessonPage } from './LessonPage';
import { NoticeBanner } from './NoticeBanner';
import { NotFoundPage } from './NotFoundPage';
import { useLanguagePreference, useTheme } from './preferences';
import { matchRoute } from './routes';
import './shell-features.css';
import { bookHref } from '../state/urlStore';

export function App() {
  const { path } = useLocation();
  const lang = useLanguagePreference();
  const theme = useTheme();
  const route = matchRoute(path);
  const embed = route.name === 'embed';
  const classroom = useClassroom();
  useClassroomKeys(classroom.active && !embed);
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useHelpKey(openHelp);
  useEffect(() => {
    document.documentElement.classList.toggle('embed', embed);
  }, [embed]);

  if (route.name === 'embed') {
    return (
      <LangContext value={lang}>
        <NoticeBanner />
        <main id="main" tabIndex={-1} className="embed-main">
          <ErrorBoundary key={path} fallback={(_e, retry) => <PageError onRetry={retry} />}>
            <EmbedPage slug={route.slug} widget={route.widget} id={route.id} />
          </ErrorBoundary>
        </main>
        {helpOpen && <KeyboardHelpDialog onClose={() => setHelpOpen(false)} />}
      </LangContext>
    );
  }

  return (
    <LangContext value={lang}>
      <Header
        theme={theme}
        classroom={classroom}
        inLesson={route.name === 'lesson'}
        onHelp={openHelp}
      />
      <NoticeBanner />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary key={path} fallback={(_e, retry) => <PageError onRetry={retry} />}>
          {route.name === 'home' && <HomePage />}
          {route.name === 'lesson' && <LessonPage key={route.slug} slug={route.slug} />}
          {route.name === 'notFound' && <NotFoundPage path={route.path} />}
        </ErrorBoundary>
      </main>
      {!classroom.active && (
        <footer className="site-footer">
          <p>
            Gatebook ·{' '}
            {lang === 'ko'
              ? '모든 글과 예제는 이 교과서를 위해 새로 썼습니다.'
              : 'Every text and example was written for this textbook.'}
          </p>
        </footer>
      )}
      {helpOpen && <KeyboardHelpDialog onClose={() => setHelpOpen(false)} />}
    </LangContext>
  );
}

/** Last line of defence: both languages, since the failure may be in the language code itself. */
function PageError({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="widget-error" role="alert">
      <p>이 페이지를 보여 주다가 오류가 났습니다. 다시 시도하거나 목차로 돌아가 주세요.</p>
      <p lang="en">
        Something went wrong while showing this page. Try again or go back to the contents.
      </p>
      <button type="button" className="button" onClick={onRetry}>
        다시 시도 · Try again
      </button>{' '}
      <a className="button" href={bookHref('/', new URLSearchParams())}>
        목차 · Contents
      </a>
    </div>
  );
}
