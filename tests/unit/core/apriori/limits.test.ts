import { describe, expect, it } from 'vitest';
import {
  MiningLimitError,
  apriori,
  aprioriAsync,
  syntheticBaskets,
  type AprioriProgress,
} from '../../../../src/core/apriori';

const wide = (width: number, copies = 1): string[][] =>
  Array.from({ length: copies }, () => Array.from({ length: width }, (_, i) => `w${i}`));

describe('MiningLimitError instead of a frozen page', () => {
  it('stops at level 2 when 700 items are all frequent (244,650 pairs)', () => {
    const run = () => apriori(wide(700), { minSupport: 0.001 });
    expect(run).toThrowError(MiningLimitError);
    try {
      run();
    } catch (error) {
      const e = error as MiningLimitError;
      expect([e.level, e.candidates, e.limit, e.stage]).toEqual([2, 244_650, 200_000, 'count']);
      expect(e.messages.en).toBe(
        'Mining stopped at level 2: 244,650 candidate itemsets would have to be counted, ' +
          'over the limit of 200,000 (minimum support 0.001). Try a higher minimum support.',
      );
      expect(e.messages.ko).toContain('최소 지지도를 높여 보세요');
      expect(e.messages.ko).toContain('244,650');
      expect(e.message).toBe(e.messages.en);
      expect(e.name).toBe('MiningLimitError');
    }
  });

  it('reports the exact count of a later level that is too large', () => {
    // 30 items always together: level 2 has 435 candidates, level 3 has 4,060.
    const run = () => apriori(wide(30, 2), { minSupport: 0.5, maxCandidates: 1000 });
    expect(run).toThrowError(/level 3: 4,060 candidate itemsets/);
    expect(
      apriori(wide(30, 2), { minSupport: 0.5, maxCandidates: 1000, maxLen: 2 }).itemsets,
    ).toHaveLength(30 + 435);
  });

  it('refuses a join that would pair up more than 10 × maxCandidates', () => {
    // 40 items always together: 780 pairs (under 800), then a join of C(40, 3) = 9,880.
    try {
      apriori(wide(40, 2), { minSupport: 0.5, maxCandidates: 800 });
      expect.unreachable();
    } catch (error) {
      const e = error as MiningLimitError;
      expect([e.level, e.stage, e.candidates, e.limit]).toEqual([3, 'join', 9880, 8000]);
      expect(e.messages.en).toContain('the join would form 9,880 candidates (limit 8,000');
      expect(e.messages.ko).toContain('3단계의 결합(join)');
    }
  });
});

describe('progress and cancelling', () => {
  const data = syntheticBaskets({ transactions: 3000, items: 120, seed: 5 }).transactions;

  it('calls onProgress once per level with the level summaries', () => {
    const seen: AprioriProgress[] = [];
    const result = apriori(data, { minSupport: 0.005, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual(result.levels);
    expect(seen.map((p) => p.level)).toEqual(seen.map((_, i) => i + 1));
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });

  it('throws the abort reason when the signal is already aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => apriori(data, { signal: controller.signal })).toThrowError(
      expect.objectContaining({ name: 'AbortError' }),
    );
  });

  it('stops between levels when aborted from a progress callback', () => {
    const controller = new AbortController();
    const levels: number[] = [];
    const run = () =>
      apriori(data, {
        minSupport: 0.005,
        signal: controller.signal,
        onProgress: ({ level }) => {
          levels.push(level);
          if (level === 2) controller.abort(new Error('stop at 2'));
        },
      });
    expect(run).toThrowError('stop at 2');
    expect(levels).toEqual([1, 2]);
  });

  it('checks the signal inside a level, not only between levels', () => {
    let checks = 0;
    const checksAtLevel: number[] = [];
    const signal = {
      aborted: false,
      throwIfAborted: () => void checks++,
    } as unknown as AbortSignal;
    apriori(data, {
      minSupport: 0.002,
      signal,
      onProgress: () => checksAtLevel.push(checks),
    });
    const perLevel = checksAtLevel.map((c, i) => c - (checksAtLevel[i - 1] ?? 0));
    expect(Math.max(...perLevel)).toBeGreaterThan(2);
  });

  it('aprioriAsync gives the same result and can be aborted mid-run', async () => {
    const sync = apriori(data, { minSupport: 0.004, trace: true });
    const async = await aprioriAsync(data, { minSupport: 0.004, trace: true, sliceMs: 0 });
    expect(async).toEqual(sync);

    const controller = new AbortController();
    let levels = 0;
    const pending = aprioriAsync(data, {
      minSupport: 0.002,
      sliceMs: 0,
      signal: controller.signal,
      onProgress: () => {
        levels++;
        // Abort from outside the run (as a worker's message handler would), one turn later.
        if (levels === 1) setImmediate(() => controller.abort());
      },
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(levels).toBeLessThan(4);
  });
});
