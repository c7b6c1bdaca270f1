/**
 * Geometry of the GRU cell diagram, in viewBox units (pure; unit-tested). h_{t-1} runs along
 * the top to the interpolation node and leaves as h_t; x_t comes up from below into the reset
 * gate, the update gate and the candidate; the reset gate scales h_{t-1} on its way into the
 * candidate.
 */
import type { GruPart, GruPhase } from './gruModel';

export const GRU_VIEW = { width: 600, height: 330 } as const;

export type GruNodeId = 'r' | 'z' | 'cand' | 'rh' | 'mix';

export interface GruNode {
  id: GruNodeId;
  /** The equation part the node stands for (hover link). */
  part: GruPart;
  x: number;
  y: number;
  w: number;
  h: number;
  shape: 'gate' | 'op';
  /** The phase in which it is computed. */
  phase: GruPhase;
}

export const GRU_NODES: readonly GruNode[] = [
  { id: 'r', part: 'r', x: 150, y: 215, w: 84, h: 52, shape: 'gate', phase: 'reset' },
  { id: 'z', part: 'z', x: 285, y: 215, w: 84, h: 52, shape: 'gate', phase: 'update' },
  { id: 'rh', part: 'rh', x: 150, y: 130, w: 34, h: 34, shape: 'op', phase: 'candidate' },
  { id: 'cand', part: 'cand', x: 420, y: 215, w: 84, h: 52, shape: 'gate', phase: 'candidate' },
  { id: 'mix', part: 'h', x: 470, y: 60, w: 40, h: 40, shape: 'op', phase: 'interpolate' },
];

export interface GruWire {
  id: string;
  part: GruPart;
  /** The phase from which the wire carries a value. */
  phase: GruPhase;
  points: readonly (readonly [number, number])[];
}

const Y_TOP = 60;
const Y_X = 305;

export const GRU_WIRES: readonly GruWire[] = [
  // h_{t-1} along the top to the mix node, and h_t out.
  {
    id: 'hprev',
    part: 'hprev',
    phase: 'reset',
    points: [
      [30, Y_TOP],
      [450, Y_TOP],
    ],
  },
  {
    id: 'h',
    part: 'h',
    phase: 'interpolate',
    points: [
      [490, Y_TOP],
      [580, Y_TOP],
    ],
  },
  // h_{t-1} down into both gates.
  {
    id: 'hprev-r',
    part: 'hprev',
    phase: 'reset',
    points: [
      [80, Y_TOP],
      [80, 200],
      [108, 200],
    ],
  },
  {
    id: 'hprev-z',
    part: 'hprev',
    phase: 'update',
    points: [
      [80, 175],
      [230, 175],
      [230, 200],
      [243, 200],
    ],
  },
  // x_t up into all three.
  {
    id: 'x',
    part: 'x',
    phase: 'reset',
    points: [
      [30, Y_X],
      [420, Y_X],
      [420, 241],
    ],
  },
  {
    id: 'x-r',
    part: 'x',
    phase: 'reset',
    points: [
      [150, Y_X],
      [150, 241],
    ],
  },
  {
    id: 'x-z',
    part: 'x',
    phase: 'update',
    points: [
      [285, Y_X],
      [285, 241],
    ],
  },
  // r scales h_{t-1}: r up into the ⊙, h_{t-1} down into it, then on to the candidate.
  {
    id: 'r-rh',
    part: 'r',
    phase: 'reset',
    points: [
      [150, 189],
      [150, 147],
    ],
  },
  {
    id: 'hprev-rh',
    part: 'hprev',
    phase: 'candidate',
    points: [
      [150, Y_TOP],
      [150, 113],
    ],
  },
  {
    id: 'rh-cand',
    part: 'rh',
    phase: 'candidate',
    points: [
      [167, 130],
      [400, 130],
      [400, 189],
    ],
  },
  // z and h̃ into the mix node.
  {
    id: 'z-mix',
    part: 'z',
    phase: 'update',
    points: [
      [285, 189],
      [285, 100],
      [462, 100],
      [462, 80],
    ],
  },
  {
    id: 'cand-mix',
    part: 'cand',
    phase: 'candidate',
    points: [
      [440, 189],
      [440, 110],
      [478, 110],
      [478, 80],
    ],
  },
];

export function wirePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${x},${y}`).join(' ');
}

/** A part is active in its phase, done after it (within the step), dim before it. */
export function gruStateIn(
  partPhase: GruPhase,
  phase: GruPhase,
  phases: readonly GruPhase[],
): 'active' | 'done' | 'dim' {
  const a = phases.indexOf(partPhase);
  const b = phases.indexOf(phase);
  return a === b ? 'active' : a < b ? 'done' : 'dim';
}

/** Bars for a vector of per-unit values in [lo, 1], left to right inside a node. */
export function unitBars(
  node: Pick<GruNode, 'x' | 'y' | 'w' | 'h'>,
  values: readonly number[],
  signed: boolean,
): { x: number; y: number; width: number; height: number; sign: 'pos' | 'neg' | 'gate' }[] {
  const n = Math.max(1, values.length);
  const gap = 4;
  const width = (node.w - 12 - gap * (n - 1)) / n;
  const base = node.y + node.h / 2 + 18;
  const full = 16;
  return values.map((v, k) => {
    const x = node.x - node.w / 2 + 6 + k * (width + gap);
    const clamped = Math.max(signed ? -1 : 0, Math.min(1, Number.isFinite(v) ? v : 0));
    const height = Math.abs(clamped) * full;
    const y = signed && clamped < 0 ? base : base - height;
    return { x, y, width, height, sign: signed ? (clamped < 0 ? 'neg' : 'pos') : 'gate' };
  });
}
