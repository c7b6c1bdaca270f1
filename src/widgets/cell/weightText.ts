/** Typed weights: parsing what a learner types, and printing float32 weights back. */

export type WeightPart = 'W' | 'U' | 'b';

/** The largest weight the editor accepts, in absolute value. */
export const MAX_WEIGHT = 10;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export type ParsedWeight =
  { ok: true; value: number } | { ok: false; reason: 'empty' | 'not-a-number' | 'too-large' };

/** A typed weight: a finite number within ±MAX_WEIGHT (a typographic minus is fine). */
export function parseWeight(text: string): ParsedWeight {
  const trimmed = text.trim().replace(/^[−–]/, '-');
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!NUMBER.test(trimmed)) return { ok: false, reason: 'not-a-number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  if (Math.abs(value) > MAX_WEIGHT) return { ok: false, reason: 'too-large' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/**
 * The shortest decimal that reads back as the same float32: weights live in Float32Arrays,
 * where 0.1 is 0.10000000149011612, but the learner typed 0.1 and should see 0.1.
 */
export function float32Text(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const target = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const text = String(Number(target.toPrecision(digits)));
    if (Math.fround(Number(text)) === target) return text;
  }
  return String(target);
}
