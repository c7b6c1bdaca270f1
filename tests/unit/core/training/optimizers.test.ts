import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  KERAS_ADAM,
  createOptimizer,
  train,
  type BatchEndEvent,
  type TrainableModel,
} from '../../../../src/core/training';
import { disposeAll, lineData, lineModel, useCpu } from './fixtures';

beforeAll(useCpu);

/** ∂L/∂w and ∂L/∂b of L = mean((w·x + b − y)²), in float64 from the float32 data. */
function handGradient(x: Float32Array, y: Float32Array, w: number, b: number) {
  let dw = 0;
  let db = 0;
  for (let i = 0; i < x.length; i++) {
    const r = w * x[i]! + b - y[i]!;
    dw += (2 * r * x[i]!) / x.length;
    db += (2 * r) / x.length;
  }
  return { dw, db };
}

describe('SGD', () => {
  it('takes exactly the hand-computed first step w ← w − η·∂L/∂w', async () => {
    const data = lineData(16, 3);
    const model = lineModel(0.5, -0.3);
    const lr = 0.1;
    const result = await train(model, data, {
      optimizer: 'sgd',
      learningRate: lr,
      batchSize: 16,
      epochs: 1,
    }).done;
    expect(result.steps).toBe(1);
    const { dw, db } = handGradient(data.x, data.y, 0.5, -0.3);
    const { w, b } = model.read();
    expect(Math.abs(w - (0.5 - lr * dw))).toBeLessThan(1e-6);
    expect(Math.abs(b - (-0.3 - lr * db))).toBeLessThan(1e-6);
    // The step really moved the weights (a no-op would fail the lines above by ~lr·|∂L|).
    expect(Math.abs(lr * dw)).toBeGreaterThan(1e-2);
    disposeAll(model, data.xs, data.ys);
  });

  it('adds the L2 term λ‖W‖² to kernels only: w ← w − η(∂L/∂w + 2λw), b as before', async () => {
    const data = lineData(16, 3);
    const model = lineModel(0.5, -0.3);
    const [lr, lambda] = [0.1, 0.25];
    const batches: BatchEndEvent[] = [];
    await train(
      model,
      data,
      { optimizer: 'sgd', learningRate: lr, batchSize: 16, weightDecay: lambda },
      { onBatchEnd: (e) => void batches.push(e) },
    ).done;
    const { dw, db } = handGradient(data.x, data.y, 0.5, -0.3);
    const { w, b } = model.read();
    expect(Math.abs(w - (0.5 - lr * (dw + 2 * lambda * 0.5)))).toBeLessThan(1e-6);
    expect(Math.abs(b - (-0.3 - lr * db))).toBeLessThan(1e-6);
    // The reported loss includes the penalty λ·w² (Keras reports it the same way).
    let mse = 0;
    for (let i = 0; i < 16; i++) mse += (0.5 * data.x[i]! - 0.3 - data.y[i]!) ** 2 / 16;
    expect(batches[0]!.loss).toBeCloseTo(mse + lambda * 0.25, 5);
    disposeAll(model, data.xs, data.ys);
  });
});

/**
 * A loss linear in the weights, L = Σ p_i·g_i, so the gradient is exactly g at every step and
 * Adam's formula can be followed by hand. The third entry is tiny: there √v is comparable to ε,
 * which tells Keras's ε placement (√v + ε) from the paper's (√v̂ + ε).
 */
const G = [0.5, -2, 1e-5, 3];
const P0 = [0.1, 0.2, -0.3, 0.4];

interface LinearLossModel extends TrainableModel {
  p: tf.Variable;
  dispose(): void;
}

function linearLossModel(): LinearLossModel {
  const p = tf.tidy(() => tf.variable(tf.tensor1d(P0)));
  const g = tf.tensor1d(G);
  return {
    p,
    variables: [p],
    loss: () => tf.sum(tf.mul(p, g)) as tf.Scalar,
    dispose() {
      p.dispose();
      g.dispose();
    },
  };
}

/** Keras's Adam on a constant gradient, in float64. */
function handAdam(steps: number, lr: number, paperForm = false): number[] {
  const { beta1, beta2, epsilon } = KERAS_ADAM;
  const p = [...P0];
  const m = [0, 0, 0, 0];
  const v = [0, 0, 0, 0];
  for (let t = 1; t <= steps; t++) {
    for (let i = 0; i < 4; i++) {
      m[i] = beta1 * m[i]! + (1 - beta1) * G[i]!;
      v[i] = beta2 * v[i]! + (1 - beta2) * G[i]! ** 2;
      if (paperForm) {
        const mHat = m[i]! / (1 - beta1 ** t);
        const vHat = v[i]! / (1 - beta2 ** t);
        p[i]! -= (lr * mHat) / (Math.sqrt(vHat) + epsilon);
      } else {
        const lrT = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
        p[i]! -= (lrT * m[i]!) / (Math.sqrt(v[i]!) + epsilon);
      }
    }
  }
  return p;
}

describe('Adam', () => {
  it('uses Keras constants β1 0.9, β2 0.999, ε 1e-7', () => {
    expect(KERAS_ADAM).toEqual({ beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
  });

  it('first step (and the next two) match the Adam formula by hand within 1e-6', async () => {
    const model = linearLossModel();
    const xs = tf.zeros([1, 1]);
    const ys = tf.zeros([1, 1]);
    const lr = 0.01;
    const seen: number[][] = [];
    const events: BatchEndEvent[] = [];
    await train(
      model,
      { xs, ys },
      { optimizer: 'adam', learningRate: lr, batchSize: 1, epochs: 3 },
      {
        onBatchEnd: (e) => {
          events.push(e);
          seen.push(Array.from(model.p.dataSync()));
        },
      },
    ).done;
    expect(seen).toHaveLength(3);
    for (let t = 1; t <= 3; t++) {
      const expected = handAdam(t, lr);
      seen[t - 1]!.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(1e-6));
    }
    // The tiny-gradient entry really tells the two ε placements apart.
    const paper = handAdam(1, lr, true);
    expect(Math.abs(seen[0]![2]! - paper[2]!)).toBeGreaterThan(1e-3);
    // The gradient norm reported is ‖g‖.
    expect(events[0]!.gradNorm).toBeCloseTo(Math.hypot(...G), 5);
    expect(events[0]!.gradNormAfterClip).toBe(events[0]!.gradNorm);
    expect(events[0]!.clipped).toBe(false);
    disposeAll(model, xs, ys);
  });

  it('createOptimizer can be stepped by hand and disposes its moment variables', () => {
    const model = linearLossModel();
    const before = tf.memory().numTensors;
    const opt = createOptimizer('adam', [model.p], 0.01);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.tidy(() => opt.apply([tf.tensor1d(G)]));
    expect(opt.iterations).toBe(1);
    const expected = handAdam(1, 0.01);
    Array.from(model.p.dataSync()).forEach((v, i) =>
      expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-6),
    );
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('a tiny linear regression y = 2x + 1 converges', () => {
  for (const [optimizer, learningRate, epochs] of [
    ['adam', 0.05, 60],
    ['sgd', 0.2, 30],
  ] as const) {
    it(`with ${optimizer}`, async () => {
      const data = lineData(64, 7);
      const model = lineModel();
      const result = await train(model, data, {
        optimizer,
        learningRate,
        epochs,
        batchSize: 16,
        seed: 5,
      }).done;
      expect(result.status).toBe('completed');
      expect(result.epochsRun).toBe(epochs);
      expect(result.steps).toBe(epochs * 4);
      const { loss } = result.history;
      expect(loss[0]).toBeGreaterThan(0.5);
      expect(loss.at(-1)).toBeLessThan(1e-4);
      const { w, b } = model.read();
      expect(w).toBeCloseTo(2, 2);
      expect(b).toBeCloseTo(1, 2);
      disposeAll(model, data.xs, data.ys);
    });
  }
});
