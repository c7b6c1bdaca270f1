/**
 * How a per-step gradient norm changes going back in time: the ratio between the norm at the
 * first step and at the last (the loss sits at the end, so gradients travel from T−1 to 0).
 */
export type Trend = 'vanishing' | 'exploding' | 'steady' | 'overflow';

/** log10(‖∂L/∂h_0‖ / ‖∂L/∂h_{T−1}‖); ±Infinity or NaN pass through. */
export function decadesBack(norms: ArrayLike<number>): number {
  const first = norms[0]!;
  const last = norms[norms.length - 1]!;
  return Math.log10(first) - Math.log10(last);
}

export function trendOf(norms: ArrayLike<number>, decades = 2): Trend {
  for (let k = 0; k < norms.length; k++) if (!Number.isFinite(norms[k]!)) return 'overflow';
  const d = decadesBack(norms);
  if (!Number.isFinite(d)) return d > 0 ? 'exploding' : 'vanishing';
  if (d <= -decades) return 'vanishing';
  if (d >= decades) return 'exploding';
  return 'steady';
}

/** Points for a log-scale chart: zeros and non-finite values are left out (they have no log). */
export function logPoints(norms: ArrayLike<number>): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let t = 0; t < norms.length; t++) {
    const y = norms[t]!;
    if (Number.isFinite(y) && y > 0) out.push({ x: t + 1, y });
  }
  return out;
}

/** The mean factor per step going back, (‖g_0‖ / ‖g_{T−1}‖)^(1/(T−1)) (a geometric mean). */
export function stepRatio(norms: ArrayLike<number>): number {
  const n = norms.length;
  if (n < 2) return 1;
  return 10 ** (decadesBack(norms) / (n - 1));
}
