/**
 * Stepping through a recurrent cell phase by phase, shared by the LSTM and GRU cells: one
 * index covers the whole walk, index = step · phases + phase.
 */
export interface PhaseWalk<P extends string> {
  phases: readonly P[];
  /** Steps × phases positions. */
  count: (steps: number) => number;
  clamp: (index: number, steps: number) => number;
  positionOf: (index: number, steps: number) => { step: number; phase: P; phaseIndex: number };
  indexOf: (step: number, phase: P | number) => number;
  /** Where a click on time step `step` lands: the same phase, at that step. */
  jumpToStep: (index: number, step: number, steps: number) => number;
}

export function phaseWalk<const P extends string>(phases: readonly P[]): PhaseWalk<P> {
  const n = phases.length;
  const count = (steps: number) => Math.max(0, steps) * n;
  const clamp = (index: number, steps: number) => {
    const total = count(steps);
    if (total === 0 || !Number.isFinite(index)) return 0;
    return Math.min(total - 1, Math.max(0, Math.round(index)));
  };
  const positionOf = (index: number, steps: number) => {
    const c = clamp(index, steps);
    const phaseIndex = c % n;
    return { step: Math.floor(c / n), phase: phases[phaseIndex]!, phaseIndex };
  };
  const indexOf = (step: number, phase: P | number) =>
    step * n + (typeof phase === 'number' ? phase : phases.indexOf(phase));
  const jumpToStep = (index: number, step: number, steps: number) =>
    clamp(indexOf(step, positionOf(index, steps).phaseIndex), steps);
  return { phases, count, clamp, positionOf, indexOf, jumpToStep };
}
