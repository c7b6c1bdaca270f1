import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKerasWeights, traceCell, type NestedNumbers } from '../../../../src/core';
import {
  buildModel,
  type ModelLayerSpec,
  type ModelTask,
  type SequentialModel,
} from '../../../../src/core/models';
import { expectClose, maxAbsDiff, useCpu } from '../helpers';
import { ints, randomizeWeights, tfjsTwin, uniform } from './fixtures';

beforeAll(useCpu);

const owned: { dispose(): void }[] = [];
afterAll(() => owned.forEach((o) => o.dispose()));

interface Case {
  name: string;
  layers: ModelLayerSpec[];
  inputShape: number[];
  task: ModelTask;
  /** Token ids below this vocabulary size (Embedding input), else uniform(−1, 1) features. */
  vocab?: number;
}

const CASES: Case[] = [
  {
    name: 'hihello: SimpleRNN(5, returnSequences)',
    layers: [{ kind: 'simpleRNN', units: 5, returnSequences: true }],
    inputShape: [6, 5],
    task: 'sequence-categorical',
  },
  {
    name: 'multiplication A: SimpleRNN(30, seq) → SimpleRNN(30) → Dense(1)',
    layers: [
      { kind: 'simpleRNN', units: 30, returnSequences: true },
      { kind: 'simpleRNN', units: 30 },
      { kind: 'dense', units: 1 },
    ],
    inputShape: [40, 2],
    task: 'regression',
  },
  {
    name: 'multiplication B: LSTM(30, seq) → LSTM(30) → Dense(1)',
    layers: [
      { kind: 'lstm', units: 30, returnSequences: true },
      { kind: 'lstm', units: 30 },
      { kind: 'dense', units: 1 },
    ],
    inputShape: [40, 2],
    task: 'regression',
  },
  {
    name: '§2 stack (smaller): Embedding → Bi-LSTM(seq) → BN → Bi-LSTM → Dropout → Dense relu → Dense softmax',
    layers: [
      { kind: 'embedding', inputDim: 50, outputDim: 8 },
      { kind: 'bidirectional', layer: { kind: 'lstm', units: 6, returnSequences: true } },
      { kind: 'batchNormalization' },
      { kind: 'bidirectional', layer: { kind: 'lstm', units: 4 } },
      { kind: 'dropout', rate: 0.2 },
      { kind: 'dense', units: 16, activation: 'relu' },
      { kind: 'dense', units: 3, activation: 'softmax' },
    ],
    inputShape: [7],
    task: 'categorical',
    vocab: 50,
  },
  {
    name: 'NSMC (smaller): Embedding → LSTM(10) → Dense(2, softmax)',
    layers: [
      { kind: 'embedding', inputDim: 100, outputDim: 12 },
      { kind: 'lstm', units: 10 },
      { kind: 'dense', units: 2, activation: 'softmax' },
    ],
    inputShape: [9],
    task: 'categorical',
    vocab: 100,
  },
  {
    name: 'GRU (reset-before, Keras side) → Bi-GRU(sum) → Dense(4, tanh)',
    layers: [
      { kind: 'gru', units: 5, resetAfter: false, returnSequences: true },
      {
        kind: 'bidirectional',
        layer: { kind: 'gru', units: 3, resetAfter: false },
        mergeMode: 'sum',
      },
      { kind: 'dense', units: 4, activation: 'tanh' },
    ],
    inputShape: [8, 3],
    task: 'regression',
  },
  {
    name: 'Bi-SimpleRNN relu (ave, seq) → BN on sequences → Bi-LSTM(mul) → Dense sigmoid',
    layers: [
      {
        kind: 'bidirectional',
        layer: { kind: 'simpleRNN', units: 4, activation: 'relu', returnSequences: true },
        mergeMode: 'ave',
      },
      { kind: 'batchNormalization' },
      { kind: 'bidirectional', layer: { kind: 'lstm', units: 3 }, mergeMode: 'mul' },
      { kind: 'dense', units: 1, activation: 'sigmoid' },
    ],
    inputShape: [5, 2],
    task: 'binary',
  },
  {
    name: 'no biases: LSTM(4, useBias false, seq) → Dense(3, no bias) per step',
    layers: [
      { kind: 'lstm', units: 4, useBias: false, returnSequences: true },
      { kind: 'dense', units: 3, useBias: false, activation: 'softmax' },
    ],
    inputShape: [6, 2],
    task: 'sequence-categorical',
  },
];

function inputFor(c: Case, batch: number, seed: number): tf.Tensor {
  if (c.vocab !== undefined) {
    return tf.tensor2d(
      ints(batch * c.inputShape[0]!, c.vocab, seed),
      [batch, c.inputShape[0]!],
      'int32',
    );
  }
  const size = batch * c.inputShape.reduce((a, b) => a * b, 1);
  return tf.tensor(uniform(size, seed), [batch, ...c.inputShape]);
}

describe('forward pass = tf.sequential of tf.layers with the same weights (1e-5)', () => {
  for (const [k, c] of CASES.entries()) {
    for (const weights of ['seeded init', 'random weights'] as const) {
      it(`${c.name} — ${weights}`, () => {
        const model = buildModel(c.layers, c.inputShape, { task: c.task, seed: k });
        owned.push(model);
        if (weights === 'random weights') randomizeWeights(model, k + 1);
        const twin = tfjsTwin(model, c.layers, c.inputShape);
        owned.push(twin);
        const x = inputFor(c, 4, 100 + k);
        const mine = model.predict(x);
        const theirs = twin.predict(x) as tf.Tensor;
        expect(mine.shape).toEqual(theirs.shape);
        expect(mine.shape).toEqual([4, ...(model.outputShape.slice(1) as number[])]);
        expectClose(mine.dataSync(), theirs.dataSync(), 1e-5);
        // Not vacuous: the output varies across the batch.
        const values = mine.dataSync();
        expect(
          maxAbsDiff(
            values.subarray(0, values.length / 4),
            values.subarray(values.length / 4, values.length / 2),
          ),
        ).toBeGreaterThan(1e-4);
        tf.dispose([x, mine, theirs]);
      });
    }
  }
});

/** Keras weights of the layer named `layer` as the nested arrays importKerasWeights reads. */
function kerasWeightsOf(model: SequentialModel, layer: string): NestedNumbers[] {
  const specs = model.weightSpecs();
  const values = model.getWeights();
  return specs.flatMap((w, i) =>
    w.layer === layer
      ? [tf.tidy(() => tf.tensor(values[i]!, w.shape).arraySync()) as NestedNumbers]
      : [],
  );
}

describe('GRU conventions tf.layers cannot run, against the core cells', () => {
  it('reset-after GRU (Keras TF2 default, bias [2, 3H]) = traceCell of the imported Keras weights', () => {
    const model = buildModel([{ kind: 'gru', units: 4, returnSequences: true }], [6, 3], {
      task: 'regression',
      seed: 3,
    });
    owned.push(model);
    randomizeWeights(model, 9);
    expect(model.weightSpecs().map((w) => w.shape)).toEqual([
      [3, 12],
      [4, 12],
      [2, 12],
    ]);
    const cell = importKerasWeights('gru', kerasWeightsOf(model, 'gru'));
    expect(cell.resetAfter).toBe(true);
    const xs = uniform(2 * 6 * 3, 4);
    const x = tf.tensor3d(xs, [2, 6, 3]);
    const mine = model.predict(x);
    const trace = traceCell(cell, { data: xs, shape: [2, 6, 3] });
    expectClose(mine.dataSync(), trace.h, 1e-5);
    tf.dispose([x, mine]);
  });

  it("updateGate 'course' = the Keras-side tf.layers GRU with the update gate negated", () => {
    const layers: ModelLayerSpec[] = [
      { kind: 'gru', units: 4, resetAfter: false, updateGate: 'course', returnSequences: true },
    ];
    const model = buildModel(layers, [5, 2], { task: 'regression', seed: 5 });
    owned.push(model);
    randomizeWeights(model, 11);
    const H = 4;
    const negated = model.getWeights().map((w, i) => {
      const copy = w.slice();
      const cols = 3 * H;
      const rows = i === 2 ? 1 : copy.length / cols;
      // z is the first block of Keras's z, r, h.
      for (let r = 0; r < rows; r++)
        for (let j = 0; j < H; j++) copy[r * cols + j] = -copy[r * cols + j]!;
      return copy;
    });
    const keras = buildModel(
      [{ kind: 'gru', units: 4, resetAfter: false, returnSequences: true }],
      [5, 2],
      { task: 'regression' },
    );
    owned.push(keras);
    keras.setWeights(negated);
    const twin = tfjsTwin(
      keras,
      [{ kind: 'gru', units: 4, resetAfter: false, returnSequences: true }],
      [5, 2],
    );
    owned.push(twin);
    const x = tf.tensor3d(uniform(3 * 5 * 2, 6), [3, 5, 2]);
    const mine = model.predict(x);
    const theirs = twin.predict(x) as tf.Tensor;
    expectClose(mine.dataSync(), theirs.dataSync(), 1e-5);
    tf.dispose([x, mine, theirs]);
  });
});
