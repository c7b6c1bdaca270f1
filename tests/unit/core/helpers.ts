import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { createRng } from '../../../src/core';

export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** Seeded uniform numbers in [lo, hi) as nested arrays of the given shape. */
export function randomNested(
  shape: number[],
  seed: number,
  lo = -1,
  hi = 1,
): number[] | number[][] | number[][][] {
  const rng = createRng(seed);
  const build = (depth: number): number[] | number[][] | number[][][] => {
    const n = shape[depth]!;
    if (depth === shape.length - 1) return Array.from({ length: n }, () => rng.uniform(lo, hi));
    return Array.from({ length: n }, () => build(depth + 1)) as number[][] | number[][][];
  };
  return build(0);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let k = 0; k < a.length; k++) max = Math.max(max, Math.abs(a[k]! - b[k]!));
  return max;
}

export function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  const diff = maxAbsDiff(a, b);
  expect(diff, `max |a − b| = ${diff}`).toBeLessThanOrEqual(tol);
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
