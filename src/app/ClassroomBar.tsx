import { useState } from 'react';
import { defineStrings } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import { updateParams } from '../state/urlStore';
import { HIDEABLE_PARTS, setClassroom, type Classroom, type HideablePart } from './classroom';

const strings = defineStrings(
  'classroom',
  {
    enter: '수업 모드',
    enterHint: '교실 화면에 띄우기 좋게 크게 보여 줍니다 (F: 전체 화면, Esc: 나가기)',
    exit: '수업 모드 끝내기',
    fullscreen: '전체 화면 (F)',
    settings: '수업 링크',
    hideTitle: '학생 화면에서 숨길 부분',
    editor: '가중치 편집기',
    training: '학습 패널',
    numbers: '숫자를 대입한 식',
    strip: '타임 스텝 띠',
    copy: '이 화면 링크 복사',
    copied: '복사했습니다',
    copyFailed: '복사하지 못했습니다. 주소창의 링크를 쓰세요.',
  },
  {
    enter: 'Classroom',
    enterHint: 'Large, uncluttered view for a projector (F: fullscreen, Esc: leave)',
    exit: 'Leave classroom mode',
    fullscreen: 'Fullscreen (F)',
    settings: 'Class link',
    hideTitle: 'Parts to hide from the class',
    editor: 'weight editor',
    training: 'training panel',
    numbers: 'equations with numbers',
    strip: 'time-step strip',
    copy: 'Copy a link to this view',
    copied: 'Copied',
    copyFailed: 'Could not copy; use the link in the address bar.',
  },
);

export function ClassroomToggle() {
  const t = useStrings(strings);
  return (
    <button
      type="button"
      className="button classroom-enter"
      title={t.enterHint}
      onClick={() => setClassroom(true)}
      data-testid="classroom-enter"
    >
      {t.enter}
    </button>
  );
}

function setHidden(part: HideablePart, hide: boolean, current: ReadonlySet<HideablePart>) {
  const next = new Set(current);
  if (hide) next.add(part);
  else next.delete(part);
  updateParams((p) => {
    const list = HIDEABLE_PARTS.filter((x) => next.has(x));
    if (list.length) p.set('hide', list.join(','));
    else p.delete('hide');
  });
}

/** In classroom mode the header shrinks to this: share settings, fullscreen, exit. */
export function ClassroomBar({ classroom }: { classroom: Classroom }) {
  const t = useStrings(strings);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };
  return (
    <div className="classroom-bar">
      <details className="classroom-settings">
        <summary className="button">{t.settings}</summary>
        <div className="popover">
          <fieldset>
            <legend>{t.hideTitle}</legend>
            {HIDEABLE_PARTS.map((part) => (
              <label key={part}>
                <input
                  type="checkbox"
                  checked={classroom.hidden.has(part)}
                  onChange={(e) => setHidden(part, e.target.checked, classroom.hidden)}
                />{' '}
                {t[part]}
              </label>
            ))}
          </fieldset>
          <button type="button" className="button" onClick={copy}>
            {t.copy}
          </button>
          <p role="status" className="muted">
            {copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}
          </p>
        </div>
      </details>
      <button
        type="button"
        className="button"
        onClick={() =>
          document.fullscreenElement
            ? void document.exitFullscreen?.()
            : void document.documentElement.requestFullscreen?.().catch(() => {})
        }
      >
        {t.fullscreen}
      </button>
      <button
        type="button"
        className="button primary"
        onClick={() => setClassroom(false)}
        data-testid="classroom-exit"
      >
        {t.exit}
      </button>
    </div>
  );
}
