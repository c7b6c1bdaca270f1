import type { ClipboardEvent } from 'react';
import { formatNumber } from './format';

/**
 * Pastes longer than this skip the text box: laying out megabytes in a textarea (and React
 * copying them on every change) blocks the page for seconds, so such text goes straight to
 * the widget's worker and the box says so instead.
 */
export const BIG_PASTE_CHARS = 20_000;

/**
 * The pasted text when it is too big for a text box (the paste is then cancelled, so the box
 * stays as it was), or null for an ordinary paste, which the box takes as usual.
 */
export function takeBigPaste(event: ClipboardEvent<HTMLTextAreaElement>): string | null {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (text.length <= BIG_PASTE_CHARS) return null;
  event.preventDefault();
  return text;
}

/** A size for people: bytes of a file, or characters of a pasted text (5 MB ≈ 5 M characters). */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
  if (bytes >= 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes, 0)} B`;
}
