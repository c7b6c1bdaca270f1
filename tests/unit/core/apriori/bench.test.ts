/**
 * Timings only — nothing here asserts a time. 10,000 synthetic baskets × 170 items (the shape
 * of arules' Groceries: 9,835 baskets × 169 items, which arules mines in ~12 ms at support
 * 0.01 and ~20 ms at 0.001 on the reference machine). Run it alone for steadier numbers:
 *   npx vitest run --project unit tests/unit/core/apriori/bench.test.ts
 * Runs only with GATEBOOK_BENCH=1 (npm run bench).
 */
import { describe, expect, it } from 'vitest';
import { apriori, syntheticBaskets, type AprioriOptions } from '../../../../src/core/apriori';

const REPS = 21;

interface Timing {
  median: number;
  min: number;
}

/** Runs the variants in turn (interleaved, so a busy spell on the machine hits all alike). */
function time(runs: (() => unknown)[]): Timing[] {
  for (let rep = 0; rep < 5; rep++) for (const run of runs) run(); // let the JIT settle
  const times = runs.map(() => [] as number[]);
  for (let rep = 0; rep < REPS; rep++) {
    runs.forEach((run, v) => {
      const t0 = performance.now();
      run();
      times[v]!.push(performance.now() - t0);
    });
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return { median: t[REPS >> 1]!, min: t[0]! };
  });
}

// Timings belong to `npm run bench`, not to the test suite: this file runs only there.
describe.skipIf(!process.env.GATEBOOK_BENCH)('benchmark (logs only)', () => {
  const data = syntheticBaskets({ transactions: 10_000, items: 170, seed: 1 }).transactions;

  it.each([0.01, 0.001])('10,000 baskets × 170 items at minSupport %f, minConfidence 0.5', (s) => {
    const options: AprioriOptions = { minSupport: s, minConfidence: 0.5 };
    const result = apriori(data, options);
    const [rules, itemsets] = time([
      () => apriori(data, options),
      () => apriori(data, { ...options, target: 'itemsets' }),
    ]) as [Timing, Timing];
    // Alone: the trace's garbage would slow the others down.
    const [traced] = time([() => apriori(data, { ...options, trace: true })]) as [Timing];
    const ms = (t: Timing) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)})`;
    console.log(
      [
        `apriori minSupport ${s}: ${result.itemsets.length} itemsets, ${result.rules.length} rules`,
        `  levels (candidates/pruned/frequent): ` +
          result.levels.map((l) => `${l.candidates}/${l.pruned}/${l.frequent}`).join(' '),
        `  itemsets + rules: ${ms(rules)}`,
        `  itemsets only:    ${ms(itemsets)}`,
        `  with trace:       ${ms(traced)}`,
      ].join('\n'),
    );
    expect(result.itemsets.length).toBeGreaterThan(0);
  });
});
