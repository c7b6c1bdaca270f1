// Seeded Gamma draws for LDA's initialisation (numpy's `random_state.gamma(100, 1/100, shape)`
// in scikit-learn), from the core's own RNG so every engine gives the same numbers.
import type { Rng } from '../random';

/** One Gamma(shape, scale) draw, shape ≥ 1 (Marsaglia & Tsang 2000). */
export function sampleGamma(rng: Rng, shape: number, scale: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** `n` Gamma(shape, scale) draws in order (row-major when they fill a matrix). */
export function sampleGammaArray(rng: Rng, n: number, shape = 100, scale = 0.01): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = sampleGamma(rng, shape, scale);
  return out;
}
