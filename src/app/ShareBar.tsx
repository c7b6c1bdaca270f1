import { useId, useRef, useState } from 'react';
import { defineStrings, format } from '../i18n/defineStrings';
import { useLang, useStrings } from '../i18n/useLang';
import { findLesson } from '../lessons/registry';
import { getLocation } from '../state/urlStore';
import { copyText } from './clipboard';
import { embedLink, iframeSnippet, widgetLink, widgetParams } from './shareLinks';
import type { WidgetIdentity } from './widgetIdentity';

const strings = defineStrings(
  'shareBar',
  {
    group: '이 위젯 공유',
    copyLink: '링크 복사',
    copyLinkTitle: '지금 설정 그대로 이 위젯으로 바로 가는 링크를 복사합니다',
    embed: '임베드 코드',
    embedTitle: '슬라이드나 LMS에 넣을 iframe 코드',
    embedLabel: '이 위젯만 보여 주는 iframe 코드',
    copyCode: '코드 복사',
    linkCopied: '링크를 복사했습니다.',
    codeCopied: '임베드 코드를 복사했습니다.',
    copyFailed: '자동으로 복사하지 못했습니다. 아래 칸의 내용을 직접 복사해 주세요.',
    manualLabel: '복사할 링크',
    iframeTitle: 'Gatebook「{lesson}」의 {widget} 위젯',
  },
  {
    group: 'Share this widget',
    copyLink: 'Copy link',
    copyLinkTitle: 'Copies a link that opens this widget with its current settings',
    embed: 'Embed code',
    embedTitle: 'iframe code for slides or an LMS',
    embedLabel: 'iframe code showing only this widget',
    copyCode: 'Copy code',
    linkCopied: 'Link copied.',
    codeCopied: 'Embed code copied.',
    copyFailed: 'Could not copy automatically. Please copy the text in the box below.',
    manualLabel: 'Link to copy',
    iframeTitle: '{lesson} — {widget} (Gatebook)',
  },
);

type Message = { kind: 'link' | 'code' | 'failed'; text: string } | null;

/** "Copy link" and "Embed code" under every widget; confirmations go to a polite live region. */
export function ShareBar({
  slug,
  identity,
  stateKeys,
}: {
  slug: string;
  identity: WidgetIdentity;
  /** The URL keys (`prefix.key`) of this widget's state. */
  stateKeys: ReadonlySet<string>;
}) {
  const t = useStrings(strings);
  const lang = useLang();
  const panelId = useId();
  const codeId = useId();
  const manualId = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [manual, setManual] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const state = () => widgetParams(getLocation().params, stateKeys);
  const lessonTitle = findLesson(slug)?.lesson.title[lang] ?? slug;
  const snippet = () =>
    iframeSnippet(
      embedLink(slug, identity, lang, state()),
      format(t.iframeTitle, { lesson: lessonTitle, widget: identity.name }),
    );

  const say = (next: Message) => {
    setMessage(next);
    window.clearTimeout(timer.current);
    if (next && next.kind !== 'failed') {
      timer.current = window.setTimeout(() => setMessage(null), 6000);
    }
  };

  const copy = async (text: string, kind: 'link' | 'code') => {
    const ok = await copyText(text);
    if (ok) {
      setManual(null);
      say({ kind, text: kind === 'link' ? t.linkCopied : t.codeCopied });
    } else {
      setManual(text);
      say({ kind: 'failed', text: t.copyFailed });
    }
  };

  return (
    <div className="share-bar" role="group" aria-label={t.group} data-testid="share-bar">
      <div className="share-buttons">
        <button
          type="button"
          className="button share-button"
          title={t.copyLinkTitle}
          onClick={() => void copy(widgetLink(slug, identity, lang, state()), 'link')}
        >
          <span aria-hidden="true">🔗</span> {t.copyLink}
        </button>
        <button
          type="button"
          className="button share-button"
          title={t.embedTitle}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">&lt;/&gt;</span> {t.embed}
        </button>
        <p className="share-status" role="status" aria-live="polite">
          {message?.text ?? ''}
        </p>
      </div>
      {manual !== null && (
        <div className="share-manual">
          <label htmlFor={manualId}>{t.manualLabel}</label>
          <input
            id={manualId}
            type="text"
            readOnly
            value={manual}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      <div id={panelId} className="share-embed" hidden={!open}>
        {open && (
          <>
            <label htmlFor={codeId}>{t.embedLabel}</label>
            <textarea
              id={codeId}
              readOnly
              rows={3}
              value={snippet()}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="button" onClick={() => void copy(snippet(), 'code')}>
              {t.copyCode}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
