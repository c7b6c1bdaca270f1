// The fused LSTM path (src/core/fast) against the step-by-step autodiff path (unrollGraph):
// the same outputs and, through tf.grad, the same gradients for every input and weight.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCell } from '../../../../src/core';
import { fastLstmAvailable } from '../../../../src/core/fast/lstm';
import { cellTensors, unroll, unrollGraph, type UnrollOptions } from '../../../../src/core/unroll';
import { randomNested, useCpu } from '../helpers';

beforeAll(useCpu);

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

describe('the fused LSTM path', () => {
  it('is available on the cpu backend', () => {
    expect(fastLstmAvailable()).toBe(true);
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
              {
                kernel: k as tf.Tensor2D,
                recurrentKernel: u as tf.Tensor2D,
                bias: b as tf.Tensor1D,
                bhn: null,
              },
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

  it('leaves no tensor behind over repeated training steps', () => {
    const cell = createCell({ kind: 'lstm', inputSize: 2, units: 4 }, { seed: 9 });
    const w = cellTensors(cell);
    const vars = [tf.variable(w.kernel), tf.variable(w.recurrentKernel), tf.variable(w.bias)];
    const x = tf.tensor3d(randomNested([3, 5, 2], 1) as number[][][]);
    const step = () =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => {
          const run = unroll(
            cell,
            {
              kernel: vars[0] as unknown as tf.Tensor2D,
              recurrentKernel: vars[1] as unknown as tf.Tensor2D,
              bias: vars[2] as unknown as tf.Tensor1D,
              bhn: null,
            },
            x,
            { returnSequences: false },
          );
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
