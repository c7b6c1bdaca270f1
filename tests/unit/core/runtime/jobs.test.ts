import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoreInputError, train } from '../../../../src/core';
import { buildJob, checkJob, createCellModel, type TrainingJob } from '../../../../src/core/worker';
import { useCpu } from '../helpers';

beforeAll(useCpu);

const multiplication: TrainingJob = {
  kind: 'cell-regression',
  cell: { kind: 'lstm', units: 4 },
  data: { task: 'multiplication', samples: 32, steps: 8, seed: 1 },
  init: { seed: 2 },
  options: { learningRate: 0.01, epochs: 2, batchSize: 8 },
};

const hihello: TrainingJob = {
  kind: 'next-character',
  cell: { kind: 'gru', units: 8, convention: 'pytorch' },
  init: { seed: 4 },
  options: { learningRate: 0.05, epochs: 60, batchSize: 1 },
};

describe('training jobs as plain data', () => {
  it('refuses what is not a job, saying what is wrong', () => {
    const bad: [unknown, RegExp][] = [
      [null, /must be an object/],
      [{ kind: 'mnist' }, /Unknown training job kind "mnist"/],
      [{ kind: 'next-character' }, /needs a cell/],
      [{ kind: 'next-character', cell: { kind: 'lstm', units: 2, inputSize: 3 } }, /inputSize/],
      [{ kind: 'cell-regression', cell: { kind: 'lstm', units: 2 } }, /task: "multiplication"/],
      [{ ...hihello, options: { weightDecayOn: () => true } }, /plain data \(no functions\)/],
    ];
    for (const [job, message] of bad) {
      expect(() => checkJob(job)).toThrow(CoreInputError);
      expect(() => checkJob(job)).toThrow(message);
    }
    expect(checkJob(hihello)).toBe(hihello);
    expect(() => buildJob({ ...hihello, word: 'x' })).toThrow(/2 to 20 characters/);
  });

  it('builds the multiplication task: LSTM → Dense(1) with Keras shapes', () => {
    const before = tf.memory().numTensors;
    const built = buildJob(multiplication);
    expect(built.model.variables.map((v) => v.shape)).toEqual([
      [2, 16],
      [4, 16],
      [16],
      [4, 1],
      [1],
    ]);
    expect(built.data.xs.shape).toEqual([32, 8, 2]);
    expect(built.data.ys.shape).toEqual([32, 1]);
    const out = built.model.predict(built.data.xs as tf.Tensor3D);
    expect(out.shape).toEqual([32, 1]);
    out.dispose();
    const loss = tf.tidy(() => built.model.loss(built.data.xs, built.data.ys, true));
    expect(loss.rank).toBe(0);
    loss.dispose();
    built.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is seeded: the same job builds the same weights', () => {
    const a = buildJob(multiplication);
    const b = buildJob(multiplication);
    a.model.variables.forEach((v, i) =>
      expect(Array.from(v.dataSync())).toEqual(Array.from(b.model.variables[i]!.dataSync())),
    );
    a.dispose();
    b.dispose();
  });

  it('learns "hihello" with a reset-after GRU (its bhn is trained too)', async () => {
    const before = tf.memory().numTensors;
    const built = buildJob(hihello);
    expect(built.model.variables.map((v) => v.shape)).toEqual([
      [5, 24],
      [8, 24],
      [24],
      [8],
      [8, 5],
      [5],
    ]);
    expect(built.data.xs.shape).toEqual([1, 6, 5]);
    const result = await train(built.model, built.data, hihello.options).done;
    expect(result.history.loss.at(-1)!).toBeLessThan(result.history.loss[0]! / 5);
    expect(result.history.metrics.accuracy!.at(-1)).toBe(1);
    built.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a cell model on its own: regression head on the last step', () => {
    const model = createCellModel(
      { kind: 'simpleRNN', inputSize: 3, units: 2 },
      { kind: 'last-regression', outputs: 2 },
      { seed: 1, headSeed: 9 },
    );
    const x = tf.ones([4, 5, 3]) as tf.Tensor3D;
    const y = model.predict(x);
    expect(y.shape).toEqual([4, 2]);
    expect(model.metrics).toBeUndefined();
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('sequential jobs', () => {
  it('builds stacked recurrent layers on the multiplication task generated in the worker', () => {
    const before = tf.memory().numTensors;
    const built = buildJob({
      kind: 'sequential',
      layers: [
        { kind: 'simpleRNN', units: 6, returnSequences: true },
        { kind: 'simpleRNN', units: 6 },
        { kind: 'dense', units: 1 },
      ],
      inputShape: [],
      task: 'regression',
      data: { kind: 'multiplication', samples: 16, steps: 10, seed: 3 },
      seed: 1,
    });
    expect(built.data.xs.shape).toEqual([16, 10, 2]);
    const out = built.model.predict(built.data.xs as tf.Tensor3D);
    expect(out.shape).toEqual([16, 1]);
    out.dispose();
    built.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes token ids as Int32 tensors for an Embedding model', () => {
    const before = tf.memory().numTensors;
    const built = buildJob({
      kind: 'sequential',
      layers: [
        { kind: 'embedding', inputDim: 20, outputDim: 4 },
        { kind: 'lstm', units: 3 },
        { kind: 'dense', units: 1, activation: 'sigmoid' },
      ],
      inputShape: [5],
      task: 'binary',
      data: {
        kind: 'tensors',
        xs: Int32Array.from({ length: 10 }, (_, i) => i),
        xShape: [2, 5],
        ys: Float32Array.from([0, 1]),
        yShape: [2, 1],
      },
    });
    expect(built.data.xs.dtype).toBe('int32');
    const loss = tf.tidy(() => built.model.loss(built.data.xs, built.data.ys, false));
    expect(Number.isFinite(loss.dataSync()[0])).toBe(true);
    loss.dispose();
    built.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says what is wrong with a malformed job', () => {
    const base = {
      kind: 'sequential',
      layers: [{ kind: 'dense', units: 1 }],
      inputShape: [3],
      task: 'regression',
    };
    expect(() =>
      checkJob({
        ...base,
        data: { kind: 'tensors', xs: [1, 2], xShape: [2], ys: [1], yShape: [1] },
      }),
    ).toThrow(/Float32Array or an Int32Array/);
    expect(() =>
      checkJob({
        ...base,
        data: {
          kind: 'tensors',
          xs: new Float32Array(6),
          xShape: [2, 3],
          ys: new Float32Array(3),
          yShape: [3, 1],
        },
      }),
    ).toThrow(/2 samples but its ys have 3/);
    expect(() => checkJob({ ...base, task: 'poetry', data: { kind: 'multiplication' } })).toThrow(
      /task must be one of/,
    );
  });
});
