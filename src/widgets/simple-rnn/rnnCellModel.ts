/**
 * The SimpleRNN cell over "hihello" with seeded weights, traced by the core: the numbers of
 * h_t = act(W_x x_t + W_h h_{t-1} + b) at every step, for the equation and the heatmap.
 */
import {
  createCell,
  nextCharacterTask,
  traceCell,
  type SimpleRNNActivation,
  type SimpleRNNCell,
} from '../../core';

export const CELL_WORD = 'hihello';
export const CELL_UNITS = 5;

export interface RnnCellSteps {
  vocab: string[];
  inputChars: string[];
  steps: number;
  units: number;
  /** h after each step, [T][H]. */
  h: number[][];
  /** Per step: (W_x x_t), (W_h h_{t-1}), b, a = their sum, as [H] vectors. */
  wx: number[][];
  uh: number[][];
  b: number[];
  pre: number[][];
}

/** Row-vector convention of the core: (x W)[j] = Σ_d x[d] W[d·H + j]. */
function rowTimes(x: readonly number[], W: Float32Array, H: number): number[] {
  const out = new Array<number>(H).fill(0);
  for (let d = 0; d < x.length; d++) {
    if (x[d] === 0) continue;
    for (let j = 0; j < H; j++) out[j]! += x[d]! * W[d * H + j]!;
  }
  return out;
}

export function rnnCellSteps(seed: number, act: SimpleRNNActivation): RnnCellSteps {
  const task = nextCharacterTask(CELL_WORD);
  const V = task.vocabSize;
  const H = CELL_UNITS;
  const cell = createCell(
    { kind: 'simpleRNN', inputSize: V, units: H, activation: act },
    { seed },
  ) as SimpleRNNCell;
  const xs = Array.from(task.inputIds, (id) =>
    Array.from({ length: V }, (_, k) => (k === id ? 1 : 0)),
  );
  const trace = traceCell(cell, xs, {});
  const T = task.steps;
  const h: number[][] = [];
  const pre: number[][] = [];
  for (let t = 0; t < T; t++) {
    h.push(Array.from(trace.h.subarray(t * H, (t + 1) * H)));
    pre.push(Array.from(trace.pre.h.subarray(t * H, (t + 1) * H)));
  }
  const { W, U, b } = cell.gates.h;
  const wx = xs.map((x) => rowTimes(x, W, H));
  const uh = h.map((_, t) => rowTimes(t === 0 ? new Array<number>(H).fill(0) : h[t - 1]!, U, H));
  return {
    vocab: task.vocab,
    inputChars: Array.from(task.inputIds, (id) => task.vocab[id]!),
    steps: T,
    units: H,
    h,
    wx,
    uh,
    b: Array.from(b),
    pre,
  };
}

/** Heatmap rows: unit j's value at every step (rows = units, columns = steps). */
export function unitsByStep(h: readonly (readonly number[])[]): number[][] {
  const H = h[0]?.length ?? 0;
  return Array.from({ length: H }, (_, j) => h.map((row) => row[j]!));
}
