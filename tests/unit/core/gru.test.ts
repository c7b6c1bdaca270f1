import { beforeAll, describe, expect, it } from 'vitest';
import {
  GRU_PRESETS,
  createCell,
  exportKerasWeights,
  exportPyTorchWeights,
  flipUpdateGate,
  gruPresetsOf,
  importKerasWeights,
  importPyTorchWeights,
  traceCell,
  withGruConvention,
  type GRUCell,
  type GruPreset,
} from '../../../src/core';
import { expectClose, randomNested, sigmoid, useCpu } from './helpers';

beforeAll(useCpu);

/**
 * The GRU equations written out with plain numbers, one unit at a time (x·W convention:
 * W[d·H + j] links input d to unit j).
 */
function referenceGru(cell: GRUCell, xs: number[][], h0: number[]) {
  const H = cell.units;
  const D = cell.inputSize;
  const { r: R, z: Z, candidate: C } = cell.gates;
  const dot = (W: Float32Array, v: number[], rows: number, j: number) => {
    let s = 0;
    for (let k = 0; k < rows; k++) s += v[k]! * W[k * H + j]!;
    return s;
  };
  let h = [...h0];
  const out: { h: number[]; r: number[]; z: number[]; cand: number[] }[] = [];
  for (const x of xs) {
    const r = Array.from({ length: H }, (_, j) =>
      sigmoid(dot(R.W, x, D, j) + dot(R.U, h, H, j) + R.b[j]!),
    );
    const z = Array.from({ length: H }, (_, j) =>
      sigmoid(dot(Z.W, x, D, j) + dot(Z.U, h, H, j) + Z.b[j]!),
    );
    const cand = Array.from({ length: H }, (_, j) => {
      if (cell.resetAfter) {
        // h̃ = tanh(W x + b_in + r ⊙ (U h₋₁ + b_hn))
        return Math.tanh(dot(C.W, x, D, j) + C.b[j]! + r[j]! * (dot(C.U, h, H, j) + cell.bhn![j]!));
      }
      // h̃ = tanh(W x + U (r ⊙ h₋₁) + b)
      const rh = h.map((v, k) => r[k]! * v);
      return Math.tanh(dot(C.W, x, D, j) + dot(C.U, rh, H, j) + C.b[j]!);
    });
    h = h.map(
      (prev, j) =>
        cell.updateGate === 'course'
          ? (1 - z[j]!) * prev + z[j]! * cand[j]! // course: (1 − z) ⊙ h₋₁ + z ⊙ h̃
          : z[j]! * prev + (1 - z[j]!) * cand[j]!, // Cho / Keras / PyTorch: z ⊙ h₋₁ + (1 − z) ⊙ h̃
    );
    out.push({ h, r, z, cand });
  }
  return out;
}

const D = 3;
const H = 4;
const T = 6;
const xs = randomNested([T, D], 21) as number[][];
const h0 = randomNested([H], 22) as number[];

function randomGru(
  convention: GruPreset | { updateGate: 'course' | 'keras'; resetAfter: boolean },
  seed: number,
) {
  const cell = createCell({ kind: 'gru', inputSize: D, units: H, convention }, { seed }) as GRUCell;
  let k = 0;
  for (const g of Object.values(cell.gates)) g.b.set(randomNested([H], seed + ++k) as number[]);
  if (cell.bhn) cell.bhn.set(randomNested([H], seed + 10) as number[]);
  return cell;
}

describe('GRU conventions against a scalar reference of their equations', () => {
  const conventions = [
    ...(Object.keys(GRU_PRESETS) as GruPreset[]),
    { updateGate: 'course' as const, resetAfter: true },
  ];
  it.each(
    conventions.map((c) => [typeof c === 'string' ? c : 'course side, reset after', c] as const),
  )('%s', (_name, convention) => {
    const cell = randomGru(convention, 30);
    const trace = traceCell(cell, xs, { h0 });
    const ref = referenceGru(cell, xs, h0);
    expectClose(
      trace.h,
      ref.flatMap((s) => s.h),
      1e-5,
    );
    expectClose(
      trace.gates.r,
      ref.flatMap((s) => s.r),
      1e-5,
    );
    expectClose(
      trace.gates.z,
      ref.flatMap((s) => s.z),
      1e-5,
    );
    expectClose(
      trace.gates.candidate,
      ref.flatMap((s) => s.cand),
      1e-5,
    );
  });

  it('presets name the conventions of CURRICULUM §3', () => {
    expect(GRU_PRESETS.course).toEqual({ updateGate: 'course', resetAfter: false });
    for (const name of ['cho2014', 'keras-v1', 'tfjs'] as const) {
      expect(GRU_PRESETS[name]).toEqual({ updateGate: 'keras', resetAfter: false });
    }
    for (const name of ['pytorch', 'keras'] as const) {
      expect(GRU_PRESETS[name]).toEqual({ updateGate: 'keras', resetAfter: true });
    }
    expect(gruPresetsOf({ updateGate: 'keras', resetAfter: true })).toEqual(['pytorch', 'keras']);
  });

  it('the two axes change the numbers (same weights, other convention)', () => {
    const cell = randomGru('course', 40);
    const a = traceCell(cell, xs).h;
    const b = traceCell(withGruConvention(cell, 'keras-v1'), xs).h;
    const c = traceCell(withGruConvention(cell, { updateGate: 'course', resetAfter: true }), xs).h;
    expect(Math.max(...a.map((v, k) => Math.abs(v - b[k]!)))).toBeGreaterThan(1e-2);
    expect(Math.max(...a.map((v, k) => Math.abs(v - c[k]!)))).toBeGreaterThan(1e-3);
  });
});

describe('update-gate side: z ↔ 1 − z', () => {
  it.each([false, true])(
    'course ↔ keras with negated update-gate weights and bias gives the same h (resetAfter %s)',
    (resetAfter) => {
      const cell = randomGru({ updateGate: 'course', resetAfter }, 50);
      const flipped = flipUpdateGate(cell);
      expect(flipped.updateGate).toBe('keras');
      expect(flipped.gates.z.W[0]).toBe(-cell.gates.z.W[0]!);
      expect(flipped.gates.z.b[1]).toBe(-cell.gates.z.b[1]!);
      const a = traceCell(cell, xs, { h0 });
      const b = traceCell(flipped, xs, { h0 });
      expectClose(a.h, b.h, 1e-6);
      // z itself is mirrored: z_course = 1 − z_keras.
      expectClose(
        a.gates.z,
        b.gates.z.map((v) => 1 - v),
        1e-6,
      );
      expectClose(traceCell(flipUpdateGate(flipped), xs, { h0 }).h, a.h, 0);
    },
  );
});

describe('Keras reset_after=True and PyTorch weights of the same function', () => {
  it('give identical traces (bit for bit)', () => {
    // A PyTorch state_dict (r, z, n blocks; [3H, D] and [3H, H]).
    const weight_ih_l0 = randomNested([3 * H, D], 61) as number[][];
    const weight_hh_l0 = randomNested([3 * H, H], 62) as number[][];
    const bias_ih_l0 = randomNested([3 * H], 63) as number[];
    const bias_hh_l0 = randomNested([3 * H], 64) as number[];
    // The same function in Keras's layout, written by hand: transpose, reorder r,z,n → z,r,h.
    const reorder = (rows: number[][]) => [
      ...rows.slice(H, 2 * H),
      ...rows.slice(0, H),
      ...rows.slice(2 * H),
    ];
    const transpose = (m: number[][]) => m[0]!.map((_, c) => m.map((row) => row[c]!));
    const reorderVec = (v: number[]) => [...v.slice(H, 2 * H), ...v.slice(0, H), ...v.slice(2 * H)];
    const keras = {
      kernel: transpose(reorder(weight_ih_l0)),
      recurrent_kernel: transpose(reorder(weight_hh_l0)),
      bias: [reorderVec(bias_ih_l0), reorderVec(bias_hh_l0)],
    };
    const fromTorch = importPyTorchWeights('gru', {
      weight_ih_l0,
      weight_hh_l0,
      bias_ih_l0,
      bias_hh_l0,
    }) as GRUCell;
    const fromKeras = importKerasWeights('gru', keras) as GRUCell;
    expect(fromTorch.resetAfter).toBe(true);
    expect(fromKeras.resetAfter).toBe(true);
    expect(fromTorch.updateGate).toBe('keras');
    const a = traceCell(fromTorch, xs, { h0 });
    const b = traceCell(fromKeras, xs, { h0 });
    for (const key of ['r', 'z', 'candidate'] as const) {
      expect(Array.from(b.gates[key])).toEqual(Array.from(a.gates[key]));
      expect(Array.from(b.pre[key])).toEqual(Array.from(a.pre[key]));
    }
    expect(Array.from(b.h)).toEqual(Array.from(a.h));
    // And both are PyTorch's equations, computed by the scalar reference.
    expectClose(
      a.h,
      referenceGru(fromTorch, xs, h0).flatMap((s) => s.h),
      1e-5,
    );
    // Export goes back to the same layouts (function-preserving).
    const again = importPyTorchWeights(
      'gru',
      exportPyTorchWeights(fromKeras) as unknown as Record<string, unknown>,
    );
    expectClose(traceCell(again, xs, { h0 }).h, a.h, 1e-6);
    const k2 = importKerasWeights('gru', exportKerasWeights(fromTorch));
    expectClose(traceCell(k2, xs, { h0 }).h, a.h, 1e-6);
  });

  it('imports into the course side on request, same function', () => {
    const cell = randomGru('keras', 70);
    const keras = exportKerasWeights(cell);
    const course = importKerasWeights('gru', keras, { updateGate: 'course' }) as GRUCell;
    expect(course.updateGate).toBe('course');
    expectClose(traceCell(course, xs).h, traceCell(cell, xs).h, 1e-6);
  });
});
