import { format } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import { clearNotices, useNotices } from '../state/notices';
import { shellStrings } from './strings';

export function NoticeBanner() {
  const notices = useNotices();
  const t = useStrings(shellStrings);
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="link-notice">
      <div>
        <strong>{t.noticeTitle}</strong>
        <ul>
          {notices.map((n) => (
            <li key={`${n.param}:${n.raw}`}>
              {format(n.action === 'clamped' ? t.noticeClamped : t.noticeReset, {
                param: n.param,
                raw: n.raw,
                value: n.value,
              })}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="button" onClick={clearNotices}>
        {t.dismiss}
      </button>
    </div>
  );
}
