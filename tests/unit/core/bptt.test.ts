import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bptt,
  createCell,
  multiplicationTask,
  type BpttOptions,
  type Cell,
  type GateWeights,
} from '../../../src/core';
import { randomNested, useCpu } from './helpers';

beforeAll(useCpu);

type GateTensors = Record<string, { W: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D }>;

/**
 * An independent unrolled graph: one matmul per gate and the textbook equations, starting at
 * step `from` with state (h, c). `U` may be replaced per step (per-step copies of the shared
 * recurrent kernel) to split ∂L/∂U by step.
 */
function naiveRun(
  cell: Cell,
  p: GateTensors,
  xs: tf.Tensor2D[],
  h: tf.Tensor2D,
  c: tf.Tensor2D | null,
  from = 0,
  uAt?: (t: number, gate: string) => tf.Tensor2D,
): { hs: tf.Tensor2D[]; cs: tf.Tensor2D[] } {
  const hs: tf.Tensor2D[] = [];
  const cs: tf.Tensor2D[] = [];
  const U = (t: number, g: string) => (uAt ? uAt(t, g) : p[g]!.U);
  const lin = (t: number, g: string, x: tf.Tensor2D, hh: tf.Tensor2D) =>
    tf.add(tf.add(tf.matMul(x, p[g]!.W), tf.matMul(hh, U(t, g))), p[g]!.b) as tf.Tensor2D;
  for (let t = from; t < xs.length; t++) {
    const x = xs[t]!;
    if (cell.kind === 'simpleRNN') {
      const a = lin(t, 'h', x, h);
      h = (
        cell.activation === 'tanh'
          ? tf.tanh(a)
          : cell.activation === 'relu'
            ? tf.relu(a)
            : tf.sigmoid(a)
      ) as tf.Tensor2D;
    } else if (cell.kind === 'lstm') {
      const f = tf.sigmoid(lin(t, 'f', x, h));
      const i = tf.sigmoid(lin(t, 'i', x, h));
      const g = tf.tanh(lin(t, 'candidate', x, h));
      const o = tf.sigmoid(lin(t, 'o', x, h));
      c = tf.add(tf.mul(f, c!), tf.mul(i, g)) as tf.Tensor2D;
      h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
      cs.push(c);
    } else {
      const z = tf.sigmoid(lin(t, 'z', x, h));
      const r = tf.sigmoid(lin(t, 'r', x, h));
      const cand = cell.resetAfter
        ? tf.tanh(
            tf.add(
              tf.add(tf.matMul(x, p.candidate!.W), p.candidate!.b),
              tf.mul(r, tf.add(tf.matMul(h, U(t, 'candidate')), tf.tensor1d(cell.bhn!))),
            ),
          )
        : tf.tanh(lin(t, 'candidate', x, tf.mul(r, h) as tf.Tensor2D));
      h = (
        cell.updateGate === 'keras'
          ? tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), cand))
          : tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, cand))
      ) as tf.Tensor2D;
    }
    hs.push(h);
  }
  return { hs, cs };
}

function gateTensors(cell: Cell): GateTensors {
  const out: GateTensors = {};
  for (const [name, g] of Object.entries(cell.gates) as [string, GateWeights][]) {
    out[name] = {
      W: tf.tensor2d(g.W, [cell.inputSize, cell.units]),
      U: tf.tensor2d(g.U, [cell.units, cell.units]),
      b: tf.tensor1d(g.b),
    };
  }
  return out;
}

const norm = (t: tf.Tensor) => Math.sqrt(tf.sum(tf.square(t)).dataSync()[0]!);

/** ‖∂L/∂h_t‖, per-step ‖∂L/∂U‖ terms and ‖∂L/∂U‖ from the naive graph with tf.grad(s). */
function reference(
  cell: Cell,
  x: number[][][],
  target: number[][] | number[][][],
  loss: 'last' | 'sum',
) {
  return tf.tidy(() => {
    const B = x.length;
    const T = x[0]!.length;
    const H = cell.units;
    const p = gateTensors(cell);
    const xs = tf.unstack(tf.tensor3d(x), 1) as tf.Tensor2D[];
    const y = tf.tensor(target);
    const h0 = tf.zeros([B, H]) as tf.Tensor2D;
    const c0 = cell.kind === 'lstm' ? (tf.zeros([B, H]) as tf.Tensor2D) : null;
    const lossOf = (hs: tf.Tensor2D[], from: number) => {
      if (loss === 'last')
        return tf.div(tf.mul(0.5, tf.sum(tf.square(tf.sub(hs[hs.length - 1]!, y)))), B);
      const ys = tf.unstack(y, 1).slice(from);
      return tf.div(
        tf.mul(0.5, tf.addN(hs.map((h, k) => tf.sum(tf.square(tf.sub(h, ys[k]!)))))),
        B,
      );
    };
    const full = naiveRun(cell, p, xs, h0, c0);
    // ∂L/∂h_t: restart the unrolled graph at step t from state (h_t, c_t); L as a function of h_t.
    const hNorms: number[] = [];
    for (let t = 0; t < T; t++) {
      const grad = tf.grad((h: tf.Tensor) => {
        const rest = naiveRun(cell, p, xs, h as tf.Tensor2D, full.cs[t] ?? null, t + 1);
        return lossOf([h as tf.Tensor2D, ...rest.hs], t) as tf.Scalar;
      })(full.hs[t]!);
      hNorms.push(norm(grad));
    }
    // ∂L/∂U split by step: one copy of U per step (U + δ_t with δ_t = 0), tf.grads over the δ's.
    const names = Object.keys(p);
    const deltas = Array.from({ length: T }, () => names.map(() => tf.zeros([H, H])));
    const grads = tf.grads((...ds: tf.Tensor[]) => {
      const run = naiveRun(
        cell,
        p,
        xs,
        h0,
        c0,
        0,
        (t, g) => tf.add(p[g]!.U, ds[t * names.length + names.indexOf(g)]!) as tf.Tensor2D,
      );
      return lossOf(run.hs, 0) as tf.Scalar;
    })(deltas.flat());
    const stepNorms = Array.from({ length: T }, (_, t) =>
      Math.sqrt(names.reduce((acc, _n, k) => acc + norm(grads[t * names.length + k]!) ** 2, 0)),
    );
    // ∂L/∂U of the shared kernel, straight.
    const totalGrads = tf.grads((...us: tf.Tensor[]) => {
      const run = naiveRun(cell, p, xs, h0, c0, 0, (_t, g) => us[names.indexOf(g)] as tf.Tensor2D);
      return lossOf(run.hs, 0) as tf.Scalar;
    })(names.map((n) => p[n]!.U));
    const total = Math.sqrt(totalGrads.reduce((acc, g) => acc + norm(g) ** 2, 0));
    return { hNorms, stepNorms, total, loss: lossOf(full.hs, 0).dataSync()[0]! };
  });
}

function expectRelClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number) {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(...Array.from(expected, Math.abs));
  for (let k = 0; k < expected.length; k++) {
    expect(
      Math.abs(actual[k]! - expected[k]!),
      `index ${k}: ${actual[k]} vs ${expected[k]}`,
    ).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected[k]!), 1e-3 * scale));
  }
}

describe('BPTT norms match tf.grad on an independently unrolled graph (1e-4 relative)', () => {
  const B = 2;
  const T = 8;
  const D = 3;
  const H = 4;
  const x = randomNested([B, T, D], 81) as number[][][];
  const cells: [string, Cell][] = [
    ['SimpleRNN tanh', createCell({ kind: 'simpleRNN', inputSize: D, units: H }, { seed: 1 })],
    [
      'SimpleRNN sigmoid',
      createCell({ kind: 'simpleRNN', inputSize: D, units: H, activation: 'sigmoid' }, { seed: 2 }),
    ],
    [
      'LSTM',
      createCell({ kind: 'lstm', inputSize: D, units: H }, { seed: 3, unitForgetBias: true }),
    ],
    [
      'GRU course',
      createCell({ kind: 'gru', inputSize: D, units: H, convention: 'course' }, { seed: 4 }),
    ],
    [
      'GRU pytorch',
      createCell({ kind: 'gru', inputSize: D, units: H, convention: 'pytorch' }, { seed: 5 }),
    ],
  ];
  for (const [name, cell] of cells) {
    if (cell.kind === 'gru' && cell.bhn) cell.bhn.set([0.3, -0.2, 0.1, 0.4]);
    it.each(['last', 'sum'] as const)(`${name}, loss %s`, (loss) => {
      const target = (
        loss === 'last' ? randomNested([B, H], 82) : randomNested([B, T, H], 83)
      ) as number[][];
      const got = bptt(cell, x, { loss, target });
      const want = reference(cell, x, target, loss);
      expect(got.loss).toBeCloseTo(want.loss, 5);
      expectRelClose(got.hGradNorm, want.hNorms, 1e-4);
      expectRelClose(got.recurrentGradNormByStep, want.stepNorms, 1e-4);
      expectRelClose([got.recurrentGradNorm], [want.total], 1e-4);
      expect(got.warning).toBeNull();
    });
  }

  it('the per-step kernel terms add up to ∂L/∂W, and the last-step loss has zero kernel term after T… none before', () => {
    const cell = createCell({ kind: 'lstm', inputSize: D, units: H }, { seed: 6 });
    const got = bptt(cell, x, { target: randomNested([H], 84) as number[] });
    expect(got.kernelGradNormByStep.length).toBe(T);
    expect(got.kernelGradNorm).toBeGreaterThan(0);
    // The whole is at most the sum of its parts (triangle inequality).
    const sum = got.kernelGradNormByStep.reduce((a, b) => a + b, 0);
    expect(got.kernelGradNorm).toBeLessThanOrEqual(sum * (1 + 1e-6));
    expect(got.cGradNorm!.length).toBe(T);
    expect(got.h0GradNorm).toBeGreaterThan(0);
  });

  it('a loss function of the hidden states: steps after the one it reads get zero gradient', () => {
    const cell = createCell({ kind: 'gru', inputSize: D, units: H }, { seed: 7 });
    const lossFn: BpttOptions['lossFn'] = (hs) =>
      tf.sum(tf.slice(hs, [0, 3, 0], [B, 1, H])) as tf.Scalar;
    const got = bptt(cell, x, { lossFn });
    for (let t = 4; t < T; t++) expect(got.hGradNorm[t]).toBe(0);
    expect(got.hGradNorm[3]).toBeCloseTo(Math.sqrt(B * H), 5); // ∂(Σ h_3)/∂h_3 = 1
    expect(got.hGradNorm[0]).toBeGreaterThan(0);
  });
});

describe('vanishing and exploding on purpose', () => {
  const T = 20;
  const H = 8;
  it('SimpleRNN with recurrent scale 0.5 vanishes: ‖∂L/∂h_0‖ ≪ ‖∂L/∂h_T‖', () => {
    const data = multiplicationTask({ samples: 1, steps: T, seed: 3 });
    const cell = createCell(
      { kind: 'simpleRNN', inputSize: 2, units: H },
      { seed: 9, recurrentScale: 0.5 },
    );
    const got = bptt(
      cell,
      { data: data.inputs, shape: [T, 2] },
      { target: new Float32Array(H).fill(1) },
    );
    expect(got.hGradNorm[0]! / got.hGradNorm[T - 1]!).toBeLessThan(1e-4);
    expect(got.recurrentGradNormByStep[1]! / got.recurrentGradNormByStep[T - 1]!).toBeLessThan(
      1e-3,
    );
  });

  it('SimpleRNN with recurrent scale 2 explodes: ‖∂L/∂h_0‖ ≫ ‖∂L/∂h_T‖ (linear regime, x = 0)', () => {
    const cell = createCell(
      { kind: 'simpleRNN', inputSize: 2, units: H },
      { seed: 9, recurrentScale: 2 },
    );
    const zeros = Array.from({ length: T }, () => [0, 0]);
    const got = bptt(cell, zeros, { target: new Float32Array(H).fill(1) });
    // h stays 0, tanh'(0) = 1, U = 2·Q orthogonal: the norm doubles with every step back.
    expect(got.hGradNorm[0]! / got.hGradNorm[T - 1]!).toBeCloseTo(2 ** (T - 1), -2);
    expect(got.hGradNorm[0]! / got.hGradNorm[T - 1]!).toBeGreaterThan(1e5);
  });

  it('an LSTM with its forget gate open keeps the gradient where the SimpleRNN lost it', () => {
    const data = multiplicationTask({ samples: 1, steps: 50, seed: 4 });
    const input = { data: data.inputs, shape: [50, 2] };
    const target = new Float32Array(H).fill(1);
    const rnn = bptt(
      createCell({ kind: 'simpleRNN', inputSize: 2, units: H }, { seed: 1, recurrentScale: 0.5 }),
      input,
      { target },
    );
    const lstm = createCell({ kind: 'lstm', inputSize: 2, units: H }, { seed: 1 });
    lstm.gates.f.b.fill(4); // f ≈ 0.98: the conveyor belt
    const kept = bptt(lstm, input, { target });
    const ratio = (r: typeof kept) => r.hGradNorm[0]! / r.hGradNorm[49]!;
    expect(ratio(kept)).toBeGreaterThan(ratio(rnn) * 1e6);
  });

  it('warns when the gradient overflows', () => {
    const cell = createCell(
      { kind: 'simpleRNN', inputSize: 1, units: 2 },
      { seed: 9, recurrentScale: 1e20 },
    );
    const got = bptt(
      cell,
      Array.from({ length: 6 }, () => [0]),
      { target: [1, 1] },
    );
    expect(got.warning).toMatch(/exploded/);
  });
});
