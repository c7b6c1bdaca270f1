import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { train, type TrainableModel } from '../../../../src/core/training';
import { disposeAll, lineData, useCpu } from './fixtures';

beforeAll(useCpu);

/** A two-layer net (kernels and biases) with an accuracy-like metric, for a realistic step. */
function mlp(): TrainableModel & { dispose(): void } {
  const W1 = tf.tidy(() => tf.variable(tf.randomNormal([1, 8], 0, 0.5, 'float32', 1)));
  const b1 = tf.tidy(() => tf.variable(tf.zeros([8])));
  const W2 = tf.tidy(() => tf.variable(tf.randomNormal([8, 1], 0, 0.5, 'float32', 2)));
  const b2 = tf.tidy(() => tf.variable(tf.zeros([1])));
  const forward = (xs: tf.Tensor) =>
    tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(xs as tf.Tensor2D, W1), b1)) as tf.Tensor2D, W2), b2);
  return {
    variables: [W1, b1, W2, b2],
    loss: (xs, ys) => tf.losses.meanSquaredError(ys, forward(xs)) as tf.Scalar,
    metrics: (xs, ys) => ({
      withinTenth: tf
        .mean(tf.cast(tf.less(tf.abs(tf.sub(forward(xs), ys)), 0.1), 'float32'))
        .dataSync()[0]!,
    }),
    dispose: () => disposeAll(W1, b1, W2, b2),
  };
}

describe('no tensor leaks', () => {
  it('numTensors and numBytes are the same before and after a 1,000-step run', async () => {
    const data = lineData(80, 3);
    const model = mlp();
    const before = tf.memory();
    let steps = 0;
    const result = await train(
      model,
      data,
      {
        optimizer: 'adam',
        learningRate: 0.01,
        batchSize: 8,
        epochs: 125,
        validationSplit: 0.2,
        clip: { mode: 'global', threshold: 1 },
        weightDecay: 1e-4,
        yieldEvery: 10,
        seed: 4,
      },
      {
        onBatchEnd: () => {
          steps++;
        },
      },
    ).done;
    expect(result.status).toBe('completed');
    expect(result.steps).toBe(1000); // 64 training samples / 8 × 125 epochs
    expect(steps).toBe(1000);
    expect(result.history.valLoss).toHaveLength(125);
    expect(result.history.metrics.withinTenth).toHaveLength(125);
    expect(result.history.loss.at(-1)).toBeLessThan(result.history.loss[0]!);
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    model.dispose();
    disposeAll(data.xs, data.ys);
  });

  it('nor after a diverged, a cancelled or a per-tensor clipped SGD run', async () => {
    const data = lineData(32, 3);
    const before = tf.memory().numTensors;
    const exploding = mlp();
    const diverged = await train(exploding, data, {
      optimizer: 'sgd',
      learningRate: 1e4,
      epochs: 20,
    }).done;
    expect(diverged.status).toBe('diverged');
    exploding.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const model = mlp();
    const withModel = tf.memory().numTensors;
    const controller = new AbortController();
    const cancelled = await train(
      model,
      data,
      { epochs: 5, batchSize: 4, signal: controller.signal },
      { onBatchEnd: (e) => void (e.step === 3 && controller.abort()) },
    ).done;
    expect(cancelled.status).toBe('cancelled');
    expect(tf.memory().numTensors).toBe(withModel);
    const clipped = await train(model, data, {
      optimizer: 'sgd',
      epochs: 3,
      batchSize: 4,
      clip: { mode: 'per-tensor', threshold: 0.5 },
      validationSplit: 0.25,
    }).done;
    expect(clipped.status).toBe('completed');
    expect(tf.memory().numTensors).toBe(withModel);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    disposeAll(data.xs, data.ys);
  });
});
