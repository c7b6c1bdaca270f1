import * as tf from '@tensorflow/tfjs';
import type { NestedNumbers } from './arrays';
import {
  GATE_NAMES,
  validateCell,
  type Cell,
  type CellKind,
  type GRUCell,
  type GRUGate,
  type LSTMCell,
  type LSTMGate,
  type SimpleRNNActivation,
  type SimpleRNNCell,
} from './cells';
import { toSequenceBatch, toStateBatch, type SequenceInput } from './sequences';
import { STACK_ORDER, cellTensors, unroll } from './unroll';

export interface TraceOptions {
  /** Initial hidden state, [units] for every sequence or [batch, units]; zeros by default. */
  h0?: NestedNumbers | Float32Array;
  /** Initial cell state of an LSTM, like h0. */
  c0?: NestedNumbers | Float32Array;
}

/**
 * Everything a cell did over a sequence, as plain Float32Arrays (row-major; no tfjs needed to
 * draw them). Per-step arrays are [batch, steps, units] unless noted; read one step with
 * `stepOf`.
 */
interface TraceBase {
  kind: CellKind;
  batch: number;
  steps: number;
  inputSize: number;
  units: number;
  /** True when the input was one sequence [T, D] (batch is then 1). */
  single: boolean;
  /** The input, [batch, steps, inputSize]. */
  input: Float32Array;
  /** Initial hidden state, [batch, units]. */
  h0: Float32Array;
  /** Hidden state after each step, h_1 … h_T. */
  h: Float32Array;
  /**
   * The first step at which a value stopped being finite (overflow, e.g. a relu RNN with a
   * large recurrent weight), or null. The arrays keep what was computed.
   */
  firstNonFiniteStep: number | null;
}

export interface SimpleRNNTrace extends TraceBase {
  kind: 'simpleRNN';
  activation: SimpleRNNActivation;
  /** SimpleRNN has no gates. */
  gates: Record<never, Float32Array>;
  /** a_t = W x_t + U h_{t-1} + b, before the activation. */
  pre: { h: Float32Array };
}

export interface LSTMTrace extends TraceBase {
  kind: 'lstm';
  /** f, i, o after σ; candidate c̃ after tanh. */
  gates: Record<LSTMGate, Float32Array>;
  pre: Record<LSTMGate, Float32Array>;
  /** Initial cell state, [batch, units]. */
  c0: Float32Array;
  /** Cell state after each step. */
  c: Float32Array;
}

export interface GRUTrace extends TraceBase {
  kind: 'gru';
  updateGate: GRUCell['updateGate'];
  resetAfter: boolean;
  /** r, z after σ; candidate h̃ after tanh. */
  gates: Record<GRUGate, Float32Array>;
  /**
   * Pre-activations; for the candidate this is W x + U (r ⊙ h₋₁) + b (reset before) or
   * W x + b + r ⊙ (U h₋₁ + b_hn) (reset after).
   */
  pre: Record<GRUGate, Float32Array>;
}

export type Trace = SimpleRNNTrace | LSTMTrace | GRUTrace;

/**
 * One step of a per-step trace array ([batch, steps, width]) as a view of `width` numbers (no
 * copy): `stepOf(trace.gates.f, trace, t)` is f at step t (0-based) of sequence `b`.
 */
export function stepOf(
  values: Float32Array,
  trace: Pick<TraceBase, 'batch' | 'steps'>,
  t: number,
  b = 0,
): Float32Array {
  const width = values.length / (trace.batch * trace.steps);
  const start = (b * trace.steps + t) * width;
  return values.subarray(start, start + width);
}

interface TraceTensors {
  hs: tf.Tensor;
  pre: tf.Tensor;
  act: tf.Tensor;
  cs: tf.Tensor | null;
}

interface Prepared {
  cell: Cell;
  batch: number;
  steps: number;
  single: boolean;
  input: Float32Array;
  h0: Float32Array;
  c0: Float32Array | null;
}

function prepare(cell: Cell, input: SequenceInput, options: TraceOptions): Prepared {
  validateCell(cell);
  const seq = toSequenceBatch(input, cell.inputSize);
  const h0 = toStateBatch(options.h0, seq.batch, cell.units, 'The initial hidden state h0');
  const c0 =
    cell.kind === 'lstm'
      ? toStateBatch(options.c0, seq.batch, cell.units, 'The initial cell state c0')
      : null;
  return { cell, batch: seq.batch, steps: seq.steps, single: seq.single, input: seq.data, h0, c0 };
}

/** The recorded run, stacked over time: [T, rows, B] each (feature-major, as unroll works). */
function traceTensors(p: Prepared): TraceTensors {
  const { cell, batch: B, steps: T } = p;
  const H = cell.units;
  const w = cellTensors(cell);
  const x = tf.tensor3d(p.input, [B, T, cell.inputSize]);
  const run = unroll(cell, w, x, {
    h0: tf.tensor2d(p.h0, [B, H]),
    ...(p.c0 ? { c0: tf.tensor2d(p.c0, [B, H]) } : {}),
    returnSequences: false,
    record: true,
  });
  const rec = run.record!;
  return {
    hs: tf.stack(rec.h),
    pre: tf.stack(rec.pre),
    act: tf.stack(rec.act),
    cs: rec.c.length ? tf.stack(rec.c) : null,
  };
}

/** Rows [from, from + count) of a [T, rows, B] array, as a [B, T, count] array. */
function batchMajor(
  values: Float32Array,
  p: Prepared,
  rows: number,
  from: number,
  count: number,
): Float32Array {
  const { batch: B, steps: T } = p;
  const out = new Float32Array(B * T * count);
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < count; j++) {
      const src = (t * rows + from + j) * B;
      for (let b = 0; b < B; b++) out[(b * T + t) * count + j] = values[src + b]!;
    }
  }
  return out;
}

/** Splits [T, G·H, B] (gates in STACK_ORDER) into one [B, T, H] array per gate. */
function splitGates(values: Float32Array, p: Prepared): Record<string, Float32Array> {
  const H = p.cell.units;
  const order = STACK_ORDER[p.cell.kind] as readonly string[];
  const out: Record<string, Float32Array> = {};
  order.forEach((name, k) => {
    out[name] = batchMajor(values, p, order.length * H, k * H, H);
  });
  return out;
}

/** The first step holding a non-finite value in time-major arrays ([T, …]), or null. */
function firstNonFiniteStep(arrays: Float32Array[], steps: number): number | null {
  let first: number | null = null;
  for (const arr of arrays) {
    const perStep = arr.length / steps;
    const end = first === null ? arr.length : first * perStep;
    for (let k = 0; k < end; k++) {
      if (!Number.isFinite(arr[k])) {
        first = Math.floor(k / perStep);
        break;
      }
    }
  }
  return first;
}

function assembleTrace(
  p: Prepared,
  values: { hs: Float32Array; pre: Float32Array; act: Float32Array; cs: Float32Array | null },
): Trace {
  const { cell, batch, steps, single } = p;
  const H = cell.units;
  const hs = batchMajor(values.hs, p, H, 0, H);
  const cs = values.cs ? batchMajor(values.cs, p, H, 0, H) : null;
  const base = {
    batch,
    steps,
    inputSize: cell.inputSize,
    units: cell.units,
    single,
    input: p.input,
    h0: p.h0,
    h: hs,
    firstNonFiniteStep: firstNonFiniteStep(
      [values.hs, values.pre, ...(values.cs ? [values.cs] : [])],
      steps,
    ),
  };
  if (cell.kind === 'simpleRNN') {
    return {
      ...base,
      kind: 'simpleRNN',
      activation: (cell as SimpleRNNCell).activation,
      gates: {},
      pre: { h: batchMajor(values.pre, p, H, 0, H) },
    };
  }
  const pre = splitGates(values.pre, p);
  const act = splitGates(values.act, p);
  const inLessonOrder = (record: Record<string, Float32Array>) =>
    Object.fromEntries(GATE_NAMES[cell.kind].map((n) => [n, record[n]!]));
  if (cell.kind === 'lstm') {
    return {
      ...base,
      kind: 'lstm',
      gates: inLessonOrder(act) as Record<LSTMGate, Float32Array>,
      pre: inLessonOrder(pre) as Record<LSTMGate, Float32Array>,
      c0: p.c0!,
      c: cs!,
    };
  }
  const gru = cell as GRUCell;
  return {
    ...base,
    kind: 'gru',
    updateGate: gru.updateGate,
    resetAfter: gru.resetAfter,
    gates: inLessonOrder(act) as Record<GRUGate, Float32Array>,
    pre: inLessonOrder(pre) as Record<GRUGate, Float32Array>,
  };
}

export function traceCell(
  cell: SimpleRNNCell,
  input: SequenceInput,
  options?: TraceOptions,
): SimpleRNNTrace;
export function traceCell(cell: LSTMCell, input: SequenceInput, options?: TraceOptions): LSTMTrace;
export function traceCell(cell: GRUCell, input: SequenceInput, options?: TraceOptions): GRUTrace;
export function traceCell(cell: Cell, input: SequenceInput, options?: TraceOptions): Trace;
/**
 * Runs a cell over one sequence [T, D] or a batch [B, T, D] and returns every step's input,
 * gates, pre-activations, cell state (LSTM) and hidden state as Float32Arrays. One tf.tidy,
 * one read per stacked tensor; no tensors are left behind.
 */
export function traceCell(cell: Cell, input: SequenceInput, options: TraceOptions = {}): Trace {
  const p = prepare(cell, input, options);
  let trace: Trace | null = null;
  tf.tidy(() => {
    const t = traceTensors(p);
    trace = assembleTrace(p, {
      hs: t.hs.dataSync() as Float32Array,
      pre: t.pre.dataSync() as Float32Array,
      act: t.act.dataSync() as Float32Array,
      cs: t.cs ? (t.cs.dataSync() as Float32Array) : null,
    });
  });
  return trace!;
}

export function traceCellAsync(
  cell: SimpleRNNCell,
  input: SequenceInput,
  options?: TraceOptions,
): Promise<SimpleRNNTrace>;
export function traceCellAsync(
  cell: LSTMCell,
  input: SequenceInput,
  options?: TraceOptions,
): Promise<LSTMTrace>;
export function traceCellAsync(
  cell: GRUCell,
  input: SequenceInput,
  options?: TraceOptions,
): Promise<GRUTrace>;
export function traceCellAsync(
  cell: Cell,
  input: SequenceInput,
  options?: TraceOptions,
): Promise<Trace>;
/** traceCell that reads the results without blocking (better on WebGL). */
export async function traceCellAsync(
  cell: Cell,
  input: SequenceInput,
  options: TraceOptions = {},
): Promise<Trace> {
  const p = prepare(cell, input, options);
  const t = tf.tidy(() => {
    const r = traceTensors(p);
    return r.cs ? [r.hs, r.pre, r.act, r.cs] : [r.hs, r.pre, r.act];
  });
  try {
    const [hs, pre, act, cs] = (await Promise.all(t.map((x) => x.data()))) as Float32Array[];
    return assembleTrace(p, { hs: hs!, pre: pre!, act: act!, cs: cs ?? null });
  } finally {
    tf.dispose(t);
  }
}
