import { describe, expect, it } from 'vitest';
import { apriori, minCountFor } from '../../../../src/core/apriori';

/** n copies of a transaction. */
const times = (n: number, tx: string[]): string[][] => Array.from({ length: n }, () => [...tx]);

const counts = (result: ReturnType<typeof apriori>) =>
  Object.fromEntries(result.itemsets.map((s) => [s.items.join('+'), s.count]));

describe('minimum support: count ≥ minSupport·N, exactly at the bar kept', () => {
  it('minSupport·N an integer (N = 10, 0.3 → 3): 3 kept, 2 dropped', () => {
    const tx = [...times(3, ['a', 'b']), ...times(2, ['c']), ...times(5, ['d'])];
    const result = apriori(tx, { minSupport: 0.3, target: 'itemsets' });
    expect(result.minCount).toBe(3);
    expect(counts(result)).toEqual({ a: 3, b: 3, d: 5, 'a+b': 3 });
  });

  it('N = 3, minSupport 1/3: one transaction is enough', () => {
    const result = apriori([['a', 'b'], ['c'], []], { minSupport: 1 / 3, target: 'itemsets' });
    expect(result.minCount).toBe(1);
    expect(counts(result)).toEqual({ a: 1, b: 1, c: 1, 'a+b': 1 });
  });

  it('0.07 × 100 = 7.000000000000001 in floating point: a count of 7 is still kept', () => {
    expect(0.07 * 100).toBeGreaterThan(7); // the trap: arules' plain ceil would ask for 8
    expect(minCountFor(0.07, 100)).toBe(7);
    const tx = [...times(7, ['a']), ...times(6, ['b']), ...times(87, ['z'])];
    expect(counts(apriori(tx, { minSupport: 0.07, target: 'itemsets' }))).toEqual({ a: 7, z: 87 });
  });

  it('minSupport·N not an integer (N = 7, 0.3 → 2.1): needs 3; 2 is dropped', () => {
    expect(minCountFor(0.3, 7)).toBe(3);
    const tx = [...times(3, ['a']), ...times(2, ['b']), ...times(2, ['c'])];
    expect(counts(apriori(tx, { minSupport: 0.3, target: 'itemsets' }))).toEqual({ a: 3 });
  });

  it('a support a hair above k/N asks for k + 1', () => {
    expect(minCountFor(0.3000001, 10)).toBe(4);
    expect(minCountFor(1, 10)).toBe(10);
    expect(minCountFor(1e-9, 10)).toBe(1);
    expect(minCountFor(0.5, 0)).toBe(1);
  });
});

describe('minimum confidence: conf ≥ minConfidence, exactly at the bar kept', () => {
  // a in 4 transactions, a+b in 3: conf(a ⇒ b) = 3/4; b only with a: conf(b ⇒ a) = 1.
  const tx = [['a', 'b'], ['a', 'b'], ['a', 'b'], ['a'], ['c']];
  const rule = (minConfidence: number) =>
    apriori(tx, { minSupport: 0.2, minConfidence, emptyLhs: false }).rules.map(
      (r) => `${r.lhs}=>${r.rhs}`,
    );

  it('0.75 keeps a ⇒ b (conf exactly 3/4); 0.7500000001 drops it', () => {
    expect(rule(0.75)).toEqual(['b=>a', 'a=>b']);
    expect(rule(0.7500000001)).toEqual(['b=>a']);
    expect(rule(1)).toEqual(['b=>a']);
  });

  it('a confidence equal up to floating error is kept (3/10 vs 0.1·3), as in arules', () => {
    // a in 10 transactions, a+b in 3: conf = 3/10 = 0.3 < 0.1·3 = 0.30000000000000004
    const data = [...times(3, ['a', 'b']), ...times(7, ['a'])];
    const result = apriori(data, { minSupport: 0.1, minConfidence: 0.1 * 3, emptyLhs: false });
    expect(result.rules.map((r) => `${r.lhs}=>${r.rhs}`)).toEqual(['b=>a', 'a=>b']);
    expect(result.rules[1]!.confidence).toBe(0.3);
    // 2/3 against 0.67: really below, dropped ({} ⇒ b and a ⇒ b).
    const third = [...times(2, ['a', 'b']), ['a']];
    const kept = apriori(third, { minSupport: 0.1, minConfidence: 0.67 }).rules;
    expect(kept.map((r) => `${r.lhs}=>${r.rhs}`)).toEqual(['=>a', 'b=>a']);
  });

  it('empty-lhs rules use supp(Y) as their confidence', () => {
    const result = apriori(tx, { minSupport: 0.2, minConfidence: 0.8 });
    expect(result.rules.filter((r) => r.lhs.length === 0).map((r) => r.rhs[0])).toEqual(['a']);
    const empty = result.rules[0]!;
    expect([empty.confidence, empty.lhsCount, empty.coverage, empty.lift]).toEqual([0.8, 5, 1, 1]);
  });
});
