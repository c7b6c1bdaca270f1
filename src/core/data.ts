import { check, checkPositiveInt } from './errors';
import { createRng } from './random';

export interface MultiplicationTaskOptions {
  /** Number of samples; default 3000 (the course's). */
  samples?: number;
  /** Time steps per sample; default 100. */
  steps?: number;
  /** Default 0. */
  seed?: number | string;
}

/** The multiplication problem of CURRICULUM §5, as flat arrays ready for tf.tensor3d. */
export interface MultiplicationTask {
  samples: number;
  steps: number;
  features: 2;
  /**
   * [samples, steps, 2]: feature 0 is the marker (1 at exactly two steps, else 0), feature 1
   * a uniform number in [0, 1).
   */
  inputs: Float32Array;
  /** [samples]: the product of the two marked numbers. */
  targets: Float32Array;
  /** [samples, 2]: the two marked steps, in increasing order. */
  markers: Int32Array;
}

/** The most numbers a generated data set may hold. */
export const MAX_DATASET_NUMBERS = 1 << 25;

/**
 * The course's long-sequence task: each sample is `steps` × 2 features; the marker feature is 1
 * at two distinct random steps, the value feature uniform in [0, 1); the target is the product
 * of the two marked values. Seeded: same options, same data, bit for bit.
 */
export function multiplicationTask(options: MultiplicationTaskOptions = {}): MultiplicationTask {
  const N = checkPositiveInt(options.samples ?? 3000, 'The number of samples');
  const T = checkPositiveInt(options.steps ?? 100, 'The sequence length');
  check(T >= 2, () => `The sequence length must be at least 2 (two marked steps), got ${T}.`);
  check(
    N * T * 2 <= MAX_DATASET_NUMBERS,
    () => `${N} samples × ${T} steps is too large for the browser; use fewer samples or steps.`,
  );
  const rng = createRng(options.seed ?? 0);
  const inputs = new Float32Array(N * T * 2);
  const targets = new Float32Array(N);
  const markers = new Int32Array(N * 2);
  for (let n = 0; n < N; n++) {
    const base = n * T * 2;
    for (let t = 0; t < T; t++) inputs[base + t * 2 + 1] = rng.next();
    const first = rng.int(T);
    let second = rng.int(T - 1);
    if (second >= first) second++;
    const [a, b] = first < second ? [first, second] : [second, first];
    inputs[base + a * 2] = 1;
    inputs[base + b * 2] = 1;
    markers[n * 2] = a;
    markers[n * 2 + 1] = b;
    targets[n] = inputs[base + a * 2 + 1]! * inputs[base + b * 2 + 1]!;
  }
  return { samples: N, steps: T, features: 2, inputs, targets, markers };
}

/** The "hihello" next-character set of CURRICULUM §1 (or the same for another word). */
export interface NextCharacterTask {
  word: string;
  /** The word's characters (Unicode code points, so Korean words work). */
  chars: string[];
  /** Distinct characters in first-seen order: h, i, e, l, o for "hihello". */
  vocab: string[];
  vocabSize: number;
  /** Sequence length: characters − 1 (6 for "hihello"). */
  steps: number;
  /** Vocabulary index of characters 0 … n−2 [steps]. */
  inputIds: Int32Array;
  /** Vocabulary index of characters 1 … n−1 [steps]: the next character of each step. */
  targetIds: Int32Array;
  /** One-hot inputs [1, steps, vocabSize] (batch of one). */
  inputs: Float32Array;
  /** One-hot targets [1, steps, vocabSize]. */
  targets: Float32Array;
}

/**
 * Predict the next character: inputs are the word's characters 0 … n−2 one-hot over its own
 * vocabulary, targets characters 1 … n−1. The word must have 2 to 20 characters.
 */
export function nextCharacterTask(word = 'hihello'): NextCharacterTask {
  check(typeof word === 'string', 'The word must be text.');
  const chars = Array.from(word);
  check(
    chars.length >= 2 && chars.length <= 20,
    () => `The word must have 2 to 20 characters, "${word}" has ${chars.length}.`,
  );
  const vocab: string[] = [];
  for (const ch of chars) if (!vocab.includes(ch)) vocab.push(ch);
  const V = vocab.length;
  const T = chars.length - 1;
  const ids = chars.map((ch) => vocab.indexOf(ch));
  const inputIds = Int32Array.from(ids.slice(0, T));
  const targetIds = Int32Array.from(ids.slice(1));
  const inputs = new Float32Array(T * V);
  const targets = new Float32Array(T * V);
  for (let t = 0; t < T; t++) {
    inputs[t * V + inputIds[t]!] = 1;
    targets[t * V + targetIds[t]!] = 1;
  }
  return { word, chars, vocab, vocabSize: V, steps: T, inputIds, targetIds, inputs, targets };
}
