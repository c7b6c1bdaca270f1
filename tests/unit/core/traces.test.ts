import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cellTensors,
  createCell,
  exportKerasWeights,
  stepOf,
  traceCell,
  traceCellAsync,
  unroll,
  type Cell,
  type SimpleRNNActivation,
} from '../../../src/core';
import { expectClose, randomNested, useCpu } from './helpers';

beforeAll(useCpu);

/** Runs tf.layers' own layer with the cell's weights (sigmoid recurrent activation). */
function layersOutput(cell: Cell, input: number[][][], initialState?: number[][][]): Float32Array {
  return tf.tidy(() => {
    const common = { units: cell.units, returnSequences: true };
    const layer =
      cell.kind === 'simpleRNN'
        ? tf.layers.simpleRNN({ ...common, activation: cell.activation })
        : cell.kind === 'lstm'
          ? tf.layers.lstm({ ...common, recurrentActivation: 'sigmoid' })
          : tf.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
    const x = tf.tensor3d(input);
    const kwargs = initialState ? { initialState: initialState.map((s) => tf.tensor2d(s)) } : {};
    layer.apply(x, kwargs); // builds the layer
    const k = exportKerasWeights(cell);
    layer.setWeights([
      tf.tensor2d(k.kernel),
      tf.tensor2d(k.recurrent_kernel),
      tf.tensor1d(k.bias as number[]),
    ]);
    const out = layer.apply(x, kwargs) as tf.Tensor;
    return out.dataSync() as Float32Array;
  });
}

describe('traces match tf.layers (sigmoid recurrent activation) within 1e-5', () => {
  const B = 3;
  const T = 7;
  const D = 4;
  const H = 5;
  const input = randomNested([B, T, D], 11) as number[][][];

  it.each<SimpleRNNActivation>(['tanh', 'sigmoid', 'relu'])(
    'SimpleRNN, activation %s',
    (activation) => {
      const cell = createCell(
        { kind: 'simpleRNN', inputSize: D, units: H, activation },
        { seed: 1 },
      );
      const h0 = randomNested([B, H], 5) as number[][];
      const trace = traceCell(cell, input, { h0 });
      expect(trace.h.length).toBe(B * T * H);
      expectClose(trace.h, layersOutput(cell, input, [h0]), 1e-5);
    },
  );

  it('LSTM, with random biases and initial h0, c0', () => {
    const cell = createCell(
      { kind: 'lstm', inputSize: D, units: H },
      { seed: 2, unitForgetBias: true },
    );
    for (const g of Object.values(cell.gates))
      g.b.set(randomNested([H], 9).map((v) => (v as number) * 0.5));
    const h0 = randomNested([B, H], 6) as number[][];
    const c0 = randomNested([B, H], 7) as number[][];
    const trace = traceCell(cell, input, { h0, c0 });
    expectClose(trace.h, layersOutput(cell, input, [h0, c0]), 1e-5);
  });

  it('GRU in the tfjs / keras-v1 preset (z weighs h₋₁, reset before U)', () => {
    for (const preset of ['tfjs', 'keras-v1', 'cho2014'] as const) {
      const cell = createCell(
        { kind: 'gru', inputSize: D, units: H, convention: preset },
        { seed: 3 },
      );
      for (const g of Object.values(cell.gates))
        g.b.set(randomNested([H], 8).map((v) => (v as number) * 0.5));
      const h0 = randomNested([B, H], 4) as number[][];
      const trace = traceCell(cell, input, { h0 });
      expectClose(trace.h, layersOutput(cell, input, [h0]), 1e-5);
    }
  });

  it('a GRU stored in the course form exports to the same tfjs function', () => {
    const cell = createCell(
      { kind: 'gru', inputSize: D, units: H, convention: 'course' },
      { seed: 4 },
    );
    expectClose(traceCell(cell, input).h, layersOutput(cell, input), 1e-5);
  });
});

describe('trace contents', () => {
  it('single sequence [T, D]: every gate, pre-activation, c and h per step, consistent', () => {
    const cell = createCell({ kind: 'lstm', inputSize: 2, units: 3 }, { seed: 5 });
    const x = randomNested([4, 2], 1) as number[][];
    const trace = traceCell(cell, x);
    expect(trace.single).toBe(true);
    expect(trace.batch).toBe(1);
    expect(trace.steps).toBe(4);
    expect(Object.keys(trace.gates)).toEqual(['f', 'i', 'candidate', 'o']);
    for (const name of ['f', 'i', 'candidate', 'o'] as const) {
      expect(trace.gates[name].length).toBe(12);
      expect(trace.pre[name].length).toBe(12);
    }
    // Recompute c_t and h_t from the traced gates.
    let cPrev = new Float32Array(3);
    for (let t = 0; t < 4; t++) {
      const f = stepOf(trace.gates.f, trace, t);
      const i = stepOf(trace.gates.i, trace, t);
      const g = stepOf(trace.gates.candidate, trace, t);
      const o = stepOf(trace.gates.o, trace, t);
      const c = stepOf(trace.c, trace, t);
      const h = stepOf(trace.h, trace, t);
      for (let j = 0; j < 3; j++) {
        expect(f[j]).toBeCloseTo(1 / (1 + Math.exp(-stepOf(trace.pre.f, trace, t)[j]!)), 6);
        expect(g[j]).toBeCloseTo(Math.tanh(stepOf(trace.pre.candidate, trace, t)[j]!), 6);
        expect(c[j]).toBeCloseTo(f[j]! * cPrev[j]! + i[j]! * g[j]!, 6);
        expect(h[j]).toBeCloseTo(o[j]! * Math.tanh(c[j]!), 6);
      }
      cPrev = c.slice();
      expect(Array.from(stepOf(trace.input, trace, t))).toEqual(x[t]!.map((v) => Math.fround(v)));
    }
    expect(trace.firstNonFiniteStep).toBeNull();
  });

  it('batch and single runs agree; a flat [T] list is a one-feature sequence', () => {
    const cell = createCell(
      { kind: 'gru', inputSize: 1, units: 2, convention: 'pytorch' },
      { seed: 6 },
    );
    const temps = [15, 17, 13].map((v) => v / 10);
    const single = traceCell(cell, temps);
    const batch = traceCell(cell, [temps.map((v) => [v]), temps.map((v) => [-v])]);
    expect(Array.from(batch.h.subarray(0, 6))).toEqual(Array.from(single.h));
    expect(batch.single).toBe(false);
    expect(Object.keys(single.gates)).toEqual(['r', 'z', 'candidate']);
  });

  it('traceCellAsync gives the same numbers', async () => {
    const cell = createCell({ kind: 'lstm', inputSize: 2, units: 3 }, { seed: 7 });
    const x = randomNested([2, 5, 2], 3) as number[][][];
    const a = traceCell(cell, x);
    const b = await traceCellAsync(cell, x);
    expect(Array.from(b.h)).toEqual(Array.from(a.h));
    expect(Array.from(b.c)).toEqual(Array.from(a.c));
    expect(Array.from(b.gates.o)).toEqual(Array.from(a.gates.o));
  });

  it('reports the first step that overflowed instead of hiding it', () => {
    const cell = createCell(
      { kind: 'simpleRNN', inputSize: 1, units: 2, activation: 'relu' },
      { seed: 8 },
    );
    cell.gates.h.U.set([1e30, 0, 0, 1e30]);
    cell.gates.h.W.set([1, 1]);
    const trace = traceCell(cell, [[1], [1], [1], [1]]);
    expect(trace.firstNonFiniteStep).toBe(2);
  });
});

describe('unroll (the differentiable forward pass for training)', () => {
  it('returns hs [B, T, H], hLast and cLast [B, H] equal to the trace, and leaks nothing', () => {
    const cell = createCell({ kind: 'lstm', inputSize: 3, units: 4 }, { seed: 12 });
    const x = randomNested([2, 5, 3], 13) as number[][][];
    const h0 = randomNested([2, 4], 14) as number[][];
    const trace = traceCell(cell, x, { h0 });
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const run = unroll(cell, cellTensors(cell), tf.tensor3d(x), { h0: tf.tensor2d(h0) });
      expect(run.hs!.shape).toEqual([2, 5, 4]);
      expectClose(run.hs!.dataSync(), trace.h, 1e-6);
      expectClose(
        run.hLast.dataSync(),
        [...stepOf(trace.h, trace, 4, 0), ...stepOf(trace.h, trace, 4, 1)],
        1e-6,
      );
      expectClose(
        run.cLast!.dataSync(),
        [...stepOf(trace.c, trace, 4, 0), ...stepOf(trace.c, trace, 4, 1)],
        1e-6,
      );
      expect(
        unroll(cell, cellTensors(cell), tf.tensor3d(x), { returnSequences: false }).hs,
      ).toBeNull();
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
