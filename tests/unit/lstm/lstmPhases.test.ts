import { describe, expect, it } from 'vitest';
import {
  PHASES,
  PHASE_EQUATIONS,
  EQUATIONS,
  clampPosition,
  indexOf,
  jumpToStep,
  positionCount,
  positionOf,
} from '../../../src/widgets/lstm/lstmPhases';

describe('phases and positions', () => {
  it('walks forget → input → update → output → emit, and every equation belongs to one phase', () => {
    expect(PHASES).toEqual(['forget', 'input', 'update', 'output', 'emit']);
    expect(PHASES.flatMap((p) => PHASE_EQUATIONS[p])).toEqual(EQUATIONS);
  });

  it('combines step and phase into one index: step·5 + phase', () => {
    expect(positionCount(3)).toBe(15);
    for (let index = 0; index < 15; index++) {
      const { step, phase, phaseIndex } = positionOf(index, 3);
      expect(step * 5 + phaseIndex).toBe(index);
      expect(indexOf(step, phase)).toBe(index);
    }
    expect(positionOf(7, 3)).toEqual({ step: 1, phase: 'update', phaseIndex: 2 });
  });

  it('clamps out-of-range and non-finite positions', () => {
    expect(clampPosition(99, 3)).toBe(14);
    expect(clampPosition(-4, 3)).toBe(0);
    expect(clampPosition(NaN, 3)).toBe(0);
    expect(clampPosition(3, 0)).toBe(0);
    expect(positionOf(99, 3)).toEqual({ step: 2, phase: 'emit', phaseIndex: 4 });
  });

  it('jumps to another step in the same phase', () => {
    expect(jumpToStep(indexOf(0, 'output'), 2, 3)).toBe(indexOf(2, 'output'));
    expect(jumpToStep(indexOf(2, 'emit'), 0, 3)).toBe(indexOf(0, 'emit'));
    expect(jumpToStep(0, 9, 3)).toBe(14);
  });
});
