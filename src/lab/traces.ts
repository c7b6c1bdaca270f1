// Trace runs for comparing backends: the same seeded cells and inputs on whatever backend runs.
import {
  createCell,
  createRng,
  traceCellAsync,
  type Cell,
  type CellSpec,
  type Trace,
} from '../core';

export const TRACE_CELLS: Record<string, CellSpec> = {
  simpleRNN: { kind: 'simpleRNN', inputSize: 3, units: 5 },
  lstm: { kind: 'lstm', inputSize: 3, units: 5 },
  gruCourse: { kind: 'gru', inputSize: 3, units: 5, convention: 'course' },
  gruPytorch: { kind: 'gru', inputSize: 3, units: 5, convention: 'pytorch' },
};

/** A seeded batch [2][7][3] of numbers in [−1, 1). */
export function traceInput(): number[][][] {
  const rng = createRng('lab-trace-input');
  return Array.from({ length: 2 }, () =>
    Array.from({ length: 7 }, () => Array.from({ length: 3 }, () => rng.uniform(-1, 1))),
  );
}

/** Every array of a trace, flattened to plain numbers (so it can leave the page as JSON). */
export function traceArrays(trace: Trace): Record<string, number[]> {
  const out: Record<string, number[]> = { h: Array.from(trace.h) };
  for (const [name, values] of Object.entries(trace.gates as Record<string, Float32Array>)) {
    out[`gate.${name}`] = Array.from(values);
  }
  for (const [name, values] of Object.entries(trace.pre as Record<string, Float32Array>)) {
    out[`pre.${name}`] = Array.from(values);
  }
  if (trace.kind === 'lstm') out.c = Array.from(trace.c);
  return out;
}

const cells = new Map<string, Cell>();

/** Runs every TRACE_CELLS cell over traceInput() on the current backend. */
export async function runTraces(): Promise<Record<string, Record<string, number[]>>> {
  const input = traceInput();
  const out: Record<string, Record<string, number[]>> = {};
  for (const [name, spec] of Object.entries(TRACE_CELLS)) {
    let cell = cells.get(name);
    if (!cell) {
      cell = createCell(spec, { seed: `lab-${name}` });
      cells.set(name, cell);
    }
    out[name] = traceArrays(await traceCellAsync(cell, input));
  }
  return out;
}
