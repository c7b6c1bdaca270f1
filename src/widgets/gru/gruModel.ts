/**
 * What the GRU widgets show, computed from the core: a seeded example cell, the sequence it
 * reads and the core's trace (`traceCell`) under a chosen convention, turned into the numbers of
 * the four equations. r, z, h̃ and h come straight from the trace; the parts of each
 * pre-activation are worked out here in plain arithmetic only to print them.
 */
import {
  GRU_PRESETS,
  createCell,
  flipUpdateGate,
  stepOf,
  traceCell,
  withGruConvention,
  type GRUCell,
  type GRUTrace,
  type GruConvention,
  type GruPreset,
} from '../../core';
import type { EquationValue } from '../../ui/equation';
import { phaseWalk } from '../cell/phaseWalk';

/** The course walks a GRU step in this order (CURRICULUM §3). */
export const GRU_PHASES = ['reset', 'update', 'candidate', 'interpolate'] as const;
export type GruPhase = (typeof GRU_PHASES)[number];
export const GRU_WALK = phaseWalk(GRU_PHASES);

/** The four equations, in the order they are computed; one per phase. */
export const GRU_EQUATIONS = ['r', 'z', 'cand', 'h'] as const;
export type GruEquation = (typeof GRU_EQUATIONS)[number];
export const PHASE_EQUATION: Record<GruPhase, GruEquation> = {
  reset: 'r',
  update: 'z',
  candidate: 'cand',
  interpolate: 'h',
};

/** Named parts shared by the diagram and the equations' `term-NAME` hooks. */
export const GRU_PARTS = ['x', 'hprev', 'r', 'z', 'cand', 'rh', 'keep', 'write', 'h'] as const;
export type GruPart = (typeof GRU_PARTS)[number];
export function isGruPart(name: string | null): name is GruPart {
  return name !== null && (GRU_PARTS as readonly string[]).includes(name);
}

/** The three named presets the lesson offers, each standing for the libraries that share it. */
export const PRESET_CHOICES = ['course', 'cho2014', 'pytorch'] as const;
export type PresetChoice = (typeof PRESET_CHOICES)[number];

export function presetOf(convention: GruConvention): PresetChoice | null {
  for (const name of PRESET_CHOICES) {
    const p = GRU_PRESETS[name];
    if (p.updateGate === convention.updateGate && p.resetAfter === convention.resetAfter) {
      return name;
    }
  }
  return null;
}

/** Every preset name of the core, for tests and the flip demo. */
export const ALL_PRESETS = Object.keys(GRU_PRESETS) as GruPreset[];

/** The example sequence: three steps of two features. */
export const EXAMPLE_INPUTS: readonly (readonly number[])[] = [
  [1, 0],
  [0, 1],
  [1, 1],
];
export const EXAMPLE_UNITS = 2;
export const EXAMPLE_LABELS = ['x₁', 'x₂', 'x₃'];

/**
 * The example's weights: a seeded GRU (Glorot / orthogonal, as the core initialises), scaled up
 * so the gates sit away from ½ and the conventions differ visibly, with small seeded biases.
 */
export function exampleCell(seed: number): GRUCell {
  const cell = createCell(
    { kind: 'gru', inputSize: 2, units: EXAMPLE_UNITS, convention: 'course' },
    { seed },
  );
  let k = seed * 7 + 3;
  for (const gate of ['r', 'z', 'candidate'] as const) {
    const g = cell.gates[gate];
    for (const part of [g.W, g.U]) for (let i = 0; i < part.length; i++) part[i] = part[i]! * 2;
    for (let i = 0; i < g.b.length; i++) {
      k = (k * 1103515245 + 12345) % 2147483648;
      g.b[i] = Math.round(((k / 2147483648) * 2 - 1) * 50) / 100;
    }
  }
  // Round every weight to two decimals so the editor shows short numbers.
  for (const gate of ['r', 'z', 'candidate'] as const) {
    const g = cell.gates[gate];
    for (const part of [g.W, g.U, g.b]) {
      for (let i = 0; i < part.length; i++) part[i] = Math.round(part[i]! * 100) / 100;
    }
  }
  return cell;
}

/** The same weights read under `convention` (the function changes; CURRICULUM §3). */
export function cellUnder(cell: GRUCell, convention: GruConvention): GRUCell {
  return withGruConvention(cell, convention);
}

export function traceExample(cell: GRUCell): GRUTrace {
  return traceCell(
    cell,
    EXAMPLE_INPUTS.map((row) => [...row]),
    { h0: new Array<number>(cell.units).fill(0) },
  );
}

/** x·W for a row vector x and a row-major W [rows, cols] (Keras's layout). */
export function rowTimesMatrix(x: ArrayLike<number>, W: ArrayLike<number>, cols: number): number[] {
  const out = new Array<number>(cols).fill(0);
  for (let r = 0; r < x.length; r++) {
    const xr = x[r]!;
    if (xr === 0) continue;
    for (let j = 0; j < cols; j++) out[j]! += xr * W[r * cols + j]!;
  }
  return out;
}

export interface GruStepValues {
  t: number;
  updateGate: GRUCell['updateGate'];
  resetAfter: boolean;
  x: number[];
  hPrev: number[];
  r: number[];
  z: number[];
  cand: number[];
  h: number[];
  pre: { r: number[]; z: number[]; cand: number[] };
  /** W x_t + b per gate (for the candidate: W_h x_t + b_h). */
  Wx: { r: number[]; z: number[]; cand: number[] };
  Uh: { r: number[]; z: number[] };
  b: { r: number[]; z: number[]; cand: number[] };
  /** r ⊙ h_{t−1} (reset before) or r ⊙ (U_h h_{t−1} + b_hn) (reset after). */
  rh: number[];
  /** The share of h_{t−1} kept and of h̃ written: (1 − z) ⊙ h₋₁, z ⊙ h̃ (course) or the other way. */
  keep: number[];
  write: number[];
  /** The weight on h_{t−1}: 1 − z (course) or z. */
  keepGate: number[];
}

export function gruStepValues(cell: GRUCell, trace: GRUTrace, t: number): GruStepValues {
  const H = cell.units;
  const x = Array.from(stepOf(trace.input, trace, t));
  const hPrev = Array.from(t === 0 ? trace.h0.subarray(0, H) : stepOf(trace.h, trace, t - 1));
  const at = (values: Float32Array) => Array.from(stepOf(values, trace, t));
  const r = at(trace.gates.r);
  const z = at(trace.gates.z);
  const cand = at(trace.gates.candidate);
  const h = at(trace.h);
  const { r: gr, z: gz, candidate: gc } = cell.gates;
  const UhCand = rowTimesMatrix(hPrev, gc.U, H);
  const rh = cell.resetAfter
    ? UhCand.map((v, j) => r[j]! * (v + (cell.bhn?.[j] ?? 0)))
    : hPrev.map((v, j) => r[j]! * v);
  const keepGate = cell.updateGate === 'course' ? z.map((v) => 1 - v) : z;
  const writeGate = cell.updateGate === 'course' ? z : z.map((v) => 1 - v);
  return {
    t,
    updateGate: cell.updateGate,
    resetAfter: cell.resetAfter,
    x,
    hPrev,
    r,
    z,
    cand,
    h,
    pre: { r: at(trace.pre.r), z: at(trace.pre.z), cand: at(trace.pre.candidate) },
    Wx: {
      r: rowTimesMatrix(x, gr.W, H),
      z: rowTimesMatrix(x, gz.W, H),
      cand: rowTimesMatrix(x, gc.W, H),
    },
    Uh: { r: rowTimesMatrix(hPrev, gr.U, H), z: rowTimesMatrix(hPrev, gz.U, H) },
    b: { r: Array.from(gr.b), z: Array.from(gz.b), cand: Array.from(gc.b) },
    rh,
    keep: keepGate.map((g, j) => g * hPrev[j]!),
    write: writeGate.map((g, j) => g * cand[j]!),
    keepGate,
  };
}

/** Values for the `{{name}}` placeholders of gruEquations.ts. */
export function gruEquationValues(s: GruStepValues): Record<string, EquationValue> {
  return {
    x: s.x,
    hprev: s.hPrev,
    r: s.r,
    z: s.z,
    cand: s.cand,
    h: s.h,
    rpre: s.pre.r,
    zpre: s.pre.z,
    candpre: s.pre.cand,
    rh: s.rh,
    keep: s.keep,
    write: s.write,
    onez: s.z.map((v) => 1 - v),
  };
}

/** h after every step, as [step][unit]. */
export function hRows(trace: GRUTrace): number[][] {
  return Array.from({ length: trace.steps }, (_, t) => Array.from(stepOf(trace.h, trace, t)));
}

/** The flip demo: the cell and its update-gate flip, traced on the same sequence. */
export function flipPair(cell: GRUCell): {
  original: { cell: GRUCell; trace: GRUTrace };
  flipped: { cell: GRUCell; trace: GRUTrace };
  maxDiff: number;
} {
  const flipped = flipUpdateGate(cell);
  const a = traceExample(cell);
  const b = traceExample(flipped);
  let maxDiff = 0;
  for (let k = 0; k < a.h.length; k++) maxDiff = Math.max(maxDiff, Math.abs(a.h[k]! - b.h[k]!));
  return { original: { cell, trace: a }, flipped: { cell: flipped, trace: b }, maxDiff };
}
