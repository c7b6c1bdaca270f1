/**
 * Layout arithmetic for the unrolled-network diagram of backpropagation through time: which
 * time steps get a column, and how strongly each backward arrow is drawn. Pure; no DOM.
 */

/** At most this many columns; longer sequences keep their first and last steps around a gap. */
export const FLOW_MAX_COLUMNS = 10;
const HEAD = 3;

/** Time steps (1-based) in column order, `null` for the gap of a long sequence. */
export function flowColumns(steps: number, maxColumns = FLOW_MAX_COLUMNS): (number | null)[] {
  const T = Math.max(1, Math.floor(steps));
  if (T <= maxColumns) return Array.from({ length: T }, (_, k) => k + 1);
  const tail = maxColumns - HEAD - 1;
  return [
    ...Array.from({ length: HEAD }, (_, k) => k + 1),
    null,
    ...Array.from({ length: tail }, (_, k) => T - tail + 1 + k),
  ];
}

/**
 * Maps a gradient norm to 0–1 by its order of magnitude within the given norms (log scale),
 * so a vanishing run and an exploding one both use the whole range. Zero, negative and
 * non-finite norms map to 0.
 */
export function normStrength(norms: readonly ArrayLike<number>[]): (norm: number) => number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of norms) {
    for (let k = 0; k < list.length; k++) {
      const v = list[k]!;
      if (!(v > 0) || !Number.isFinite(v)) continue;
      const l = Math.log10(v);
      if (l < lo) lo = l;
      if (l > hi) hi = l;
    }
  }
  if (!Number.isFinite(lo)) return () => 0;
  const span = hi - lo;
  return (norm) => {
    if (!(norm > 0) || !Number.isFinite(norm)) return 0;
    return span < 1e-9 ? 1 : (Math.log10(norm) - lo) / span;
  };
}

/** A norm as a short label: 3 significant digits, powers of ten written as e±n. */
export function shortNorm(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : 'NaN';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e3 || a < 1e-2) return x.toExponential(1).replace('e+', 'e').replaceAll('-', '−');
  return String(Number(x.toPrecision(2)));
}
