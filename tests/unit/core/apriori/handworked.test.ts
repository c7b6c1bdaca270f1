import { describe, expect, it } from 'vitest';
import { apriori, type AssociationRule } from '../../../../src/core/apriori';

/**
 * The market-basket example of Tan, Steinbach & Kumar (Introduction to Data Mining, Table 6.1),
 * worked by hand. N = 5, minSupport 0.6 → an itemset needs 3 transactions; minConfidence 0.75.
 *
 *   counts: bread 4, milk 4, diapers 4, beer 3, cola 2, eggs 1
 *   pairs:  beer+diapers 3, bread+diapers 3, bread+milk 3, diapers+milk 3,
 *           beer+bread 2, beer+milk 2                                  (the last two fail)
 *   level 3: the only join is {bread, diapers} + {bread, milk} → {bread, diapers, milk};
 *            its subset {diapers, milk} is frequent, so it is counted: 2 (T4, T5) → fails.
 */
const baskets = [
  ['bread', 'milk'],
  ['bread', 'diapers', 'beer', 'eggs'],
  ['milk', 'diapers', 'beer', 'cola'],
  ['bread', 'milk', 'diapers', 'beer'],
  ['bread', 'milk', 'diapers', 'cola'],
];

type Expected = [string[], string[], number, number, number, number, number, number];
// lhs, rhs, count, support, confidence, lift, leverage, conviction — computed by hand:
//   {} ⇒ {y} (supp y = 0.8): conf 0.8, lift 1, leverage 0, conviction 0.2 / 0.2 = 1
//   beer ⇒ diapers: conf 3/3 = 1, lift 1/0.8 = 1.25, lev 0.6 − 0.6·0.8 = 0.12, conv ∞
//   diapers ⇒ beer: conf 3/4, lift 0.75/0.6 = 1.25, lev 0.6 − 0.8·0.6 = 0.12,
//                   conv (1 − 0.6)/(1 − 0.75) = 1.6
//   x ⇒ y among bread/diapers/milk: conf 3/4, lift 0.75/0.8 = 0.9375,
//                   lev 0.6 − 0.8·0.8 = −0.04, conv (1 − 0.8)/(1 − 0.75) = 0.8
const expectedRules: Expected[] = [
  [[], ['bread'], 4, 0.8, 0.8, 1, 0, 1],
  [[], ['diapers'], 4, 0.8, 0.8, 1, 0, 1],
  [[], ['milk'], 4, 0.8, 0.8, 1, 0, 1],
  [['diapers'], ['beer'], 3, 0.6, 0.75, 1.25, 0.12, 1.6],
  [['beer'], ['diapers'], 3, 0.6, 1, 1.25, 0.12, Infinity],
  [['diapers'], ['bread'], 3, 0.6, 0.75, 0.9375, -0.04, 0.8],
  [['bread'], ['diapers'], 3, 0.6, 0.75, 0.9375, -0.04, 0.8],
  [['milk'], ['bread'], 3, 0.6, 0.75, 0.9375, -0.04, 0.8],
  [['bread'], ['milk'], 3, 0.6, 0.75, 0.9375, -0.04, 0.8],
  [['milk'], ['diapers'], 3, 0.6, 0.75, 0.9375, -0.04, 0.8],
  [['diapers'], ['milk'], 3, 0.6, 0.75, 0.9375, -0.04, 0.8],
];

function expectRule(rule: AssociationRule, expected: Expected): void {
  const [lhs, rhs, count, support, confidence, lift, leverage, conviction] = expected;
  expect([rule.lhs, rule.rhs, rule.count]).toEqual([lhs, rhs, count]);
  expect(rule.support).toBeCloseTo(support, 12);
  expect(rule.confidence).toBeCloseTo(confidence, 12);
  expect(rule.lift).toBeCloseTo(lift, 12);
  expect(rule.leverage).toBeCloseTo(leverage, 12);
  if (conviction === Infinity) expect(rule.conviction).toBe(Infinity);
  else expect(rule.conviction).toBeCloseTo(conviction, 12);
}

describe('the textbook basket example, by hand', () => {
  const result = apriori(baskets, { minSupport: 0.6, minConfidence: 0.75 });

  it('finds every frequent itemset with its count, and nothing else', () => {
    expect(result.transactionCount).toBe(5);
    expect(result.minCount).toBe(3);
    expect(result.items).toEqual(['beer', 'bread', 'cola', 'diapers', 'eggs', 'milk']);
    expect(result.itemCounts).toEqual([3, 4, 2, 4, 1, 4]);
    expect(result.itemsets.map((s) => [s.items.join('+'), s.count])).toEqual([
      ['beer', 3],
      ['bread', 4],
      ['diapers', 4],
      ['milk', 4],
      ['beer+diapers', 3],
      ['bread+diapers', 3],
      ['bread+milk', 3],
      ['diapers+milk', 3],
    ]);
    for (const s of result.itemsets) expect(s.support).toBe(s.count / 5);
    expect(result.itemsets[4]!.ids).toEqual([0, 3]);
  });

  it('reports each level: candidates, pruned, counted, frequent', () => {
    expect(result.levels).toEqual([
      { level: 1, candidates: 6, pruned: 0, counted: 6, frequent: 4 },
      { level: 2, candidates: 6, pruned: 0, counted: 6, frequent: 4 },
      { level: 3, candidates: 1, pruned: 0, counted: 1, frequent: 0 },
    ]);
    expect(result.stoppedByMaxLen).toBe(false);
  });

  it('derives every rule with all five measures (to 1e-12), equal-to-threshold kept', () => {
    expect(result.rules).toHaveLength(expectedRules.length);
    result.rules.forEach((rule, r) => expectRule(rule, expectedRules[r]!));
    // beer's own support 0.6 < 0.75: no {} ⇒ {beer}; the 0.75 rules sit exactly at the bar.
    expect(result.rules.some((r) => r.lhs.length === 0 && r.rhs[0] === 'beer')).toBe(false);
    const first = result.rules[3]!;
    expect([first.lhsCount, first.rhsCount, first.coverage]).toEqual([4, 3, 0.8]);
  });

  it('drops the empty-lhs rules on request (or with minLen 2, as arules)', () => {
    const noEmpty = apriori(baskets, { minSupport: 0.6, minConfidence: 0.75, emptyLhs: false });
    const minLen2 = apriori(baskets, { minSupport: 0.6, minConfidence: 0.75, minLen: 2 });
    expect(noEmpty.rules).toEqual(result.rules.slice(3));
    expect(minLen2.rules).toEqual(result.rules.slice(3));
    expect(minLen2.itemsets.map((s) => s.items.length)).toEqual([2, 2, 2, 2]);
  });

  it('just above the bar drops the 0.75 rules and keeps beer ⇒ diapers', () => {
    const strict = apriori(baskets, { minSupport: 0.6, minConfidence: 0.7500001 });
    expect(strict.rules.map((r) => `${r.lhs} => ${r.rhs}`)).toEqual([
      ' => bread',
      ' => diapers',
      ' => milk',
      'beer => diapers',
    ]);
  });
});

describe('join and prune, traced', () => {
  it('prunes {a, b, c} because {b, c} is infrequent, and names its parents', () => {
    // counts a 4, b 3, c 3; pairs ab 2, ac 2, bc 1 (minCount 2)
    const tx = [
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'c'],
      ['b', 'c'],
    ];
    const result = apriori(tx, { minSupport: 0.4, minConfidence: 0, trace: true });
    const trace = result.trace!;
    expect(trace.minCount).toBe(2);
    const [l1, l2, l3] = trace.levels;
    expect(l1!.joined).toEqual([
      { items: [0], parents: null },
      { items: [1], parents: null },
      { items: [2], parents: null },
    ]);
    expect(l1!.counted).toEqual([
      { items: [0], count: 4 },
      { items: [1], count: 3 },
      { items: [2], count: 3 },
    ]);
    expect(l2!.joined[2]).toEqual({ items: [1, 2], parents: [[1], [2]] });
    expect(l2!.counted.map((c) => c.count)).toEqual([2, 2, 1]);
    expect(l2!.frequent).toEqual([
      { items: [0, 1], count: 2 },
      { items: [0, 2], count: 2 },
    ]);
    expect(l3).toEqual({
      level: 3,
      joined: [
        {
          items: [0, 1, 2],
          parents: [
            [0, 1],
            [0, 2],
          ],
        },
      ],
      pruned: [{ items: [0, 1, 2], infrequentSubset: [1, 2] }],
      counted: [],
      frequent: [],
      totals: { joined: 1, pruned: 1, counted: 0, frequent: 0 },
      truncated: false,
    });
    expect(trace.levels).toHaveLength(3);
    expect(result.levels[2]).toEqual({
      level: 3,
      candidates: 1,
      pruned: 1,
      counted: 0,
      frequent: 0,
    });
  });

  it('at level 4 names the lexicographically smallest infrequent 3-subset', () => {
    // Every pair is frequent (minCount 2); abc 2 and abd 2 are frequent, acd 1 and bcd 1 not.
    // {a,b,c} + {a,b,d} → {a,b,c,d}: its subsets acd and bcd both fail; acd < bcd.
    const tx = [
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'd'],
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
      ['b', 'c', 'd'],
      ['x'],
    ];
    const result = apriori(tx, { minSupport: 2 / 7, minConfidence: 0, trace: true });
    const l3 = result.trace!.levels[2]!;
    expect(l3.counted).toEqual([
      { items: [0, 1, 2], count: 2 },
      { items: [0, 1, 3], count: 2 },
      { items: [0, 2, 3], count: 1 },
      { items: [1, 2, 3], count: 1 },
    ]);
    const l4 = result.trace!.levels[3]!;
    expect(l4.joined).toEqual([
      {
        items: [0, 1, 2, 3],
        parents: [
          [0, 1, 2],
          [0, 1, 3],
        ],
      },
    ]);
    expect(l4.pruned).toEqual([{ items: [0, 1, 2, 3], infrequentSubset: [0, 2, 3] }]);
    expect(result.items.slice(0, 4)).toEqual(['a', 'b', 'c', 'd']);
    // The fast path (no trace) prunes the same candidates.
    const fast = apriori(tx, { minSupport: 2 / 7, minConfidence: 0 });
    expect(fast.levels).toEqual(result.levels);
    expect(fast.itemsets).toEqual(result.itemsets);
  });

  it('keeps trace lists consistent with the level summaries', () => {
    const tx = [
      ['a', 'b', 'c', 'd'],
      ['a', 'b', 'c'],
      ['a', 'b'],
      ['b', 'c', 'd'],
      ['a', 'd'],
    ];
    const result = apriori(tx, { minSupport: 0.2, minConfidence: 0.5, trace: true });
    const trace = result.trace!;
    expect(trace.levels.map((l) => l.level)).toEqual(result.levels.map((l) => l.level));
    trace.levels.forEach((l, i) => {
      const s = result.levels[i]!;
      expect(l.totals).toEqual({
        joined: s.candidates,
        pruned: s.pruned,
        counted: s.counted,
        frequent: s.frequent,
      });
      expect(l.joined).toHaveLength(s.candidates);
      expect(l.frequent).toEqual(l.counted.filter((c) => c.count >= trace.minCount));
      const frequentHere = result.itemsets.filter((x) => x.ids.length === l.level);
      expect(l.frequent).toEqual(frequentHere.map((x) => ({ items: x.ids, count: x.count })));
    });
  });

  it('cuts long trace lists at traceLimit, keeping exact totals', () => {
    const tx = Array.from({ length: 6 }, () => ['a', 'b', 'c', 'd', 'e', 'f']);
    const result = apriori(tx, { minSupport: 0.5, trace: true, traceLimit: 4 });
    const l2 = result.trace!.levels[1]!;
    expect(l2.joined).toHaveLength(4);
    expect(l2.totals.joined).toBe(15);
    expect(l2.truncated).toBe(true);
    expect(result.trace!.levels[0]!.truncated).toBe(true);
    expect(apriori(tx, { minSupport: 0.5 }).trace).toBeNull();
  });
});
