import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  ACTIVATION_IDS,
  DEFAULT_ACTIVATION_PARAMS,
  chainFactor,
  elu,
  eluDerivative,
  leakyRelu,
  leakyReluDerivative,
  maxout,
  maxoutCrossing,
  maxoutDerivative,
  relu,
  reluDerivative,
  sampleCurve,
  sigmoid,
  sigmoidDerivative,
  tanh,
  tanhDerivative,
  type ActivationParams,
} from '../../src/core/activations';

const P: ActivationParams = { ...DEFAULT_ACTIVATION_PARAMS };

describe('known values', () => {
  it('sigmoid', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1)).toBeCloseTo(0.7310585786, 9);
    expect(sigmoid(-1)).toBeCloseTo(0.2689414214, 9);
    expect(sigmoid(0.1)).toBeCloseTo(0.525, 3); // the LSTM lesson's first forget gate
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 12);
  });

  it('tanh', () => {
    expect(tanh(0)).toBe(0);
    expect(tanh(1)).toBeCloseTo(0.761594156, 9);
    expect(tanh(-1)).toBeCloseTo(-0.761594156, 9);
  });

  it('ReLU and Leaky ReLU', () => {
    expect(relu(3)).toBe(3);
    expect(relu(-3)).toBe(0);
    expect(leakyRelu(3)).toBe(3);
    expect(leakyRelu(-3)).toBeCloseTo(-0.3, 12); // max(0.1x, x)
    expect(leakyRelu(-3, 0.2)).toBeCloseTo(-0.6, 12);
    for (const x of [-5, -0.5, 0, 0.5, 5]) expect(leakyRelu(x)).toBeCloseTo(Math.max(0.1 * x, x));
  });

  it('ELU', () => {
    expect(elu(2)).toBe(2);
    expect(elu(-1)).toBeCloseTo(Math.E ** -1 - 1, 12);
    expect(elu(-1, 2)).toBeCloseTo(2 * (Math.E ** -1 - 1), 12);
    expect(elu(-50, 1.5)).toBeCloseTo(-1.5, 12); // approaches −α
  });

  it('Maxout is the upper envelope of two lines', () => {
    const lines = { w1: 1, b1: 0, w2: -1, b2: 0 };
    expect(maxout(-3, lines)).toBe(3);
    expect(maxout(2, lines)).toBe(2);
    expect(maxout(-2, { w1: 1, b1: 0, w2: 0, b2: 0 })).toBe(0); // ReLU as a special case
    expect(maxout(1, { w1: 2, b1: 1, w2: 0.5, b2: 3 })).toBe(3.5);
    expect(maxoutCrossing({ w1: 2, b1: 1, w2: 0.5, b2: 4 })).toBe(2);
    expect(maxoutCrossing({ w1: 1, b1: 0, w2: 1, b2: 3 })).toBeNull();
  });
});

describe('derivatives', () => {
  const h = 1e-5;
  const probes = [-4.3, -2, -0.7, -0.2, 0.3, 0.9, 1.6, 3.8];
  const paramSets: ActivationParams[] = [
    P,
    { slope: 0.25, alpha: 2.5, w1: 1.5, b1: -0.5, w2: -0.4, b2: 1 },
    { slope: 0.02, alpha: 0.3, w1: 0.2, b1: 1.3, w2: 2, b2: 0 },
  ];

  for (const id of ACTIVATION_IDS) {
    it(`${id}: matches central finite differences away from kinks`, () => {
      const { f, df, kinks } = ACTIVATIONS[id];
      for (const p of paramSets) {
        for (const x of probes) {
          if (kinks(p).some((k) => Math.abs(k - x) < 1e-3)) continue;
          const numeric = (f(x + h, p) - f(x - h, p)) / (2 * h);
          expect(df(x, p)).toBeCloseTo(numeric, 6);
        }
      }
    });
  }

  it("max σ' = 0.25 at 0 and max tanh' = 1 at 0", () => {
    expect(sigmoidDerivative(0)).toBe(0.25);
    expect(tanhDerivative(0)).toBe(1);
    for (let x = -6; x <= 6; x += 0.05) {
      expect(sigmoidDerivative(x)).toBeLessThanOrEqual(0.25);
      expect(tanhDerivative(x)).toBeLessThanOrEqual(1);
    }
    expect(sigmoidDerivative(4)).toBeCloseTo(0.0177, 4); // the lesson's "x = 4" prompt
  });

  it("ReLU' is 0 for x < 0 and 1 for x > 0, with ReLU'(0) = 0", () => {
    for (const x of [-100, -1, -1e-9]) expect(reluDerivative(x)).toBe(0);
    for (const x of [1e-9, 1, 100]) expect(reluDerivative(x)).toBe(1);
    expect(reluDerivative(0)).toBe(0);
  });

  it('kink conventions use the left-hand slope', () => {
    expect(leakyReluDerivative(0)).toBe(0.1);
    expect(eluDerivative(0, 2)).toBe(2);
    expect(maxoutDerivative(0, { w1: 1, b1: 0, w2: -1, b2: 0 })).toBe(1); // tie → first line
  });

  it('ELU with α = 1 is continuous at 0, and so is its derivative', () => {
    const eps = 1e-9;
    expect(Math.abs(elu(-eps, 1) - elu(eps, 1))).toBeLessThan(1e-8);
    expect(Math.abs(eluDerivative(-eps, 1) - eluDerivative(eps, 1))).toBeLessThan(1e-8);
    // with another α the function stays continuous but the derivative jumps
    expect(Math.abs(elu(-eps, 2) - elu(eps, 2))).toBeLessThan(1e-8);
    expect(eluDerivative(eps, 2) - eluDerivative(-eps, 2)).toBeCloseTo(-1, 6);
  });
});

describe('numerical stability', () => {
  it('sigmoid at ±1000 gives 1 and 0, never NaN', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoidDerivative(1000)).toBe(0);
    expect(sigmoidDerivative(-1000)).toBe(0);
    expect(sigmoid(-745)).toBeGreaterThan(0); // still a subnormal, not 0/∞
  });

  it('every function and derivative is finite on a wide range', () => {
    for (const id of ACTIVATION_IDS) {
      for (const x of [-1000, -50, 0, 50, 1000]) {
        expect(Number.isFinite(ACTIVATIONS[id].f(x, P))).toBe(true);
        expect(Number.isFinite(ACTIVATIONS[id].df(x, P))).toBe(true);
      }
    }
  });
});

describe('sampleCurve', () => {
  it('returns n evenly spaced points including both ends for a smooth function', () => {
    const pts = sampleCurve('tanh', {}, -6, 6, 121);
    expect(pts).toHaveLength(121);
    expect(pts[0]!.x).toBe(-6);
    expect(pts[60]!.x).toBe(0);
    expect(pts[120]!.x).toBe(6);
    expect(pts[60]!.df).toBe(1);
  });

  it('doubles the kink so the derivative jumps vertically', () => {
    const pts = sampleCurve('relu', {}, -1, 1, 5); // −1, −0.5, 0, 0.5, 1
    expect(pts.map((p) => p.x)).toEqual([-1, -0.5, 0, 0, 0.5, 1]);
    expect(pts.map((p) => p.df)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('finds the Maxout crossing from its parameters', () => {
    const pts = sampleCurve('maxout', { w1: 2, b1: 1, w2: 0.5, b2: 4 }, 0, 4, 3);
    expect(pts.map((p) => p.x)).toEqual([0, 2, 2, 4]);
    expect(pts[1]!.df).toBe(0.5);
    expect(pts[2]!.df).toBe(2);
    expect(pts[1]!.f).toBe(5);
  });

  it('rejects a bad request', () => {
    expect(() => sampleCurve('relu', {}, 0, 1, 1)).toThrow();
    expect(() => sampleCurve('relu', {}, 1, 0, 10)).toThrow();
  });
});

describe('chainFactor', () => {
  it('shows how fast a product of derivatives shrinks or grows', () => {
    expect(chainFactor(0.25, 20)).toBeCloseTo(9.094947e-13, 18);
    expect(chainFactor(1, 50)).toBe(1);
    expect(chainFactor(-2, 10)).toBe(1024);
    expect(chainFactor(sigmoidDerivative(4), 5)).toBeLessThan(2e-9);
  });
});
