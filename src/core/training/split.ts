import { mulberry32, seedFrom } from '../random';
import { ensure, isFiniteNumber, show } from './errors';

/** Sample indices for training and for validation. */
export interface ValidationSplit {
  /** 0 … splitAt − 1. */
  train: Int32Array;
  /** splitAt … n − 1: the last fraction, as Keras's `validation_split` takes it. */
  validation: Int32Array;
  splitAt: number;
}

const range = (from: number, to: number): Int32Array =>
  Int32Array.from({ length: to - from }, (_, k) => from + k);

/**
 * Keras's `validation_split`: the last `fraction` of the samples, taken before any shuffling,
 * with splitAt = ⌊n·(1 − fraction)⌋ (so 10 samples at 0.25 keep 7 for training). A fraction of
 * 0 keeps everything for training. Throws when either part would be empty.
 */
export function splitValidation(n: number, fraction: number): ValidationSplit {
  ensure(
    typeof n === 'number' && Number.isInteger(n) && n >= 1,
    () => `The number of samples must be a whole number of at least 1, got ${show(n)}.`,
  );
  ensure(
    isFiniteNumber(fraction) && fraction >= 0 && fraction < 1,
    () => `The validation split must be a number in [0, 1), got ${show(fraction)}.`,
  );
  if (fraction === 0) return { train: range(0, n), validation: new Int32Array(0), splitAt: n };
  const splitAt = Math.floor(n * (1 - fraction));
  ensure(
    splitAt > 0 && splitAt < n,
    () =>
      `A validation split of ${fraction} of ${n} samples leaves ${splitAt} for training and ` +
      `${n - splitAt} for validation; both need at least one. Use more data or another split.`,
  );
  return { train: range(0, splitAt), validation: range(splitAt, n), splitAt };
}

/** A seeded stream of epoch orders: each call shuffles 0 … n − 1 anew (Fisher–Yates). */
export function createShuffler(seed: number | string): (n: number) => Int32Array {
  const next = mulberry32(seedFrom(seed));
  return (n) => {
    const order = range(0, n);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    return order;
  };
}
