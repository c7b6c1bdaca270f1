// Corpora drawn from LDA's own generative story: topics β_k ~ Dirichlet(η), every document's
// mixture θ_d ~ Dirichlet(α), and for every word a topic z ~ θ_d, then the word w ~ β_z.
// Seeded, so the benchmark and the lesson's animation draw the same corpus every time.
import { CoreInputError } from '../errors';
import { createRng, type Rng } from '../random';
import type { DocTermMatrix } from './docTerm';
import { sampleGamma } from './gamma';

/** One Dirichlet(α, …, α) draw of size n (Gamma draws; shape < 1 boosted by U^(1/α)). */
export function sampleDirichlet(rng: Rng, alpha: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let g =
      alpha >= 1
        ? sampleGamma(rng, alpha, 1)
        : sampleGamma(rng, alpha + 1, 1) * Math.pow(rng.next() || Number.MIN_VALUE, 1 / alpha);
    if (!(g > 0)) g = Number.MIN_VALUE;
    out[i] = g;
    total += g;
  }
  for (let i = 0; i < n; i++) out[i]! /= total;
  return out;
}

/** An index drawn from the discrete distribution `p` (cumulative search). */
export function sampleCategorical(rng: Rng, p: ArrayLike<number>): number {
  let u = rng.next();
  for (let i = 0; i < p.length; i++) {
    u -= p[i]!;
    if (u < 0) return i;
  }
  return p.length - 1;
}

export interface SyntheticLdaOptions {
  nDocs: number;
  nTerms: number;
  nTopics: number;
  /** Tokens per document, drawn uniformly from [min, max]; default [100, 200]. */
  docLength?: [number, number];
  /** Default 0.1. */
  alpha?: number;
  /** Default 0.05. */
  eta?: number;
  seed?: number | string;
}

export interface SyntheticLdaCorpus extends DocTermMatrix {
  /** The true topics, [K, V] row-major. */
  beta: Float64Array;
  /** The true mixtures, [D, K] row-major. */
  theta: Float64Array;
}

/** Cumulative sums, for drawing many words from one topic quickly by binary search. */
function cumulative(p: Float64Array, from: number, n: number): Float64Array {
  const c = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) c[i] = s += p[from + i]!;
  return c;
}

function searchCumulative(c: Float64Array, u: number): number {
  let lo = 0;
  let hi = c.length - 1;
  const target = u * c[c.length - 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function syntheticLdaCorpus(options: SyntheticLdaOptions): SyntheticLdaCorpus {
  const { nDocs, nTerms, nTopics } = options;
  for (const [v, what] of [
    [nDocs, 'nDocs'],
    [nTerms, 'nTerms'],
    [nTopics, 'nTopics'],
  ] as const) {
    if (!Number.isInteger(v) || v < 1)
      throw new CoreInputError(`${what} must be a whole number of at least 1.`);
  }
  const [minLen, maxLen] = options.docLength ?? [100, 200];
  const rng = createRng(options.seed ?? 0);
  const beta = new Float64Array(nTopics * nTerms);
  for (let t = 0; t < nTopics; t++)
    beta.set(sampleDirichlet(rng, options.eta ?? 0.05, nTerms), t * nTerms);
  const cums = Array.from({ length: nTopics }, (_, t) => cumulative(beta, t * nTerms, nTerms));
  const theta = new Float64Array(nDocs * nTopics);
  const indptr = new Int32Array(nDocs + 1);
  const indices: number[] = [];
  const counts: number[] = [];
  for (let d = 0; d < nDocs; d++) {
    const th = sampleDirichlet(rng, options.alpha ?? 0.1, nTopics);
    theta.set(th, d * nTopics);
    const length = minLen + rng.int(maxLen - minLen + 1);
    const local = new Map<number, number>();
    for (let i = 0; i < length; i++) {
      const z = sampleCategorical(rng, th);
      const w = searchCumulative(cums[z]!, rng.next());
      local.set(w, (local.get(w) ?? 0) + 1);
    }
    for (const w of [...local.keys()].sort((a, b) => a - b)) {
      indices.push(w);
      counts.push(local.get(w)!);
    }
    indptr[d + 1] = indices.length;
  }
  return {
    nDocs,
    nTerms,
    vocabulary: Array.from({ length: nTerms }, (_, w) => `w${w}`),
    indptr,
    indices: Int32Array.from(indices),
    counts: Float32Array.from(counts),
    beta,
    theta,
  };
}
