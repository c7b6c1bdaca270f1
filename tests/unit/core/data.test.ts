import { describe, expect, it } from 'vitest';
import { CoreInputError, multiplicationTask, nextCharacterTask } from '../../../src/core';

describe('multiplication task (CURRICULUM §5)', () => {
  it('N × T × 2, two distinct markers, uniform values, target = product', () => {
    const d = multiplicationTask({ samples: 200, steps: 100, seed: 1 });
    expect(d.inputs.length).toBe(200 * 100 * 2);
    expect(d.targets.length).toBe(200);
    for (let n = 0; n < 200; n++) {
      const marked: number[] = [];
      for (let t = 0; t < 100; t++) {
        const marker = d.inputs[(n * 100 + t) * 2]!;
        const value = d.inputs[(n * 100 + t) * 2 + 1]!;
        expect(marker === 0 || marker === 1).toBe(true);
        expect(value >= 0 && value < 1).toBe(true);
        if (marker === 1) marked.push(t);
      }
      expect(marked).toEqual([d.markers[n * 2], d.markers[n * 2 + 1]]);
      const product =
        d.inputs[(n * 100 + marked[0]!) * 2 + 1]! * d.inputs[(n * 100 + marked[1]!) * 2 + 1]!;
      expect(d.targets[n]).toBe(Math.fround(product));
    }
    // Mean of a uniform [0, 1) is about 0.5, the product's about 0.25.
    const mean = d.targets.reduce((a, b) => a + b, 0) / 200;
    expect(mean).toBeGreaterThan(0.18);
    expect(mean).toBeLessThan(0.32);
  });

  it('is seeded, with course defaults 3000 × 100', () => {
    const a = multiplicationTask({ samples: 5, steps: 10, seed: 'x' });
    const b = multiplicationTask({ samples: 5, steps: 10, seed: 'x' });
    const c = multiplicationTask({ samples: 5, steps: 10, seed: 'y' });
    expect(Array.from(a.inputs)).toEqual(Array.from(b.inputs));
    expect(Array.from(a.inputs)).not.toEqual(Array.from(c.inputs));
    const full = multiplicationTask();
    expect([full.samples, full.steps, full.features]).toEqual([3000, 100, 2]);
  });

  it('rejects impossible sizes', () => {
    expect(() => multiplicationTask({ steps: 1 })).toThrow(CoreInputError);
    expect(() => multiplicationTask({ samples: 0 })).toThrow(/at least 1/);
    expect(() => multiplicationTask({ samples: 1e6, steps: 1000 })).toThrow(/too large/);
  });
});

describe('"hihello" next-character set (CURRICULUM §1)', () => {
  it('vocabulary h, i, e, l, o; 6 steps; one-hot inputs 0..n−2, targets 1..n−1', () => {
    const d = nextCharacterTask();
    expect(d.vocab).toEqual(['h', 'i', 'e', 'l', 'o']);
    expect(d.steps).toBe(6);
    expect(Array.from(d.inputIds)).toEqual([0, 1, 0, 2, 3, 3]); // h i h e l l
    expect(Array.from(d.targetIds)).toEqual([1, 0, 2, 3, 3, 4]); // i h e l l o
    expect(d.inputs.length).toBe(6 * 5);
    expect(Array.from(d.inputs.subarray(0, 10))).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(Array.from(d.targets.subarray(25, 30))).toEqual([0, 0, 0, 0, 1]);
  });

  it('takes a learner word of 2–20 characters, Korean included', () => {
    const d = nextCharacterTask('안녕안녕하세요');
    expect(d.vocab).toEqual(['안', '녕', '하', '세', '요']);
    expect(d.steps).toBe(6);
    expect(() => nextCharacterTask('a')).toThrow(/2 to 20 characters/);
    expect(() => nextCharacterTask('x'.repeat(21))).toThrow(CoreInputError);
    expect(() => nextCharacterTask(5 as never)).toThrow(CoreInputError);
  });
});
