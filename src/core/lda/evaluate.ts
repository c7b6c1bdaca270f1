// What a fitted LDA model is judged and drawn by: normalised topics, held-out document
// completion, UMass coherence, Jensen–Shannon distances with a 2-D classical MDS (the
// intertopic map), topic prevalence and LDAvis relevance. Plain float64 arithmetic.
import { CoreInputError } from '../errors';
import type { DocTermMatrix } from './docTerm';
import { symmetricEigen } from '../text/pca';

/** Each row of a row-major [rows, size] matrix divided by its sum (β from λ, θ from γ). */
export function normalizeRows(m: ArrayLike<number>, rows: number, size: number): Float64Array {
  const out = new Float64Array(rows * size);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < size; c++) s += m[r * size + c]!;
    for (let c = 0; c < size; c++) out[r * size + c] = s > 0 ? m[r * size + c]! / s : 1 / size;
  }
  return out;
}

/** Term ids of a topic's `n` largest entries, largest first (ties: smaller id first). */
export function topTerms(
  scores: ArrayLike<number>,
  topic: number,
  nTerms: number,
  n: number,
): number[] {
  const ids = Array.from({ length: nTerms }, (_, w) => w);
  const base = topic * nTerms;
  ids.sort((a, b) => scores[base + b]! - scores[base + a]! || a - b);
  return ids.slice(0, n);
}

/**
 * Splits every document's tokens into an observed half and a held-out half, alternating token
 * by token through the document (term by term, each term's copies in a row), so a document of
 * n tokens keeps ⌈n/2⌉ observed and ⌊n/2⌋ held out.
 */
export function splitForCompletion(data: DocTermMatrix): {
  observed: DocTermMatrix;
  heldOut: DocTermMatrix;
} {
  const parts = [0, 1].map(() => ({
    indptr: new Int32Array(data.nDocs + 1),
    indices: [] as number[],
    counts: [] as number[],
  }));
  for (let d = 0; d < data.nDocs; d++) {
    let parity = 0;
    for (let j = data.indptr[d]!; j < data.indptr[d + 1]!; j++) {
      const c = data.counts[j]!;
      const first = Math.ceil((c - parity) / 2);
      const split = [first, c - first];
      parity = (parity + c) % 2;
      split.forEach((n, p) => {
        if (n > 0) {
          parts[p]!.indices.push(data.indices[j]!);
          parts[p]!.counts.push(n);
        }
      });
    }
    for (const p of parts) p.indptr[d + 1] = p.indices.length;
  }
  const [observed, heldOut] = parts.map((p): DocTermMatrix => ({
    ...data,
    indptr: p.indptr,
    indices: Int32Array.from(p.indices),
    counts: Float32Array.from(p.counts),
  }));
  return { observed: observed!, heldOut: heldOut! };
}

/**
 * Document-completion perplexity: θ_d = γ_d / Σγ_d inferred from each document's observed half,
 * β_k = λ_k / Σλ_k, and exp(−Σ log Σ_k θ_dk β_kw / N) over the N held-out tokens.
 */
export function completionPerplexity(
  gammaObserved: ArrayLike<number>,
  lambda: ArrayLike<number>,
  heldOut: DocTermMatrix,
  k: number,
): number {
  const v = heldOut.nTerms;
  const theta = normalizeRows(gammaObserved, heldOut.nDocs, k);
  const beta = normalizeRows(lambda, k, v);
  let logLik = 0;
  let n = 0;
  for (let d = 0; d < heldOut.nDocs; d++) {
    for (let j = heldOut.indptr[d]!; j < heldOut.indptr[d + 1]!; j++) {
      const w = heldOut.indices[j]!;
      let p = 0;
      for (let t = 0; t < k; t++) p += theta[d * k + t]! * beta[t * v + w]!;
      logLik += heldOut.counts[j]! * Math.log(p);
      n += heldOut.counts[j]!;
    }
  }
  if (n === 0)
    throw new CoreInputError('The held-out half has no tokens: documents need at least two.');
  return Math.exp(-logLik / n);
}

/** Which documents contain each term (sorted doc ids per term), for coherence. */
export function termDocuments(data: DocTermMatrix): Int32Array[] {
  const lists: number[][] = Array.from({ length: data.nTerms }, () => []);
  for (let d = 0; d < data.nDocs; d++) {
    for (let j = data.indptr[d]!; j < data.indptr[d + 1]!; j++) lists[data.indices[j]!]!.push(d);
  }
  return lists.map((l) => Int32Array.from(l));
}

function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/**
 * UMass coherence (Mimno et al. 2011) of one ranked word list: Σ_{i>j} log((D(wᵢ, wⱼ) + 1) / D(wⱼ)),
 * where D counts documents of the reference corpus. Closer to 0 is more coherent.
 */
export function umassCoherence(
  words: readonly number[],
  docsOfTerm: readonly Int32Array[],
): number {
  let score = 0;
  for (let i = 1; i < words.length; i++) {
    for (let j = 0; j < i; j++) {
      const dj = docsOfTerm[words[j]!]!;
      if (dj.length === 0) continue;
      score += Math.log((intersectionSize(docsOfTerm[words[i]!]!, dj) + 1) / dj.length);
    }
  }
  return score;
}

/** UMass coherence of every topic's top `n` words (ranked by λ). */
export function topicCoherence(
  lambda: ArrayLike<number>,
  k: number,
  data: DocTermMatrix,
  n = 10,
): Float64Array {
  const docs = termDocuments(data);
  const out = new Float64Array(k);
  for (let t = 0; t < k; t++)
    out[t] = umassCoherence(topTerms(lambda, t, data.nTerms, Math.min(n, data.nTerms)), docs);
  return out;
}

/** Jensen–Shannon divergence in bits (0 … 1) between two distributions. */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i]!;
    const b = q[i]!;
    const m = (a + b) / 2;
    if (a > 0) s += 0.5 * a * Math.log2(a / m);
    if (b > 0) s += 0.5 * b * Math.log2(b / m);
  }
  return Math.max(0, s);
}

/** √JS divergence between every pair of rows of β ([K, V]): a metric in [0, 1]. [K, K]. */
export function topicDistances(beta: ArrayLike<number>, k: number, v: number): Float64Array {
  const out = new Float64Array(k * k);
  const row = (t: number) =>
    (beta as Float64Array).subarray
      ? (beta as Float64Array).subarray(t * v, t * v + v)
      : Array.prototype.slice.call(beta, t * v, t * v + v);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const d = Math.sqrt(jensenShannon(row(a), row(b)));
      out[a * k + b] = d;
      out[b * k + a] = d;
    }
  }
  return out;
}

// The eigen-decomposition is the text core's (cyclic Jacobi, values descending), shared with PCA.
export { symmetricEigen };

/**
 * Classical MDS (principal coordinates) of a distance matrix into `dims` dimensions:
 * B = −½ J D⁽²⁾ J, coordinates = eigenvectors × √eigenvalue (negative eigenvalues → 0). Each
 * axis's sign is fixed so its largest-magnitude coordinate is positive (stable between runs).
 */
export function classicalMds(distances: ArrayLike<number>, n: number, dims = 2): Float64Array {
  const d2 = Float64Array.from({ length: n * n }, (_, i) => distances[i]! ** 2);
  const rowMean = new Float64Array(n);
  let all = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) rowMean[i]! += d2[i * n + j]! / n;
    all += rowMean[i]! / n;
  }
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      b[i * n + j] = -0.5 * (d2[i * n + j]! - rowMean[i]! - rowMean[j]! + all);
  }
  const { values, vectors } = symmetricEigen(b, n);
  const out = new Float64Array(n * dims);
  for (let c = 0; c < dims && c < n; c++) {
    const scale = Math.sqrt(Math.max(0, values[c]!));
    let big = 0;
    for (let r = 0; r < n; r++)
      if (Math.abs(vectors[r * n + c]!) > Math.abs(big)) big = vectors[r * n + c]!;
    const sign = big < 0 ? -1 : 1;
    for (let r = 0; r < n; r++) out[r * dims + c] = sign * vectors[r * n + c]! * scale;
  }
  return out;
}

/** Share of the corpus's tokens assigned to each topic: Σ_d N_d θ_dk / Σ_d N_d (LDAvis's topic frequency). */
export function topicPrevalence(
  gamma: ArrayLike<number>,
  data: DocTermMatrix,
  k: number,
): Float64Array {
  const theta = normalizeRows(gamma, data.nDocs, k);
  const out = new Float64Array(k);
  let total = 0;
  for (let d = 0; d < data.nDocs; d++) {
    let n = 0;
    for (let j = data.indptr[d]!; j < data.indptr[d + 1]!; j++) n += data.counts[j]!;
    for (let t = 0; t < k; t++) out[t]! += n * theta[d * k + t]!;
    total += n;
  }
  for (let t = 0; t < k; t++) out[t] = total > 0 ? out[t]! / total : 1 / k;
  return out;
}

/** p(w): each term's share of all tokens of the corpus. */
export function termFrequencies(data: DocTermMatrix): Float64Array {
  const out = new Float64Array(data.nTerms);
  let total = 0;
  for (let j = 0; j < data.indices.length; j++) {
    out[data.indices[j]!]! += data.counts[j]!;
    total += data.counts[j]!;
  }
  for (let w = 0; w < data.nTerms; w++) out[w] = total > 0 ? out[w]! / total : 0;
  return out;
}

/**
 * LDAvis relevance of every term for one topic: λ·log p(w|t) + (1 − λ)·log(p(w|t) / p(w))
 * (Sievert & Shirley 2014). λ = 1 ranks by probability, λ = 0 by lift.
 */
export function relevance(
  beta: ArrayLike<number>,
  topic: number,
  v: number,
  termFreq: ArrayLike<number>,
  weight: number,
): Float64Array {
  const out = new Float64Array(v);
  for (let w = 0; w < v; w++) {
    const p = beta[topic * v + w]!;
    const lp = Math.log(p);
    out[w] = weight * lp + (1 - weight) * (termFreq[w]! > 0 ? lp - Math.log(termFreq[w]!) : 0);
  }
  return out;
}

/** The `n` most relevant terms of a topic for weight λ. */
export function relevantTerms(
  beta: ArrayLike<number>,
  topic: number,
  v: number,
  termFreq: ArrayLike<number>,
  weight: number,
  n: number,
): number[] {
  const r = relevance(beta, topic, v, termFreq, weight);
  return topTerms(r, 0, v, n);
}

/** Per token of a document: the topic with the largest φ ∝ θ_dk β_kw (−1 for tokens with no term). */
export function tokenTopics(
  termIds: ArrayLike<number>,
  theta: ArrayLike<number>,
  beta: ArrayLike<number>,
  k: number,
  v: number,
): Int32Array {
  const out = new Int32Array(termIds.length);
  for (let i = 0; i < termIds.length; i++) {
    const w = termIds[i]!;
    if (w < 0) {
      out[i] = -1;
      continue;
    }
    let best = 0;
    let bestValue = -1;
    for (let t = 0; t < k; t++) {
      const p = theta[t]! * beta[t * v + w]!;
      if (p > bestValue) {
        bestValue = p;
        best = t;
      }
    }
    out[i] = best;
  }
  return out;
}
