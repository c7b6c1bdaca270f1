import type { Bilingual } from '../i18n/lang';
import type { NumericExercise } from './types';

/**
 * Reads a learner's number: "0.525", "−0.46" (typographic minus), "0,525" (decimal comma),
 * "1,860" or "1 860" (grouping), "1e-3", "4/6", "52.5%". Returns NaN for anything else.
 */
export function parseAnswer(raw: string): number {
  let text = raw
    .trim()
    .replace(/[\u2212\u2012\u2013\uFE63\uFF0D]/g, '-')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (text === '' || text.length > 40) return NaN;
  let scale = 1;
  if (text.endsWith('%')) {
    scale = 0.01;
    text = text.slice(0, -1);
  }
  if (/^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^[-+]?\d*,\d+$/.test(text)) text = text.replace(',', '.');
  const fraction = /^([-+]?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(text);
  if (fraction) {
    const den = Number(fraction[2]);
    return den === 0 ? NaN : (Number(fraction[1]) / den) * scale;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return NaN;
  return Number(text) * scale;
}

export type NumericVerdict =
  | { verdict: 'invalid' }
  | { verdict: 'correct' }
  | { verdict: 'mistake'; message: Bilingual }
  | { verdict: 'wrong'; direction: 'low' | 'high' };

export function withinTolerance(ex: NumericExercise, value: number): boolean {
  const diff = Math.abs(value - ex.answer);
  return (
    diff <= ex.tolerance ||
    (ex.relTolerance !== undefined && diff <= ex.relTolerance * Math.abs(ex.answer))
  );
}

export function checkNumeric(ex: NumericExercise, raw: string): NumericVerdict {
  const value = parseAnswer(raw);
  if (!Number.isFinite(value)) return { verdict: 'invalid' };
  if (withinTolerance(ex, value)) return { verdict: 'correct' };
  for (const m of ex.mistakes ?? []) {
    if (Math.abs(value - m.value) <= m.tolerance) return { verdict: 'mistake', message: m.message };
  }
  return { verdict: 'wrong', direction: value < ex.answer ? 'low' : 'high' };
}
