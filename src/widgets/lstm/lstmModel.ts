/**
 * What the LSTM widgets show, computed from the core: a cell, the sequence it reads and the
 * core's trace (`traceCell`), turned into the per-step numbers of the six equations. The gate
 * values, c_t and h_t come straight from the trace; the pieces of each pre-activation
 * (W x_t, U h_{t-1}, b) and the two products on the belt are worked out here in plain
 * arithmetic, only to print them (they add up to the trace's values).
 */
import {
  COURSE_LSTM_EXAMPLE,
  stepOf,
  traceCell,
  type LSTMCell,
  type LSTMGate,
  type LSTMTrace,
} from '../../core';
import type { EquationValue } from '../../ui/equation';
import type { Lang } from '../../i18n/lang';
import type { TrainedLstm } from './trainedStore';
import { headProbabilities } from './trainedStore';

/** The gate names of the core, and the names the widgets use for them. */
export const GATE_OF: Record<'f' | 'i' | 'cand' | 'o', LSTMGate> = {
  f: 'f',
  i: 'i',
  cand: 'candidate',
  o: 'o',
};

/** The words of the first worked example, with their English gloss. */
export const COURSE_WORDS: Record<Lang, readonly string[]> = {
  ko: COURSE_LSTM_EXAMPLE.words,
  en: ['I', 'in the morning', 'a book'],
};
export const COURSE_NEXT_WORD: Record<Lang, string> = {
  ko: COURSE_LSTM_EXAMPLE.nextWord,
  en: 'read',
};

/** A cell and the sequence it reads: what the diagram, the equations and the strip show. */
export interface LstmSource {
  kind: 'course' | 'trained';
  cell: LSTMCell;
  inputs: number[][];
  h0: number[];
  c0: number[];
  /** What x_t stands for, per step (a word, a character). */
  labels: string[];
}

export function courseSource(cell: LSTMCell, lang: Lang): LstmSource {
  return {
    kind: 'course',
    cell,
    inputs: COURSE_LSTM_EXAMPLE.inputs.map((row) => [...row]),
    h0: [...COURSE_LSTM_EXAMPLE.h0],
    c0: [...COURSE_LSTM_EXAMPLE.c0],
    labels: [...COURSE_WORDS[lang]],
  };
}

export function oneHot(ids: ArrayLike<number>, size: number): number[][] {
  return Array.from({ length: ids.length }, (_, t) =>
    Array.from({ length: size }, (_, k) => (k === ids[t] ? 1 : 0)),
  );
}

export function trainedSource(model: TrainedLstm): LstmSource {
  const H = model.hidden;
  return {
    kind: 'trained',
    cell: model.cell,
    inputs: oneHot(model.inputIds, model.vocab.length),
    h0: new Array<number>(H).fill(0),
    c0: new Array<number>(H).fill(0),
    labels: Array.from(model.inputIds, (id) => model.vocab[id]!),
  };
}

export function traceSource(source: LstmSource): LSTMTrace {
  return traceCell(source.cell, source.inputs, { h0: source.h0, c0: source.c0 });
}

/** Parts of one gate's pre-activation: W x_t, U h_{t-1}, b and their sum (from the trace). */
export interface GateParts {
  Wx: number[];
  Uh: number[];
  b: number[];
  pre: number[];
  value: number[];
}

/** Every number of one time step, as plain arrays of the cell's units. */
export interface StepValues {
  /** 0-based; the equations print t + 1. */
  t: number;
  x: number[];
  hPrev: number[];
  cPrev: number[];
  gates: Record<'f' | 'i' | 'cand' | 'o', GateParts>;
  /** f ⊙ c_{t-1}: what the belt keeps. */
  keep: number[];
  /** i ⊙ c̃: what is written onto it. */
  write: number[];
  c: number[];
  tanhc: number[];
  h: number[];
}

/** x·W for a row vector x [rows] and a row-major matrix W [rows, cols] (Keras's layout). */
export function rowTimesMatrix(x: ArrayLike<number>, W: ArrayLike<number>, cols: number): number[] {
  const out = new Array<number>(cols).fill(0);
  for (let r = 0; r < x.length; r++) {
    const xr = x[r]!;
    if (xr === 0) continue;
    for (let j = 0; j < cols; j++) out[j]! += xr * W[r * cols + j]!;
  }
  return out;
}

export function stepValues(cell: LSTMCell, trace: LSTMTrace, t: number): StepValues {
  const H = cell.units;
  const x = Array.from(stepOf(trace.input, trace, t));
  const hPrev = Array.from(t === 0 ? trace.h0.subarray(0, H) : stepOf(trace.h, trace, t - 1));
  const cPrev = Array.from(t === 0 ? trace.c0.subarray(0, H) : stepOf(trace.c, trace, t - 1));
  const gate = (name: 'f' | 'i' | 'cand' | 'o'): GateParts => {
    const g = cell.gates[GATE_OF[name]];
    return {
      Wx: rowTimesMatrix(x, g.W, H),
      Uh: rowTimesMatrix(hPrev, g.U, H),
      b: Array.from(g.b),
      pre: Array.from(stepOf(trace.pre[GATE_OF[name]], trace, t)),
      value: Array.from(stepOf(trace.gates[GATE_OF[name]], trace, t)),
    };
  };
  const gates = { f: gate('f'), i: gate('i'), cand: gate('cand'), o: gate('o') };
  const c = Array.from(stepOf(trace.c, trace, t));
  return {
    t,
    x,
    hPrev,
    cPrev,
    gates,
    keep: gates.f.value.map((f, k) => f * cPrev[k]!),
    write: gates.i.value.map((i, k) => i * gates.cand.value[k]!),
    c,
    tanhc: c.map(Math.tanh),
    h: Array.from(stepOf(trace.h, trace, t)),
  };
}

/** Values for the `{{name}}` placeholders of the numbers lines (see lstmEquations.ts). */
export function equationValues(s: StepValues): Record<string, EquationValue> {
  const out: Record<string, EquationValue> = {
    x: s.x,
    hprev: s.hPrev,
    cprev: s.cPrev,
    keep: s.keep,
    write: s.write,
    c: s.c,
    tanhc: s.tanhc,
    h: s.h,
  };
  for (const name of ['f', 'i', 'cand', 'o'] as const) {
    const g = s.gates[name];
    out[name] = g.value;
    out[`${name}Wx`] = g.Wx;
    out[`${name}Uh`] = g.Uh;
    out[`${name}b`] = g.b;
    out[`${name}pre`] = g.pre;
  }
  return out;
}

/** The trained model's guess of the next character after each step, from the trace's h. */
export function predictionsFromTrace(model: TrainedLstm, trace: LSTMTrace): string[] {
  return Array.from({ length: trace.steps }, (_, t) => {
    const probs = headProbabilities(model, stepOf(trace.h, trace, t));
    let best = 0;
    for (let v = 1; v < probs.length; v++) if (probs[v]! > probs[best]!) best = v;
    return model.vocab[best]!;
  });
}

/** h and c of every step as [unit][step] rows, for the strip's heatmaps. */
export function stripRows(trace: LSTMTrace, which: 'h' | 'c'): number[][] {
  const values = which === 'h' ? trace.h : trace.c;
  return Array.from({ length: trace.units }, (_, j) =>
    Array.from({ length: trace.steps }, (_, t) => stepOf(values, trace, t)[j]!),
  );
}
