import { describe, expect, it } from 'vitest';
import { CoreInputError } from '../../../../src/core';
import { GROCERY_NAMES, apriori, syntheticBaskets } from '../../../../src/core/apriori';

describe('syntheticBaskets', () => {
  const data = syntheticBaskets({ transactions: 5000, items: 170, seed: 11 });

  it('is reproducible from its seed', () => {
    expect(syntheticBaskets({ transactions: 5000, items: 170, seed: 11 })).toEqual(data);
    const other = syntheticBaskets({ transactions: 5000, items: 170, seed: 12 });
    expect(other.transactions).not.toEqual(data.transactions);
  });

  it('looks like shopping data: ~4–5 items a basket, a few very common items, a long tail', () => {
    const sizes = data.transactions.map((t) => t.length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(4);
    expect(mean).toBeLessThan(5.5);
    expect(Math.min(...sizes)).toBe(1);
    expect(data.transactions.every((t) => new Set(t).size === t.length)).toBe(true);
    const result = apriori(data.transactions, { minSupport: 0.0001, maxLen: 1 });
    const byName = new Map(result.itemsets.map((s) => [s.items[0], s.support]));
    expect(byName.get('whole milk')).toBeGreaterThan(0.2);
    expect(byName.get('whole milk')).toBeLessThan(0.35);
    expect(Math.min(...byName.values())).toBeLessThan(0.01);
    expect(data.items.slice(0, 3)).toEqual(['whole milk', 'vegetables', 'rolls']);
    expect(data.items[169]).toBe('item 170');
    expect(GROCERY_NAMES.length).toBeGreaterThan(100);
    expect(data.description.ko).toContain('합성');
  });

  it('plants associations that mining finds again', () => {
    expect(data.planted).toHaveLength(5);
    const result = apriori(data.transactions, { minSupport: 0.004, minConfidence: 0.5 });
    for (const plant of data.planted) {
      const rule = result.rules.find(
        (r) => r.lhs.join('|') === [...plant.lhs].sort().join('|') && r.rhs[0] === plant.rhs,
      );
      expect(rule, `${plant.lhs} => ${plant.rhs}`).toBeDefined();
      expect(rule!.confidence).toBeGreaterThan(plant.confidence - 0.08);
      expect(rule!.lift).toBeGreaterThan(1.5);
    }
  });

  it('drops plants whose items do not exist with few items, and checks its options', () => {
    expect(syntheticBaskets({ transactions: 10, items: 30, seed: 1 }).planted).toEqual([]);
    expect(syntheticBaskets({ transactions: 0, items: 5, seed: 1 }).transactions).toEqual([]);
    expect(() => syntheticBaskets({ transactions: -1, items: 5, seed: 1 })).toThrowError(
      CoreInputError,
    );
    expect(() => syntheticBaskets({ transactions: 5, items: 0, seed: 1 })).toThrowError(
      /number of items/,
    );
  });
});
