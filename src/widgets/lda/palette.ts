/**
 * Topic colours: light tints (ColorBrewer's Paired/Set3 families) that stay apart from one
 * another and keep dark text readable on them (contrast ≥ 9:1 with #111) in both themes.
 */
export const TOPIC_COLORS = [
  '#a6cee3',
  '#fdbf6f',
  '#b2df8a',
  '#fb9a99',
  '#cab2d6',
  '#ffff99',
  '#8dd3c7',
  '#fccde5',
  '#d9d9d9',
  '#bebada',
  '#ccebc5',
  '#ffed6f',
] as const;
export const TOPIC_TEXT = '#111111';
export const TOPIC_STROKE = '#333333';

export function topicColor(t: number): string {
  return TOPIC_COLORS[((t % TOPIC_COLORS.length) + TOPIC_COLORS.length) % TOPIC_COLORS.length]!;
}

/** W3C relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}

export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
