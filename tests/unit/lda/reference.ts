// A plain float64 transcription of scikit-learn's LatentDirichletAllocation update rules
// (sklearn/decomposition/_lda.py: _update_doc_distribution, _em_step), one document at a
// time with number arrays, as the reference the tensor implementation is checked against.
import { digamma } from '../../../src/core/lda';

const EPS = 2.220446049250313e-16;

export interface RefDoc {
  ids: number[];
  cnts: number[];
}

function dirExp1d(a: number[]): number[] {
  const total = a.reduce((s, x) => s + x, 0);
  const psi = digamma(total);
  return a.map((x) => digamma(x) - psi);
}

/** λ rows → exp(E[log β]) rows. */
export function expElogBeta(lambda: number[][]): number[][] {
  return lambda.map((row) => dirExp1d(row).map(Math.exp));
}

/** One document's E-step; returns γ_d, its exp E[log θ] and the number of updates. */
export function updateDoc(
  doc: RefDoc,
  gamma0: number[],
  eBeta: number[][],
  alpha: number,
  tol: number,
  maxIter: number,
): { gamma: number[]; expTheta: number[]; updates: number } {
  const k = gamma0.length;
  let gamma = gamma0.slice();
  let expTheta = dirExp1d(gamma).map(Math.exp);
  let updates = 0;
  for (let it = 0; it < maxIter; it++) {
    const last = gamma;
    const normPhi = doc.ids.map((w) => {
      let s = 0;
      for (let t = 0; t < k; t++) s += expTheta[t]! * eBeta[t]![w]!;
      return s + EPS;
    });
    gamma = expTheta.map((e, t) => {
      let s = 0;
      doc.ids.forEach((w, j) => (s += (doc.cnts[j]! / normPhi[j]!) * eBeta[t]![w]!));
      return e * s + alpha;
    });
    expTheta = dirExp1d(gamma).map(Math.exp);
    updates++;
    const change = gamma.reduce((s, g, t) => s + Math.abs(last[t]! - g), 0) / k;
    if (change < tol) break;
  }
  return { gamma, expTheta, updates };
}

export interface RefOptions {
  alpha: number;
  eta: number;
  tol: number;
  maxIter: number;
}

/** One batch EM step: returns the new λ and the γ of every document. */
export function batchEmStep(
  docs: RefDoc[],
  lambda: number[][],
  gammaStarts: number[][],
  o: RefOptions,
  online?: { weight: number; ratio: number },
): { lambda: number[][]; gamma: number[][] } {
  const eBeta = expElogBeta(lambda);
  const k = lambda.length;
  const v = lambda[0]!.length;
  const sstats = Array.from({ length: k }, () => new Array<number>(v).fill(0));
  const gamma = docs.map((doc, d) => {
    const r = updateDoc(doc, gammaStarts[d]!, eBeta, o.alpha, o.tol, o.maxIter);
    const normPhi = doc.ids.map((w) => {
      let s = 0;
      for (let t = 0; t < k; t++) s += r.expTheta[t]! * eBeta[t]![w]!;
      return s + EPS;
    });
    for (let t = 0; t < k; t++) {
      doc.ids.forEach((w, j) => (sstats[t]![w]! += r.expTheta[t]! * (doc.cnts[j]! / normPhi[j]!)));
    }
    return r.gamma;
  });
  const next = sstats.map((row, t) =>
    row.map((s, w) => {
      const suff = s * eBeta[t]![w]!;
      if (!online) return o.eta + suff;
      return lambda[t]![w]! * (1 - online.weight) + online.weight * (o.eta + online.ratio * suff);
    }),
  );
  return { lambda: next, gamma };
}
