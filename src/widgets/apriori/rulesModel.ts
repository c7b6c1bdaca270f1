// Pure helpers of the rules views: sorting, filtering, the scatter plot's geometry, the
// contingency table's measures and the highlighting of a rule's words in a sentence.
import { ruleMeasures } from '../../core/apriori';
import type { SortKey } from './aprioriSchema';
import type { MinedRule } from './engine';

export function ruleText(rule: Pick<MinedRule, 'lhs' | 'rhs'>): string {
  return `{${rule.lhs.join(', ')}} ⇒ {${rule.rhs.join(', ')}}`;
}

/** Stable sort by one measure (ties: by rule text), descending or ascending. */
export function sortRules(rules: readonly MinedRule[], key: SortKey, desc: boolean): MinedRule[] {
  const sign = desc ? -1 : 1;
  const text = new Map(rules.map((r) => [r, ruleText(r)]));
  const byText = (a: MinedRule, b: MinedRule) =>
    text.get(a)! < text.get(b)! ? -1 : text.get(a)! > text.get(b)! ? 1 : 0;
  return [...rules].sort((a, b) => {
    if (key === 'rule') return sign * byText(a, b);
    const x = a[key];
    const y = b[key];
    if (x !== y) return x < y ? -sign : sign; // Infinity sorts as the largest
    return byText(a, b);
  });
}

/**
 * Rules whose items contain every word of the filter (spaces or commas between words), in
 * lower case; `side` limits the match to the left- or right-hand side.
 */
export function filterRules(
  rules: readonly MinedRule[],
  filter: string,
  side: 'any' | 'lhs' | 'rhs' = 'any',
): MinedRule[] {
  const words = filter
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return [...rules];
  return rules.filter((rule) => {
    const items = (
      side === 'lhs' ? rule.lhs : side === 'rhs' ? rule.rhs : [...rule.lhs, ...rule.rhs]
    ).map((item) => item.toLowerCase());
    return words.every((word) => items.some((item) => item.includes(word)));
  });
}

export interface ScatterPoint {
  index: number;
  rule: MinedRule;
  x: number;
  y: number;
}

/** Most rules drawn in the scatter plot (the highest lift first); the table lists them all. */
export const SCATTER_LIMIT = 600;

/**
 * The rules to draw, highest lift first (then support), at most `limit`, and in the order the
 * arrow keys walk them: by support, then confidence.
 */
export function scatterRules(rules: readonly MinedRule[], limit = SCATTER_LIMIT): MinedRule[] {
  const kept =
    rules.length <= limit
      ? [...rules]
      : [...rules].sort((a, b) => b.lift - a.lift || b.support - a.support).slice(0, limit);
  return kept.sort(
    (a, b) => a.support - b.support || a.confidence - b.confidence || a.lift - b.lift,
  );
}

/** Lift's colour domain: symmetric around 1 on a log scale, so 1/2 and 2 are equally far. */
export function liftDomain(rules: readonly MinedRule[]): [number, number, number] {
  let spread = 2;
  for (const rule of rules) {
    if (rule.lift > 0 && Number.isFinite(rule.lift)) {
      spread = Math.max(spread, rule.lift, 1 / rule.lift);
    }
  }
  return [1 / spread, 1, spread];
}

export interface ContingencyCounts {
  both: number;
  xOnly: number;
  yOnly: number;
  neither: number;
}

/** The five measures of X ⇒ Y from the four cells of its contingency table (null if undefined). */
export function contingencyMeasures(c: ContingencyCounts) {
  const N = c.both + c.xOnly + c.yOnly + c.neither;
  const nX = c.both + c.xOnly;
  const nY = c.both + c.yOnly;
  if (N === 0 || nX === 0 || nY === 0) return { N, nX, nY, measures: null };
  return { N, nX, nY, measures: ruleMeasures(c.both, nX, nY, N) };
}

export interface Piece {
  text: string;
  /** 'lhs' or 'rhs' when this piece is one of the rule's items. */
  mark: 'lhs' | 'rhs' | null;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * A sentence cut into pieces, with the words that became the rule's items marked. `normalize`
 * is how the miner spelled a token (lower case, perhaps without its particle). For baskets,
 * whole comma-separated items are compared.
 */
export function markPieces(
  text: string,
  lhs: readonly string[],
  rhs: readonly string[],
  format: 'sentences' | 'baskets',
  normalize: (token: string) => string = (t) => t.toLowerCase(),
): Piece[] {
  const kind = (item: string): Piece['mark'] =>
    lhs.includes(item) ? 'lhs' : rhs.includes(item) ? 'rhs' : null;
  const pieces: Piece[] = [];
  if (format === 'baskets') {
    text.split(', ').forEach((item, i) => {
      if (i > 0) pieces.push({ text: ', ', mark: null });
      pieces.push({ text: item, mark: kind(item) });
    });
    return pieces;
  }
  let at = 0;
  const source = text.normalize('NFC');
  for (const match of source.matchAll(TOKEN)) {
    const start = match.index;
    if (start > at) pieces.push({ text: source.slice(at, start), mark: null });
    pieces.push({ text: match[0], mark: kind(normalize(match[0])) });
    at = start + match[0].length;
  }
  if (at < source.length) pieces.push({ text: source.slice(at), mark: null });
  return pieces;
}

/** A count with thousands separators (formatNumber switches big numbers to 1.5e+5). */
export function countText(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}
