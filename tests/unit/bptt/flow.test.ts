import { describe, expect, it } from 'vitest';
import { flowColumns, normStrength, shortNorm } from '../../../src/widgets/bptt/bpttFlow';

describe('the unrolled BPTT diagram', () => {
  it('draws every step of a short sequence and the ends of a long one around a gap', () => {
    expect(flowColumns(4)).toEqual([1, 2, 3, 4]);
    expect(flowColumns(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(flowColumns(50)).toEqual([1, 2, 3, null, 45, 46, 47, 48, 49, 50]);
    expect(flowColumns(200)).toHaveLength(10);
    expect(flowColumns(200).at(-1)).toBe(200);
  });

  it('scales norms by order of magnitude across both models', () => {
    const s = normStrength([new Float32Array([1e-6, 1e-3]), new Float32Array([1, NaN, 0])]);
    expect(s(1e-6)).toBeCloseTo(0, 9);
    expect(s(1e-3)).toBeCloseTo(0.5, 9);
    expect(s(1)).toBeCloseTo(1, 9);
    expect(s(0)).toBe(0);
    expect(s(Infinity)).toBe(0);
    expect(normStrength([new Float32Array([2, 2])])(2)).toBe(1);
    expect(normStrength([new Float32Array([NaN])])(1)).toBe(0);
  });

  it('labels norms briefly', () => {
    expect(shortNorm(830.4)).toBe('830');
    expect(shortNorm(0.0264)).toBe('0.026');
    expect(shortNorm(20_400)).toBe('2.0e4');
    expect(shortNorm(0.00142)).toBe('1.4e−3');
    expect(shortNorm(Infinity)).toBe('∞');
    expect(shortNorm(0)).toBe('0');
  });
});
