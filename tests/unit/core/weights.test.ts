import { beforeAll, describe, expect, it } from 'vitest';
import {
  CoreInputError,
  createCell,
  exportKerasWeights,
  exportPyTorchWeights,
  importKerasWeights,
  importPyTorchWeights,
  makeCell,
  stackWeights,
  traceCell,
  unstackWeights,
  type Cell,
  type GateWeights,
  type LSTMCell,
} from '../../../src/core';
import { expectClose, randomNested, useCpu } from './helpers';

beforeAll(useCpu);

const xs = randomNested([5, 3], 91) as number[][];

function gatesOf(cell: Cell): [string, GateWeights][] {
  return Object.entries(cell.gates) as [string, GateWeights][];
}

describe('seeded initialisation', () => {
  it('same seed ⇒ same weights, bit for bit; another seed ⇒ other weights', () => {
    for (const kind of ['simpleRNN', 'lstm', 'gru'] as const) {
      const a = createCell({ kind, inputSize: 3, units: 5 }, { seed: 123 });
      const b = createCell({ kind, inputSize: 3, units: 5 }, { seed: 123 });
      const c = createCell({ kind, inputSize: 3, units: 5 }, { seed: 124 });
      expect(exportKerasWeights(b)).toEqual(exportKerasWeights(a));
      expect(exportKerasWeights(c)).not.toEqual(exportKerasWeights(a));
    }
  });

  it('Glorot-uniform kernels, orthogonal recurrent blocks, zero biases (forget bias 1 on request)', () => {
    const D = 3;
    const H = 6;
    const cell = createCell(
      { kind: 'lstm', inputSize: D, units: H },
      { seed: 5, unitForgetBias: true },
    ) as LSTMCell;
    const limit = Math.sqrt(6 / (D + 4 * H));
    for (const [name, g] of gatesOf(cell)) {
      expect(Math.max(...g.W.map(Math.abs))).toBeLessThanOrEqual(limit);
      expect(Math.max(...g.W.map(Math.abs))).toBeGreaterThan(limit / 3);
      // UᵀU = I for each gate block.
      for (let i = 0; i < H; i++) {
        for (let j = 0; j < H; j++) {
          let dot = 0;
          for (let k = 0; k < H; k++) dot += g.U[k * H + i]! * g.U[k * H + j]!;
          expect(dot).toBeCloseTo(i === j ? 1 : 0, 5);
        }
      }
      expect(Array.from(g.b)).toEqual(new Array(H).fill(name === 'f' ? 1 : 0));
    }
    const plain = createCell({ kind: 'lstm', inputSize: D, units: H }, { seed: 5 }) as LSTMCell;
    expect(Array.from(plain.gates.f.b)).toEqual(new Array(H).fill(0));
    const scaled = createCell(
      { kind: 'simpleRNN', inputSize: D, units: H },
      { seed: 5, recurrentScale: 0.5 },
    );
    expectClose(
      scaled.gates.h.U,
      createCell({ kind: 'simpleRNN', inputSize: D, units: H }, { seed: 5 }).gates.h.U.map(
        (v) => v * 0.5,
      ),
      0,
    );
  });
});

describe('Keras layout', () => {
  it.each(['simpleRNN', 'lstm', 'gru'] as const)('%s: export → JSON → import is exact', (kind) => {
    const cell = createCell(
      kind === 'gru'
        ? { kind, inputSize: 3, units: 4, convention: 'keras-v1' }
        : { kind, inputSize: 3, units: 4 },
      { seed: 7 },
    );
    const json = JSON.parse(JSON.stringify(exportKerasWeights(cell)));
    const G = { simpleRNN: 1, lstm: 4, gru: 3 }[kind];
    expect([json.kernel.length, json.kernel[0].length]).toEqual([3, G * 4]);
    expect([json.recurrent_kernel.length, json.recurrent_kernel[0].length]).toEqual([4, G * 4]);
    const back = importKerasWeights(kind, json);
    for (const [name, g] of gatesOf(cell)) {
      const h = (back.gates as Record<string, GateWeights>)[name]!;
      expect(Array.from(h.W)).toEqual(Array.from(g.W));
      expect(Array.from(h.U)).toEqual(Array.from(g.U));
      expect(Array.from(h.b)).toEqual(Array.from(g.b));
    }
    // The list form of model.get_weights() works too.
    const list = importKerasWeights(kind, [json.kernel, json.recurrent_kernel, json.bias]);
    expect(Array.from(traceCell(list, xs).h)).toEqual(Array.from(traceCell(cell, xs).h));
  });

  it('LSTM gate order is i, f, c, o: the f block is the second quarter of the kernel', () => {
    const cell = makeCell(
      { kind: 'lstm', inputSize: 1, units: 1 },
      {
        i: { W: [[1]], U: [[0]] },
        f: { W: [[2]], U: [[0]] },
        candidate: { W: [[3]], U: [[0]] },
        o: { W: [[4]], U: [[0]] },
      },
    );
    expect(exportKerasWeights(cell).kernel).toEqual([[1, 2, 3, 4]]);
    const gru = makeCell(
      { kind: 'gru', inputSize: 1, units: 1, convention: 'keras' },
      { r: { W: [[1]], U: [[0]] }, z: { W: [[2]], U: [[0]] }, candidate: { W: [[3]], U: [[0]] } },
      [5],
    );
    const k = exportKerasWeights(gru);
    expect(k.kernel).toEqual([[2, 1, 3]]); // z, r, h
    expect(k.bias).toEqual([
      [0, 0, 0],
      [0, 0, 5],
    ]);
    const t = exportPyTorchWeights(gru);
    expect(t.weight_ih_l0).toEqual([[1], [2], [3]]); // r, z, n
    expect(t.bias_hh_l0).toEqual([0, 0, 5]);
  });
});

describe('PyTorch layout', () => {
  it('an LSTM state_dict gives the same trace as the same weights in Keras layout (biases add)', () => {
    const H = 2;
    const D = 3;
    const weight_ih_l0 = randomNested([4 * H, D], 1) as number[][];
    const weight_hh_l0 = randomNested([4 * H, H], 2) as number[][];
    const bias_ih_l0 = randomNested([4 * H], 3) as number[];
    const bias_hh_l0 = randomNested([4 * H], 4) as number[];
    const torch = importPyTorchWeights('lstm', {
      weight_ih_l0,
      weight_hh_l0,
      bias_ih_l0,
      bias_hh_l0,
    });
    const transpose = (m: number[][]) => m[0]!.map((_, c) => m.map((row) => row[c]!));
    const keras = importKerasWeights('lstm', {
      kernel: transpose(weight_ih_l0), // i, f, g, o = i, f, c, o
      recurrent_kernel: transpose(weight_hh_l0),
      bias: bias_ih_l0.map((v, k) => v + bias_hh_l0[k]!),
    });
    expectClose(traceCell(torch, xs).h, traceCell(keras, xs).h, 1e-6);
  });

  it('reads prefixed keys, the Cell modules (no _l0) and other layers', () => {
    const cell = createCell(
      { kind: 'simpleRNN', inputSize: 3, units: 2, activation: 'relu' },
      { seed: 3 },
    );
    const sd = exportPyTorchWeights(cell);
    const prefixed = Object.fromEntries(Object.entries(sd).map(([k, v]) => [`rnn.${k}`, v]));
    const a = importPyTorchWeights('simpleRNN', prefixed, { activation: 'relu' });
    const b = importPyTorchWeights(
      'simpleRNN',
      {
        weight_ih: sd.weight_ih_l0,
        weight_hh: sd.weight_hh_l0,
      },
      { activation: 'relu' },
    );
    const l1 = importPyTorchWeights(
      'simpleRNN',
      { weight_ih_l1: sd.weight_ih_l0, weight_hh_l1: sd.weight_hh_l0 },
      { layer: 1, activation: 'relu' },
    );
    expect(Array.from(traceCell(a, xs).h)).toEqual(Array.from(traceCell(cell, xs).h));
    expect(Array.from(traceCell(b, xs).h)).toEqual(Array.from(traceCell(l1, xs).h));
  });

  it('refuses what PyTorch cannot hold', () => {
    expect(() =>
      exportPyTorchWeights(
        createCell({ kind: 'gru', inputSize: 1, units: 1, convention: 'course' }),
      ),
    ).toThrow(/before/);
    expect(() =>
      exportPyTorchWeights(
        createCell({ kind: 'simpleRNN', inputSize: 1, units: 1, activation: 'sigmoid' }),
      ),
    ).toThrow(CoreInputError);
  });
});

describe('stacked weights (for training)', () => {
  it('stack → unstack is exact', () => {
    for (const convention of ['course', 'pytorch'] as const) {
      const cell = createCell({ kind: 'gru', inputSize: 2, units: 3, convention }, { seed: 8 });
      if (cell.kind === 'gru' && cell.bhn) cell.bhn.set([1, 2, 3]);
      const back = unstackWeights(cell, stackWeights(cell));
      expect(back).toEqual(cell);
    }
    const lstm = createCell({ kind: 'lstm', inputSize: 2, units: 3 }, { seed: 9 });
    expect(unstackWeights(lstm, stackWeights(lstm))).toEqual(lstm);
  });
});

describe('shape validation speaks to the learner', () => {
  it('a wrong Keras kernel', () => {
    const cell = createCell({ kind: 'lstm', inputSize: 3, units: 2 });
    const k = exportKerasWeights(cell);
    const bad = { ...k, kernel: k.kernel.map((row) => row.slice(0, 6)) };
    expect(() => importKerasWeights('lstm', bad)).toThrow(
      new CoreInputError('LSTM kernel must be [3, 8] (input 3 × 4 gates × 2 units), got [3, 6].'),
    );
  });

  it.each([
    [
      'a wrong recurrent kernel',
      () => importKerasWeights('gru', { kernel: [[1, 1, 1]], recurrent_kernel: [[1, 1]] }),
      /GRU recurrent_kernel must be \[1, 3\]/,
    ],
    [
      'a ragged matrix',
      () => importKerasWeights('simpleRNN', { kernel: [[1], [1, 2]], recurrent_kernel: [[1]] }),
      /ragged/,
    ],
    [
      'a non-number',
      () => importKerasWeights('simpleRNN', { kernel: [['a']], recurrent_kernel: [[1]] } as never),
      /only numbers/,
    ],
    [
      'a NaN weight',
      () => importKerasWeights('simpleRNN', { kernel: [[NaN]], recurrent_kernel: [[1]] }),
      /non-finite/,
    ],
    [
      'a wrong GRU reset_after bias',
      () =>
        importKerasWeights('gru', {
          kernel: [[1, 1, 1]],
          recurrent_kernel: [[1, 1, 1]],
          bias: [[0, 0, 0]],
        }),
      /\[2, 3\]/,
    ],
    [
      'a wrong bias',
      () =>
        importKerasWeights('lstm', {
          kernel: [[1, 1, 1, 1]],
          recurrent_kernel: [[1, 1, 1, 1]],
          bias: [0],
        }),
      /LSTM bias must be \[4\]/,
    ],
    [
      'an unexpected size',
      () =>
        importKerasWeights('simpleRNN', { kernel: [[1]], recurrent_kernel: [[1]] }, { units: 2 }),
      /units is 1 in these weights, but 2 was expected/,
    ],
    [
      'a wrong PyTorch weight_ih',
      () =>
        importPyTorchWeights('lstm', {
          weight_ih_l0: [[1], [1]],
          weight_hh_l0: [[1], [1], [1], [1]],
        }),
      /LSTM weight_ih_l0 must be \[4, 1\]/,
    ],
    ['missing PyTorch weights', () => importPyTorchWeights('gru', {}), /weight_hh_l0 is missing/],
    [
      'a wrong gate shape in makeCell',
      () =>
        makeCell({ kind: 'simpleRNN', inputSize: 2, units: 1 }, { h: { W: [[1, 2]], U: [[1]] } }),
      /SimpleRNN gate h W must be \[2, 1\] \(input 2 × 1 units\), got \[1, 2\]/,
    ],
    [
      'an unknown gate',
      () =>
        makeCell(
          { kind: 'simpleRNN', inputSize: 1, units: 1 },
          { h: { W: [[1]], U: [[1]] }, q: { W: [[1]], U: [[1]] } },
        ),
      /no gate "q"/,
    ],
    [
      'an unknown kind',
      () => importKerasWeights('rnn' as never, { kernel: [[1]], recurrent_kernel: [[1]] }),
      /Unknown cell kind/,
    ],
  ])('%s', (_name, fn, message) => {
    expect(fn).toThrow(CoreInputError);
    expect(fn).toThrow(message);
  });
});
