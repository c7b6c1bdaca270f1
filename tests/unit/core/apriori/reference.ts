/**
 * A brute-force reference miner for small data: it enumerates every subset of the items
 * (bitmasks, so at most ~14 distinct items), counts each by scanning every transaction, and
 * derives rules by enumerating every split. It shares no code with src/core/apriori and
 * computes the measures from supports (the textbook formulas), not from counts.
 */
import { createRng } from '../../../../src/core';

export interface ReferenceOptions {
  minSupport: number;
  minConfidence: number;
  minLen: number;
  maxLen: number;
  maxConsequent: number;
  emptyLhs: boolean;
}

export interface ReferenceItemset {
  items: (string | number)[];
  count: number;
}

export interface ReferenceRule {
  lhs: (string | number)[];
  rhs: (string | number)[];
  count: number;
  support: number;
  confidence: number;
  lift: number;
  leverage: number;
  conviction: number;
}

const compareItems = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0;

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

function lexCompare(a: number[], b: number[]): number {
  for (let q = 0; q < Math.min(a.length, b.length); q++) if (a[q] !== b[q]) return a[q]! - b[q]!;
  return a.length - b.length;
}

export function referenceMine(
  transactions: readonly (readonly (string | number)[])[],
  options: ReferenceOptions,
): { itemsets: ReferenceItemset[]; rules: ReferenceRule[] } {
  const items = [...new Set(transactions.flat())].sort(compareItems);
  if (items.length > 14) throw new Error('reference miner: too many items');
  const bit = new Map<string | number, number>(items.map((item, i) => [item, 1 << i]));
  const masks = transactions.map((tx) => {
    let mask = 0;
    for (const item of tx) mask |= bit.get(item)!;
    return mask;
  });
  const N = transactions.length;
  const count = (set: number) => masks.filter((m) => (m & set) === set).length;
  const positions = (set: number) => items.map((_, i) => i).filter((i) => set & (1 << i));
  // Frequent: count / N ≥ minSupport, with floating error forgiven (10⁻⁹ of a transaction).
  const frequent = (c: number) => c > 0 && c >= options.minSupport * N - 1e-9;
  const counts = new Map<number, number>();
  for (let set = 1; set < 1 << items.length; set++) {
    if (popcount(set) > options.maxLen) continue;
    const c = count(set);
    if (frequent(c)) counts.set(set, c);
  }
  const ordered = [...counts.keys()].sort(
    (a, b) => popcount(a) - popcount(b) || lexCompare(positions(a), positions(b)),
  );
  const itemsets = ordered
    .filter((set) => popcount(set) >= options.minLen)
    .map((set) => ({ items: positions(set).map((i) => items[i]!), count: counts.get(set)! }));

  const rules: ReferenceRule[] = [];
  for (const z of ordered) {
    const size = popcount(z);
    if (size < options.minLen) continue;
    const subsets: number[] = [];
    for (let y = z; y > 0; y = (y - 1) & z) subsets.push(y);
    subsets.sort((a, b) => popcount(a) - popcount(b) || lexCompare(positions(a), positions(b)));
    for (const y of subsets) {
      if (popcount(y) > options.maxConsequent) continue;
      const x = z & ~y;
      if (x === 0 && !options.emptyLhs) continue;
      const suppZ = counts.get(z)! / N;
      const suppX = x === 0 ? 1 : counts.get(x)! / N;
      const suppY = counts.get(y)! / N;
      const confidence = suppZ / suppX;
      if (confidence < options.minConfidence - 1e-12) continue;
      rules.push({
        lhs: positions(x).map((i) => items[i]!),
        rhs: positions(y).map((i) => items[i]!),
        count: counts.get(z)!,
        support: suppZ,
        confidence,
        lift: confidence / suppY,
        leverage: suppZ - suppX * suppY,
        conviction: confidence === 1 ? Infinity : (1 - suppY) / (1 - confidence),
      });
    }
  }
  return { itemsets, rules };
}

/** Seeded small random baskets: duplicates and empty transactions included on purpose. */
export function randomCase(seed: number): {
  transactions: (string | number)[][];
  options: ReferenceOptions;
} {
  const rng = createRng(seed);
  const nItems = 1 + rng.int(9);
  const N = rng.int(26);
  const numeric = rng.next() < 0.3;
  const names = Array.from({ length: nItems }, (_, i) =>
    numeric ? i * 7 + 3 : String.fromCharCode(97 + ((i * 5) % 26)) + (i > 5 ? 'x' : ''),
  );
  const density = 0.2 + 0.6 * rng.next();
  const transactions = Array.from({ length: N }, () => {
    const tx: (string | number)[] = [];
    for (const name of names) if (rng.next() < density) tx.push(name);
    if (tx.length > 0 && rng.next() < 0.2) tx.push(tx[rng.int(tx.length)]!); // a duplicate
    return tx;
  });
  // Supports on the count grid (k/N, where float error bites) or anywhere in (0, 0.8].
  const minSupport =
    N > 0 && rng.next() < 0.6 ? (1 + rng.int(Math.max(1, N >> 2))) / N : 0.02 + 0.6 * rng.next();
  const minConfidence = rng.next() < 0.3 ? [0.5, 0.75, 2 / 3, 1][rng.int(4)]! : rng.next();
  const minLen = 1 + (rng.next() < 0.3 ? rng.int(3) : 0);
  const maxLen = minLen + rng.int(6);
  return {
    transactions,
    options: {
      minSupport: Math.min(1, minSupport),
      minConfidence,
      minLen,
      maxLen,
      maxConsequent: 1 + (rng.next() < 0.5 ? 1 + rng.int(2) : 0),
      emptyLhs: rng.next() < 0.7,
    },
  };
}

/** Fisher–Yates with a seeded stream. */
export function shuffled<T>(values: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
