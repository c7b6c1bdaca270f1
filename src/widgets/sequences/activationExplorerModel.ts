/**
 * The numbers behind the ActivationExplorer widget, kept apart from React so they can be
 * tested directly: curves, the probe read-outs, the chain of n equal factors and the TeX
 * shown for each function.
 */
import {
  ACTIVATIONS,
  ACTIVATION_IDS,
  chainFactor,
  sampleCurve,
  type ActivationId,
  type ActivationParams,
  type CurvePoint,
} from '../../core/activations';

export const X_RANGE = [-6, 6] as const;
/** 0.05 spacing: smooth curves, and every slider position (step 0.1) is a sample. */
export const CURVE_SAMPLES = 241;
/** Lengths of the chain f'(x)ⁿ shown to the learner. */
export const CHAIN_LENGTHS = [5, 20, 50] as const;

export function curveFor(id: ActivationId, params: ActivationParams): CurvePoint[] {
  return sampleCurve(id, params, X_RANGE[0], X_RANGE[1], CURVE_SAMPLES);
}

export interface Probe {
  x: number;
  fx: number;
  dfx: number;
}

export function probe(id: ActivationId, params: ActivationParams, x: number): Probe {
  const { f, df } = ACTIVATIONS[id];
  return { x, fx: f(x, params), dfx: df(x, params) };
}

/** What multiplying n copies of the same derivative does. */
export type ChainVerdict = 'dead' | 'vanish' | 'keep' | 'explode';

export function chainVerdict(derivative: number): ChainVerdict {
  const size = Math.abs(derivative);
  if (size === 0) return 'dead';
  if (Math.abs(size - 1) < 1e-9) return 'keep';
  return size < 1 ? 'vanish' : 'explode';
}

export function chainRows(derivative: number): { n: number; value: number }[] {
  return CHAIN_LENGTHS.map((n) => ({ n, value: chainFactor(derivative, n) }));
}

/** The best a sigmoid can do: σ' ≤ 0.25, so 20 steps multiply the gradient by 0.25²⁰ at most. */
export const SIGMOID_BEST_CASE = { factor: 0.25, n: 20, value: chainFactor(0.25, 20) } as const;

/**
 * A number split for reading as "mantissa × 10^exponent" (exponent null when the plain
 * form reads well). Rounded to `digits` significant digits.
 */
export function scientific(
  value: number,
  digits = 3,
): { mantissa: string; exponent: number | null } {
  if (!Number.isFinite(value)) return { mantissa: value > 0 ? '∞' : '−∞', exponent: null };
  const size = Math.abs(value);
  if (size === 0 || (size >= 1e-3 && size < 1e5)) {
    const text = Number(value.toPrecision(digits)).toString();
    return { mantissa: text.replace('-', '−'), exponent: null };
  }
  const [mantissa = '', exponent = '0'] = value.toExponential(digits - 1).split('e');
  return { mantissa: mantissa.replace('-', '−'), exponent: Number(exponent) };
}

/** A y range that holds every drawn curve, padded a little, and always shows y = 0 and y = 1. */
export function yDomainFor(curves: readonly (readonly number[])[]): [number, number] {
  let lo = 0;
  let hi = 1;
  for (const values of curves) {
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

/** Every derivative with the same parameters, for the comparison overlay. */
export function allDerivatives(
  params: ActivationParams,
): { id: ActivationId; points: { x: number; y: number }[] }[] {
  return ACTIVATION_IDS.map((id) => ({
    id,
    points: curveFor(id, params).map((p) => ({ x: p.x, y: p.df })),
  }));
}

/**
 * One TeX constant per function: the definition and the derivative, then their live values
 * at the probe, in one narrow column so it fits a phone. The `term-f` / `term-df` hooks name
 * the two formulas. Placeholders: {{x}}, {{fx}}, {{dfx}} and the function's parameters.
 */
export const ACTIVATION_TEX: Readonly<Record<ActivationId, string>> = {
  sigmoid: String.raw`\begin{aligned}
\htmlClass{term term-f}{\sigma(x)} &= \frac{1}{1+e^{-x}} \\
\htmlClass{term term-df}{\sigma'(x)} &= \sigma(x)\,\bigl(1-\sigma(x)\bigr) \\[0.4em]
\sigma({{x}}) &= {{fx}} \\
\sigma'({{x}}) &= {{dfx}}
\end{aligned}`,
  tanh: String.raw`\begin{aligned}
\htmlClass{term term-f}{\tanh x} &= \frac{e^{x}-e^{-x}}{e^{x}+e^{-x}} \\
\htmlClass{term term-df}{\tanh' x} &= 1-\tanh^{2} x \\[0.4em]
\tanh({{x}}) &= {{fx}} \\
\tanh'({{x}}) &= {{dfx}}
\end{aligned}`,
  relu: String.raw`\begin{aligned}
\htmlClass{term term-f}{\operatorname{ReLU}(x)} &= \max(0,\ x) \\
\htmlClass{term term-df}{\operatorname{ReLU}'(x)} &= \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases} \\[0.4em]
\operatorname{ReLU}({{x}}) &= {{fx}} \\
\operatorname{ReLU}'({{x}}) &= {{dfx}}
\end{aligned}`,
  leakyRelu: String.raw`\begin{aligned}
\htmlClass{term term-f}{\operatorname{LReLU}(x)} &= \max(a x,\ x), \quad a = {{slope}} \\
\htmlClass{term term-df}{\operatorname{LReLU}'(x)} &= \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases} \\[0.4em]
\operatorname{LReLU}({{x}}) &= {{fx}} \\
\operatorname{LReLU}'({{x}}) &= {{dfx}}
\end{aligned}`,
  elu: String.raw`\begin{aligned}
\htmlClass{term term-f}{\operatorname{ELU}(x)} &= \begin{cases} x & x \ge 0 \\ \alpha\,(e^{x}-1) & x < 0 \end{cases}, \quad \alpha = {{alpha}} \\
\htmlClass{term term-df}{\operatorname{ELU}'(x)} &= \begin{cases} 1 & x > 0 \\ \alpha\, e^{x} & x \le 0 \end{cases} \\[0.4em]
\operatorname{ELU}({{x}}) &= {{fx}} \\
\operatorname{ELU}'({{x}}) &= {{dfx}}
\end{aligned}`,
  maxout: String.raw`\begin{aligned}
\htmlClass{term term-f}{\operatorname{maxout}(x)} &= \max(w_1 x + b_1,\ w_2 x + b_2) \\
\htmlClass{term term-df}{\operatorname{maxout}'(x)} &= w_k, \quad k = \operatorname*{arg\,max}_{j} \, (w_j x + b_j) \\[0.4em]
(w_1, b_1) &= ({{w1}}, {{b1}}) \\
(w_2, b_2) &= ({{w2}}, {{b2}}) \\
\operatorname{maxout}({{x}}) &= {{fx}} \\
\operatorname{maxout}'({{x}}) &= {{dfx}}
\end{aligned}`,
};

/** The values that a function's TeX constant asks for. */
export function texValues(
  id: ActivationId,
  params: ActivationParams,
  at: Probe,
): Record<string, number> {
  const base = { x: at.x, fx: at.fx, dfx: at.dfx };
  switch (id) {
    case 'leakyRelu':
      return { ...base, slope: params.slope };
    case 'elu':
      return { ...base, alpha: params.alpha };
    case 'maxout':
      return { ...base, w1: params.w1, b1: params.b1, w2: params.w2, b2: params.b2 };
    default:
      return base;
  }
}

export interface MaxoutPreset {
  id: 'relu' | 'leaky' | 'abs';
  lines: Pick<ActivationParams, 'w1' | 'b1' | 'w2' | 'b2'>;
}

/** Maxout contains ReLU, Leaky ReLU and |x| as special cases. */
export const MAXOUT_PRESETS: readonly MaxoutPreset[] = [
  { id: 'relu', lines: { w1: 1, b1: 0, w2: 0, b2: 0 } },
  { id: 'leaky', lines: { w1: 1, b1: 0, w2: 0.1, b2: 0 } },
  { id: 'abs', lines: { w1: 1, b1: 0, w2: -1, b2: 0 } },
];

export function matchesPreset(params: ActivationParams, preset: MaxoutPreset): boolean {
  const { w1, b1, w2, b2 } = preset.lines;
  return params.w1 === w1 && params.b1 === b1 && params.w2 === w2 && params.b2 === b2;
}
