import { useEffect, useEffectEvent, useId, useRef } from 'react';
import { defineStrings, format } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import { formatNumber } from './format';
import { PLAYBACK_SPEEDS, type Playback } from './usePlayback';
import './ui-kit.css';

const strings = defineStrings(
  'stepControls',
  {
    group: '단계 조절',
    first: '처음으로',
    prev: '이전 단계',
    play: '재생',
    pause: '일시 정지',
    next: '다음 단계',
    speed: '속도',
    readout: '단계 {n} / {count}',
    shortcut: '{action} (단축키: {key})',
    spaceKey: '스페이스',
  },
  {
    group: 'Step controls',
    first: 'Back to the start',
    prev: 'Previous step',
    play: 'Play',
    pause: 'Pause',
    next: 'Next step',
    speed: 'Speed',
    readout: 'Step {n} of {count}',
    shortcut: '{action} (shortcut: {key})',
    spaceKey: 'Space',
  },
);

export interface StepControlsProps {
  playback: Playback;
  /** Accessible name of the control group, e.g. "시간 스텝". */
  label?: string;
  /**
   * Where ←/→/Space/Home work: "widget" (default) listens on the enclosing `.widget`, so
   * several widgets on a page don't fight; "document" listens everywhere (classroom use).
   */
  keyboard?: 'widget' | 'document';
  /** Replaces the read-out text, e.g. `(i) => \`t = ${i + 1}\``. */
  stepLabel?: (step: number) => string;
  className?: string;
}

/** Elements that use these keys themselves; shortcuts must not steal them. */
const OWNS_KEYS =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="slider"], [role="spinbutton"], [role="listbox"], [role="grid"], [role="tablist"], [role="radiogroup"], [role="menu"], [role="toolbar"], [data-own-keys]';
/** Space activates these natively; toggling playback as well would do two things at once. */
const ACTIVATES_ON_SPACE =
  'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"]';

export type StepKeyAction = 'first' | 'prev' | 'next' | 'toggle';

/**
 * With several steppers listening on the whole page (classroom mode), only one may act:
 * the one in the widget that has focus, else the first one on screen, else the first one.
 */
export function documentStepTarget(doc: Document): Element | null {
  const all = [...doc.querySelectorAll('.step-controls')];
  const focusedWidget = doc.activeElement?.closest('.widget');
  const mine = focusedWidget && all.find((s) => focusedWidget.contains(s));
  if (mine) return mine;
  const height = doc.defaultView?.innerHeight ?? 0;
  const onScreen = all.find((s) => {
    const box = (s.closest('.widget') ?? s).getBoundingClientRect();
    return box.bottom > 0 && box.top < height && box.height > 0;
  });
  return onScreen ?? all[0] ?? null;
}

/** Which action a key press asks for, or `null` if the shortcuts should leave it alone. */
export function stepKeyAction(event: KeyboardEvent): StepKeyAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(OWNS_KEYS)) return null;
  switch (event.key) {
    case 'ArrowLeft':
      return 'prev';
    case 'ArrowRight':
      return 'next';
    case 'Home':
      return 'first';
    case ' ':
    case 'Spacebar':
      return target?.closest(ACTIVATES_ON_SPACE) ? null : 'toggle';
    default:
      return null;
  }
}

function speedText(speed: number): string {
  return `${formatNumber(speed, Number.isInteger(speed) ? 0 : speed * 10 === Math.round(speed * 10) ? 1 : 2)}×`;
}

function Icon({ path }: { path: string }) {
  return (
    <svg className="step-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={path} fill="currentColor" />
    </svg>
  );
}

const ICONS = {
  first: 'M3 3h2v10H3zM13 3v10L6 8z',
  prev: 'M11 3v10L4 8z',
  play: 'M4 2.5v11L13 8z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  next: 'M5 3v10l7-5z',
};

/** First / previous / play-pause / next buttons, a speed choice and a live step read-out. */
export function StepControls({
  playback,
  label,
  keyboard = 'widget',
  stepLabel,
  className,
}: StepControlsProps) {
  const t = useStrings(strings);
  const rootRef = useRef<HTMLDivElement>(null);
  const speedId = useId();
  const { step, count, playing, speed } = playback;
  const atStart = step <= 0;
  const atEnd = step >= count - 1;

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const action = stepKeyAction(event);
    if (!action) return;
    event.preventDefault();
    playback[action]();
  });

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const target: HTMLElement | Document =
      keyboard === 'document' ? document : (root.closest<HTMLElement>('.widget') ?? root);
    const listener = (event: Event) => {
      if (keyboard === 'document' && documentStepTarget(document) !== root) return;
      onKey(event as KeyboardEvent);
    };
    target.addEventListener('keydown', listener);
    return () => target.removeEventListener('keydown', listener);
  }, [keyboard]);

  const speeds = (PLAYBACK_SPEEDS as readonly number[]).includes(speed)
    ? PLAYBACK_SPEEDS
    : [...PLAYBACK_SPEEDS, speed].sort((a, b) => a - b);
  const titled = (action: string, key: string) => format(t.shortcut, { action, key });
  const readout = stepLabel
    ? stepLabel(step)
    : format(t.readout, { n: count === 0 ? 0 : step + 1, count });

  return (
    <div
      ref={rootRef}
      className={['step-controls', className ?? ''].filter(Boolean).join(' ')}
      role="group"
      aria-label={label ?? t.group}
    >
      <button
        type="button"
        className="icon-button"
        aria-label={t.first}
        title={titled(t.first, 'Home')}
        aria-disabled={atStart}
        onClick={playback.first}
      >
        <Icon path={ICONS.first} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t.prev}
        title={titled(t.prev, '←')}
        aria-disabled={atStart}
        onClick={playback.prev}
      >
        <Icon path={ICONS.prev} />
      </button>
      <button
        type="button"
        className="icon-button step-play"
        aria-label={t.play}
        aria-pressed={playing}
        title={titled(playing ? t.pause : t.play, t.spaceKey)}
        aria-disabled={count <= 1}
        onClick={playback.toggle}
      >
        <Icon path={playing ? ICONS.pause : ICONS.play} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t.next}
        title={titled(t.next, '→')}
        aria-disabled={atEnd}
        onClick={playback.next}
      >
        <Icon path={ICONS.next} />
      </button>
      <span className="step-speed">
        <label htmlFor={speedId}>{t.speed}</label>
        <select
          id={speedId}
          value={String(speed)}
          onChange={(e) => playback.setSpeed(Number(e.target.value))}
        >
          {speeds.map((s) => (
            <option key={s} value={String(s)}>
              {speedText(s)}
            </option>
          ))}
        </select>
      </span>
      {/* Silent while playing: announcing every step at 4× would drown a screen reader. */}
      <output className="step-readout" aria-live={playing ? 'off' : 'polite'}>
        {readout}
      </output>
    </div>
  );
}
