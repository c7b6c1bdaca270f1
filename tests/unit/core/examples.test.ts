import { beforeAll, describe, expect, it } from 'vitest';
import {
  COURSE_LSTM_EXAMPLE,
  COURSE_LSTM_STEP_EXAMPLE,
  courseLstmExampleCell,
  courseLstmStepExampleCell,
  stepOf,
  traceCell,
} from '../../../src/core';
import { sigmoid, useCpu } from './helpers';

beforeAll(useCpu);

describe('CURRICULUM §2 worked example (3 one-hot words, 2-unit LSTM)', () => {
  it('f₁ = σ(0.1) ≈ 0.52498 and i₁ = σ(0.2) ≈ 0.5498 for the first unit', () => {
    const cell = courseLstmExampleCell();
    // The forget gate's first unit: input weights 0.1, 0.2, 0.3, recurrent 0.5, 0.5, b_f = 0.
    expect([0, 1, 2].map((d) => cell.gates.f.W[d * 2])).toEqual([0.1, 0.2, 0.3].map(Math.fround));
    expect([0, 1].map((k) => cell.gates.f.U[k * 2])).toEqual([0.5, 0.5]);
    expect(cell.gates.f.b[0]).toBe(0);
    const trace = traceCell(cell, COURSE_LSTM_EXAMPLE.inputs, {
      h0: COURSE_LSTM_EXAMPLE.h0,
      c0: COURSE_LSTM_EXAMPLE.c0,
    });
    const f1 = stepOf(trace.gates.f, trace, 0)[0]!;
    const i1 = stepOf(trace.gates.i, trace, 0)[0]!;
    expect(f1).toBeCloseTo(0.52498, 4);
    expect(f1).toBeCloseTo(sigmoid(0.1), 6);
    expect(i1).toBeCloseTo(0.5498, 4);
    expect(i1).toBeCloseTo(0.55, 2);
    expect(f1).toBeCloseTo(COURSE_LSTM_EXAMPLE.expected.f1, 4);
    // Step 2 reads h₁ through U_f: f₂ = σ(0.2 + 0.5·h₁[0] + 0.5·h₁[1]).
    const h1 = stepOf(trace.h, trace, 0);
    expect(stepOf(trace.gates.f, trace, 1)[0]).toBeCloseTo(
      sigmoid(0.2 + 0.5 * h1[0]! + 0.5 * h1[1]!),
      6,
    );
  });

  it('each call gives a fresh, editable cell', () => {
    const a = courseLstmExampleCell();
    a.gates.f.W[0] = 9;
    expect(courseLstmExampleCell().gates.f.W[0]).toBeCloseTo(0.1, 6);
  });

  it('the seeded 3-unit step example is reproducible and consistent', () => {
    const a = courseLstmStepExampleCell();
    const b = courseLstmStepExampleCell();
    expect(Array.from(a.gates.o.b)).toEqual(Array.from(b.gates.o.b));
    expect(Array.from(a.gates.o.b).some((v) => v !== 0)).toBe(true);
    const { x, hPrev, cPrev } = COURSE_LSTM_STEP_EXAMPLE;
    const t = traceCell(a, [x], { h0: hPrev, c0: cPrev });
    for (let j = 0; j < 3; j++) {
      expect(t.c[j]).toBeCloseTo(
        t.gates.f[j]! * cPrev[j]! + t.gates.i[j]! * t.gates.candidate[j]!,
        6,
      );
      expect(t.h[j]).toBeCloseTo(t.gates.o[j]! * Math.tanh(t.c[j]!), 6);
    }
  });
});
