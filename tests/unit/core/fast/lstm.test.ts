// The fused LSTM path (src/core/fast) against the step-by-step autodiff path (unrollGraph):
// the same outputs and, through tf.grad, the same gradients for every input and weight, on
// tfjs's cpu backend and on its wasm backend (which runs in Node too).
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCell } from '../../../../src/core';
import { fastLstmAvailable } from '../../../../src/core/fast/lstm';
import {
  LSTM_CPU_GRADS,
  LSTM_CPU_STEP,
  LSTM_CPU_STEP_BACKWARD,
  LSTM_STEP_BACKWARD_SAVED,
  LSTM_STEP_FORWARD,
  LSTM_WEBGL_DZ,
  LSTM_WEBGL_GATES,
} from '../../../../src/core/fast/lstmKernels';
import {
  cellTensors,
  unroll,
  unrollGraph,
  type CellTensors,
  type UnrollOptions,
} from '../../../../src/core/unroll';
import { randomNested } from '../helpers';

/** max |a − b| / max(|b|_∞, tiny): one relative error for a whole tensor. */
function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  expect(x.length).toBe(y.length);
  let diff = 0;
  let scale = 1e-12;
  for (let k = 0; k < x.length; k++) {
    diff = Math.max(diff, Math.abs(x[k]! - y[k]!));
    scale = Math.max(scale, Math.abs(y[k]!));
  }
  return diff / scale;
}

interface Case {
  name: string;
  B: number;
  T: number;
  D: number;
  H: number;
  sequences: boolean;
  initial: boolean;
  /** Loss weights on the cell state output too. */
  useC: boolean;
}

const CASES: Case[] = [
  {
    name: 'last step, zero state',
    B: 4,
    T: 7,
    D: 3,
    H: 5,
    sequences: false,
    initial: false,
    useC: false,
  },
  {
    name: 'sequences, h0 and c0',
    B: 3,
    T: 6,
    D: 2,
    H: 4,
    sequences: true,
    initial: true,
    useC: false,
  },
  {
    name: 'last step, h0/c0, loss on c',
    B: 2,
    T: 5,
    D: 3,
    H: 3,
    sequences: false,
    initial: true,
    useC: true,
  },
  {
    name: 'sequences, loss on c',
    B: 5,
    T: 4,
    D: 1,
    H: 6,
    sequences: true,
    initial: true,
    useC: true,
  },
  { name: 'two steps', B: 3, T: 2, D: 2, H: 2, sequences: true, initial: true, useC: false },
];

/** An LSTM's weights as unroll takes them, from the tensors a gradient function receives. */
const lstmWeights = (k: tf.Tensor, u: tf.Tensor, b: tf.Tensor): CellTensors => ({
  kernel: k as tf.Tensor2D,
  recurrentKernel: u as tf.Tensor2D,
  bias: b as tf.Tensor1D,
  bhn: null,
});

/** A seeded cell of a case's size, its weight tensors and an input batch. */
function smallCase(c: Case) {
  const cell = createCell({ kind: 'lstm', inputSize: c.D, units: c.H }, { seed: 3 });
  const w = cellTensors(cell);
  const x = tf.tensor3d(randomNested([c.B, c.T, c.D], 1) as number[][][]);
  return { cell, w, x };
}

describe.each(['cpu', 'wasm'])('the fused LSTM path on %s', (backend) => {
  // cpu's step kernels do the products too (and one kernel after the loop the weight gradients).
  const FORWARD = backend === 'cpu' ? LSTM_CPU_STEP : LSTM_STEP_FORWARD;
  const BACKWARD = backend === 'cpu' ? LSTM_CPU_STEP_BACKWARD : LSTM_STEP_BACKWARD_SAVED;
  beforeAll(async () => {
    if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
    await tf.setBackend(backend);
    await tf.ready();
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is available', () => {
    expect(fastLstmAvailable()).toBe(true);
  });

  it('keeps the activations for a backward kernel that reads them; no flagged matmul on wasm, none at all on cpu', async () => {
    const c = CASES[0]!;
    const { w, x } = smallCase(c);
    const profile = await tf.profile(() => {
      const grads = tf.grads((k: tf.Tensor, u: tf.Tensor, b: tf.Tensor) => {
        const run = unroll({ kind: 'lstm', inputSize: c.D, units: c.H }, lstmWeights(k, u, b), x, {
          returnSequences: false,
        });
        return tf.sum(run.hLast) as tf.Scalar;
      })([w.kernel, w.recurrentKernel, w.bias]);
      tf.dispose(grads);
    });
    const count = (name: string) => profile.kernels.filter((k) => k.name === name).length;
    expect(count(FORWARD)).toBe(c.T);
    expect(count(BACKWARD)).toBe(c.T);
    expect(count(LSTM_WEBGL_GATES) + count(LSTM_WEBGL_DZ)).toBe(0);
    // The backward pass evaluates no activation function of its own.
    expect(count('Sigmoid') + count('Tanh') + count('Exp')).toBe(0);
    // The forward kernel returns c, h and the activations [B, 5H].
    const forward = profile.kernels.find((k) => k.name === FORWARD)!;
    expect(forward.outputShapes).toEqual([
      [c.B, c.H],
      [c.B, c.H],
      [c.B, 5 * c.H],
    ]);
    if (backend === 'cpu') {
      // Every product is inside the step kernels and the one weight-gradient kernel.
      expect(count('BatchMatMul')).toBe(0);
      expect(count(LSTM_CPU_GRADS)).toBe(1);
    }
    if (backend === 'wasm') {
      // Every product is a plain a·b (inner sizes line up without a transpose flag): tfjs-wasm
      // sends only those to XNNPACK, the others to a slow triple loop.
      for (const k of profile.kernels.filter((kk) => kk.name === 'BatchMatMul')) {
        const [a, b] = k.inputShapes as [number[], number[]];
        expect(a[a.length - 1], `${JSON.stringify(k.inputShapes)}`).toBe(b[b.length - 2]);
      }
    }
    tf.dispose([w.kernel, w.recurrentKernel, w.bias, x]);
  });

  it('keeps no activations when nothing is differentiated (inference)', async () => {
    const c = CASES[0]!;
    const { cell, w, x } = smallCase(c);
    const profile = await tf.profile(() => {
      tf.dispose(Object.values(unroll(cell, w, x, { returnSequences: false })).filter(Boolean));
    });
    const forward = profile.kernels.filter((k) => k.name === FORWARD);
    expect(forward).toHaveLength(c.T);
    expect(forward[0]!.outputShapes).toEqual([
      [c.B, c.H],
      [c.B, c.H],
    ]);
    tf.dispose([w.kernel, w.recurrentKernel, w.bias, x]);
  });

  for (const c of CASES) {
    it(`matches the autodiff path: ${c.name}`, () => {
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const cell = createCell(
          { kind: 'lstm', inputSize: c.D, units: c.H },
          { seed: `fast-${c.name}`, unitForgetBias: true },
        );
        const w = cellTensors(cell);
        const bias = tf.add(
          w.bias,
          tf.tensor1d(randomNested([4 * c.H], 3) as number[]),
        ) as tf.Tensor1D;
        const x = tf.tensor3d(randomNested([c.B, c.T, c.D], 1, -2, 2) as number[][][]);
        const h0 = tf.tensor2d(randomNested([c.B, c.H], 2) as number[][]);
        const c0 = tf.tensor2d(randomNested([c.B, c.H], 4, -1.5, 1.5) as number[][]);
        const target = c.sequences
          ? tf.tensor3d(randomNested([c.B, c.T, c.H], 5) as number[][][])
          : tf.tensor2d(randomNested([c.B, c.H], 5) as number[][]);
        const cWeights = tf.tensor2d(randomNested([c.B, c.H], 6) as number[][]);

        const lossOf =
          (run: typeof unroll) =>
          (
            xx: tf.Tensor,
            k: tf.Tensor,
            u: tf.Tensor,
            b: tf.Tensor,
            hh?: tf.Tensor,
            cc?: tf.Tensor,
          ) => {
            const options: UnrollOptions = { returnSequences: c.sequences };
            if (c.initial) {
              options.h0 = hh as tf.Tensor2D;
              options.c0 = cc as tf.Tensor2D;
            }
            const out = run(
              { kind: 'lstm', inputSize: c.D, units: c.H },
              lstmWeights(k, u, b),
              xx as tf.Tensor3D,
              options,
            );
            const y = c.sequences ? out.hs! : out.hLast;
            let loss = tf.sum(tf.square(tf.sub(y, target)));
            // hLast through a second road (sequences), so its gradient adds to the hs one.
            if (c.sequences) loss = tf.add(loss, tf.sum(tf.mul(out.hLast, 0.3)));
            if (c.useC) loss = tf.add(loss, tf.sum(tf.mul(out.cLast!, cWeights)));
            return loss as tf.Scalar;
          };
        const inputs = [x, w.kernel, w.recurrentKernel, bias, ...(c.initial ? [h0, c0] : [])];
        const fast = tf.valueAndGrads(lossOf(unroll))(inputs);
        const slow = tf.valueAndGrads(lossOf(unrollGraph))(inputs);
        expect(relativeError(fast.value, slow.value)).toBeLessThan(1e-5);
        const names = ['x', 'kernel', 'recurrentKernel', 'bias', 'h0', 'c0'];
        fast.grads.forEach((g, k) => {
          expect(relativeError(g, slow.grads[k]!), `∂L/∂${names[k]}`).toBeLessThan(1e-5);
        });
        // The forward values themselves (hs, hLast, cLast).
        const options: UnrollOptions = { returnSequences: true, h0, c0 };
        const a = unroll(cell, w, x, options);
        const b = unrollGraph(cell, w, x, options);
        expect(relativeError(a.hs!, b.hs!)).toBeLessThan(1e-6);
        expect(relativeError(a.hLast, b.hLast)).toBeLessThan(1e-6);
        expect(relativeError(a.cLast!, b.cLast!)).toBeLessThan(1e-6);
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('saturates like the autodiff path when pre-activations are huge (σ → 0 or 1, tanh → ±1)', () => {
    const c = CASES[1]!;
    tf.tidy(() => {
      const { cell, w, x } = smallCase(c);
      // Biases of ±50 … ±120: every pre-activation far out, where exp overflows float32 (the
      // weights stay small, so the two paths' rounding differences are not amplified).
      // Even units (H is even): every gate open, c grows by one a step; odd units: all shut.
      const far = (randomNested([4 * c.H], 8) as number[]).map(
        (u, k) => (k % 2 === 0 ? 1 : -1) * (50 + 70 * Math.abs(u)),
      );
      const big = lstmWeights(w.kernel, w.recurrentKernel, tf.tensor1d(far));
      const a = unroll(cell, big, x, { returnSequences: true });
      const b = unrollGraph(cell, big, x, { returnSequences: true });
      const values = a.hs!.dataSync();
      expect(values.every(Number.isFinite)).toBe(true);
      expect(Math.max(...values.map(Math.abs))).toBeGreaterThan(0.7);
      expect(relativeError(a.hs!, b.hs!)).toBeLessThan(1e-6);
      expect(relativeError(a.cLast!, b.cLast!)).toBeLessThan(1e-6);
    });
  });

  it('leaves no tensor behind over repeated training steps', () => {
    const cell = createCell({ kind: 'lstm', inputSize: 2, units: 4 }, { seed: 9 });
    const w = cellTensors(cell);
    const vars = [tf.variable(w.kernel), tf.variable(w.recurrentKernel), tf.variable(w.bias)];
    const x = tf.tensor3d(randomNested([3, 5, 2], 1) as number[][][]);
    const step = () =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => {
          const run = unroll(cell, lstmWeights(vars[0]!, vars[1]!, vars[2]!), x, {
            returnSequences: false,
          });
          return tf.sum(run.hLast) as tf.Scalar;
        }, vars);
        vars.forEach((v) => v.assign(tf.sub(v, tf.mul(grads[v.name]!, 0.01))));
        return value;
      });
    step().dispose();
    const before = tf.memory().numTensors;
    for (let k = 0; k < 20; k++) step().dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...vars, x, w.kernel, w.recurrentKernel, w.bias]);
  });
});
