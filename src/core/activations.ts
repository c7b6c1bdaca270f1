/**
 * Activation functions met in the course, each with its derivative.
 *
 * Pure numbers in, numbers out: no React, no DOM. Every function takes the shared
 * `ActivationParams` object and reads only the fields it needs, so a widget can keep one
 * parameter record and switch functions freely.
 *
 * Derivatives at kinks (where the left and right slopes differ) follow the convention of
 * TensorFlow and PyTorch: the *left* slope is used, i.e. a point counts as "positive"
 * only when x > 0. So ReLU'(0) = 0, LeakyReLU'(0) = slope, ELU'(0) = α. For Maxout a tie
 * between the two lines is won by the first line (w1), like an arg-max that picks the
 * first index.
 */

export const ACTIVATION_IDS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'maxout'] as const;
export type ActivationId = (typeof ACTIVATION_IDS)[number];

export interface ActivationParams {
  /** Leaky ReLU: slope for x < 0 (the course uses 0.1). */
  slope: number;
  /** ELU: the level −α that the curve approaches for large negative x. */
  alpha: number;
  /** Maxout: first line w1·x + b1. */
  w1: number;
  b1: number;
  /** Maxout: second line w2·x + b2. */
  w2: number;
  b2: number;
}

export type ActivationParamName = keyof ActivationParams;

/** Maxout's defaults make it |x|: the larger of x and −x. */
export const DEFAULT_ACTIVATION_PARAMS: Readonly<ActivationParams> = {
  slope: 0.1,
  alpha: 1,
  w1: 1,
  b1: 0,
  w2: -1,
  b2: 0,
};

type Scalar = (x: number, p: ActivationParams) => number;

export interface Activation {
  id: ActivationId;
  f: Scalar;
  df: Scalar;
  /** The parameters this function reads (empty for sigmoid, tanh and ReLU). */
  params: readonly ActivationParamName[];
  /** Where the derivative jumps; a chart draws a vertical step there. */
  kinks: (p: ActivationParams) => number[];
}

/** 1 / (1 + e^−x), written so that e^|x| never overflows: exact 0 and 1 at ±1000, no NaN. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ'(x) = σ(x)(1 − σ(x)); at most 0.25, reached at x = 0. */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

export function tanh(x: number): number {
  return Math.tanh(x);
}

/** tanh'(x) = 1 − tanh²(x); at most 1, reached at x = 0. */
export function tanhDerivative(x: number): number {
  const t = Math.tanh(x);
  return 1 - t * t;
}

export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** 1 for x > 0, else 0 (ReLU'(0) = 0 by convention). */
export function reluDerivative(x: number): number {
  return x > 0 ? 1 : 0;
}

/** max(slope·x, x) for 0 ≤ slope ≤ 1, written piecewise so it also holds for other slopes. */
export function leakyRelu(x: number, slope = DEFAULT_ACTIVATION_PARAMS.slope): number {
  return x > 0 ? x : slope * x;
}

/** 1 for x > 0, else the slope (LeakyReLU'(0) = slope by convention). */
export function leakyReluDerivative(x: number, slope = DEFAULT_ACTIVATION_PARAMS.slope): number {
  return x > 0 ? 1 : slope;
}

/** x for x ≥ 0, α(eˣ − 1) below; continuous at 0 for every α. */
export function elu(x: number, alpha = DEFAULT_ACTIVATION_PARAMS.alpha): number {
  return x >= 0 ? x : alpha * Math.expm1(x);
}

/** 1 for x > 0, α·eˣ otherwise (ELU'(0) = α, which is continuous exactly when α = 1). */
export function eluDerivative(x: number, alpha = DEFAULT_ACTIVATION_PARAMS.alpha): number {
  return x > 0 ? 1 : alpha * Math.exp(x);
}

export interface MaxoutLines {
  w1: number;
  b1: number;
  w2: number;
  b2: number;
}

/** max(w1·x + b1, w2·x + b2): the upper envelope of two lines. */
export function maxout(x: number, { w1, b1, w2, b2 }: MaxoutLines): number {
  return Math.max(w1 * x + b1, w2 * x + b2);
}

/** The slope of whichever line is on top; a tie goes to the first line. */
export function maxoutDerivative(x: number, { w1, b1, w2, b2 }: MaxoutLines): number {
  return w1 * x + b1 >= w2 * x + b2 ? w1 : w2;
}

/** Where the two Maxout lines cross, if they do at a single point. */
export function maxoutCrossing({ w1, b1, w2, b2 }: MaxoutLines): number | null {
  return w1 === w2 ? null : (b2 - b1) / (w1 - w2);
}

const none = (): number[] => [];
const atZero = (): number[] => [0];

export const ACTIVATIONS: Readonly<Record<ActivationId, Activation>> = {
  sigmoid: { id: 'sigmoid', f: sigmoid, df: sigmoidDerivative, params: [], kinks: none },
  tanh: { id: 'tanh', f: tanh, df: tanhDerivative, params: [], kinks: none },
  relu: { id: 'relu', f: relu, df: reluDerivative, params: [], kinks: atZero },
  leakyRelu: {
    id: 'leakyRelu',
    f: (x, p) => leakyRelu(x, p.slope),
    df: (x, p) => leakyReluDerivative(x, p.slope),
    params: ['slope'],
    kinks: (p) => (p.slope === 1 ? [] : [0]),
  },
  elu: {
    id: 'elu',
    f: (x, p) => elu(x, p.alpha),
    df: (x, p) => eluDerivative(x, p.alpha),
    params: ['alpha'],
    kinks: (p) => (p.alpha === 1 ? [] : [0]),
  },
  maxout: {
    id: 'maxout',
    f: maxout,
    df: maxoutDerivative,
    params: ['w1', 'b1', 'w2', 'b2'],
    kinks: (p) => {
      const crossing = maxoutCrossing(p);
      return crossing === null ? [] : [crossing];
    },
  },
};

export function isActivationId(value: unknown): value is ActivationId {
  return typeof value === 'string' && (ACTIVATION_IDS as readonly string[]).includes(value);
}

export interface CurvePoint {
  x: number;
  f: number;
  df: number;
}

/** Distance used to read the one-sided derivative on each side of a kink. */
const KINK_EPSILON = 1e-9;

/**
 * `n` evenly spaced samples of f and f' on [from, to] (both ends included). At a kink
 * inside the range two points share its x: the left-hand and the right-hand derivative,
 * so a line chart draws the jump as a vertical step instead of a slanted segment.
 */
export function sampleCurve(
  id: ActivationId,
  params: Partial<ActivationParams>,
  from: number,
  to: number,
  n: number,
): CurvePoint[] {
  if (!(n >= 2) || !Number.isInteger(n)) throw new Error(`sampleCurve: n must be an integer ≥ 2`);
  if (!(to > from)) throw new Error(`sampleCurve: empty range [${from}, ${to}]`);
  const p = { ...DEFAULT_ACTIVATION_PARAMS, ...params };
  const { f, df, kinks } = ACTIVATIONS[id];
  const point = (x: number): CurvePoint => ({ x, f: f(x, p), df: df(x, p) });

  const points: CurvePoint[] = [];
  for (let i = 0; i < n; i++) points.push(point(from + ((to - from) * i) / (n - 1)));

  for (const k of kinks(p)) {
    if (!(k > from && k < to)) continue;
    const value = f(k, p);
    const left = { x: k, f: value, df: df(k - KINK_EPSILON, p) };
    const right = { x: k, f: value, df: df(k + KINK_EPSILON, p) };
    const withoutK = points.filter((q) => q.x !== k);
    const at = withoutK.findIndex((q) => q.x > k);
    withoutK.splice(at, 0, left, right);
    points.splice(0, points.length, ...withoutK);
  }
  return points;
}

/**
 * The product of n equal factors |f'(x)|ⁿ: what back-propagation through n steps does to
 * a gradient when every step contributes the same derivative. Below 1 it vanishes, above
 * 1 it explodes.
 */
export function chainFactor(derivative: number, n: number): number {
  return Math.abs(derivative) ** n;
}
