import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TrainingInputError,
  restoreWeights,
  snapshotWeights,
  splitValidation,
  train,
  type TrainOptions,
} from '../../../../src/core/training';
import { disposeAll, lineData, lineModel, useCpu, valuesOf } from './fixtures';

beforeAll(useCpu);

const data = lineData(10, 1);
const model = lineModel();
afterAll(() => disposeAll(model, data.xs, data.ys));

/** train() must throw a TrainingInputError synchronously, with a message matching `pattern`. */
function rejects(options: TrainOptions, pattern: RegExp): void {
  let error: unknown = null;
  try {
    void train(model, data, options).done;
  } catch (e) {
    error = e;
  }
  expect(error, JSON.stringify(options)).toBeInstanceOf(TrainingInputError);
  expect((error as Error).name).toBe('TrainingInputError');
  expect((error as Error).message).toMatch(pattern);
}

describe('bad options throw TrainingInputError with a readable message', () => {
  it('learning rate ≤ 0, NaN or infinite', () => {
    rejects({ learningRate: 0 }, /learning rate must be a finite number above 0, got 0\./);
    rejects({ learningRate: -0.1 }, /learning rate .* got -0\.1\./);
    rejects({ learningRate: Number.NaN }, /learning rate .* got NaN\./);
    rejects({ learningRate: Number.POSITIVE_INFINITY }, /got Infinity\./);
    rejects({ optimizer: 'sgd', learningRate: -1 }, /learning rate/);
  });

  it('batch size, epochs and yieldEvery that are not whole numbers ≥ 1', () => {
    rejects({ batchSize: 0 }, /batch size must be a whole number from 1 .* got 0\./);
    rejects({ batchSize: 2.5 }, /batch size .* got 2\.5\./);
    rejects({ epochs: 0 }, /number of epochs must be a whole number from 1 to 100,000, got 0\./);
    rejects({ yieldEvery: 0 }, /yieldEvery/);
  });

  it('a validation split outside [0, 1), or one that leaves a part empty', () => {
    rejects({ validationSplit: 1 }, /validation split must be a fraction from 0 .* got 1\./);
    rejects({ validationSplit: 1.5 }, /got 1\.5\./);
    rejects({ validationSplit: -0.1 }, /got -0\.1\./);
    rejects({ validationSplit: Number.NaN }, /got NaN\./);
    // 10 samples at 0.01: ⌊9.9⌋ = 9 for training, 1 for validation (Keras's rounding); a split
    // so small that 1 − f rounds to 1 leaves nothing to validate on.
    expect(splitValidation(10, 0.01).validation.length).toBe(1);
    rejects({ validationSplit: 1e-20 }, /leaves 10 for training and 0 for validation/);
    rejects({ validationSplit: 0.95 }, /leaves 0 for training and 10 for validation/);
  });

  it('a clipping threshold ≤ 0 or a clipping mode that does not exist', () => {
    rejects(
      { clip: { mode: 'global', threshold: 0 } },
      /clipping threshold must be a number above 0, got 0\./,
    );
    rejects({ clip: { mode: 'per-tensor', threshold: -1 } }, /got -1\./);
    rejects({ clip: { mode: 'global', threshold: Number.NaN } }, /got NaN\./);
    rejects(
      { clip: { mode: 'sideways' } as never },
      /clipping mode must be "none", "per-tensor" or "global", got "sideways"\./,
    );
    rejects(
      { clip: { mode: 'global', threshold: 1, style: 'tf' } as never },
      /style must be "keras" or "pytorch"/,
    );
  });

  it('other options: optimizer, weight decay, Adam constants, seed, shuffle', () => {
    rejects(
      { optimizer: 'rmsprop' as never },
      /optimizer must be "adam" or "sgd", got "rmsprop"\./,
    );
    rejects({ weightDecay: -1 }, /weight decay λ must be a number of at least 0, got -1\./);
    rejects({ adam: { beta1: 1 } }, /beta1 must be a number in \[0, 1\), got 1\./);
    rejects({ adam: { epsilon: 0 } }, /epsilon must be a number above 0/);
    rejects({ seed: Number.NaN }, /seed must be a number or text/);
    rejects({ shuffle: 'yes' as never }, /shuffle must be true or false/);
  });
});

describe('bad data or model throw TrainingInputError', () => {
  const expectInputError = (fn: () => unknown, pattern: RegExp) => {
    expect(fn).toThrow(TrainingInputError);
    expect(fn).toThrow(pattern);
  };

  it('empty data, mismatched sample counts', () => {
    const empty = { xs: tf.zeros([0, 1]), ys: tf.zeros([0, 1]) };
    expectInputError(() => train(model, empty), /data set is empty: xs has 0 samples/);
    const mismatched = { xs: tf.zeros([4, 1]), ys: tf.zeros([3, 1]) };
    expectInputError(() => train(model, mismatched), /xs has 4 samples but ys has 3/);
    disposeAll(empty.xs, empty.ys, mismatched.xs, mismatched.ys);
  });

  it('non-finite inputs or targets, up front, naming the sample', () => {
    const xs = tf.tensor2d([[0], [1], [Number.NaN], [3]]);
    const ys = tf.tensor2d([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, Number.POSITIVE_INFINITY],
    ]);
    const good = tf.zeros([4, 1]);
    expectInputError(() => train(model, { xs, ys: good }), /inputs \(xs\) contain NaN at sample 2/);
    expectInputError(
      () => train(model, { xs: good, ys }),
      /targets \(ys\) contain Infinity at sample 3 \(value 7\)/,
    );
    disposeAll(xs, ys, good);
  });

  it('a model without variables, with a disposed one, or without a loss', () => {
    expectInputError(
      () => train({ variables: [], loss: model.loss }, data),
      /no variables to train/,
    );
    const gone = tf.tidy(() => tf.variable(tf.zeros([1])));
    gone.dispose();
    expectInputError(
      () => train({ variables: [gone], loss: model.loss }, data),
      /not a live tf\.Variable/,
    );
    expectInputError(
      () => train({ variables: model.variables } as never, data),
      /needs a loss\(xs, ys, training\) function/,
    );
  });

  it('nothing is trained when train() throws', () => {
    const before = valuesOf(model.variables);
    const tensors = tf.memory().numTensors;
    expect(() => train(model, data, { learningRate: -1 })).toThrow(TrainingInputError);
    expect(valuesOf(model.variables)).toEqual(before);
    expect(tf.memory().numTensors).toBe(tensors);
  });
});

describe('snapshots', () => {
  it('restoreWeights puts the values back, and refuses a snapshot of another shape', () => {
    const a = tf.tidy(() => tf.variable(tf.tensor2d([[1, 2]])));
    const b = tf.tidy(() => tf.variable(tf.tensor1d([3])));
    const snap = snapshotWeights([a, b], 4);
    expect(snap.step).toBe(4);
    expect(snap.shapes).toEqual([[1, 2], [1]]);
    tf.tidy(() => a.assign(tf.tensor2d([[9, 9]])));
    const tensors = tf.memory().numTensors;
    restoreWeights([a, b], snap);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(valuesOf([a, b])).toEqual([[1, 2], [3]]);
    const c = tf.tidy(() => tf.variable(tf.zeros([2, 1])));
    expect(() => restoreWeights([c, b], snap)).toThrow(
      /has shape \[2, 1\] but the snapshot has \[1, 2\]/,
    );
    expect(() => restoreWeights([a], snap)).toThrow(/holds 2 weight tensors but the model has 1/);
    disposeAll(a, b, c);
  });
});
