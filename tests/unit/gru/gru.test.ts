import katex from 'katex';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { GRU_PRESETS, stepOf, traceCell, withGruConvention } from '../../../src/core';
import { katexOptions, substitute } from '../../../src/ui/equation';
import { phaseWalk } from '../../../src/widgets/cell/phaseWalk';
import { compareRows, gruHiddenForBudget } from '../../../src/widgets/gru/compareModel';
import {
  GRU_NODES,
  GRU_VIEW,
  GRU_WIRES,
  gruStateIn,
  unitBars,
} from '../../../src/widgets/gru/gruCellLayout';
import { gruNumbersTex, gruPlain, gruTex } from '../../../src/widgets/gru/gruEquations';
import {
  ALL_PRESETS,
  EXAMPLE_INPUTS,
  GRU_EQUATIONS,
  GRU_PHASES,
  GRU_WALK,
  cellUnder,
  exampleCell,
  flipPair,
  gruEquationValues,
  gruStepValues,
  presetOf,
  traceExample,
} from '../../../src/widgets/gru/gruModel';
import { gruShapes, pytorchCode } from '../../../src/widgets/gru/shapesModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const CONVENTIONS = [
  ...ALL_PRESETS.map((p) => ({ ...GRU_PRESETS[p] })),
  { updateGate: 'course', resetAfter: true } as const,
];

function compiles(tex: string): void {
  const html = katex.renderToString(tex, {
    ...katexOptions(true),
    throwOnError: true,
    strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  });
  expect(html).not.toContain('katex-error');
}

describe('GRU equations', () => {
  it('compile for every convention, symbolic and with numbers', () => {
    const cell = exampleCell(7);
    for (const convention of CONVENTIONS) {
      const c = cellUnder(cell, convention);
      const trace = traceExample(c);
      const values = gruEquationValues(gruStepValues(c, trace, 1));
      const tex = gruTex(convention);
      for (const name of GRU_EQUATIONS) {
        compiles(tex[name]);
        compiles(substitute(gruNumbersTex(name, 2, convention.updateGate), values));
        expect(gruPlain(convention)[name]).toMatch(/=/);
      }
    }
  });

  it('marks changed terms only away from the course form', () => {
    expect(Object.values(gruTex(GRU_PRESETS.course)).join()).not.toContain('gru-changed');
    expect(gruTex(GRU_PRESETS.cho2014).h).toContain('gru-changed');
    expect(gruTex(GRU_PRESETS.cho2014).cand).not.toContain('gru-changed');
    expect(gruTex(GRU_PRESETS.pytorch).cand).toContain('gru-changed');
    expect(gruTex(GRU_PRESETS.pytorch).cand).toContain('b_{hn}');
  });
});

describe('GRU step values', () => {
  it('equal the core trace for every preset and add up', () => {
    const base = exampleCell(7);
    for (const convention of CONVENTIONS) {
      const cell = withGruConvention(base, convention);
      const trace = traceCell(
        cell,
        EXAMPLE_INPUTS.map((r) => [...r]),
        { h0: [0, 0] },
      );
      for (let t = 0; t < trace.steps; t++) {
        const s = gruStepValues(cell, trace, t);
        const close = (a: ArrayLike<number>, b: ArrayLike<number>) =>
          Array.from(a).forEach((v, k) => expect(v).toBeCloseTo(b[k]!, 5));
        close(s.h, stepOf(trace.h, trace, t));
        close(s.r, stepOf(trace.gates.r, trace, t));
        close(s.z, stepOf(trace.gates.z, trace, t));
        close(s.cand, stepOf(trace.gates.candidate, trace, t));
        // keep + write is h; the printed parts of the candidate add up to its pre-activation.
        close(
          s.keep.map((k, j) => k + s.write[j]!),
          s.h,
        );
        const candPre = convention.resetAfter
          ? s.Wx.cand.map((w, j) => w + s.b.cand[j]! + s.rh[j]!)
          : s.pre.cand;
        close(candPre, s.pre.cand);
        close(
          s.Wx.r.map((w, j) => w + s.Uh.r[j]! + s.b.r[j]!),
          s.pre.r,
        );
      }
    }
  });

  it('the three presets give different h with the same weights', () => {
    const base = exampleCell(7);
    const last = (p: 'course' | 'cho2014' | 'pytorch') =>
      Array.from(traceExample(cellUnder(base, GRU_PRESETS[p])).h.slice(-2));
    expect(last('course')).not.toEqual(last('cho2014'));
    expect(last('cho2014')).not.toEqual(last('pytorch'));
  });

  it('flipping z and negating its weights keeps h', () => {
    for (const convention of CONVENTIONS) {
      const pair = flipPair(cellUnder(exampleCell(3), convention));
      expect(pair.maxDiff).toBeLessThan(1e-5);
      expect(pair.flipped.cell.updateGate).not.toBe(convention.updateGate);
    }
  });

  it('names presets', () => {
    expect(presetOf({ updateGate: 'keras', resetAfter: true })).toBe('pytorch');
    expect(presetOf({ updateGate: 'course', resetAfter: true })).toBeNull();
  });
});

describe('phase walk', () => {
  it('covers steps × phases and jumps keep the phase', () => {
    expect(GRU_WALK.count(3)).toBe(12);
    expect(GRU_WALK.positionOf(6, 3)).toEqual({ step: 1, phase: 'candidate', phaseIndex: 2 });
    expect(GRU_WALK.clamp(99, 3)).toBe(11);
    expect(GRU_WALK.jumpToStep(6, 2, 3)).toBe(10);
    expect(phaseWalk(['a', 'b']).indexOf(2, 'b')).toBe(5);
  });
});

describe('diagram geometry', () => {
  it('keeps nodes and wires inside the view and lights phases in order', () => {
    for (const n of GRU_NODES) {
      expect(n.x - n.w / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w / 2).toBeLessThanOrEqual(GRU_VIEW.width);
      expect(n.y - n.h / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + n.h / 2).toBeLessThanOrEqual(GRU_VIEW.height);
    }
    for (const w of GRU_WIRES) {
      for (const [x, y] of w.points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(GRU_VIEW.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(GRU_VIEW.height);
      }
    }
    expect(gruStateIn('reset', 'candidate', GRU_PHASES)).toBe('done');
    expect(gruStateIn('interpolate', 'candidate', GRU_PHASES)).toBe('dim');
    const bars = unitBars({ x: 100, y: 100, w: 80, h: 50 }, [0.5, -1], true);
    expect(bars[1]!.sign).toBe('neg');
    expect(bars[0]!.x + bars[0]!.width).toBeLessThan(bars[1]!.x);
  });
});

describe('parameter counts and multiply-adds', () => {
  it('follow Keras and PyTorch', () => {
    for (const [D, H] of [
      [10, 20],
      [2, 30],
      [128, 256],
    ] as const) {
      const r = compareRows(D, H);
      expect(r.lstm.keras).toBe(4 * H * (D + H + 1));
      expect(r.lstm.pytorch - r.lstm.keras).toBe(4 * H);
      expect(r.gru.kerasV1).toBe(3 * H * (D + H + 1));
      expect(r.gru.keras).toBe(3 * H * (D + H + 2));
      expect(r.gru.pytorch).toBe(r.gru.keras);
      expect(r.gru.matMacs / r.lstm.matMacs).toBeCloseTo(0.75);
    }
    expect(compareRows(2, 30).lstm.keras).toBe(3960);
  });

  it('solves H for a budget', () => {
    const D = 2;
    const budget = compareRows(D, 30).lstm.pytorch;
    const H = gruHiddenForBudget(D, budget);
    expect(3 * H * (D + H + 2)).toBeLessThanOrEqual(budget);
    expect(3 * (H + 1) * (D + H + 3)).toBeGreaterThan(budget);
  });
});

describe('nn.GRU shapes', () => {
  const course = {
    batch: 5,
    length: 3,
    features: 10,
    hidden: 20,
    layers: 1,
    batchFirst: true,
    bidirectional: false,
  };
  const sizes = (dims: { size: number }[]) => dims.map((d) => d.size);
  it("reproduce the course's example", () => {
    const s = gruShapes(course);
    expect(sizes(s.input)).toEqual([5, 3, 10]);
    expect(sizes(s.h0)).toEqual([1, 5, 20]);
    expect(sizes(s.output)).toEqual([5, 3, 20]);
    expect(sizes(s.hn)).toEqual([1, 5, 20]);
    expect(pytorchCode(course)).toContain(
      'nn.GRU(input_size=10, hidden_size=20, batch_first=True)',
    );
  });
  it('follow batch_first, layers and directions', () => {
    const s = gruShapes({ ...course, batchFirst: false, layers: 3, bidirectional: true });
    expect(sizes(s.input)).toEqual([3, 5, 10]);
    expect(sizes(s.output)).toEqual([3, 5, 40]);
    expect(sizes(s.hn)).toEqual([6, 5, 20]);
  });
});
