import * as tf from '@tensorflow/tfjs';
import { concatColumns } from './arrays';
import { GATE_NAMES, makeCell, type Cell, type CellConfig, type GateInput } from './cells';
import { check } from './errors';
import { fastLstm, fastLstmAvailable } from './fast/lstm';

/**
 * The order in which gate blocks sit side by side in stacked weights: sigmoid gates first,
 * so one sigmoid and one tanh cover a step. (Keras stores LSTM as i, f, c, o and GRU as
 * z, r, h; only the LSTM differs here.)
 */
export const STACK_ORDER = {
  simpleRNN: ['h'],
  lstm: ['i', 'f', 'o', 'candidate'],
  gru: ['z', 'r', 'candidate'],
} as const;

/**
 * A cell's weights stacked for computing (and training): kernel [inputSize, G·units],
 * recurrentKernel [units, G·units], bias [G·units], gate blocks side by side in STACK_ORDER;
 * `bhn` [units] is a reset-after GRU's recurrent candidate bias (null otherwise).
 */
export interface StackedWeights {
  kernel: Float32Array;
  recurrentKernel: Float32Array;
  bias: Float32Array;
  bhn: Float32Array | null;
}

/** The tensors of StackedWeights (tf.Variables when training). */
export interface CellTensors {
  kernel: tf.Tensor2D;
  recurrentKernel: tf.Tensor2D;
  bias: tf.Tensor1D;
  bhn: tf.Tensor1D | null;
}

export function stackWeights(cell: Cell): StackedWeights {
  const { inputSize: D, units: H } = cell;
  const order = STACK_ORDER[cell.kind] as readonly string[];
  const gates = cell.gates as Record<string, { W: Float32Array; U: Float32Array; b: Float32Array }>;
  const blocks = (part: 'W' | 'U' | 'b') => order.map((n) => gates[n]![part]);
  return {
    kernel: concatColumns(blocks('W'), D, H),
    recurrentKernel: concatColumns(blocks('U'), H, H),
    bias: concatColumns(blocks('b'), 1, H),
    bhn: cell.kind === 'gru' && cell.resetAfter ? (cell.bhn ?? new Float32Array(H)).slice() : null,
  };
}

/** A cell back from stacked weights (e.g. after training), with the configuration given. */
export function unstackWeights(config: CellConfig, stacked: StackedWeights): Cell {
  const { inputSize: D, units: H, kind } = config;
  const order = STACK_ORDER[kind] as readonly string[];
  const G = order.length;
  check(
    stacked.kernel.length === D * G * H &&
      stacked.recurrentKernel.length === H * G * H &&
      stacked.bias.length === G * H,
    () => `Stacked weights do not fit a ${kind} of input ${D} and ${H} units.`,
  );
  const gates: Record<string, GateInput> = {};
  order.forEach((name, k) => {
    const W = new Float32Array(D * H);
    const U = new Float32Array(H * H);
    const row = (m: Float32Array, r: number) =>
      m.subarray(r * G * H + k * H, r * G * H + (k + 1) * H);
    for (let r = 0; r < D; r++) W.set(row(stacked.kernel, r), r * H);
    for (let r = 0; r < H; r++) U.set(row(stacked.recurrentKernel, r), r * H);
    gates[name] = { W, U, b: stacked.bias.slice(k * H, (k + 1) * H) };
  });
  const bhn = kind === 'gru' && config.resetAfter ? (stacked.bhn ?? undefined) : undefined;
  return makeCell(config, gates, bhn);
}

/** New tensors holding a cell's stacked weights; the caller disposes them (or runs in tidy). */
export function cellTensors(cell: Cell): CellTensors {
  const { inputSize: D, units: H } = cell;
  const G = GATE_NAMES[cell.kind].length;
  const s = stackWeights(cell);
  return {
    kernel: tf.tensor2d(s.kernel, [D, G * H]),
    recurrentKernel: tf.tensor2d(s.recurrentKernel, [H, G * H]),
    bias: tf.tensor1d(s.bias),
    bhn: s.bhn ? tf.tensor1d(s.bhn) : null,
  };
}

/**
 * Which weights feed the rows of each per-step product M·[x_t; s] (see `unroll`). A block of
 * rows reads the input columns (W), the state columns (U) or both. A cell has one product per
 * step, a reset-before GRU two (its candidate reads [x_t; r ⊙ h₋₁]).
 */
export interface ProductBlock {
  from: number;
  to: number;
  usesW: boolean;
  usesU: boolean;
}

export function productLayout(config: CellConfig): ProductBlock[][] {
  const H = config.units;
  const both = (from: number, to: number): ProductBlock => ({ from, to, usesW: true, usesU: true });
  switch (config.kind) {
    case 'simpleRNN':
      return [[both(0, H)]];
    case 'lstm':
      return [[both(0, 4 * H)]];
    case 'gru':
      return config.resetAfter
        ? [
            [
              both(0, 2 * H),
              { from: 2 * H, to: 3 * H, usesW: true, usesU: false },
              { from: 3 * H, to: 4 * H, usesW: false, usesU: true },
            ],
          ]
        : [[both(0, 2 * H)], [both(0, H)]];
  }
}

/**
 * Taps for back-propagation through time: each returns the tensor to use in place of the one
 * given (typically `value + zeroProbe`, so that tf.grads can read ∂L/∂value). Tensors here
 * are feature-major: [features, batch].
 */
export interface UnrollTaps {
  /**
   * The product M·[x_t; s] of step t before the bias, [rows, B] (rows as in productLayout);
   * `input` is [x_t; s], [inputSize + units, B].
   */
  product?: (t: number, part: number, input: tf.Tensor2D, out: tf.Tensor2D) => tf.Tensor2D;
  /** The new hidden state h_t, [H, B]. */
  hidden?: (t: number, h: tf.Tensor2D) => tf.Tensor2D;
  /** The new cell state c_t (LSTM), [H, B]. */
  cell?: (t: number, c: tf.Tensor2D) => tf.Tensor2D;
}

export interface UnrollOptions {
  /** Initial hidden state [B, H]; zeros when left out. */
  h0?: tf.Tensor2D;
  /** Initial cell state [B, H] (LSTM); zeros when left out. */
  c0?: tf.Tensor2D;
  /** Build `hs`, every step's hidden state (default true); false skips it (only hLast). */
  returnSequences?: boolean;
  /** Keep every step's pre-activations, activations and states for a trace. */
  record?: boolean;
  taps?: UnrollTaps;
}

/** Per-step tensors of a recorded run, feature-major ([rows, B] each). */
export interface UnrollRecord {
  /** Pre-activations, G·H rows in STACK_ORDER (for a GRU's candidate: what enters its tanh). */
  pre: tf.Tensor2D[];
  /** Activated gates, G·H rows in STACK_ORDER (SimpleRNN: h itself). */
  act: tf.Tensor2D[];
  /** Hidden states [H, B]. */
  h: tf.Tensor2D[];
  /** Cell states [H, B] (LSTM; empty otherwise). */
  c: tf.Tensor2D[];
}

export interface UnrollResult {
  /** Hidden states of every step, [B, T, H]; null with returnSequences false. */
  hs: tf.Tensor3D | null;
  /** Last hidden state [B, H]. */
  hLast: tf.Tensor2D;
  /** Last cell state [B, H] (LSTM), else null. */
  cLast: tf.Tensor2D | null;
  record?: UnrollRecord;
}

const add = (a: tf.Tensor, b: tf.Tensor) => tf.add(a, b) as tf.Tensor2D;
const mul = (a: tf.Tensor, b: tf.Tensor) => tf.mul(a, b) as tf.Tensor2D;
const sub = (a: tf.Tensor, b: tf.Tensor) => tf.sub(a, b) as tf.Tensor2D;
const col = (v: tf.Tensor1D) => tf.reshape(v, [v.shape[0], 1]) as tf.Tensor2D;

/**
 * The fused weights of each product: M [rows, D + H] with M·[x; s] giving every row of the
 * step at once, and its bias column [rows, 1].
 */
function fusedWeights(config: CellConfig, w: CellTensors): { M: tf.Tensor2D; bias: tf.Tensor2D }[] {
  const H = config.units;
  const D = config.inputSize;
  const WU = tf.concat([w.kernel, w.recurrentKernel], 0) as tf.Tensor2D; // [D + H, G·H]
  if (config.kind !== 'gru') return [{ M: tf.transpose(WU) as tf.Tensor2D, bias: col(w.bias) }];
  if (config.resetAfter) {
    // Rows z, r read [x; h]; row block "xh" reads x only (W_h), "hh" reads h only (U_h).
    const zr = tf.slice(WU, [0, 0], [D + H, 2 * H]);
    const xh = tf.concat([tf.slice(w.kernel, [0, 2 * H], [D, H]), tf.zeros([H, H])], 0);
    const hh = tf.concat([tf.zeros([D, H]), tf.slice(w.recurrentKernel, [0, 2 * H], [H, H])], 0);
    const M = tf.transpose(tf.concat([zr, xh, hh], 1)) as tf.Tensor2D; // [4H, D + H]
    const bhn = w.bhn ?? (tf.zeros([H]) as tf.Tensor1D);
    return [{ M, bias: col(tf.concat([w.bias, bhn]) as tf.Tensor1D) }];
  }
  const [zr, h] = tf.split(WU, [2 * H, H], 1) as [tf.Tensor2D, tf.Tensor2D];
  const [bzr, bh] = tf.split(w.bias, [2 * H, H]) as [tf.Tensor1D, tf.Tensor1D];
  return [
    { M: tf.transpose(zr) as tf.Tensor2D, bias: col(bzr) },
    { M: tf.transpose(h) as tf.Tensor2D, bias: col(bh) },
  ];
}

/**
 * Runs a cell over a batch of sequences x [B, T, D] with tensor weights. Each step computes
 * every gate's pre-activation with ONE matmul over the concatenated [x_t; h₋₁]: the kernel
 * and recurrent kernel are stacked once, before the loop, into M = [W; U]ᵀ, and a step is
 * M·[x_t; h₋₁] + b; the gates are then split off and σ / tanh applied explicitly. Inside, the
 * batch is the last axis ([features, B], "feature-major"), so that splitting gates is a
 * contiguous slice — several times faster on tfjs's cpu backend than splitting columns.
 * A reset-after GRU keeps W_h x and U_h h₋₁ apart in the same matmul (two extra row blocks);
 * a reset-before GRU needs r before its candidate's product, so it does a second matmul over
 * [x_t; r ⊙ h₋₁].
 *
 * Differentiable; it allocates tensors freely, so call it inside tf.tidy or tf.grad.
 */
export function unroll(
  config: CellConfig,
  w: CellTensors,
  x: tf.Tensor3D,
  options: UnrollOptions = {},
): UnrollResult {
  // An LSTM run that nobody taps or records takes the fused path (src/core/fast/lstm.ts): the
  // same function and the same gradients, with a fraction of the kernels.
  if (
    config.kind === 'lstm' &&
    options.taps === undefined &&
    options.record !== true &&
    fastLstmAvailable()
  ) {
    const [, T, D] = x.shape;
    check(
      D === config.inputSize,
      () => `Input has ${D} features, the cell expects ${config.inputSize}.`,
    );
    check(T >= 1, 'The sequence is empty: give at least one time step.');
    return fastLstm(
      w.kernel,
      w.recurrentKernel,
      w.bias,
      x,
      options.h0,
      options.c0,
      options.returnSequences !== false,
    );
  }
  return unrollGraph(config, w, x, options);
}

/**
 * `unroll` step by step with tfjs ops only, every kernel on tfjs's gradient tape: what taps
 * and recording need, and the reference the fast LSTM path is tested against.
 */
export function unrollGraph(
  config: CellConfig,
  w: CellTensors,
  x: tf.Tensor3D,
  options: UnrollOptions = {},
): UnrollResult {
  const [B, T, D] = x.shape;
  const H = config.units;
  check(
    D === config.inputSize,
    () => `Input has ${D} features, the cell expects ${config.inputSize}.`,
  );
  check(T >= 1, 'The sequence is empty: give at least one time step.');
  const taps = options.taps ?? {};
  const record = options.record === true;
  const rec: UnrollRecord = { pre: [], act: [], h: [], c: [] };

  const fused = fusedWeights(config, w);
  const xs = tf.unstack(tf.transpose(x, [1, 2, 0]), 0) as tf.Tensor2D[]; // T × [D, B]
  let h = options.h0
    ? (tf.transpose(options.h0) as tf.Tensor2D)
    : (tf.zeros([H, B]) as tf.Tensor2D);
  let c: tf.Tensor2D | null =
    config.kind === 'lstm'
      ? options.c0
        ? (tf.transpose(options.c0) as tf.Tensor2D)
        : (tf.zeros([H, B]) as tf.Tensor2D)
      : null;
  const hs: tf.Tensor2D[] = [];

  const product = (t: number, part: number, state: tf.Tensor2D): tf.Tensor2D => {
    const input = tf.concat([xs[t]!, state], 0) as tf.Tensor2D;
    let out = tf.matMul(fused[part]!.M, input) as tf.Tensor2D;
    if (taps.product) out = taps.product(t, part, input, out);
    return add(out, fused[part]!.bias);
  };

  for (let t = 0; t < T; t++) {
    if (config.kind === 'simpleRNN') {
      const a = product(t, 0, h);
      h =
        config.activation === 'tanh'
          ? tf.tanh(a)
          : config.activation === 'relu'
            ? tf.relu(a)
            : tf.sigmoid(a);
      if (taps.hidden) h = taps.hidden(t, h);
      if (record) {
        rec.pre.push(a);
        rec.act.push(h);
      }
    } else if (config.kind === 'lstm') {
      const a = product(t, 0, h);
      const [sigPre, gPre] = tf.split(a, [3 * H, H], 0) as [tf.Tensor2D, tf.Tensor2D];
      const sig = tf.sigmoid(sigPre);
      const g = tf.tanh(gPre);
      const [i, f, o] = tf.split(sig, 3, 0) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      let cNew = add(mul(f, c!), mul(i, g));
      if (taps.cell) cNew = taps.cell(t, cNew);
      c = cNew;
      h = mul(o, tf.tanh(cNew));
      if (taps.hidden) h = taps.hidden(t, h);
      if (record) {
        rec.pre.push(a);
        rec.act.push(tf.concat([sig, g], 0) as tf.Tensor2D);
        rec.c.push(cNew);
      }
    } else {
      let zrPre: tf.Tensor2D;
      let candPre: tf.Tensor2D;
      let zr: tf.Tensor2D;
      if (config.resetAfter) {
        const a = product(t, 0, h);
        const [zrA, xh, hh] = tf.split(a, [2 * H, H, H], 0) as [
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor2D,
        ];
        zrPre = zrA;
        zr = tf.sigmoid(zrPre);
        const r = tf.slice(zr, [H, 0], [H, B]) as tf.Tensor2D;
        candPre = add(xh, mul(r, hh)); // W_h x + b_h + r ⊙ (U_h h₋₁ + b_hn)
      } else {
        zrPre = product(t, 0, h);
        zr = tf.sigmoid(zrPre);
        const r = tf.slice(zr, [H, 0], [H, B]) as tf.Tensor2D;
        candPre = product(t, 1, mul(r, h)); // W_h x + U_h (r ⊙ h₋₁) + b_h
      }
      const z = tf.slice(zr, [0, 0], [H, B]) as tf.Tensor2D;
      const cand = tf.tanh(candPre);
      // keras side: h = z·h₋₁ + (1 − z)·h̃ = h̃ + z·(h₋₁ − h̃); course side: h₋₁ + z·(h̃ − h₋₁).
      h =
        config.updateGate === 'keras'
          ? add(cand, mul(z, sub(h, cand)))
          : add(h, mul(z, sub(cand, h)));
      if (taps.hidden) h = taps.hidden(t, h);
      if (record) {
        rec.pre.push(tf.concat([zrPre, candPre], 0) as tf.Tensor2D);
        rec.act.push(tf.concat([zr, cand], 0) as tf.Tensor2D);
      }
    }
    hs.push(h);
    if (record) rec.h.push(h);
  }
  const result: UnrollResult = {
    hs:
      options.returnSequences === false
        ? null
        : (tf.transpose(tf.stack(hs, 0), [2, 0, 1]) as tf.Tensor3D),
    hLast: tf.transpose(h) as tf.Tensor2D,
    cLast: c ? (tf.transpose(c) as tf.Tensor2D) : null,
  };
  if (record) result.record = rec;
  return result;
}
