import * as tf from '@tensorflow/tfjs';
import katex from 'katex';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COURSE_LSTM_EXAMPLE,
  COURSE_LSTM_STEP_EXAMPLE,
  courseLstmExampleCell,
  courseLstmStepExampleCell,
  createCell,
  stepOf,
  traceCell,
  type LSTMCell,
} from '../../../src/core';
import { KATEX_TRUST, placeholderNames, substitute } from '../../../src/ui/equation';
import { LSTM_TEX, detailTex, numbersTex } from '../../../src/widgets/lstm/lstmEquations';
import {
  COURSE_WORDS,
  courseSource,
  equationValues,
  oneHot,
  rowTimesMatrix,
  stepValues,
  stripRows,
  traceSource,
} from '../../../src/widgets/lstm/lstmModel';
import { EQUATIONS } from '../../../src/widgets/lstm/lstmPhases';
import { stepExampleRows, traceStepExample } from '../../../src/widgets/lstm/lstmStepModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const close = (a: readonly number[], b: ArrayLike<number>, tol = 1e-6) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, k) =>
    expect(Math.abs(v - b[k]!), `entry ${k}: ${v} vs ${b[k]}`).toBeLessThanOrEqual(tol),
  );
};

/** KaTeX exactly as the site runs it for lessons: strict, only our class hooks trusted. */
const strictRender = (tex: string) =>
  katex.renderToString(tex, {
    displayMode: true,
    throwOnError: true,
    trust: KATEX_TRUST,
    strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  });

describe('the first worked example, through the core', () => {
  const source = courseSource(courseLstmExampleCell(), 'ko');
  const trace = traceSource(source);

  it('reads the three one-hot words with h0 = c0 = 0, in Korean and with an English gloss', () => {
    expect(trace.steps).toBe(3);
    expect(source.labels).toEqual(['저는', '아침에', '책을']);
    expect(COURSE_WORDS.en).toEqual(['I', 'in the morning', 'a book']);
    expect(source.inputs).toEqual(COURSE_LSTM_EXAMPLE.inputs.map((r) => [...r]));
  });

  it('shows f1 = σ(0.1) ≈ 0.525 and i1 ≈ 0.55 for the first units', () => {
    const s = stepValues(source.cell, trace, 0);
    expect(s.gates.f.value[0]).toBeCloseTo(COURSE_LSTM_EXAMPLE.expected.f1, 4);
    expect(s.gates.i.value[0]).toBeCloseTo(COURSE_LSTM_EXAMPLE.expected.i1, 4);
    expect(s.hPrev).toEqual([0, 0]);
    expect(s.cPrev).toEqual([0, 0]);
  });

  it('prints the trace’s own numbers, and the parts it prints add up to them', () => {
    for (let t = 0; t < trace.steps; t++) {
      const s = stepValues(source.cell, trace, t);
      // Straight from the core's trace, bit for bit.
      expect(s.c).toEqual(Array.from(stepOf(trace.c, trace, t)));
      expect(s.h).toEqual(Array.from(stepOf(trace.h, trace, t)));
      expect(s.gates.f.value).toEqual(Array.from(stepOf(trace.gates.f, trace, t)));
      expect(s.gates.cand.value).toEqual(Array.from(stepOf(trace.gates.candidate, trace, t)));
      expect(s.gates.o.pre).toEqual(Array.from(stepOf(trace.pre.o, trace, t)));
      if (t > 0) expect(s.hPrev).toEqual(Array.from(stepOf(trace.h, trace, t - 1)));
      // W x + U h + b is the pre-activation; the belt's two products make c; h = o ⊙ tanh(c).
      for (const g of ['f', 'i', 'cand', 'o'] as const) {
        const p = s.gates[g];
        close(
          p.Wx.map((v, k) => v + p.Uh[k]! + p.b[k]!),
          p.pre,
        );
      }
      close(
        s.keep.map((v, k) => v + s.write[k]!),
        s.c,
      );
      close(
        s.gates.o.value.map((o, k) => o * Math.tanh(s.c[k]!)),
        s.h,
      );
    }
  });

  it('lays h and c out as [unit][step] for the strip', () => {
    const rows = stripRows(trace, 'c');
    expect(rows).toHaveLength(2);
    expect(rows[1]![2]).toBe(stepOf(trace.c, trace, 2)[1]);
  });

  it('matches an independent LSTM step for random cells', () => {
    const cell = createCell({ kind: 'lstm', inputSize: 4, units: 3 }, { seed: 9 }) as LSTMCell;
    const x = [[0.3, -1, 0.5, 2]];
    const h0 = [0.1, -0.2, 0.3];
    const c0 = [0.5, 0, -0.5];
    const t = traceCell(cell, x, { h0, c0 });
    const s = stepValues(cell, t, 0);
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    const gate = (name: 'f' | 'i' | 'o' | 'candidate', act: (v: number) => number) => {
      const g = cell.gates[name];
      const a = rowTimesMatrix(x[0]!, g.W, 3).map(
        (v, k) => v + rowTimesMatrix(h0, g.U, 3)[k]! + g.b[k]!,
      );
      return a.map(act);
    };
    close(s.gates.f.value, gate('f', sig), 1e-5);
    close(s.gates.cand.value, gate('candidate', Math.tanh), 1e-5);
    const f = gate('f', sig);
    const i = gate('i', sig);
    const c = gate('candidate', Math.tanh);
    close(
      s.c,
      f.map((fv, k) => fv * c0[k]! + i[k]! * c[k]!),
      1e-5,
    );
  });
});

describe('the equations', () => {
  const cell = courseLstmExampleCell();
  const trace = traceSource(courseSource(cell, 'en'));
  const values = equationValues(stepValues(cell, trace, 0));

  it('compile under KaTeX strict mode, symbolic and with numbers, for 2 and 5 units', () => {
    for (const name of EQUATIONS) {
      expect(() => strictRender(LSTM_TEX[name])).not.toThrow();
      for (const units of [2, 5]) {
        expect(() => strictRender(substitute(numbersTex(name, 1, units), values))).not.toThrow();
      }
      expect(() => strictRender(substitute(detailTex(name, 2), values))).not.toThrow();
    }
  });

  it('hook every symbol of the diagram: f, i, c̃, c, o, h, x, h_{t-1}, c_{t-1}', () => {
    const all = EQUATIONS.map((n) => LSTM_TEX[n]).join(' ');
    for (const part of [
      'f',
      'i',
      'cand',
      'c',
      'o',
      'h',
      'x',
      'hprev',
      'cprev',
      'keep',
      'write',
      'tanhc',
    ]) {
      expect(all, part).toContain(`term-${part}}`);
    }
    expect(LSTM_TEX.f).toContain('W_f');
    expect(LSTM_TEX.f).toContain('U_f');
  });

  it('has a value for every placeholder, and shows f1 as 0.525 (full precision in the title)', () => {
    for (const name of EQUATIONS) {
      for (const tex of [numbersTex(name, 1, 2), numbersTex(name, 1, 5), detailTex(name, 1)]) {
        for (const p of placeholderNames(tex))
          expect(values, `${name}: {{${p}}}`).toHaveProperty(p);
      }
    }
    const f = substitute(numbersTex('f', 1), values);
    expect(f).toContain('{0.525}');
    expect(f).toContain('{0.599}');
    expect(strictRender(substitute(numbersTex('c', 1), values))).toContain('0.254');
  });
});

describe('the second worked example', () => {
  it('prints the core’s one-step trace for the given x, h_prev and c_prev', () => {
    const cell = courseLstmStepExampleCell(7);
    const rows = stepExampleRows(traceStepExample(cell));
    const { x, hPrev, cPrev } = COURSE_LSTM_STEP_EXAMPLE;
    const t = traceCell(cell, [[...x]], { h0: [...hPrev], c0: [...cPrev] });
    expect(rows.map((r) => r.name)).toEqual(['f', 'i', 'cand', 'c', 'o', 'h']);
    expect(rows[0]!.values).toEqual(Array.from(t.gates.f));
    expect(rows[3]!.values).toEqual(Array.from(t.c));
    expect(rows[5]!.values).toEqual(Array.from(t.h));
    const [f, i, cand, c] = rows.map((r) => r.values);
    close(
      c!,
      f!.map((fv, k) => fv * cPrev[k]! + i![k]! * cand![k]!),
      1e-6,
    );
  });

  it('changes with the seed and repeats with the same seed', () => {
    const a = stepExampleRows(traceStepExample(courseLstmStepExampleCell(1)));
    const b = stepExampleRows(traceStepExample(courseLstmStepExampleCell(1)));
    const c = stepExampleRows(traceStepExample(courseLstmStepExampleCell(2)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});

describe('one-hot helpers', () => {
  it('encodes ids over a vocabulary', () => {
    expect(oneHot([2, 0], 3)).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
  });
});
