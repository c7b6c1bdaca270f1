import { LANGS, type Lang } from '../i18n/lang';
import { useLang, useStrings } from '../i18n/useLang';
import { OfflineStatus } from '../pwa/OfflineStatus';
import { BackendBadge } from '../ui/BackendBadge';
import type { Classroom } from './classroom';
import { ClassroomBar, ClassroomToggle } from './ClassroomBar';
import { KeyboardHelpButton } from './KeyboardHelp';
import { setLanguage, setTheme, type Theme } from './preferences';
import { shellStrings } from './strings';
import { bookAssetHref, bookFileUrl, bookHref } from '../state/urlStore';
import { useBrowserOnly } from '../ui/useBrowserOnly';

const LANGUAGE_NAMES: Record<Lang, string> = { ko: '한국어', en: 'English' };

export function Header({
  theme,
  classroom,
  inLesson,
  onHelp,
}: {
  theme: Theme;
  classroom: Classroom;
  inLesson: boolean;
  /** Opens the keyboard map; left out, no button is shown. */
  onHelp?: () => void;
}) {
  // Written-out pages name it relative to their folder; once running, the app uses the
  // absolute address, which stays right when the page moves to another folder in place.
  const logoSrc = useBrowserOnly() ? bookFileUrl('favicon.svg') : bookAssetHref('favicon.svg');
  const lang = useLang();
  const t = useStrings(shellStrings);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t.skipToContent}
      </a>
      <a className="brand" href={bookHref('/', new URLSearchParams({ lang }))}>
        <img src={logoSrc} alt="" width={28} height={28} />
        <span>
          <span className="brand-name">Gatebook</span>
          <span className="brand-tagline">{t.brandTagline}</span>
        </span>
      </a>
      <div className="header-tools">
        <OfflineStatus quiet={classroom.active} />
        {classroom.active ? <ClassroomBar classroom={classroom} /> : <BackendBadge />}
        {!classroom.active && inLesson && <ClassroomToggle />}
        <div className="segmented" role="group" aria-label={t.language}>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={l === lang}
              onClick={() => setLanguage(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
        {onHelp && <KeyboardHelpButton onOpen={onHelp} />}
        {!classroom.active && (
          <button
            type="button"
            className="icon-button"
            aria-label={theme === 'dark' ? t.themeToLight : t.themeToDark}
            title={theme === 'dark' ? t.themeToLight : t.themeToDark}
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          >
            <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
          </button>
        )}
      </div>
    </header>
  );
}

/** Hash routing owns the fragment, so the skip link moves focus itself. */
function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
