/**
 * Seeded randomness for everything a learner may want to reproduce: a mulberry32 stream of
 * uniforms and Box–Muller normals. Same seed, same numbers, on every JavaScript engine that
 * rounds IEEE doubles the usual way (all of them).
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal (Box–Muller, the second value of each pair is kept for the next call). */
  normal(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
}

/** The mulberry32 generator: 32-bit state, period 2^32, good enough for teaching. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds any number (or string) into a 32-bit seed, so 1.5 and "abc" are valid seeds too. */
export function seedFrom(seed: number | string): number {
  const text = typeof seed === 'number' && Number.isInteger(seed) ? null : String(seed);
  if (text === null) return (seed as number) >>> 0;
  let h = 2166136261;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  const next = mulberry32(seedFrom(seed));
  let spare: number | null = null;
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
    normal() {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      let u = next();
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
  };
}
