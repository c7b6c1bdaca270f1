import { useEffect } from 'react';
import { format } from '../i18n/defineStrings';
import { useLang, useStrings } from '../i18n/useLang';
import { shellStrings } from './strings';
import { bookHref } from '../state/urlStore';

export function NotFoundPage({ path, message }: { path: string; message?: string }) {
  const lang = useLang();
  const t = useStrings(shellStrings);
  useEffect(() => {
    document.title = `${t.notFoundTitle} — Gatebook`;
  }, [t]);
  return (
    <div className="not-found" data-testid="not-found">
      <h1>{t.notFoundTitle}</h1>
      <p>{message ?? format(t.notFoundBody, { path: path.slice(0, 80) })}</p>
      {/* Both languages at once: a broken link may come from someone reading the other one. */}
      <p lang={lang === 'ko' ? 'en' : 'ko'} className="muted">
        {lang === 'ko'
          ? 'Page not found — the link may be old or mistyped.'
          : '페이지를 찾을 수 없습니다. 링크가 오래되었거나 잘못 입력되었을 수 있습니다.'}
      </p>
      <a className="button primary" href={bookHref('/', new URLSearchParams({ lang }))}>
        {t.backHome}
      </a>
    </div>
  );
}
