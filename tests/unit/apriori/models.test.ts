import { describe, expect, it } from 'vitest';
import { apriori } from '../../../src/core/apriori';
import type { MinedRule } from '../../../src/widgets/apriori/engine';
import {
  latticeGeometry,
  latticeLevels,
  stepAt,
  stepCount,
  type LatticeLevel,
} from '../../../src/widgets/apriori/latticeModel';
import { ruleItems, ruleKey } from '../../../src/widgets/apriori/miningStore';
import {
  contingencyMeasures,
  filterRules,
  liftDomain,
  markPieces,
  ruleText,
  scatterRules,
  sortRules,
} from '../../../src/widgets/apriori/rulesModel';

const rule = (lhs: string[], rhs: string[], m: Partial<MinedRule> = {}): MinedRule => ({
  lhs,
  rhs,
  count: 1,
  support: 0.1,
  confidence: 0.5,
  lift: 1,
  leverage: 0,
  conviction: 1,
  ...m,
});

describe('rules table helpers', () => {
  const rules = [
    rule(['rain'], ['umbrella'], { lift: 3, support: 0.2, conviction: Infinity }),
    rule(['exam'], ['library'], { lift: 2, support: 0.3, conviction: 2 }),
    rule(['coffee', 'cafe'], ['cake'], { lift: 2, support: 0.1, conviction: 1.5 }),
  ];
  it('sorts by a measure, ties by rule text, Infinity largest, both directions', () => {
    expect(sortRules(rules, 'lift', true).map(ruleText)).toEqual([
      '{rain} ⇒ {umbrella}',
      '{coffee, cafe} ⇒ {cake}',
      '{exam} ⇒ {library}',
    ]);
    expect(sortRules(rules, 'conviction', true)[0]!.lhs).toEqual(['rain']);
    expect(sortRules(rules, 'support', false).map((r) => r.support)).toEqual([0.1, 0.2, 0.3]);
    expect(sortRules(rules, 'rule', false).map((r) => r.lhs[0])).toEqual([
      'coffee',
      'exam',
      'rain',
    ]);
    expect(rules[0]!.lhs).toEqual(['rain']); // the input is not reordered
  });
  it('filters by words on either side or one side', () => {
    expect(filterRules(rules, 'CAKE').map((r) => r.rhs[0])).toEqual(['cake']);
    expect(filterRules(rules, 'cake', 'lhs')).toEqual([]);
    expect(filterRules(rules, 'coffee cake')).toHaveLength(1);
    expect(filterRules(rules, ' , ')).toHaveLength(3);
    expect(filterRules(rules, 'xyz')).toEqual([]);
  });
  it('keeps the highest-lift rules for the scatter plot, ordered by support', () => {
    const many = Array.from({ length: 10 }, (_, i) =>
      rule([`a${i}`], ['b'], { lift: i + 1, support: 1 - i / 10 }),
    );
    const kept = scatterRules(many, 3);
    expect(kept.map((r) => r.lift)).toEqual([10, 9, 8]);
    expect(kept.map((r) => r.support)).toEqual([...kept.map((r) => r.support)].sort());
  });
  it('makes a lift colour domain symmetric on a log scale around 1', () => {
    expect(
      liftDomain([rule(['a'], ['b'], { lift: 4 }), rule(['c'], ['d'], { lift: 0.5 })]),
    ).toEqual([0.25, 1, 4]);
    expect(liftDomain([])).toEqual([0.5, 1, 2]);
  });
  it('round-trips a rule key to its items', () => {
    expect(ruleItems(ruleKey({ lhs: ['a b', 'c'], rhs: ['d'] }))).toEqual(['a b', 'c', 'd']);
  });
});

describe('contingency measures', () => {
  it('gives the five measures from the four cells', () => {
    const { N, nX, nY, measures } = contingencyMeasures({
      both: 6,
      xOnly: 2,
      yOnly: 4,
      neither: 8,
    });
    expect([N, nX, nY]).toEqual([20, 8, 10]);
    expect(measures!.support).toBeCloseTo(0.3);
    expect(measures!.confidence).toBeCloseTo(0.75);
    expect(measures!.lift).toBeCloseTo(1.5);
    expect(measures!.leverage).toBeCloseTo(0.3 - 0.4 * 0.5);
    expect(measures!.conviction).toBeCloseTo(0.5 / 0.25);
  });
  it('is independent when both·neither = xOnly·yOnly, and conviction is ∞ at confidence 1', () => {
    const flat = contingencyMeasures({ both: 2, xOnly: 4, yOnly: 3, neither: 6 }).measures!;
    expect(flat.lift).toBeCloseTo(1);
    expect(flat.leverage).toBeCloseTo(0);
    expect(
      contingencyMeasures({ both: 3, xOnly: 0, yOnly: 1, neither: 1 }).measures!.conviction,
    ).toBe(Infinity);
    expect(contingencyMeasures({ both: 0, xOnly: 0, yOnly: 1, neither: 1 }).measures).toBeNull();
  });
});

describe('marking a rule in a sentence', () => {
  it('marks condition and result words as the miner spelled them', () => {
    const pieces = markPieces('Rain again, so the Umbrella!', ['rain'], ['umbrella'], 'sentences');
    expect(pieces.filter((p) => p.mark)).toEqual([
      { text: 'Rain', mark: 'lhs' },
      { text: 'Umbrella', mark: 'rhs' },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe('Rain again, so the Umbrella!');
  });
  it('uses the normaliser (particles stripped) and whole items for baskets', () => {
    const strip = (t: string) => t.replace(/을$/, '');
    const ko = markPieces('비가 와서 우산을 폈다', ['비가'], ['우산'], 'sentences', strip);
    expect(ko.filter((p) => p.mark).map((p) => p.text)).toEqual(['비가', '우산을']);
    const basket = markPieces('pasta, tomato sauce, milk', ['pasta'], ['tomato sauce'], 'baskets');
    expect(basket.filter((p) => p.mark).map((p) => p.text)).toEqual(['pasta', 'tomato sauce']);
  });
});

describe('the lattice animation', () => {
  // {a,b,c} frequent pairs ab, ac but not bc → abc is pruned at level 3 because of {b,c}.
  const data = [['a', 'b'], ['a', 'b'], ['a', 'c'], ['a', 'c'], ['b', 'c', 'd'], ['d']];
  const { trace } = apriori(data, { minSupport: 2 / 6, minConfidence: 0, trace: true });

  it('has four steps per level', () => {
    expect(stepCount(trace)).toBe(trace!.levels.length * 4);
    expect(stepCount(null)).toBe(0);
    expect(stepAt(0)).toEqual({ levelIndex: 0, phase: 'joined' });
    expect(stepAt(7)).toEqual({ levelIndex: 1, phase: 'kept' });
  });
  it('shows each level as it goes: joined, pruned, counted, kept', () => {
    const status = (levels: LatticeLevel[], level: number) =>
      Object.fromEntries(
        levels[level - 1]!.nodes.map((n) => [
          n.items.map((i) => 'abcd'[i]).join(''),
          n.status + (n.count === null ? '' : `:${n.count}`),
        ]),
      );
    expect(latticeLevels(trace!, 0)).toHaveLength(1);
    expect(status(latticeLevels(trace!, 0), 1)).toEqual({
      a: 'joined',
      b: 'joined',
      c: 'joined',
      d: 'joined',
    });
    expect(status(latticeLevels(trace!, 2), 1)).toEqual({
      a: 'counted:4',
      b: 'counted:3',
      c: 'counted:3',
      d: 'counted:2',
    });
    // Level 2 kept: ab and ac (2 each); bc, bd, cd once; ad never.
    const kept2 = status(latticeLevels(trace!, 7), 2);
    expect(kept2.ab).toBe('kept:2');
    expect(kept2.bc).toBe('infrequent:1');
    // Level 3: abc joined from ab + ac, then pruned for {b, c}.
    const joined3 = latticeLevels(trace!, 8).at(-1)!.nodes[0]!;
    expect(joined3.status).toBe('joined');
    expect(joined3.parents).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(joined3.killer).toBeNull();
    const pruned3 = latticeLevels(trace!, 9).at(-1)!.nodes[0]!;
    expect(pruned3.status).toBe('pruned');
    expect(pruned3.killer).toEqual([1, 2]);
    expect(pruned3.count).toBeNull();
  });
  it('draws frequent candidates first when a level has too many, and counts the rest', () => {
    const second = latticeLevels(trace!, 7, 3)[1]!;
    // ab and ac are frequent; bc is drawn too because it kills abc one level up.
    expect(second.nodes.map((n) => n.items.map((i) => 'abcd'[i]).join(''))).toEqual([
      'ab',
      'ac',
      'bc',
    ]);
    expect(second.nodes.map((n) => n.status)).toEqual(['kept', 'kept', 'infrequent']);
    expect(second.hidden).toBe(second.totals.joined - 3);
    const tight = latticeLevels(trace!, 7, 2)[1]!;
    expect(tight.nodes.map((n) => n.status)).toEqual(['kept', 'infrequent']);
  });
  it('wraps nodes in rows by width and stacks the levels', () => {
    const levels = latticeLevels(trace!, 7);
    const wide = latticeGeometry(levels, 1000);
    const narrow = latticeGeometry(levels, 300);
    expect(narrow.height).toBeGreaterThan(wide.height);
    for (const g of [wide, narrow]) {
      for (const box of g.boxes) expect(box.x + g.nodeWidth).toBeLessThanOrEqual(g.width);
    }
    expect(wide.bands.map((b) => b.level)).toEqual([1, 2]);
    expect(wide.bands[1]!.y).toBeGreaterThan(wide.bands[0]!.y);
  });
});
