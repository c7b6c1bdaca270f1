/**
 * Gradient descent in one dimension, x_{k+1} = x_k − μ f'(x_k), as plain numbers (no tfjs).
 */
export const GD_FUNCTIONS = ['quadratic', 'doubleWell'] as const;
export type GdFunction = (typeof GD_FUNCTIONS)[number];

export interface Objective {
  f: (x: number) => number;
  df: (x: number) => number;
  /** The TeX of f, without unicode. */
  tex: string;
  domain: [number, number];
}

export const OBJECTIVES: Record<GdFunction, Objective> = {
  // f = x², f' = 2x: x_{k+1} = (1 − 2μ) x_k. μ < 0.5 slides in, 0.5 < μ < 1 zig-zags in,
  // μ = 1 bounces forever, μ > 1 flies out.
  quadratic: { f: (x) => x * x, df: (x) => 2 * x, tex: 'f(x) = x^2', domain: [-4, 4] },
  // Two valleys at x = ±1 (f = 0) and a hump at 0: where you start decides where you end.
  doubleWell: {
    f: (x) => (x * x - 1) ** 2,
    df: (x) => 4 * x * (x * x - 1),
    tex: 'f(x) = (x^2 - 1)^2',
    domain: [-2.2, 2.2],
  },
};

/** Iterates x_k for k = 0 … steps; stops early (keeps the list shorter) once |x| overflows. */
export function descend(fn: GdFunction, x0: number, lr: number, steps: number): number[] {
  const { df } = OBJECTIVES[fn];
  const xs = [x0];
  let x = x0;
  for (let k = 0; k < steps; k++) {
    x = x - lr * df(x);
    if (!Number.isFinite(x) || Math.abs(x) > 1e12) {
      xs.push(x > 0 || Number.isNaN(x) ? Infinity : -Infinity);
      break;
    }
    xs.push(x);
  }
  return xs;
}

export type GdOutcome = 'converging' | 'zigzag' | 'oscillating' | 'diverging' | 'stuck';

/**
 * Reads the path's behaviour: diverging when |x| or f grew to overflow or past the start by
 * a factor 10; zig-zag when the step direction keeps flipping but f falls, oscillating when it
 * keeps flipping and f does not fall; converging when f has fallen.
 */
export function classify(fn: GdFunction, xs: readonly number[]): GdOutcome {
  const { f } = OBJECTIVES[fn];
  const last = xs[xs.length - 1]!;
  const f0 = f(xs[0]!);
  if (!Number.isFinite(last) || f(last) > Math.max(10 * f0, f0 + 10)) return 'diverging';
  let flips = 0;
  let moves = 0;
  for (let k = 2; k < xs.length; k++) {
    const a = xs[k - 1]! - xs[k - 2]!;
    const b = xs[k]! - xs[k - 1]!;
    if (a !== 0 && b !== 0) {
      moves++;
      if (Math.sign(a) !== Math.sign(b)) flips++;
    }
  }
  const fl = f(last);
  if (moves > 0 && flips / moves > 0.6) return fl < 0.5 * f0 ? 'zigzag' : 'oscillating';
  if (fl < f0 || fl < 1e-6) return 'converging';
  return 'stuck';
}

/** Samples f over its domain for the curve. */
export function curve(fn: GdFunction, samples = 121): { x: number; y: number }[] {
  const { f, domain } = OBJECTIVES[fn];
  const [a, b] = domain;
  return Array.from({ length: samples }, (_, k) => {
    const x = a + ((b - a) * k) / (samples - 1);
    return { x, y: f(x) };
  });
}

/** The 2-D bowl f(x, y) = x² + κ y²: steep across (y), gentle along (x). */
export const BOWL_KAPPA = 4;

/**
 * Gradient descent on f(x, y) = x² + κ y²: each coordinate shrinks by its own factor,
 * x by (1 − 2μ) and y by (1 − 2μκ), so the steep direction decides which μ is safe.
 */
export function descend2d(
  x0: number,
  y0: number,
  lr: number,
  steps: number,
  kappa = BOWL_KAPPA,
): { x: number; y: number }[] {
  const out = [{ x: x0, y: y0 }];
  let x = x0;
  let y = y0;
  for (let k = 0; k < steps; k++) {
    x = x - lr * 2 * x;
    y = y - lr * 2 * kappa * y;
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) + Math.abs(y) > 1e12) break;
    out.push({ x, y });
  }
  return out;
}

/** Semi-axes (a along x, b along y) of the level set f = c of x² + κ y². */
export function levelEllipse(c: number, kappa = BOWL_KAPPA): { a: number; b: number } {
  return { a: Math.sqrt(c), b: Math.sqrt(c / kappa) };
}
