import { useEffect, useSyncExternalStore } from 'react';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/lang';
import { reportNotices } from '../state/notices';
import { getLocation, updateParams } from '../state/urlStore';
import { useLocation } from '../state/useLocation';

const LANG_KEY = 'gatebook.lang';
const THEME_KEY = 'gatebook.theme';

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or blocked storage: the choice still holds for this page.
  }
}

/** Language: the link's `lang` wins (shared links open as sent), then the learner's last choice, then Korean. */
export function useLanguagePreference(): Lang {
  const { params } = useLocation();
  const raw = params.get('lang');
  const fromUrl = isLang(raw) ? raw : null;
  const stored = readStorage(LANG_KEY);
  const lang: Lang = fromUrl ?? (isLang(stored) ? stored : DEFAULT_LANG);

  useEffect(() => {
    if (raw !== null && !fromUrl) {
      reportNotices('', [{ key: 'lang', raw: raw.slice(0, 40), action: 'reset', value: lang }]);
      updateParams((p) => p.delete('lang'));
    }
  }, [raw, fromUrl, lang]);

  useEffect(() => {
    if (fromUrl) writeStorage(LANG_KEY, fromUrl);
    document.documentElement.lang = lang;
  }, [fromUrl, lang]);

  return lang;
}

export function setLanguage(lang: Lang): void {
  writeStorage(LANG_KEY, lang);
  // Only the `lang` parameter changes: every widget's state in the URL stays as it is.
  if (getLocation().params.get('lang') === lang) return;
  updateParams((p) => p.set('lang', lang));
}

export type Theme = 'light' | 'dark';
const themeListeners = new Set<() => void>();

function systemTheme(): Theme {
  return typeof window !== 'undefined' &&
    window.matchMedia?.('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

function currentTheme(): Theme {
  const stored = readStorage(THEME_KEY);
  return stored === 'light' || stored === 'dark' ? stored : systemTheme();
}

export function setTheme(theme: Theme): void {
  writeStorage(THEME_KEY, theme);
  themeListeners.forEach((l) => l());
}

export function useTheme(): Theme {
  const theme = useSyncExternalStore(
    (l) => {
      themeListeners.add(l);
      return () => themeListeners.delete(l);
    },
    currentTheme,
    () => 'light' as Theme,
  );
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
