import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { multiplicationTask, nextCharacterTask, restoreWeights, train } from '../../../../src/core';
import { buildModel, predictSequence, type ModelLayerSpec } from '../../../../src/core/models';
import { useCpu } from '../helpers';

beforeAll(useCpu);

/** The course's "hihello" (CURRICULUM §1) with a softmax read-out per step. */
const HIHELLO: ModelLayerSpec[] = [
  { kind: 'simpleRNN', units: 5, returnSequences: true },
  { kind: 'dense', units: 5, activation: 'softmax' },
];

function hihelloData() {
  const h = nextCharacterTask('hihello');
  return {
    task: h,
    xs: tf.tensor3d(h.inputs, [1, h.steps, h.vocabSize]),
    ys: tf.tensor2d(h.targetIds, [1, h.steps], 'int32'),
  };
}

describe('training with the core training service', () => {
  it('"hihello": SimpleRNN(5) reaches 6/6 per-step accuracy (Adam 0.1, 50 epochs, five seeds)', async () => {
    const { task, xs, ys } = hihelloData();
    for (const seed of [0, 1, 2, 3, 4]) {
      const model = buildModel(HIHELLO, [6, 5], { task: 'sequence-categorical', seed });
      const before = model.metrics!(xs, ys).accuracy!;
      const result = await train(
        model,
        { xs, ys },
        { optimizer: 'adam', learningRate: 0.1, epochs: 50, batchSize: 1 },
      ).done;
      expect(result.status).toBe('completed');
      const accuracy = result.history.metrics.accuracy!;
      expect(accuracy).toHaveLength(50);
      expect(accuracy.at(-1), `seed ${seed}`).toBe(1);
      expect(before).toBeLessThan(1);
      expect(result.history.loss.at(-1)!).toBeLessThan(0.1 * result.history.loss[0]!);
      const p = predictSequence(model, xs);
      expect(
        Array.from(p.predictions)
          .map((k) => task.vocab[k])
          .join(''),
      ).toBe('ihello');
      model.dispose();
    }
    tf.dispose([xs, ys]);
  });

  it('multiplication task (256 × 30 steps): the LSTM stack’s loss falls over 3 epochs', async () => {
    const d = multiplicationTask({ samples: 256, steps: 30, seed: 1 });
    const xs = tf.tensor3d(d.inputs, [d.samples, d.steps, 2]);
    const ys = tf.tensor1d(d.targets);
    const model = buildModel(
      [
        { kind: 'lstm', units: 30, returnSequences: true },
        { kind: 'lstm', units: 30 },
        { kind: 'dense', units: 1 },
      ],
      [30, 2],
      { task: 'regression', seed: 0 },
    );
    expect(model.metrics).toBeUndefined();
    const initial = model.loss(xs, ys);
    const start = initial.dataSync()[0]!;
    initial.dispose();
    const result = await train(
      model,
      { xs, ys },
      { optimizer: 'adam', learningRate: 0.01, epochs: 3, batchSize: 32, seed: 0 },
    ).done;
    const losses = result.history.loss;
    expect(result.steps).toBe(24);
    const after = model.loss(xs, ys);
    const end = after.dataSync()[0]!;
    after.dispose();
    // From ≈ 0.11 (untrained) to near the variance of the targets (≈ 0.05) or below.
    expect(end).toBeLessThan(0.6 * start);
    expect(losses[2]!).toBeLessThan(losses[0]!);
    model.dispose();
    tf.dispose([xs, ys]);
  });

  it('train() moves BatchNorm’s moving statistics, which are not among the trained variables', async () => {
    const { xs, ys } = hihelloData();
    const model = buildModel([HIHELLO[0]!, { kind: 'batchNormalization' }, HIHELLO[1]!], [6, 5], {
      task: 'sequence-categorical',
      seed: 1,
    });
    expect(model.variables).toHaveLength(7);
    expect(model.nonTrainableVariables).toHaveLength(2);
    const before = model.getWeights();
    const result = await train(model, { xs, ys }, { learningRate: 0.05, epochs: 5, batchSize: 1 })
      .done;
    const after = model.getWeights();
    const moved = (k: number) => after[k]!.some((v, i) => v !== before[k]![i]);
    expect([moved(5), moved(6)]).toEqual([true, true]); // moving mean, moving variance
    // The snapshot holds the trainable weights in getWeights order: setWeights reads it back.
    expect(result.snapshot.values).toHaveLength(7);
    expect(result.snapshot.names[0]).toMatch(/simple_rnn\/kernel$/);
    const fresh = buildModel([HIHELLO[0]!, { kind: 'batchNormalization' }, HIHELLO[1]!], [6, 5], {
      task: 'sequence-categorical',
      seed: 9,
    });
    fresh.setWeights(result.snapshot.values);
    restoreWeights(fresh.variables, result.snapshot);
    const trainable = (w: Float32Array[]) => w.filter((_, k) => k !== 5 && k !== 6);
    expect(trainable(fresh.getWeights())).toEqual(trainable(after));
    fresh.dispose();
    model.dispose();
    tf.dispose([xs, ys]);
  });
});

describe('no tensors are left behind', () => {
  it('build + 200 training steps (dropout, BatchNorm) + predictions + dispose → the baseline', async () => {
    const { xs, ys } = hihelloData();
    const wrong = tf.zeros([1, 5]);
    const baseline = tf.memory().numTensors;
    const model = buildModel(
      [
        { kind: 'simpleRNN', units: 5, returnSequences: true },
        { kind: 'batchNormalization' },
        { kind: 'dropout', rate: 0.2 },
        { kind: 'dense', units: 5, activation: 'softmax' },
      ],
      [6, 5],
      { task: 'sequence-categorical', seed: 3 },
    );
    expect(tf.memory().numTensors).toBe(baseline + 9); // its variables
    const result = await train(
      model,
      { xs, ys },
      { optimizer: 'adam', learningRate: 0.05, epochs: 200, batchSize: 1, yieldEvery: 50 },
    ).done;
    expect(result.steps).toBe(200);
    predictSequence(model, xs);
    model.predict(xs, { training: true }).dispose();
    model.loss(xs, ys, true).dispose();
    model.metrics!(xs, ys);
    model.setWeights(model.getWeights());
    expect(() => model.loss(xs, wrong)).toThrow(/one per step: shape \[1, 6\]/);
    expect(tf.memory().numTensors).toBe(baseline + 9);
    model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    tf.dispose([xs, ys, wrong]);
  });
});
