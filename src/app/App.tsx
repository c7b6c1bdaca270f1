import { LangContext } from '../i18n/useLang';
import { useLocation } from '../state/useLocation';
import { Header } from './Header';
import { HomePage } from './HomePage';
import { LessonPage } from './LessonPage';
import { NoticeBanner } from './NoticeBanner';
import { NotFoundPage } from './NotFoundPage';
import { useLanguagePreference, useTheme } from './preferences';
import { matchRoute } from './routes';

export function App() {
  const { path } = useLocation();
  const lang = useLanguagePreference();
  const theme = useTheme();
  const route = matchRoute(path);
  return (
    <LangContext value={lang}>
      <Header theme={theme} />
      <NoticeBanner />
      <main id="main" tabIndex={-1}>
        {route.name === 'home' && <HomePage />}
        {route.name === 'lesson' && <LessonPage key={route.slug} slug={route.slug} />}
        {route.name === 'notFound' && <NotFoundPage path={route.path} />}
      </main>
      <footer className="site-footer">
        <p>
          Gatebook ·{' '}
          {lang === 'ko'
            ? '모든 글과 예제는 이 교과서를 위해 새로 썼습니다.'
            : 'Every text and example was written for this textbook.'}
        </p>
      </footer>
    </LangContext>
  );
}
