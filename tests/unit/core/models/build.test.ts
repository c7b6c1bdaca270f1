import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreInputError, summarizeModel, type LayerSpec } from '../../../../src/core';
import {
  EMBEDDING_INIT_LIMIT,
  buildModel,
  predictSequence,
  type ModelLayerSpec,
} from '../../../../src/core/models';
import { expectClose, useCpu } from '../helpers';
import { uniform } from './fixtures';

beforeAll(useCpu);

const owned: { dispose(): void }[] = [];
afterAll(() => owned.forEach((o) => o.dispose()));
const keep = <T extends { dispose(): void }>(x: T): T => {
  owned.push(x);
  return x;
};

const SECTION2: ModelLayerSpec[] = [
  { kind: 'embedding', inputDim: 1000, outputDim: 32 },
  { kind: 'bidirectional', layer: { kind: 'lstm', units: 64, returnSequences: true } },
  { kind: 'batchNormalization' },
  { kind: 'bidirectional', layer: { kind: 'lstm', units: 32 } },
  { kind: 'dropout', rate: 0.2 },
  { kind: 'dense', units: 16, activation: 'relu' },
  { kind: 'dense', units: 4, activation: 'softmax' },
];

const size = (vs: tf.Variable[]) => vs.reduce((a, v) => a + v.size, 0);

describe('variables = summarizeModel counts', () => {
  const configs: [string, ModelLayerSpec[], number[], number, number][] = [
    ['§2 stack (course sizes)', SECTION2, [25], 0, 0],
    [
      'multiplication LSTM stack (Keras: 11,311)',
      [
        { kind: 'lstm', units: 30, returnSequences: true },
        { kind: 'lstm', units: 30 },
        { kind: 'dense', units: 1 },
      ],
      [100, 2],
      11311,
      0,
    ],
    [
      'multiplication SimpleRNN stack (Keras: 2,851)',
      [
        { kind: 'simpleRNN', units: 30, returnSequences: true },
        { kind: 'simpleRNN', units: 30 },
        { kind: 'dense', units: 1 },
      ],
      [100, 2],
      2851,
      0,
    ],
    [
      'NSMC with a smaller vocabulary',
      [
        { kind: 'embedding', inputDim: 2000, outputDim: 30 },
        { kind: 'lstm', units: 50 },
        { kind: 'dense', units: 2, activation: 'softmax' },
      ],
      [25],
      2000 * 30 + 4 * 50 * (30 + 50 + 1) + 50 * 2 + 2,
      0,
    ],
    [
      'GRUs both ways, biases off, BN on vectors',
      [
        { kind: 'gru', units: 7, returnSequences: true },
        { kind: 'gru', units: 5, resetAfter: false, returnSequences: true },
        {
          kind: 'bidirectional',
          layer: { kind: 'gru', units: 3, useBias: false },
          mergeMode: 'sum',
        },
        { kind: 'batchNormalization' },
        { kind: 'dense', units: 2, useBias: false },
      ],
      [9, 4],
      3 * 7 * (4 + 7 + 2) + 3 * 5 * (7 + 5 + 1) + 2 * 3 * 3 * (5 + 3) + 2 * 3 + 3 * 2,
      2 * 3,
    ],
  ];
  for (const [name, layers, inputShape, trainable, nonTrainable] of configs) {
    it(name, () => {
      const model = keep(buildModel(layers, inputShape, { task: 'regression', seed: 1 }));
      const summary = summarizeModel(layers as LayerSpec[], inputShape);
      expect(model.summary()).toEqual(summary);
      if (trainable > 0) expect(summary.trainable).toBe(trainable);
      expect(summary.nonTrainable).toBe(nonTrainable || summary.nonTrainable);
      expect(size(model.variables)).toBe(summary.trainable);
      expect(size(model.nonTrainableVariables)).toBe(summary.nonTrainable);
      expect(model.variables.every((v) => v.trainable)).toBe(true);
      expect(model.nonTrainableVariables.every((v) => !v.trainable)).toBe(true);
      const all = model.getWeights();
      expect(all.reduce((a, w) => a + w.length, 0)).toBe(summary.total);
      // Per layer too, by the Keras layer names of the summary.
      const specs = model.weightSpecs();
      for (const row of summary.rows) {
        const mine = specs.filter((w) => w.layer === row.name);
        const count = (t: boolean) =>
          mine
            .filter((w) => w.trainable === t)
            .reduce((a, w) => a + w.shape.reduce((p, d) => p * d, 1), 0);
        expect([row.name, count(true), count(false)]).toEqual([
          row.name,
          row.trainable,
          row.nonTrainable,
        ]);
      }
    });
  }

  it('the §2 stack: BatchNorm 4·128 weights, half of them non-trainable; names in Keras order', () => {
    const model = keep(buildModel(SECTION2, [25], { task: 'categorical' }));
    const bn = model.weightSpecs().filter((w) => w.layer === 'batch_normalization');
    expect(bn.map((w) => [w.name, w.shape, w.trainable])).toEqual([
      ['batch_normalization/gamma', [128], true],
      ['batch_normalization/beta', [128], true],
      ['batch_normalization/moving_mean', [128], false],
      ['batch_normalization/moving_variance', [128], false],
    ]);
    expect(
      model
        .weightSpecs()
        .slice(1, 7)
        .map((w) => w.name),
    ).toEqual([
      'bidirectional/forward_lstm/kernel',
      'bidirectional/forward_lstm/recurrent_kernel',
      'bidirectional/forward_lstm/bias',
      'bidirectional/backward_lstm/kernel',
      'bidirectional/backward_lstm/recurrent_kernel',
      'bidirectional/backward_lstm/bias',
    ]);
    expect(model.outputShape).toEqual([null, 4]);
    expect(model.summary().nonTrainable).toBe(256);
  });
});

describe('seeded initialisation', () => {
  const layers: ModelLayerSpec[] = [
    { kind: 'embedding', inputDim: 40, outputDim: 6 },
    { kind: 'lstm', units: 8, returnSequences: true, unitForgetBias: true },
    { kind: 'bidirectional', layer: { kind: 'gru', units: 4 } },
    { kind: 'dense', units: 3, activation: 'softmax' },
  ];

  it('same seed ⇒ identical weights; another seed ⇒ other weights', () => {
    const a = keep(buildModel(layers, [10], { task: 'categorical', seed: 42 })).getWeights();
    const b = keep(buildModel(layers, [10], { task: 'categorical', seed: 42 })).getWeights();
    const c = keep(buildModel(layers, [10], { task: 'categorical', seed: 43 })).getWeights();
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(c[0]);
    expect(a[1]).not.toEqual(c[1]);
  });

  it('Embedding uniform(±0.05); Glorot-uniform kernels; orthogonal recurrent blocks; zero biases, forget bias 1', () => {
    const model = keep(buildModel(layers, [10], { task: 'categorical', seed: 7 }));
    const w = model.getWeights();
    const specs = model.weightSpecs();
    const at = (name: string) => w[specs.findIndex((s) => s.name === name)]!;
    const emb = at('embedding/embeddings');
    expect(Math.max(...emb.map(Math.abs))).toBeLessThanOrEqual(EMBEDDING_INIT_LIMIT);
    expect(Math.max(...emb.map(Math.abs))).toBeGreaterThan(0.04);
    // LSTM kernel [6, 32]: Glorot limit over the whole stacked kernel √(6 / (6 + 32)).
    const kernel = at('lstm/kernel');
    expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 38));
    expect(Math.max(...kernel.map(Math.abs))).toBeGreaterThan(0.5 * Math.sqrt(6 / 38));
    // Dense kernel [8, 3]: √(6 / 11).
    expect(Math.max(...at('dense/kernel').map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 11));
    // Each gate block of the recurrent kernel [8, 32] is orthogonal.
    const rec = at('lstm/recurrent_kernel');
    const H = 8;
    for (let g = 0; g < 4; g++) {
      for (let i = 0; i < H; i++) {
        for (let j = 0; j < H; j++) {
          let dot = 0;
          for (let r = 0; r < H; r++)
            dot += rec[r * 4 * H + g * H + i]! * rec[r * 4 * H + g * H + j]!;
          expect(dot).toBeCloseTo(i === j ? 1 : 0, 4);
        }
      }
    }
    // Keras order i, f, c, o: unitForgetBias puts 1 in the second block only.
    expect(Array.from(at('lstm/bias'))).toEqual([
      ...new Array<number>(H).fill(0),
      ...new Array<number>(H).fill(1),
      ...new Array<number>(2 * H).fill(0),
    ]);
    expect(at('bidirectional/forward_gru/bias').every((v) => v === 0)).toBe(true);
    expect(at('dense/bias').every((v) => v === 0)).toBe(true);
    // Forward and backward directions start from different weights.
    expect(at('bidirectional/forward_gru/kernel')).not.toEqual(
      at('bidirectional/backward_gru/kernel'),
    );
  });
});

describe('getWeights / setWeights', () => {
  it('round-trips all weights or the trainable ones (a training snapshot) and checks sizes', () => {
    const layers: ModelLayerSpec[] = [
      { kind: 'lstm', units: 3, returnSequences: true },
      { kind: 'batchNormalization' },
      { kind: 'dense', units: 1 },
    ];
    const model = keep(buildModel(layers, [4, 2], { task: 'regression', seed: 1 }));
    const other = keep(buildModel(layers, [4, 2], { task: 'regression', seed: 2 }));
    const x = tf.tensor3d(uniform(2 * 4 * 2, 1), [2, 4, 2]);
    other.setWeights(model.getWeights());
    expect(other.getWeights()).toEqual(model.getWeights());
    const a = model.predict(x);
    const b = other.predict(x);
    expectClose(a.dataSync(), b.dataSync(), 0);
    const trainable = model.variables.map((v) => Float32Array.from(v.dataSync()));
    const third = keep(buildModel(layers, [4, 2], { task: 'regression', seed: 3 }));
    third.setWeights(trainable);
    expect(third.getWeights().filter((_, i) => third.weightSpecs()[i]!.trainable)).toEqual(
      trainable,
    );
    expect(() => model.setWeights([new Float32Array(3)])).toThrow(
      /needs 9 weight arrays .*or the 7 trainable/,
    );
    const bad = model.getWeights();
    bad[1] = new Float32Array(5);
    expect(() => model.setWeights(bad)).toThrow(
      /Weight 1 \(lstm\/recurrent_kernel\) needs 36 numbers/,
    );
    bad[1] = model.getWeights()[1]!.fill(NaN);
    expect(() => model.setWeights(bad)).toThrow(/non-finite/);
    tf.dispose([x, a, b]);
  });
});

describe('Dropout', () => {
  const layers: ModelLayerSpec[] = [
    { kind: 'dense', units: 200 },
    { kind: 'dropout', rate: 0.25 },
  ];
  it('is the identity at inference and a seeded inverted-dropout mask in training', () => {
    const model = keep(buildModel(layers, [3], { task: 'regression', seed: 5 }));
    const plain = keep(
      buildModel([{ kind: 'dense', units: 200 }], [3], { task: 'regression', seed: 5 }),
    );
    const twin = keep(buildModel(layers, [3], { task: 'regression', seed: 5 }));
    const x = tf.tensor2d(uniform(2 * 3, 2), [2, 3]);
    const base = plain.predict(x).dataSync();
    expectClose(model.predict(x).dataSync(), base, 0);
    const first = model.predict(x, { training: true }).dataSync();
    const second = model.predict(x, { training: true }).dataSync();
    let dropped = 0;
    first.forEach((v, k) => {
      if (v === 0) dropped++;
      else expect(v).toBeCloseTo(base[k]! / 0.75, 5);
    });
    expect(dropped / first.length).toBeGreaterThan(0.15);
    expect(dropped / first.length).toBeLessThan(0.35);
    expect(Array.from(second)).not.toEqual(Array.from(first)); // a new mask per call
    // Same seed, same masks in the same order.
    expect(Array.from(twin.predict(x, { training: true }).dataSync())).toEqual(Array.from(first));
    expect(Array.from(twin.predict(x, { training: true }).dataSync())).toEqual(Array.from(second));
    // loss(training false) and metrics never drop.
    const y = tf.zeros([2, 200]);
    const l1 = model.loss(x, y, false).dataSync()[0];
    const l2 = model.loss(x, y, false).dataSync()[0];
    expect(l1).toBe(l2);
    tf.dispose([x, y]);
  });
});

describe('BatchNormalization', () => {
  it('training uses batch statistics and moves the moving averages (momentum 0.99, biased variance), as tf.layers', () => {
    const model = keep(
      buildModel([{ kind: 'batchNormalization' }], [3, 4], { task: 'regression' }),
    );
    const twin = keep(
      tf.sequential({ layers: [tf.layers.batchNormalization({ inputShape: [3, 4] })] }),
    );
    const x = tf.tensor3d(uniform(5 * 3 * 4, 8, -2, 3), [5, 3, 4]);
    const inference = model.predict(x).dataSync();
    // Initial moving stats 0 and 1: y = x / √(1 + ε).
    expectClose(
      inference,
      Array.from(x.dataSync(), (v) => v / Math.sqrt(1 + 1e-3)),
      1e-6,
    );
    expect(model.getWeights()).toEqual(model.getWeights()); // unchanged by inference
    const before = model.getWeights();
    model.predict(x); // inference again: nothing moves
    model.loss(x, tf.zeros([5, 3, 4]), false);
    model.metrics?.(x, tf.zeros([5, 3, 4]));
    expect(model.getWeights()).toEqual(before);
    const trained = model.predict(x, { training: true }).dataSync();
    const theirs = (twin.layers[0]!.apply(x, { training: true }) as tf.Tensor).dataSync();
    expectClose(trained, theirs, 1e-5);
    // Normalised by the batch: every feature has mean 0 and variance ≈ 1 over batch and steps.
    for (let f = 0; f < 4; f++) {
      const col = Array.from({ length: 15 }, (_, k) => trained[k * 4 + f]!);
      expect(col.reduce((a, v) => a + v, 0) / 15).toBeCloseTo(0, 5);
    }
    const after = model.getWeights();
    const tfjs = twin.getWeights().map((w) => w.dataSync());
    expectClose(after[2]!, tfjs[2]!, 1e-6); // moving mean
    expectClose(after[3]!, tfjs[3]!, 1e-6); // moving variance
    // mean: 0.99·0 + 0.01·batch mean.
    const xs = x.dataSync();
    const mean0 = Array.from({ length: 15 }, (_, k) => xs[k * 4]!).reduce((a, v) => a + v, 0) / 15;
    expect(after[2]![0]).toBeCloseTo(0.01 * mean0, 6);
    expect(after[0]).toEqual(before[0]); // γ, β move only by gradients
    tf.dispose(x);
  });
});

describe('predictSequence', () => {
  it('gives per-step arg-max and probabilities; refuses a vector model', () => {
    const model = keep(
      buildModel(
        [
          { kind: 'simpleRNN', units: 5, returnSequences: true },
          { kind: 'dense', units: 5, activation: 'softmax' },
        ],
        [6, 5],
        { task: 'sequence-categorical', seed: 1 },
      ),
    );
    const x = tf.tensor3d(uniform(2 * 6 * 5, 3), [2, 6, 5]);
    const before = tf.memory().numTensors;
    const p = predictSequence(model, x);
    expect(tf.memory().numTensors).toBe(before);
    expect(p.shape).toEqual([2, 6, 5]);
    expect(p.predictions).toHaveLength(12);
    for (let s = 0; s < 12; s++) {
      const row = Array.from(p.probabilities.subarray(s * 5, s * 5 + 5));
      expect(row.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
      expect(row.indexOf(Math.max(...row))).toBe(p.predictions[s]);
    }
    const bare = keep(
      buildModel([{ kind: 'simpleRNN', units: 5, returnSequences: true }], [6, 5], {
        task: 'sequence-categorical',
      }),
    );
    // The bare RNN's outputs are read as logits: probabilities are their softmax.
    const q = predictSequence(bare, x);
    const out = bare.predict(x);
    const soft = tf.softmax(out).dataSync();
    expectClose(q.probabilities, soft, 1e-6);
    const vector = keep(buildModel([{ kind: 'lstm', units: 3 }], [6, 5], { task: 'regression' }));
    expect(() => predictSequence(vector, x)).toThrow(/class score per step/);
    tf.dispose([x, out]);
  });
});

describe('bad descriptions throw a CoreInputError a learner can read', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'recurrent layer after one that returns a vector',
      () =>
        buildModel(
          [
            { kind: 'lstm', units: 4 },
            { kind: 'lstm', units: 4 },
          ],
          [5, 2],
          { task: 'regression' },
        ),
      /Layer 2 \(lstm_1\): a recurrent layer reads a sequence .*Set returnSequences/,
    ],
    [
      'units 0',
      () => buildModel([{ kind: 'simpleRNN', units: 0 }], [5, 2], { task: 'regression' }),
      /units must be a whole number of at least 1, got 0/,
    ],
    [
      'units above 512',
      () => buildModel([{ kind: 'gru', units: 513 }], [5, 2], { task: 'regression' }),
      /at most 512, got 513/,
    ],
    [
      'recurrent first layer with a 1-axis input shape',
      () => buildModel([{ kind: 'lstm', units: 4 }], [100], { task: 'regression' }),
      /LSTM first layer reads sequences: the input shape must be \[steps, features\]/,
    ],
    [
      'Embedding with a 2-axis input shape',
      () =>
        buildModel(
          [
            { kind: 'embedding', inputDim: 10, outputDim: 4 },
            { kind: 'lstm', units: 2 },
          ],
          [25, 1],
          {
            task: 'regression',
          },
        ),
      /Embedding reads token ids.*\[steps\]/,
    ],
    [
      'Embedding not first',
      () =>
        buildModel(
          [
            { kind: 'dense', units: 3 },
            { kind: 'embedding', inputDim: 10, outputDim: 4 },
          ],
          [5, 2],
          {
            task: 'regression',
          },
        ),
      /must be the first layer/,
    ],
    [
      'vocabulary size below 2',
      () =>
        buildModel([{ kind: 'embedding', inputDim: 1, outputDim: 4 }], [5], { task: 'regression' }),
      /vocabulary size inputDim must be at least 2/,
    ],
    [
      'input shape of rank 3',
      () => buildModel([{ kind: 'dense', units: 3 }], [5, 2, 2], { task: 'regression' }),
      /input shape leaves out the batch axis/,
    ],
    [
      'unknown task',
      () => buildModel([{ kind: 'dense', units: 3 }], [5], { task: 'ranking' as never }),
      /Unknown task "ranking"/,
    ],
    [
      'categorical task on a sequence output',
      () =>
        buildModel([{ kind: 'lstm', units: 3, returnSequences: true }], [5, 2], {
          task: 'categorical',
        }),
      /"categorical" predicts one class per sample.*\[batch, 5, 3\]/,
    ],
    [
      'sequence task on a vector output',
      () => buildModel([{ kind: 'lstm', units: 3 }], [5, 2], { task: 'sequence-categorical' }),
      /at every step.*outputs \[batch, 3\]/,
    ],
    [
      'one class only',
      () =>
        buildModel([{ kind: 'dense', units: 1, activation: 'softmax' }], [5], {
          task: 'categorical',
        }),
      /at least 2 classes/,
    ],
    [
      'unitForgetBias on a GRU',
      () =>
        buildModel([{ kind: 'gru', units: 3, unitForgetBias: true }], [5, 2], {
          task: 'regression',
        }),
      /unitForgetBias applies to LSTM layers only/,
    ],
    [
      'unknown Dense activation',
      () =>
        buildModel([{ kind: 'dense', units: 3, activation: 'gelu' as never }], [5], {
          task: 'regression',
        }),
      /unknown activation "gelu"/,
    ],
    [
      'Dropout rate 1',
      () =>
        buildModel(
          [
            { kind: 'dense', units: 3 },
            { kind: 'dropout', rate: 1 },
          ],
          [5],
          { task: 'regression' },
        ),
      /Dropout rate must be in \[0, 1\), got 1/,
    ],
    [
      'Bidirectional around a Dense',
      () =>
        buildModel(
          [{ kind: 'bidirectional', layer: { kind: 'dense', units: 3 } as never }],
          [5, 2],
          {
            task: 'regression',
          },
        ),
      /Bidirectional wraps a SimpleRNN, LSTM or GRU/,
    ],
    [
      'too many parameters',
      () =>
        buildModel(
          [
            { kind: 'embedding', inputDim: 100000, outputDim: 300 },
            { kind: 'lstm', units: 8 },
          ],
          [25],
          {
            task: 'regression',
          },
        ),
      /30,009,888 parameters; the browser can hold at most 16,777,216/,
    ],
    ['no layers', () => buildModel([], [5], { task: 'regression' }), /at least one layer/],
  ];
  for (const [name, make, message] of cases) {
    it(name, () => {
      const before = tf.memory().numTensors;
      let error: unknown;
      try {
        make();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CoreInputError);
      expect((error as Error).message).toMatch(message);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('inputs and targets of the wrong shape, and a disposed model', () => {
    const model = keep(
      buildModel(
        [
          { kind: 'lstm', units: 3 },
          { kind: 'dense', units: 2, activation: 'softmax' },
        ],
        [5, 2],
        { task: 'categorical' },
      ),
    );
    const x = tf.zeros([4, 5, 3]);
    expect(() => model.predict(x)).toThrow(/takes input \[batch, 5, 2\]; got shape \[4, 5, 3\]/);
    const good = tf.zeros([4, 5, 2]);
    expect(() => model.loss(good, tf.zeros([4, 2]))).toThrow(
      /class numbers, one per sample: shape \[4\]/,
    );
    expect(() => model.loss(good, tf.zeros([3]))).toThrow(/4 samples but the targets have 3/);
    const gone = buildModel([{ kind: 'dense', units: 2 }], [3], { task: 'regression' });
    gone.dispose();
    expect(gone.disposed).toBe(true);
    expect(() => gone.predict(tf.zeros([1, 3]))).toThrow(CoreInputError);
    expect(() => gone.predict(tf.zeros([1, 3]))).toThrow(/disposed/);
    tf.dispose([x, good]);
  });
});

describe('losses and metrics of each task, against the formulas', () => {
  const x = () => tf.tensor2d(uniform(6 * 3, 21), [6, 3]);
  const read = (t: tf.Tensor) => {
    const v = Array.from(t.dataSync());
    t.dispose();
    return v;
  };
  const valueOf = (t: tf.Tensor) => {
    const v = t.dataSync()[0]!;
    t.dispose();
    return v;
  };

  it('regression: mean squared error; no metrics', () => {
    const model = keep(
      buildModel([{ kind: 'dense', units: 2 }], [3], { task: 'regression', seed: 2 }),
    );
    const xs = x();
    const y = uniform(12, 22);
    const ys = tf.tensor1d(y).reshape([6, 2]);
    const p = read(model.predict(xs));
    const mse = p.reduce((a, v, k) => a + (v - y[k]!) ** 2, 0) / 12;
    expect(valueOf(model.loss(xs, ys))).toBeCloseTo(mse, 6);
    expect(model.metrics).toBeUndefined();
    tf.dispose([xs, ys]);
  });

  it('binary: cross-entropy from the logits of a sigmoid Dense, finite for huge logits; accuracy at 0.5', () => {
    const model = keep(
      buildModel([{ kind: 'dense', units: 1, activation: 'sigmoid' }], [3], {
        task: 'binary',
        seed: 3,
      }),
    );
    const xs = x();
    const y = [1, 0, 1, 1, 0, 0];
    const ys = tf.tensor1d(y);
    const p = read(model.predict(xs));
    const bce = -p.reduce((a, v, k) => a + (y[k]! ? Math.log(v) : Math.log(1 - v)), 0) / 6;
    expect(valueOf(model.loss(xs, ys))).toBeCloseTo(bce, 5);
    const right = p.reduce((a, v, k) => a + (Number(v > 0.5) === y[k] ? 1 : 0), 0);
    expect(model.metrics!(xs, ys).accuracy).toBeCloseTo(right / 6, 6);
    // Logit ±300 (sigmoid saturates to exactly 0 or 1 in float32): the loss stays finite.
    model.setWeights([new Float32Array([300, 0, 0]), new Float32Array([0])]);
    const big = tf.tensor2d([
      [1, 0, 0],
      [-1, 0, 0],
    ]);
    expect(valueOf(model.loss(big, tf.tensor1d([0, 1])))).toBeCloseTo(300, 3);
    tf.dispose([xs, ys, big]);
  });

  it('binary on an output that is not a sigmoid: probabilities clipped to [1e-7, 1 − 1e-7] (Keras)', () => {
    const model = keep(buildModel([{ kind: 'dense', units: 1 }], [3], { task: 'binary', seed: 3 }));
    model.setWeights([new Float32Array([2, 0, 0]), new Float32Array([0])]);
    const xs = tf.tensor2d([[1, 0, 0]]); // output 2, read as a probability, clipped to 1 − 1e-7
    const loss = valueOf(model.loss(xs, tf.tensor1d([0])));
    expect(loss).toBeGreaterThan(15);
    expect(loss).toBeLessThan(16.2);
    expect(valueOf(model.loss(xs, tf.tensor1d([1])))).toBeCloseTo(0, 5);
    tf.dispose(xs);
  });

  it('categorical: −log p(label) from a softmax Dense; accuracy by arg-max', () => {
    const model = keep(
      buildModel([{ kind: 'dense', units: 3, activation: 'softmax' }], [3], {
        task: 'categorical',
        seed: 4,
      }),
    );
    const xs = x();
    const labels = [0, 2, 1, 1, 0, 2];
    const ys = tf.tensor1d(labels, 'int32');
    const p = read(model.predict(xs));
    const ce = -labels.reduce((a, c, k) => a + Math.log(p[k * 3 + c]!), 0) / 6;
    expect(valueOf(model.loss(xs, ys))).toBeCloseTo(ce, 5);
    // Float labels [batch, 1] work too.
    expect(valueOf(model.loss(xs, tf.tensor2d(labels, [6, 1])))).toBeCloseTo(ce, 5);
    const argmax = (k: number) =>
      [0, 1, 2].reduce((b, c) => (p[k * 3 + c]! > p[k * 3 + b]! ? c : b), 0);
    const right = labels.filter((c, k) => argmax(k) === c).length;
    expect(model.metrics!(xs, ys).accuracy).toBeCloseTo(right / 6, 6);
    tf.dispose([xs, ys]);
  });

  it('sequence-categorical: the per-step cross-entropy averaged over steps and batch; per-step accuracy', () => {
    const model = keep(
      buildModel(
        [
          { kind: 'gru', units: 4, returnSequences: true },
          { kind: 'dense', units: 3, activation: 'softmax' },
        ],
        [5, 2],
        { task: 'sequence-categorical', seed: 5 },
      ),
    );
    const xs = tf.tensor3d(uniform(2 * 5 * 2, 23), [2, 5, 2]);
    const labels = [0, 1, 2, 2, 1, 1, 1, 0, 2, 0];
    const ys = tf.tensor2d(labels, [2, 5], 'int32');
    const p = read(model.predict(xs));
    const ce = -labels.reduce((a, c, k) => a + Math.log(p[k * 3 + c]!), 0) / 10;
    expect(valueOf(model.loss(xs, ys))).toBeCloseTo(ce, 5);
    const pred = predictSequence(model, xs).predictions;
    const right = labels.filter((c, k) => pred[k] === c).length;
    expect(model.metrics!(xs, ys).accuracy).toBeCloseTo(right / 10, 6);
    tf.dispose([xs, ys]);
  });
});

describe('any sequence length (null steps)', () => {
  it('runs sequences of different lengths through the same weights', () => {
    const model = keep(
      buildModel(
        [
          { kind: 'embedding', inputDim: 12, outputDim: 4 },
          { kind: 'gru', units: 3, returnSequences: true },
          { kind: 'dense', units: 12, activation: 'softmax' },
        ],
        [null],
        { task: 'sequence-categorical', seed: 1 },
      ),
    );
    expect(model.outputShape).toEqual([null, null, 12]);
    for (const T of [1, 3, 8]) {
      const ids = tf.tensor2d(
        Array.from({ length: 2 * T }, (_, k) => k % 12),
        [2, T],
        'int32',
      );
      const labels = tf.tensor2d(
        Array.from({ length: 2 * T }, (_, k) => (k + 1) % 12),
        [2, T],
        'int32',
      );
      const out = model.predict(ids);
      expect(out.shape).toEqual([2, T, 12]);
      const loss = model.loss(ids, labels);
      expect(Number.isFinite(loss.dataSync()[0])).toBe(true);
      // A prefix gives the same first steps: the model is causal.
      if (T === 8) {
        const prefix = ids.slice([0, 0], [2, 3]);
        const short = model.predict(prefix);
        expectClose(short.dataSync(), out.slice([0, 0, 0], [2, 3, 12]).dataSync(), 1e-6);
        tf.dispose([prefix, short]);
      }
      tf.dispose([ids, labels, out, loss]);
    }
  });
});
