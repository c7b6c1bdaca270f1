import { describe, expect, it } from 'vitest';
import { CoreInputError } from '../../../../src/core';
import { apriori, syntheticBaskets } from '../../../../src/core/apriori';
import { shuffled } from './reference';

const itemsetCounts = (result: ReturnType<typeof apriori>) =>
  Object.fromEntries(result.itemsets.map((s) => [s.items.join('+'), s.count]));
const ruleNames = (result: ReturnType<typeof apriori>) =>
  result.rules.map((r) => `${r.lhs.join('+')}=>${r.rhs.join('+')}`);

describe('odd transactions', () => {
  it('counts an item repeated inside one transaction once', () => {
    const result = apriori(
      [
        ['a', 'a', 'a', 'b'],
        ['b', 'b'],
        ['c', 'a'],
      ],
      { minSupport: 0.5, target: 'itemsets' },
    );
    expect(result.itemCounts).toEqual([2, 2, 1]);
    expect(itemsetCounts(result)).toEqual({ a: 2, b: 2 });
  });

  it('counts empty transactions in N (they lower every support)', () => {
    const withEmpty = apriori([['a', 'b'], ['a'], [], []], { minSupport: 0.5, minConfidence: 0 });
    expect(withEmpty.transactionCount).toBe(4);
    expect(itemsetCounts(withEmpty)).toEqual({ a: 2 });
    expect(withEmpty.itemsets[0]!.support).toBe(0.5);
    const without = apriori([['a', 'b'], ['a']], { minSupport: 0.5, minConfidence: 0 });
    expect(itemsetCounts(without)).toEqual({ a: 2, b: 1, 'a+b': 1 });
  });

  it('returns an empty result for no transactions, or only empty ones', () => {
    for (const tx of [[], [[], []]]) {
      const result = apriori(tx, { minSupport: 0.1 });
      expect([result.itemsets, result.rules, result.items]).toEqual([[], [], []]);
      expect(result.levels).toEqual([
        { level: 1, candidates: 0, pruned: 0, counted: 0, frequent: 0 },
      ]);
    }
  });

  it('one-item transactions give single itemsets and only empty-lhs rules', () => {
    const tx = [['a'], ['b'], ['a'], ['c'], ['a']];
    const result = apriori(tx, { minSupport: 0.2, minConfidence: 0.5 });
    expect(itemsetCounts(result)).toEqual({ a: 3, b: 1, c: 1 });
    expect(ruleNames(result)).toEqual(['=>a']);
    expect(result.levels[1]).toEqual({
      level: 2,
      candidates: 3,
      pruned: 0,
      counted: 3,
      frequent: 0,
    });
  });

  it('all-identical transactions: every subset frequent, conf 1, lift 1, conviction ∞', () => {
    const tx = Array.from({ length: 4 }, () => ['x', 'y', 'z']);
    const result = apriori(tx, { minSupport: 1, minConfidence: 1 });
    expect(result.itemsets).toHaveLength(7);
    expect(result.itemsets.every((s) => s.count === 4 && s.support === 1)).toBe(true);
    // 3 empty-lhs + 3 pairs × 2 + 3 from the triple
    expect(result.rules).toHaveLength(12);
    for (const rule of result.rules) {
      expect([rule.confidence, rule.lift, rule.leverage, rule.conviction]).toEqual([
        1,
        1,
        0,
        Infinity,
      ]);
    }
  });

  it('takes pre-encoded ids and orders them numerically', () => {
    const result = apriori(
      [
        [10, 2],
        [2, 10, 33],
        [33, 2],
      ],
      { minSupport: 0.6, minConfidence: 0.6, emptyLhs: false },
    );
    expect(result.items).toEqual([2, 10, 33]);
    expect(result.itemsets.map((s) => s.items)).toEqual([[2], [10], [33], [2, 10], [2, 33]]);
    expect(result.rules.map((r) => [r.lhs, r.rhs])).toEqual([
      [[10], [2]],
      [[2], [10]],
      [[33], [2]],
      [[2], [33]],
    ]);
    const typed = apriori([Int32Array.of(10, 2), Int32Array.of(2, 10, 33), Int32Array.of(33, 2)], {
      minSupport: 0.6,
      minConfidence: 0.6,
      emptyLhs: false,
    });
    expect(typed.rules).toEqual(result.rules);
  });
});

describe('minLen, maxLen, maxConsequent', () => {
  const tx = [
    ['a', 'b', 'c', 'd'],
    ['a', 'b', 'c', 'd'],
    ['a', 'b', 'c'],
    ['b', 'c', 'd'],
  ];

  it('maxLen stops the search at that level and says so', () => {
    const full = apriori(tx, { minSupport: 0.5, minConfidence: 0 });
    expect(full.itemsets.at(-1)!.items).toEqual(['a', 'b', 'c', 'd']);
    expect(full.stoppedByMaxLen).toBe(false);
    const two = apriori(tx, { minSupport: 0.5, minConfidence: 0, maxLen: 2 });
    expect(Math.max(...two.itemsets.map((s) => s.items.length))).toBe(2);
    expect(two.levels.map((l) => l.level)).toEqual([1, 2]);
    expect(two.stoppedByMaxLen).toBe(true);
    expect(two.rules.every((r) => r.lhs.length + r.rhs.length <= 2)).toBe(true);
    expect(two.itemsets).toEqual(full.itemsets.filter((s) => s.items.length <= 2));
    const one = apriori(tx, { minSupport: 0.5, minConfidence: 0, maxLen: 1 });
    expect([one.itemsets.length, one.stoppedByMaxLen, one.levels.length]).toEqual([4, true, 1]);
    expect(ruleNames(one)).toEqual(['=>a', '=>b', '=>c', '=>d']);
  });

  it('minLen drops smaller itemsets and rules but still uses their counts', () => {
    const three = apriori(tx, { minSupport: 0.5, minConfidence: 0, minLen: 3 });
    expect(three.itemsets.every((s) => s.items.length >= 3)).toBe(true);
    expect(three.itemsets).toHaveLength(5); // abc, abd, acd, bcd, abcd
    expect(three.rules.every((r) => r.lhs.length + r.rhs.length >= 3)).toBe(true);
    const rule = three.rules.find((r) => r.lhs.join('+') === 'a+b' && r.rhs.join() === 'c')!;
    expect([rule.count, rule.lhsCount, rule.confidence]).toEqual([3, 3, 1]);
  });

  it('maxConsequent 2 adds two-item right-hand sides (and {} ⇒ {x, y})', () => {
    const result = apriori(tx, { minSupport: 0.75, minConfidence: 0.75, maxConsequent: 2 });
    // a 3, b 4, c 4, d 3; ab 3, ac 3, bc 4, bd 3, cd 3; abc 3, bcd 3 (ad 2: not frequent)
    expect(itemsetCounts(result)).toEqual({
      a: 3,
      b: 4,
      c: 4,
      d: 3,
      'a+b': 3,
      'a+c': 3,
      'b+c': 4,
      'b+d': 3,
      'c+d': 3,
      'a+b+c': 3,
      'b+c+d': 3,
    });
    const names = ruleNames(result);
    expect(names).toContain('a=>b+c'); // 3/3
    expect(names).toContain('=>b+c'); // supp 1
    expect(names).toContain('d=>b+c'); // 3/3
    expect(names).toContain('b+c=>a'); // 3/4
    expect(names).not.toContain('a=>d'); // {a, d} is not frequent
    const fromB = result.rules.filter((r) => r.rhs.length === 2 && r.lhs.join() === 'b');
    expect(fromB.map((r) => [r.rhs.join('+'), r.confidence])).toEqual([
      ['a+c', 0.75],
      ['c+d', 0.75],
    ]);
    // Per itemset: one-item rhs first, then two-item rhs, each lexicographically.
    const ofAbc = result.rules.filter((r) => [...r.lhs, ...r.rhs].sort().join('') === 'abc');
    expect(ruleNames({ ...result, rules: ofAbc })).toEqual([
      'b+c=>a',
      'a+c=>b',
      'a+b=>c',
      'c=>a+b',
      'b=>a+c',
      'a=>b+c',
    ]);
    expect(result.rules).toHaveLength(4 + 5 * 3 + 2 * 6);
    const single = apriori(tx, { minSupport: 0.75, minConfidence: 0.75 });
    expect(result.rules.filter((r) => r.rhs.length === 1)).toEqual(single.rules);
  });
});

describe('order does not matter', () => {
  it('shuffling items and transactions gives the same itemsets, rules and numbers', () => {
    const data = syntheticBaskets({ transactions: 400, items: 30, seed: 3 }).transactions;
    const options = { minSupport: 0.03, minConfidence: 0.3, maxConsequent: 2, trace: true };
    const base = apriori(data, options);
    expect(base.rules.length).toBeGreaterThan(20);
    for (const seed of [1, 2, 3]) {
      const mixed = shuffled(data, seed).map((tx, t) => shuffled(tx, seed * 1000 + t));
      expect(apriori(mixed, options)).toEqual(base);
    }
  });
});

describe('bad input', () => {
  it.each([
    ['minSupport 0', [['a']], { minSupport: 0 }, /Minimum support must be a number above 0/],
    ['minSupport 1.5', [['a']], { minSupport: 1.5 }, /at most 1, got 1.5/],
    ['minSupport NaN', [['a']], { minSupport: NaN }, /got NaN/],
    ['minConfidence −0.1', [['a']], { minConfidence: -0.1 }, /from 0 to 1, got -0.1/],
    ['minLen above maxLen', [['a']], { minLen: 3, maxLen: 2 }, /minLen \(3\) must not be above/],
    ['maxLen 0', [['a']], { maxLen: 0 }, /maxLen \(most items\) must be a whole number/],
    ['maxConsequent 1.5', [['a']], { maxConsequent: 1.5 }, /maxConsequent/],
    ['a string', 'a,b' as never, {}, /must be an array of transactions/],
    ['a number item', [['a', 3]] as never, {}, /all be strings or all be ids/],
    ['a negative id', [[1, -2]], {}, /at least 0, got -2 in transaction 1/],
    ['a null item', [['a'], [null]] as never, {}, /got null in transaction 2/],
    ['a transaction that is not an array', [['a'], 7] as never, {}, /Transaction 2 must be/],
  ])('%s', (_, tx, options, message) => {
    expect(() => apriori(tx as string[][], options)).toThrowError(CoreInputError);
    expect(() => apriori(tx as string[][], options)).toThrowError(message);
  });
});
