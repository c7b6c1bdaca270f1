/**
 * Geometry of an unrolled RNN, computed without React or the DOM: which nodes exist for a
 * task shape and a sequence length, where they sit and which arrows join them. The widget
 * only draws what this returns, and the tests check it directly.
 */

export const RNN_SHAPES = ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many'] as const;
export type RnnShape = (typeof RNN_SHAPES)[number];

export const MAX_SEQUENCE_LENGTH = 10;

export type NodeKind = 'input' | 'cell' | 'output' | 'initial';
export type EdgeKind = 'input' | 'recurrent' | 'output';

export interface LayoutNode {
  /** `x1`, `cell1`, `y1` (1-based like the notation), or `h0` for the zero initial state. */
  id: string;
  kind: NodeKind;
  /** 0-based time step; the initial state h0 belongs to step −1. */
  t: number;
  cx: number;
  cy: number;
}

export interface LayoutEdge {
  id: string;
  kind: EdgeKind;
  from: string;
  to: string;
  /** The step whose computation this arrow belongs to: a cell's input, the state it passes on, its output. */
  t: number;
  /** Endpoints already trimmed to the node borders. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface RnnLayout {
  shape: RnnShape;
  /** Number of time steps actually drawn (always 1 for one-to-one). */
  length: number;
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

/** Sizes in SVG user units; the SVG scales them with the page's root font size. */
export const GEOMETRY = {
  column: 112,
  margin: 28,
  cellSize: 62,
  ioRadius: 22,
  outputY: 44,
  cellY: 150,
  inputY: 256,
  initialRadius: 16,
  /** Room for the h0 stub left of the first cell. */
  initialColumn: 76,
} as const;

/** One-to-one is an ordinary feed-forward step: there is nothing to repeat. */
export function effectiveLength(shape: RnnShape, length: number): number {
  if (shape === 'one-to-one') return 1;
  const whole = Math.round(Number.isFinite(length) ? length : 1);
  return Math.min(MAX_SEQUENCE_LENGTH, Math.max(1, whole));
}

export function clampStep(step: number, length: number): number {
  const whole = Math.round(Number.isFinite(step) ? step : 0);
  return Math.min(Math.max(0, length - 1), Math.max(0, whole));
}

export function hasInputAt(shape: RnnShape, t: number): boolean {
  return shape === 'one-to-many' || shape === 'one-to-one' ? t === 0 : true;
}

export function hasOutputAt(shape: RnnShape, t: number, length: number): boolean {
  return shape === 'many-to-one' || shape === 'one-to-one' ? t === length - 1 : true;
}

/** Whether a hidden state enters from the left (every shape that actually recurs). */
export function isRecurrent(shape: RnnShape): boolean {
  return shape !== 'one-to-one';
}

export function layoutRnn(shape: RnnShape, requestedLength: number): RnnLayout {
  const g = GEOMETRY;
  const length = effectiveLength(shape, requestedLength);
  const recurrent = isRecurrent(shape);
  const left = g.margin + (recurrent ? g.initialColumn : 0);
  const columnX = (t: number) => left + g.column * t + g.column / 2;

  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const half = g.cellSize / 2;

  const cellId = (t: number) => `cell${t + 1}`;

  if (recurrent) {
    nodes.push({ id: 'h0', kind: 'initial', t: -1, cx: g.margin + g.initialRadius, cy: g.cellY });
    const cx0 = columnX(0);
    edges.push({
      id: 'h0->cell1',
      kind: 'recurrent',
      from: 'h0',
      to: cellId(0),
      t: -1,
      x1: g.margin + 2 * g.initialRadius,
      y1: g.cellY,
      x2: cx0 - half,
      y2: g.cellY,
    });
  }

  for (let t = 0; t < length; t++) {
    const cx = columnX(t);
    nodes.push({ id: cellId(t), kind: 'cell', t, cx, cy: g.cellY });

    if (hasInputAt(shape, t)) {
      const id = `x${t + 1}`;
      nodes.push({ id, kind: 'input', t, cx, cy: g.inputY });
      edges.push({
        id: `${id}->${cellId(t)}`,
        kind: 'input',
        from: id,
        to: cellId(t),
        t,
        x1: cx,
        y1: g.inputY - g.ioRadius,
        x2: cx,
        y2: g.cellY + half,
      });
    }

    if (hasOutputAt(shape, t, length)) {
      const id = `y${t + 1}`;
      nodes.push({ id, kind: 'output', t, cx, cy: g.outputY });
      edges.push({
        id: `${cellId(t)}->${id}`,
        kind: 'output',
        from: cellId(t),
        to: id,
        t,
        x1: cx,
        y1: g.cellY - half,
        x2: cx,
        y2: g.outputY + g.ioRadius,
      });
    }

    if (t + 1 < length) {
      edges.push({
        id: `${cellId(t)}->${cellId(t + 1)}`,
        kind: 'recurrent',
        from: cellId(t),
        to: cellId(t + 1),
        t,
        x1: cx + half,
        y1: g.cellY,
        x2: columnX(t + 1) - half,
        y2: g.cellY,
      });
    }
  }

  const width = left + g.column * length + g.margin / 2;
  const height = g.inputY + g.ioRadius + g.margin;
  return { shape, length, width, height, nodes, edges };
}

export type StepStatus = 'done' | 'current' | 'future';

/** How an element of step t looks while the learner is at `step`. */
export function stepStatus(t: number, step: number): StepStatus {
  if (t < step) return 'done';
  return t === step ? 'current' : 'future';
}
