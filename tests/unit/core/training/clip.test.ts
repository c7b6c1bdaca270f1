import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PYTORCH_CLIP_EPSILON,
  TrainingInputError,
  clipGlobal,
  clipPerTensor,
  globalNorm,
} from '../../../../src/core/training';
import { useCpu } from './fixtures';

beforeAll(useCpu);

const norm = (t: tf.Tensor): number => Math.hypot(...t.dataSync());
const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());

/** g1 = [3, 4] (norm 5) and g2 = [[0.3], [0.4]] (norm 0.5): global norm √25.25. */
function handMade(): tf.Tensor[] {
  return [tf.tensor1d([3, 4]), tf.tensor2d([[0.3], [0.4]])];
}

describe('globalNorm', () => {
  it('is √(Σ‖g_i‖²) over all tensors', () => {
    const grads = handMade();
    const g = globalNorm(grads);
    expect(g.rank).toBe(0);
    expect(g.dataSync()[0]).toBeCloseTo(Math.sqrt(25.25), 5);
    tf.dispose([g, ...grads]);
  });

  it('is 0 for no gradients or zero gradients', () => {
    const zero = tf.zeros([3]);
    const [a, b] = [globalNorm([]), globalNorm([zero])];
    expect([a.dataSync()[0], b.dataSync()[0]]).toEqual([0, 0]);
    tf.dispose([a, b, zero]);
  });
});

describe('clipPerTensor (Keras clipnorm)', () => {
  it('scales the norm-5 tensor to norm 1 and leaves the norm-0.5 tensor as it is (c = 1)', () => {
    const grads = handMade();
    const [big, small] = clipPerTensor(grads, 1) as [tf.Tensor, tf.Tensor];
    expect(norm(big)).toBeCloseTo(1, 6);
    // The direction is kept: [3, 4] / 5.
    expect(values(big)[0]).toBeCloseTo(0.6, 6);
    expect(values(big)[1]).toBeCloseTo(0.8, 6);
    expect(values(small)).toEqual(values(grads[1]!));
    expect(small.shape).toEqual([2, 1]);
    // The inputs are untouched and still alive.
    expect(values(grads[0]!)).toEqual([3, 4]);
    tf.dispose([big, small, ...grads]);
  });

  it('matches g · c / max(‖g‖, c) for a threshold between the two norms', () => {
    const grads = handMade();
    const out = clipPerTensor(grads, 0.7);
    expect(norm(out[0]!)).toBeCloseTo(0.7, 6);
    expect(values(out[1]!)).toEqual(values(grads[1]!));
    tf.dispose([...out, ...grads]);
  });

  it('keeps the names of a variableGrads map', () => {
    const [g1, g2] = handMade() as [tf.Tensor, tf.Tensor];
    const out = clipPerTensor({ kernel: g1, bias: g2 }, 1);
    expect(Object.keys(out)).toEqual(['kernel', 'bias']);
    expect(norm(out.kernel!)).toBeCloseTo(1, 6);
    tf.dispose([g1, g2, out.kernel!, out.bias!]);
  });

  it('leaves zero gradients at zero (no division by zero)', () => {
    const zero = tf.zeros([2, 2]);
    const [out] = clipPerTensor([zero], 1);
    expect(values(out!)).toEqual([0, 0, 0, 0]);
    tf.dispose([zero, out!]);
  });
});

describe('clipGlobal', () => {
  it('Keras global_clipnorm: all tensors scaled by c / ‖g‖_global when it exceeds c', () => {
    const grads = handMade();
    const G = Math.sqrt(25.25);
    const out = clipGlobal(grads, 1);
    // Both scaled by the same factor 1/G — the small one too, unlike per-tensor clipping.
    expect(values(out[0]!)[0]).toBeCloseTo(3 / G, 6);
    expect(values(out[0]!)[1]).toBeCloseTo(4 / G, 6);
    expect(values(out[1]!)[0]).toBeCloseTo(0.3 / G, 6);
    expect(values(out[1]!)[1]).toBeCloseTo(0.4 / G, 6);
    const after = globalNorm(out);
    expect(after.dataSync()[0]).toBeCloseTo(1, 6);
    tf.dispose([...out, after, ...grads]);
  });

  it('does nothing when the global norm is at most c', () => {
    const grads = handMade();
    const out = clipGlobal(grads, 6);
    expect(values(out[0]!)).toEqual([3, 4]);
    expect(values(out[1]!)).toEqual(values(grads[1]!));
    tf.dispose([...out, ...grads]);
  });

  it('PyTorch style multiplies by c / (‖g‖ + 1e-6), and only when that is below 1', () => {
    expect(PYTORCH_CLIP_EPSILON).toBe(1e-6);
    // The ε only shows on small norms: at ‖g‖ = 5e-6 and c = 1e-6, Keras scales by
    // c/‖g‖ = 1/5 and PyTorch by c/(‖g‖ + 1e-6) = 1/6.
    const g = tf.tensor1d([3e-6, 4e-6]);
    const keras = clipGlobal([g], 1e-6);
    const torch = clipGlobal([g], 1e-6, 'pytorch');
    const k = values(keras[0]!);
    const t = values(torch[0]!);
    expect(k[0]! / 3e-6).toBeCloseTo(1 / 5, 5);
    expect(k[1]! / 4e-6).toBeCloseTo(1 / 5, 5);
    expect(t[0]! / 3e-6).toBeCloseTo(1 / 6, 5);
    expect(t[1]! / 4e-6).toBeCloseTo(1 / 6, 5);
    // Below the threshold (c/(G+ε) ≥ 1) PyTorch leaves the gradient alone.
    const small = tf.tensor1d([0.3, 0.4]);
    const [same] = clipGlobal([small], 1, 'pytorch');
    expect(values(same!)).toEqual(values(small));
    tf.dispose([g, ...keras, ...torch, small, same!]);
  });
});

describe('clipping helpers', () => {
  it('leave no tensors behind besides their results', () => {
    const grads = handMade();
    const before = tf.memory().numTensors;
    const a = clipPerTensor(grads, 1);
    const b = clipGlobal(grads, 1);
    const c = clipGlobal(grads, 1, 'pytorch');
    const n = globalNorm(grads);
    expect(tf.memory().numTensors).toBe(before + 2 + 2 + 2 + 1);
    tf.dispose([...a, ...b, ...c, n]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(grads);
  });

  it('reject a threshold that is not above 0', () => {
    const grads = handMade();
    for (const c of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => clipPerTensor(grads, c)).toThrow(TrainingInputError);
      expect(() => clipGlobal(grads, c)).toThrow(/clipping threshold must be a number above 0/);
    }
    tf.dispose(grads);
  });
});
