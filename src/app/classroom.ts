import { useEffect, useMemo } from 'react';
import { updateParams } from '../state/urlStore';
import { useLocation } from '../state/useLocation';

/** Parts of a widget an instructor may hide from a projected lesson. */
export const HIDEABLE_PARTS = ['editor', 'training', 'numbers', 'strip'] as const;
export type HideablePart = (typeof HIDEABLE_PARTS)[number];

export interface Classroom {
  active: boolean;
  hidden: ReadonlySet<HideablePart>;
}

/**
 * Classroom mode lives in the URL (`classroom=1&hide=editor,training`) so an instructor's
 * link opens a lesson projected, at the chosen example and step, with chosen parts hidden.
 */
export function readClassroom(params: URLSearchParams): Classroom {
  const active = params.get('classroom') === '1';
  const hidden = new Set<HideablePart>();
  for (const part of (params.get('hide') ?? '').split(',')) {
    if ((HIDEABLE_PARTS as readonly string[]).includes(part)) hidden.add(part as HideablePart);
  }
  return { active, hidden };
}

export function useClassroom(): Classroom {
  const { params } = useLocation();
  const active = params.get('classroom');
  const hide = params.get('hide');
  return useMemo(
    () => readClassroom(new URLSearchParams({ classroom: active ?? '', hide: hide ?? '' })),
    [active, hide],
  );
}

export function setClassroom(active: boolean): void {
  updateParams((p) => {
    if (active) p.set('classroom', '1');
    else {
      p.delete('classroom');
      p.delete('hide');
    }
  });
  if (!active && document.fullscreenElement) void document.exitFullscreen?.();
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen?.();
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** F: fullscreen, Esc: leave classroom mode (the browser's own Esc leaves fullscreen first). */
export function useClassroomKeys(active: boolean): void {
  useEffect(() => {
    document.documentElement.classList.toggle('classroom', active);
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        toggleFullscreen();
      } else if (event.key === 'Escape' && !document.fullscreenElement) {
        setClassroom(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.documentElement.classList.remove('classroom');
    };
  }, [active]);
}
