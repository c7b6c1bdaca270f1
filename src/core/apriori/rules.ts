import { ItemsetIndex } from './itemsetIndex';
import type { Mined } from './miner';
import type { AssociationRule, Item } from './types';

/** arules (Borgelt's istree.c) keeps a rule unless conf < minConfidence − 1e-12. */
export const CONFIDENCE_EPSILON = 1e-12;

export interface RuleParams<T extends Item> {
  mined: Mined;
  transactionCount: number;
  items: T[];
  minConfidence: number;
  minLen: number;
  maxLen: number;
  maxConsequent: number;
  emptyLhs: boolean;
}

export interface RuleMeasures {
  support: number;
  confidence: number;
  coverage: number;
  lift: number;
  leverage: number;
  conviction: number;
}

/**
 * The five measures (and coverage) from counts: n(X ∪ Y), n(X), n(Y) and N. Computed from the
 * counts so that equal counts give bit-identical numbers whatever the input order.
 * conviction = (1 − supp Y)/(1 − conf) = n(X)·(N − n(Y)) / (N·(n(X) − n(X ∪ Y))), Infinity
 * when conf = 1 (n(X) = n(X ∪ Y)).
 */
export function ruleMeasures(
  count: number,
  lhsCount: number,
  rhsCount: number,
  N: number,
): RuleMeasures {
  // The same expressions as in deriveRules (inlined there to spare an object per rule).
  return {
    support: count / N,
    confidence: count / lhsCount,
    coverage: lhsCount / N,
    lift: (count * N) / (lhsCount * rhsCount),
    leverage: count / N - (lhsCount * rhsCount) / (N * N),
    conviction: conviction(count, lhsCount, rhsCount, N),
  };
}

function conviction(count: number, lhsCount: number, rhsCount: number, N: number): number {
  return lhsCount === count ? Infinity : (lhsCount * (N - rhsCount)) / (N * (lhsCount - count));
}

/** Rules from the frequent itemsets, in the order the README gives. */
export function* deriveRules<T extends Item>(
  params: RuleParams<T>,
): Generator<void, AssociationRule<T>[], void> {
  const { mined, transactionCount: N, items, minConfidence, maxConsequent, emptyLhs } = params;
  const { levels, frequentItems } = mined;
  const rules: AssociationRule<T>[] = [];
  if (levels.length === 0) return rules;
  const indexes: (ItemsetIndex | null)[] = levels.map((level) =>
    level.k >= 2 ? new ItemsetIndex(level.sets, level.k, level.m) : null,
  );
  const level1Counts = levels[0]!.counts;
  const countOf = (set: Int32Array, length: number): number => {
    if (length === 0) return N;
    if (length === 1) return level1Counts[set[0]!]!;
    const at = indexes[length - 1]!.find(set, length, -1);
    if (at < 0) throw new Error('apriori: a subset of a frequent itemset was not frequent.');
    return levels[length - 1]!.counts[at]!;
  };
  const threshold = minConfidence - CONFIDENCE_EPSILON;
  const maxSize = Math.min(params.maxLen, levels.length);
  const lhs = new Int32Array(maxSize);
  const rhs = new Int32Array(maxSize);
  const chosen = new Int32Array(maxSize); // positions of the rhs items in Z, ascending
  let work = 0;
  for (let size = Math.max(1, params.minLen); size <= maxSize; size++) {
    const { sets, counts, m } = levels[size - 1]!;
    const maxR = Math.min(maxConsequent, size);
    for (let z = 0; z < m; z++) {
      const base = z * size;
      const count = counts[z]!;
      for (let r = 1; r <= maxR; r++) {
        if (r === size && !emptyLhs) continue;
        // Every r-combination of positions, in lexicographic order.
        for (let q = 0; q < r; q++) chosen[q] = q;
        for (;;) {
          let nl = 0;
          let nr = 0;
          for (let p = 0, q = 0; p < size; p++) {
            if (q < r && chosen[q] === p) {
              rhs[nr++] = sets[base + p]!;
              q++;
            } else {
              lhs[nl++] = sets[base + p]!;
            }
          }
          const lhsCount = countOf(lhs, nl);
          if (count / lhsCount >= threshold) {
            const rhsCount = countOf(rhs, nr);
            const lhsIds = new Array<number>(nl);
            const lhsItems = new Array<T>(nl);
            for (let q = 0; q < nl; q++) {
              const id = frequentItems[lhs[q]!]!;
              lhsIds[q] = id;
              lhsItems[q] = items[id]!;
            }
            const rhsIds = new Array<number>(nr);
            const rhsItems = new Array<T>(nr);
            for (let q = 0; q < nr; q++) {
              const id = frequentItems[rhs[q]!]!;
              rhsIds[q] = id;
              rhsItems[q] = items[id]!;
            }
            rules.push({
              lhs: lhsItems,
              rhs: rhsItems,
              lhsIds,
              rhsIds,
              count,
              lhsCount,
              rhsCount,
              support: count / N,
              confidence: count / lhsCount,
              coverage: lhsCount / N,
              lift: (count * N) / (lhsCount * rhsCount),
              leverage: count / N - (lhsCount * rhsCount) / (N * N),
              conviction: conviction(count, lhsCount, rhsCount, N),
            });
          }
          if (++work >= 4096) {
            work = 0;
            yield;
          }
          // Next combination.
          let q = r - 1;
          while (q >= 0 && chosen[q] === size - r + q) q--;
          if (q < 0) break;
          chosen[q] = chosen[q]! + 1;
          for (let t = q + 1; t < r; t++) chosen[t] = chosen[t - 1]! + 1;
        }
      }
    }
  }
  return rules;
}
