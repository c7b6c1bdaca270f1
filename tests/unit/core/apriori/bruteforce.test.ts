import { describe, expect, it } from 'vitest';
import { apriori, type AprioriResult } from '../../../../src/core/apriori';
import { randomCase, referenceMine } from './reference';

const CASES = Array.from({ length: 60 }, (_, i) => 1000 + i);

function compare(result: AprioriResult, reference: ReturnType<typeof referenceMine>): void {
  expect(result.itemsets.map((s) => [s.items, s.count])).toEqual(
    reference.itemsets.map((s) => [s.items, s.count]),
  );
  expect(result.rules.map((r) => [r.lhs, r.rhs, r.count])).toEqual(
    reference.rules.map((r) => [r.lhs, r.rhs, r.count]),
  );
  result.rules.forEach((rule, i) => {
    const expected = reference.rules[i]!;
    for (const key of ['support', 'confidence', 'lift', 'leverage'] as const) {
      expect(Math.abs(rule[key] - expected[key]), key).toBeLessThan(1e-12);
    }
    if (expected.conviction === Infinity) expect(rule.conviction).toBe(Infinity);
    else expect(Math.abs(rule.conviction - expected.conviction)).toBeLessThan(1e-9);
  });
}

describe('agrees with a brute-force miner on seeded random baskets', () => {
  it.each(CASES)('case %i', (seed) => {
    const { transactions, options } = randomCase(seed);
    const reference = referenceMine(transactions, options);
    const result = apriori(transactions, options);
    compare(result, reference);
    // The traced path counts exactly (no early exit) and must find the same.
    const traced = apriori(transactions, { ...options, trace: true });
    expect(traced.itemsets).toEqual(result.itemsets);
    expect(traced.rules).toEqual(result.rules);
    expect(traced.levels).toEqual(result.levels);
  });

  it('the random cases cover what they should', () => {
    const cases = CASES.map(randomCase);
    const found = cases.map(({ transactions, options }) =>
      apriori(transactions, { ...options, trace: true }),
    );
    const pruned = found.reduce((n, r) => n + r.levels.reduce((m, l) => m + l.pruned, 0), 0);
    const deep = found.filter((r) => r.itemsets.some((s) => s.items.length >= 4)).length;
    const multi = found.filter((r) => r.rules.some((x) => x.rhs.length > 1)).length;
    const emptyLhs = found.filter((r) => r.rules.some((x) => x.lhs.length === 0)).length;
    const numeric = cases.filter((c) => c.transactions.flat().some((x) => typeof x === 'number'));
    const withEmpty = cases.filter((c) => c.transactions.some((t) => t.length === 0)).length;
    expect(pruned).toBeGreaterThan(10);
    expect(deep).toBeGreaterThan(5);
    expect(multi).toBeGreaterThan(5);
    expect(emptyLhs).toBeGreaterThan(5);
    expect(numeric.length).toBeGreaterThan(5);
    expect(withEmpty).toBeGreaterThan(5);
    expect(found.filter((r) => r.rules.length > 0).length).toBeGreaterThan(30);
  });
});

describe('agrees on a larger case where levels 4+ are pruned through the hash index', () => {
  it('12 items, 60 dense baskets', () => {
    const items = 'abcdefghijkl'.split('');
    let state = 42;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const dense = Array.from({ length: 60 }, () => items.filter(() => next() < 0.55));
    const options = {
      minSupport: 0.12,
      minConfidence: 0.6,
      minLen: 1,
      maxLen: 10,
      maxConsequent: 2,
      emptyLhs: true,
    };
    const result = apriori(dense, options);
    expect(result.levels.some((l) => l.level >= 4 && l.pruned > 0)).toBe(true);
    compare(result, referenceMine(dense, options));
  });
});
