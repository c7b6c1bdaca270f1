// Special functions LDA needs and tfjs lacks: digamma ψ and log-gamma, as float64 scalar
// functions and (digamma) elementwise on tensors. Both use the same recipe: shift the argument
// up with the recurrence until it is at least 6, then sum the asymptotic (Stirling) series.
import * as tf from '@tensorflow/tfjs';

/** Bernoulli-number coefficients B₂ₖ / (2k) of ψ's asymptotic series, k = 1 … 7. */
const PSI_SERIES = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12];

/**
 * ψ(x) = d/dx ln Γ(x) in float64, for x > 0 (NaN otherwise). Recurrence ψ(x) = ψ(x + 1) − 1/x
 * until x ≥ 6, then ψ(x) ≈ ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ); error below 1e-12 for all x > 0.
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x === Infinity ? Infinity : NaN;
  let shift = 0;
  let v = x;
  while (v < 6) {
    shift -= 1 / v;
    v += 1;
  }
  const inv2 = 1 / (v * v);
  let series = 0;
  let power = inv2;
  for (const c of PSI_SERIES) {
    series += c * power;
    power *= inv2;
  }
  return shift + Math.log(v) - 0.5 / v - series;
}

/** Coefficients B₂ₖ / (2k(2k − 1)) of ln Γ's Stirling series, k = 1 … 7. */
const LGAMMA_SERIES = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) in float64 for x > 0 (scipy's gammaln), same recipe as `digamma`. */
export function lgamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x === Infinity ? Infinity : NaN;
  let v = x;
  let logProduct = 0;
  let product = 1;
  while (v < 6) {
    product *= v;
    v += 1;
    if (product > 1e280 || product < 1e-280) {
      logProduct += Math.log(product);
      product = 1;
    }
  }
  logProduct += Math.log(product);
  const inv = 1 / v;
  const inv2 = inv * inv;
  let series = 0;
  let power = inv;
  for (const c of LGAMMA_SERIES) {
    series += c * power;
    power *= inv2;
  }
  return (v - 0.5) * Math.log(v) - v + HALF_LOG_2PI + series - logProduct;
}

/**
 * ψ elementwise on a float32 tensor of positive values. Every element is shifted by exactly six
 * (ψ(x) = ψ(x + 6) − Σᵢ₌₀⁵ 1/(x + i), true for every x > 0), so no masks are needed; the series
 * up to x⁻⁶ is then below float32's resolution. Returns a new tensor; frees its temporaries.
 */
export function digammaTensor(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    let shift = tf.reciprocal(x);
    for (let i = 1; i < 6; i++) shift = tf.add(shift, tf.reciprocal(tf.add(x, i)));
    const v = tf.add(x, 6);
    const inv2 = tf.reciprocal(tf.square(v));
    // Horner form of 1/12 − 1/(120 v²) + 1/(252 v⁴) − 1/(240 v⁶), times 1/v².
    let series = tf.add(tf.mul(inv2, -1 / 240), 1 / 252);
    series = tf.add(tf.mul(series, inv2), -1 / 120);
    series = tf.add(tf.mul(series, inv2), 1 / 12);
    series = tf.mul(series, inv2);
    return tf.sub(tf.sub(tf.sub(tf.log(v), tf.div(0.5, v)), series), shift);
  });
}

/**
 * E[log x] under Dirichlet(α) for every row of `alpha` ([n, k]): ψ(αᵢ) − ψ(Σⱼ αⱼ) (sklearn's
 * `_dirichlet_expectation_2d`). `axis` picks the summed axis (default the last).
 */
export function dirichletExpectation(alpha: tf.Tensor2D, axis = 1): tf.Tensor2D {
  return tf.tidy(() =>
    tf.sub(digammaTensor(alpha), digammaTensor(tf.sum(alpha, axis, true))),
  ) as tf.Tensor2D;
}

/** E[log x] under Dirichlet(α) for one float64 vector. */
export function dirichletExpectation1d(alpha: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < alpha.length; i++) total += alpha[i]!;
  const psiTotal = digamma(total);
  const out = new Float64Array(alpha.length);
  for (let i = 0; i < alpha.length; i++) out[i] = digamma(alpha[i]!) - psiTotal;
  return out;
}
