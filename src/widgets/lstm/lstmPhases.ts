import { phaseWalk } from '../cell/phaseWalk';

/**
 * The order in which the course walks through one LSTM step (CURRICULUM §2): forget → input →
 * update the cell state → output → emit h_t. One index covers the whole walk: step·5 + phase.
 */
export const PHASES = ['forget', 'input', 'update', 'output', 'emit'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_COUNT = PHASES.length;

/**
 * Named parts of the cell, shared by the diagram (wires, gates) and the equations (KaTeX term
 * hooks `term-NAME`): hovering one lights the other.
 */
export const PARTS = [
  'x',
  'hprev',
  'cprev',
  'f',
  'i',
  'cand',
  'o',
  'keep',
  'write',
  'c',
  'tanhc',
  'h',
] as const;
export type Part = (typeof PARTS)[number];

/** The six equations, in the order they are computed. */
export const EQUATIONS = ['f', 'i', 'cand', 'c', 'o', 'h'] as const;
export type EquationName = (typeof EQUATIONS)[number];

/** Which equations each phase computes. */
export const PHASE_EQUATIONS: Record<Phase, readonly EquationName[]> = {
  forget: ['f'],
  input: ['i', 'cand'],
  update: ['c'],
  output: ['o'],
  emit: ['h'],
};

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** Steps × phases positions; index = step·5 + phase (the shared walk of src/widgets/cell). */
const WALK = phaseWalk(PHASES);

export function positionCount(steps: number): number {
  return WALK.count(steps);
}

export function clampPosition(index: number, steps: number): number {
  return WALK.clamp(index, steps);
}

export interface Position {
  /** 0-based time step (step 0 reads x_1). */
  step: number;
  phase: Phase;
  phaseIndex: number;
}

export function positionOf(index: number, steps: number): Position {
  return WALK.positionOf(index, steps);
}

export function indexOf(step: number, phase: Phase | number): number {
  return WALK.indexOf(step, phase);
}

/** Where a click on time step `step` in the strip lands: the same phase, at that step. */
export function jumpToStep(index: number, step: number, steps: number): number {
  return WALK.jumpToStep(index, step, steps);
}
