/** The second worked example: one step of a seeded 3-unit LSTM, every number printed. */
import { COURSE_LSTM_STEP_EXAMPLE, traceCell, type LSTMCell } from '../../core';
import { stepValues, type StepValues } from './lstmModel';

/** Runs the core's trace for the single step x_t with the given h_{t-1} and c_{t-1}. */
export function traceStepExample(cell: LSTMCell): StepValues {
  const { x, hPrev, cPrev } = COURSE_LSTM_STEP_EXAMPLE;
  const trace = traceCell(cell, [[...x]], { h0: [...hPrev], c0: [...cPrev] });
  return stepValues(cell, trace, 0);
}

export type StepRowName = 'f' | 'i' | 'cand' | 'c' | 'o' | 'h';

/** The table's rows in the order the step computes them. */
export function stepExampleRows(v: StepValues): { name: StepRowName; values: number[] }[] {
  return [
    { name: 'f', values: v.gates.f.value },
    { name: 'i', values: v.gates.i.value },
    { name: 'cand', values: v.gates.cand.value },
    { name: 'c', values: v.c },
    { name: 'o', values: v.gates.o.value },
    { name: 'h', values: v.h },
  ];
}
