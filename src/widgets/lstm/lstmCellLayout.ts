/**
 * Geometry of the LSTM cell diagram, without the DOM: where the conveyor belt (cell state),
 * the gates, the operations, the wires and the little per-unit bar charts go, and which phase
 * lights which of them. The component only draws what this module returns.
 *
 *   c_{t-1} ──×──────────+──────────┬──── c_t        (the belt, along the top)
 *             │          │          tanh
 *             │          ×          │
 *             │        ╱   ╲        │
 *           [ f ]  [ i ] [ c̃ ]  [ o ]─×──── h_t
 *             │      │     │      │
 *   h_{t-1} ──┴──────┴─────┴──────┘                  (the bus [h_{t-1}, x_t])
 *        x_t ┘
 */
import { PHASES, type Part, type Phase } from './lstmPhases';

export const VIEW = { width: 760, height: 424 } as const;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Point {
  x: number;
  y: number;
}

export const BELT_Y = 70;
export const BUS_Y = 332;
export const CELL_BOX: Box = { x: 96, y: 34, w: 548, h: 324 };

export type GateId = 'f' | 'i' | 'cand' | 'o';
export const GATE_IDS: readonly GateId[] = ['f', 'i', 'cand', 'o'];

export interface GateLayout {
  id: GateId;
  /** σ for the three gates, tanh for the candidate. */
  activation: 'sigmoid' | 'tanh';
  box: Box;
  cx: number;
  /** Where the per-unit bars go inside the box. */
  bars: Box;
  phases: readonly Phase[];
}

const GATE_SIZE = { w: 80, h: 84 };
const GATE_TOP = 206;
const gateAt = (
  id: GateId,
  cx: number,
  activation: GateLayout['activation'],
  phases: Phase[],
): GateLayout => {
  const box = { x: cx - GATE_SIZE.w / 2, y: GATE_TOP, w: GATE_SIZE.w, h: GATE_SIZE.h };
  return {
    id,
    activation,
    box,
    cx,
    bars: { x: box.x + 10, y: box.y + 26, w: box.w - 20, h: 34 },
    phases,
  };
};

export const GATES: Record<GateId, GateLayout> = {
  f: gateAt('f', 200, 'sigmoid', ['forget']),
  i: gateAt('i', 290, 'sigmoid', ['input']),
  cand: gateAt('cand', 380, 'tanh', ['input']),
  o: gateAt('o', 470, 'sigmoid', ['output']),
};

export type OpId = 'keep' | 'add' | 'write' | 'tanhc' | 'out';
export interface OpLayout {
  id: OpId;
  symbol: 'times' | 'plus' | 'tanh';
  cx: number;
  cy: number;
  /** Radius (an ellipse's half width for tanh). */
  r: number;
  part: Part;
  phases: readonly Phase[];
}

const OP_R = 15;
const OUT_Y = GATE_TOP + GATE_SIZE.h / 2;
export const OPS: Record<OpId, OpLayout> = {
  keep: {
    id: 'keep',
    symbol: 'times',
    cx: 200,
    cy: BELT_Y,
    r: OP_R,
    part: 'keep',
    phases: ['forget', 'update'],
  },
  add: { id: 'add', symbol: 'plus', cx: 380, cy: BELT_Y, r: OP_R, part: 'c', phases: ['update'] },
  write: {
    id: 'write',
    symbol: 'times',
    cx: 380,
    cy: 150,
    r: OP_R,
    part: 'write',
    phases: ['input', 'update'],
  },
  tanhc: { id: 'tanhc', symbol: 'tanh', cx: 560, cy: 150, r: 28, part: 'tanhc', phases: ['emit'] },
  out: { id: 'out', symbol: 'times', cx: 560, cy: OUT_Y, r: OP_R, part: 'h', phases: ['emit'] },
};
/** The tanh operation is an ellipse this tall (half height). */
export const TANH_RY = 16;

export interface WireLayout {
  id: string;
  /** The hover link to the equations; null for wires that only carry [h_{t-1}, x_t]. */
  part: Part | null;
  points: readonly Point[];
  phases: readonly Phase[];
  /** The conveyor belt is drawn thicker. */
  belt?: boolean;
  /** Draw an arrowhead at the end. */
  arrow?: boolean;
}

const p = (x: number, y: number): Point => ({ x, y });
const LEFT = 14;
const RIGHT = VIEW.width - 14;
const X_WIRE = 120;
const bottomOf = (g: GateId) => GATES[g].box.y + GATES[g].box.h;
const topOf = (g: GateId) => GATES[g].box.y;

export const WIRES: readonly WireLayout[] = [
  // The belt: c_{t-1} → ×f → +(i ⊙ c̃) → c_t.
  {
    id: 'belt-in',
    part: 'cprev',
    points: [p(LEFT, BELT_Y), p(OPS.keep.cx - OP_R, BELT_Y)],
    phases: ['forget'],
    belt: true,
  },
  {
    id: 'belt-mid',
    part: 'keep',
    points: [p(OPS.keep.cx + OP_R, BELT_Y), p(OPS.add.cx - OP_R, BELT_Y)],
    phases: ['forget', 'update'],
    belt: true,
  },
  {
    id: 'belt-out',
    part: 'c',
    points: [p(OPS.add.cx + OP_R, BELT_Y), p(RIGHT, BELT_Y)],
    phases: ['update', 'emit'],
    belt: true,
    arrow: true,
  },
  // Down from the belt through tanh, then × o, then out as h_t.
  {
    id: 'c-tanh',
    part: 'c',
    points: [p(OPS.tanhc.cx, BELT_Y), p(OPS.tanhc.cx, OPS.tanhc.cy - TANH_RY)],
    phases: ['emit'],
    arrow: true,
  },
  {
    id: 'tanh-out',
    part: 'tanhc',
    points: [p(OPS.tanhc.cx, OPS.tanhc.cy + TANH_RY), p(OPS.out.cx, OPS.out.cy - OP_R)],
    phases: ['emit'],
    arrow: true,
  },
  {
    id: 'h-out',
    part: 'h',
    points: [p(OPS.out.cx + OP_R, OPS.out.cy), p(RIGHT, OPS.out.cy)],
    phases: ['emit'],
    arrow: true,
  },
  // Gates to operations.
  {
    id: 'f-keep',
    part: 'f',
    points: [p(GATES.f.cx, topOf('f')), p(OPS.keep.cx, OPS.keep.cy + OP_R)],
    phases: ['forget'],
    arrow: true,
  },
  {
    id: 'i-write',
    part: 'i',
    points: [
      p(GATES.i.cx, topOf('i')),
      p(GATES.i.cx, OPS.write.cy),
      p(OPS.write.cx - OP_R, OPS.write.cy),
    ],
    phases: ['input'],
    arrow: true,
  },
  {
    id: 'cand-write',
    part: 'cand',
    points: [p(GATES.cand.cx, topOf('cand')), p(OPS.write.cx, OPS.write.cy + OP_R)],
    phases: ['input'],
    arrow: true,
  },
  {
    id: 'write-add',
    part: 'write',
    points: [p(OPS.write.cx, OPS.write.cy - OP_R), p(OPS.add.cx, OPS.add.cy + OP_R)],
    phases: ['input', 'update'],
    arrow: true,
  },
  {
    id: 'o-out',
    part: 'o',
    points: [p(GATES.o.box.x + GATES.o.box.w, OUT_Y), p(OPS.out.cx - OP_R, OUT_Y)],
    phases: ['output', 'emit'],
    arrow: true,
  },
  // h_{t-1} and x_t enter at the bottom left and run along the bus to every gate.
  {
    id: 'hprev-in',
    part: 'hprev',
    points: [p(LEFT, BUS_Y), p(X_WIRE, BUS_Y)],
    phases: ['forget', 'input', 'output'],
  },
  {
    id: 'x-in',
    part: 'x',
    points: [p(X_WIRE, VIEW.height - 6), p(X_WIRE, BUS_Y)],
    phases: ['forget', 'input', 'output'],
  },
  {
    id: 'bus-f',
    part: null,
    points: [p(X_WIRE, BUS_Y), p(GATES.f.cx, BUS_Y)],
    phases: ['forget', 'input', 'output'],
  },
  {
    id: 'bus-i',
    part: null,
    points: [p(GATES.f.cx, BUS_Y), p(GATES.i.cx, BUS_Y)],
    phases: ['input', 'output'],
  },
  {
    id: 'bus-cand',
    part: null,
    points: [p(GATES.i.cx, BUS_Y), p(GATES.cand.cx, BUS_Y)],
    phases: ['input', 'output'],
  },
  {
    id: 'bus-o',
    part: null,
    points: [p(GATES.cand.cx, BUS_Y), p(GATES.o.cx, BUS_Y)],
    phases: ['output'],
  },
  ...GATE_IDS.map((g): WireLayout => ({
    id: `bus-to-${g}`,
    part: null,
    points: [p(GATES[g].cx, BUS_Y), p(GATES[g].cx, bottomOf(g))],
    phases: GATES[g].phases,
    arrow: true,
  })),
];

export function wirePath(points: readonly Point[]): string {
  return points.map((pt, k) => `${k === 0 ? 'M' : 'L'}${pt.x},${pt.y}`).join(' ');
}

/** Vectors shown as small bar charts next to the wires, with their label position. */
export type ChipId = 'cprev' | 'keep' | 'write' | 'c' | 'tanhc' | 'hprev' | 'x' | 'h';
export interface ChipLayout {
  id: ChipId;
  part: Part;
  /** 'unit': values in [0, 1] fill from the bottom; 'signed': up (+) or down (−) from a midline. */
  mode: BarMode;
  area: Box;
  label: Point;
  phases: readonly Phase[];
}

export const CHIPS: Record<ChipId, ChipLayout> = {
  cprev: {
    id: 'cprev',
    part: 'cprev',
    mode: 'signed',
    area: { x: 18, y: 86, w: 64, h: 38 },
    label: p(50, BELT_Y - 14),
    phases: ['forget'],
  },
  keep: {
    id: 'keep',
    part: 'keep',
    mode: 'signed',
    area: { x: 228, y: 84, w: 60, h: 36 },
    label: p(258, 138),
    phases: ['forget', 'update'],
  },
  write: {
    id: 'write',
    part: 'write',
    mode: 'signed',
    area: { x: 394, y: 94, w: 60, h: 36 },
    label: p(424, 148),
    phases: ['input', 'update'],
  },
  c: {
    id: 'c',
    part: 'c',
    mode: 'signed',
    area: { x: 662, y: 86, w: 80, h: 38 },
    label: p(702, BELT_Y - 14),
    phases: ['update', 'emit'],
  },
  tanhc: {
    id: 'tanhc',
    part: 'tanhc',
    mode: 'signed',
    area: { x: 594, y: 132, w: 44, h: 36 },
    label: p(616, 184),
    phases: ['emit'],
  },
  hprev: {
    id: 'hprev',
    part: 'hprev',
    mode: 'signed',
    area: { x: 18, y: 344, w: 64, h: 38 },
    label: p(50, BUS_Y - 14),
    phases: ['forget', 'input', 'output'],
  },
  x: {
    id: 'x',
    part: 'x',
    mode: 'unit',
    area: { x: 132, y: 362, w: 64, h: 38 },
    label: p(206, 384),
    phases: ['forget', 'input', 'output'],
  },
  h: {
    id: 'h',
    part: 'h',
    mode: 'signed',
    area: { x: 662, y: OUT_Y + 12, w: 80, h: 38 },
    label: p(702, OUT_Y - 14),
    phases: ['emit'],
  },
};

export type BarMode = 'unit' | 'signed';

export interface Bar {
  index: number;
  value: number;
  /** The bar itself. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The full track behind it (the range of possible values). */
  track: Box;
  tone: 'gate' | 'pos' | 'neg' | 'none';
}

const BAR_GAP = 2;
const MAX_BAR_WIDTH = 16;

/**
 * One bar per unit inside `area`. 'unit' mode: 0 … 1 fills the track from the bottom (a gate's
 * opening). 'signed' mode: |v| / scale of half the track, up for positive, down for negative
 * (values beyond ±scale are drawn at full length). Non-finite values get an empty bar.
 */
export function layoutBars(values: ArrayLike<number>, area: Box, mode: BarMode, scale = 1): Bar[] {
  const n = values.length;
  if (n === 0) return [];
  const w = Math.min(MAX_BAR_WIDTH, (area.w - BAR_GAP * (n - 1)) / n);
  const used = n * w + (n - 1) * BAR_GAP;
  const left = area.x + (area.w - used) / 2;
  const mid = area.y + area.h / 2;
  const bars: Bar[] = [];
  for (let k = 0; k < n; k++) {
    const value = values[k]!;
    const x = left + k * (w + BAR_GAP);
    const track = { x, y: area.y, w, h: area.h };
    if (!Number.isFinite(value)) {
      bars.push({
        index: k,
        value,
        x,
        y: mode === 'unit' ? area.y + area.h : mid,
        w,
        h: 0,
        track,
        tone: 'none',
      });
      continue;
    }
    if (mode === 'unit') {
      const h = Math.min(1, Math.max(0, value)) * area.h;
      bars.push({ index: k, value, x, y: area.y + area.h - h, w, h, track, tone: 'gate' });
    } else {
      const s = scale > 0 && Number.isFinite(scale) ? scale : 1;
      const h = (Math.min(1, Math.abs(value) / s) * area.h) / 2;
      bars.push({
        index: k,
        value,
        x,
        y: value >= 0 ? mid - h : mid,
        w,
        h,
        track,
        tone: value > 0 ? 'pos' : value < 0 ? 'neg' : 'none',
      });
    }
  }
  return bars;
}

/** The scale of signed bars for a whole trace: at least 1 (tanh range), else the largest |c|. */
export function signedScale(...arrays: ArrayLike<number>[]): number {
  let max = 1;
  for (const values of arrays) {
    for (let k = 0; k < values.length; k++) {
      const v = Math.abs(values[k]!);
      if (Number.isFinite(v) && v > max) max = v;
    }
  }
  return max;
}

/** Where each phase happens, left to right: a narrow screen scrolls the diagram there. */
export const PHASE_FOCUS_X: Record<Phase, number> = {
  forget: 200,
  input: 335,
  update: 380,
  output: 470,
  emit: 620,
};

export type PartState = 'active' | 'dim';

/** Whether something active in `phases` is lit or dimmed in `phase`. */
export function stateIn(phases: readonly Phase[], phase: Phase): PartState {
  return phases.includes(phase) ? 'active' : 'dim';
}

/** Everything lit in a phase (for tests and descriptions). */
export function litIn(phase: Phase): {
  wires: string[];
  gates: GateId[];
  ops: OpId[];
  chips: ChipId[];
} {
  return {
    wires: WIRES.filter((w) => w.phases.includes(phase)).map((w) => w.id),
    gates: GATE_IDS.filter((g) => GATES[g].phases.includes(phase)),
    ops: (Object.keys(OPS) as OpId[]).filter((o) => OPS[o].phases.includes(phase)),
    chips: (Object.keys(CHIPS) as ChipId[]).filter((c) => CHIPS[c].phases.includes(phase)),
  };
}

/** Every phase lights something, and every element is lit in some phase. */
export function everyPhaseLightsSomething(): boolean {
  return PHASES.every((phase) => litIn(phase).wires.length > 0);
}

/** Boxes that overlap each other (a layout check for the tests). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
