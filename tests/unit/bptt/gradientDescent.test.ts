import { describe, expect, it } from 'vitest';
import {
  classify,
  curve,
  descend,
  descend2d,
  levelEllipse,
} from '../../../src/widgets/bptt/gradientDescent';
import { decadesBack, logPoints, stepRatio, trendOf } from '../../../src/widgets/bptt/trend';

describe('gradient descent on x²', () => {
  it('is x_{k+1} = (1 − 2μ) x_k', () => {
    const xs = descend('quadratic', 2, 0.1, 3);
    expect(xs).toHaveLength(4);
    expect(xs[1]).toBeCloseTo(1.6, 12);
    expect(xs[3]).toBeCloseTo(2 * 0.8 ** 3, 12);
  });
  it('converges, oscillates or diverges with the learning rate', () => {
    expect(classify('quadratic', descend('quadratic', 1.8, 0.1, 30))).toBe('converging');
    expect(classify('quadratic', descend('quadratic', 1.8, 0.9, 30))).toBe('zigzag');
    expect(classify('quadratic', descend('quadratic', 1.8, 1.1, 30))).toBe('diverging');
    expect(classify('quadratic', descend('quadratic', 1.8, 1.0, 30))).toBe('oscillating');
  });
  it('stops at overflow and marks it infinite', () => {
    const xs = descend('doubleWell', 2, 1.2, 30);
    expect(xs.length).toBeLessThan(31);
    expect(Number.isFinite(xs[xs.length - 1])).toBe(false);
    expect(classify('doubleWell', xs)).toBe('diverging');
  });
  it('double well: the start decides the valley', () => {
    const right = descend('doubleWell', 0.5, 0.05, 30);
    const left = descend('doubleWell', -0.5, 0.05, 30);
    expect(right[30]).toBeCloseTo(1, 2);
    expect(left[30]).toBeCloseTo(-1, 2);
    expect(curve('doubleWell', 5).map((p) => p.x)).toEqual([-2.2, -1.1, 0, 1.1, 2.2]);
  });
});

describe('gradient descent on x² + 4y²', () => {
  it('shrinks each coordinate by its own factor; the steep one limits μ', () => {
    const p = descend2d(1, 1, 0.1, 2);
    expect(p[1]!.x).toBeCloseTo(0.8, 12);
    expect(p[1]!.y).toBeCloseTo(0.2, 12);
    const zig = descend2d(1, 1, 0.2, 30);
    expect(Math.abs(zig[30]!.x)).toBeLessThan(1e-5); // x: factor 0.6
    expect(Math.abs(zig[30]!.y)).toBeLessThan(1e-3); // y: factor −0.6, zig-zags in
    expect(Math.sign(zig[1]!.y)).toBe(-1);
    const out = descend2d(1, 1, 0.3, 30); // y: factor −1.4 → diverges, x still converges
    expect(Math.abs(out[30]!.y)).toBeGreaterThan(1e3);
    expect(Math.abs(out[30]!.x)).toBeLessThan(1e-5);
    expect(levelEllipse(4)).toEqual({ a: 2, b: 1 });
  });
});

describe('gradient-norm trends', () => {
  it('reads shrinking and growing norms going back', () => {
    expect(trendOf([1e-6, 1e-3, 1])).toBe('vanishing');
    expect(trendOf([1e6, 1e3, 1])).toBe('exploding');
    expect(trendOf([2, 1.5, 1])).toBe('steady');
    expect(trendOf([NaN, 1])).toBe('overflow');
    expect(decadesBack([100, 1])).toBeCloseTo(2);
    expect(stepRatio([100, 10, 1])).toBeCloseTo(10);
    expect(logPoints([0, 2, Infinity, 3])).toEqual([
      { x: 2, y: 2 },
      { x: 4, y: 3 },
    ]);
  });
});
