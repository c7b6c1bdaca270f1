import { useEffect, useId, useRef } from 'react';
import { defineStrings } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import { isTyping } from './classroom';

export const helpStrings = defineStrings(
  'keyboardHelp',
  {
    open: '키보드 단축키',
    openTitle: '키보드 단축키 보기 (?)',
    title: '수업 리모컨: 키보드 단축키',
    intro:
      '단계 위젯이 있는 곳에서 이 키로 수업을 진행할 수 있습니다. 수업 모드에서는 포커스가 있는 위젯, 없으면 화면에 보이는 첫 단계 위젯이 움직입니다.',
    keysHeader: '키',
    actionHeader: '하는 일',
    step: '이전 단계 / 다음 단계',
    first: '처음 단계로',
    play: '재생 / 일시 정지',
    fullscreen: '전체 화면 켜고 끄기 (수업 모드)',
    escape: '이 창 닫기, 수업 모드 나가기',
    help: '이 단축키 표 열기',
    tab: '다음 / 이전 조작 요소로 이동',
    close: '닫기',
    spaceKey: '스페이스',
  },
  {
    open: 'Keyboard shortcuts',
    openTitle: 'Show the keyboard shortcuts (?)',
    title: 'Lesson remote: keyboard shortcuts',
    intro:
      'Wherever a lesson has a stepping widget, these keys drive it. In classroom mode they move the focused widget or, if none has focus, the first stepping widget on screen.',
    keysHeader: 'Keys',
    actionHeader: 'What it does',
    step: 'Previous step / next step',
    first: 'Back to the first step',
    play: 'Play / pause',
    fullscreen: 'Fullscreen on and off (classroom mode)',
    escape: 'Close this box; leave classroom mode',
    help: 'Open this table of shortcuts',
    tab: 'Move to the next / previous control',
    close: 'Close',
    spaceKey: 'Space',
  },
);

/** `?` anywhere (except while typing) opens the shortcut table. */
export function useHelpKey(onOpen: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        onOpen();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onOpen]);
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: the rest of the page is inert while it is open, Tab cycles inside it,
 * Esc closes it, and focus returns to where it was.
 */
export function KeyboardHelpDialog({ onClose }: { onClose: () => void }) {
  const t = useStrings(helpStrings);
  const titleId = useId();
  const descId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const backdrop = dialogRef.current?.parentElement;
    const siblings = backdrop?.parentElement
      ? [...backdrop.parentElement.children].filter(
          (el): el is HTMLElement => el !== backdrop && el instanceof HTMLElement && !el.inert,
        )
      : [];
    siblings.forEach((el) => (el.inert = true));
    closeRef.current?.focus();
    return () => {
      siblings.forEach((el) => (el.inert = false));
      previous?.focus();
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    // Keys pressed in the dialog are the dialog's: no stepping or leaving classroom behind it.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const items = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const rows: [keys: string[], action: string][] = [
    [['←', '→'], t.step],
    [['Home'], t.first],
    [[t.spaceKey], t.play],
    [['F'], t.fullscreen],
    [['Esc'], t.escape],
    [['?'], t.help],
    [['Tab', 'Shift + Tab'], t.tab],
  ];

  return (
    <div className="kbd-backdrop" onClick={onClose}>
      <div
        ref={dialogRef}
        className="kbd-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descId}
        onKeyDown={onKeyDown}
        onClick={(e) => e.stopPropagation()}
        data-testid="keyboard-help"
      >
        <div className="kbd-dialog-head">
          <h2 id={titleId}>{t.title}</h2>
          <button ref={closeRef} type="button" className="button" onClick={onClose}>
            {t.close}
          </button>
        </div>
        <p id={descId} className="muted">
          {t.intro}
        </p>
        <table className="kbd-table">
          <thead>
            <tr>
              <th scope="col">{t.keysHeader}</th>
              <th scope="col">{t.actionHeader}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([keys, action]) => (
              <tr key={action}>
                <th scope="row">
                  {keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' / '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </th>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function KeyboardHelpButton({ onOpen }: { onOpen: () => void }) {
  const t = useStrings(helpStrings);
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={t.open}
      title={t.openTitle}
      aria-keyshortcuts="?"
      onClick={onOpen}
      data-testid="keyboard-help-open"
    >
      <span aria-hidden="true">?</span>
    </button>
  );
}
