import { formatShape, toDense, type NestedNumbers } from './arrays';
import { check } from './errors';

/**
 * A sequence input: one sequence [T, D] or a batch [B, T, D], as nested arrays or as
 * `{ data, shape }`. A flat list [T] is read as one sequence of single numbers when the cell
 * takes one input (e.g. temperatures [15, 17, 13]).
 */
export type SequenceInput = NestedNumbers | { data: ArrayLike<number>; shape: readonly number[] };

/** A batch of sequences, row-major [batch, steps, features]. */
export interface SequenceBatch {
  data: Float32Array;
  batch: number;
  steps: number;
  features: number;
  /** True when the input was one sequence (no batch axis). */
  single: boolean;
}

/** The most numbers a sequence batch may hold (keeps the page responsive). */
export const MAX_SEQUENCE_NUMBERS = 1 << 24;

export function toSequenceBatch(
  input: SequenceInput,
  features: number,
  what = 'The input sequence',
): SequenceBatch {
  check(input !== undefined && input !== null, () => `${what} is missing.`);
  const dense = toDense(input, what);
  check(
    dense.data.length > 0 || dense.shape.length !== 1,
    () => `${what} is empty: give at least one time step.`,
  );
  let shape = dense.shape;
  if (shape.length === 1 && features === 1) shape = [shape[0]!, 1];
  check(
    shape.length === 2 || shape.length === 3,
    () =>
      `${what} must be one sequence [steps, ${features}] or a batch [batch, steps, ${features}], ` +
      `got shape ${formatShape(shape)}.`,
  );
  const single = shape.length === 2;
  const [batch, steps, feat] = single
    ? [1, shape[0]!, shape[1]!]
    : [shape[0]!, shape[1]!, shape[2]!];
  check(batch >= 1, () => `${what} is an empty batch: give at least one sequence.`);
  check(steps >= 1, () => `${what} is empty: give at least one time step.`);
  check(
    feat === features,
    () =>
      `Each time step of ${what.toLowerCase()} must have ${features} numbers (the cell's input size), got ${feat}.`,
  );
  check(
    dense.data.length <= MAX_SEQUENCE_NUMBERS,
    () => `${what} is too large (${dense.data.length} numbers; at most ${MAX_SEQUENCE_NUMBERS}).`,
  );
  return { data: dense.data, batch, steps, features, single };
}

/**
 * A state ([units] shared by the whole batch, or [batch, units]) as a [batch, units] array;
 * zeros when not given.
 */
export function toStateBatch(
  state: NestedNumbers | Float32Array | undefined,
  batch: number,
  units: number,
  what: string,
): Float32Array {
  const out = new Float32Array(batch * units);
  if (state === undefined || state === null) return out;
  const dense =
    state instanceof Float32Array
      ? toDense({ data: state, shape: [state.length] }, what)
      : toDense(state, what);
  const shape = dense.shape;
  if (shape.length === 1 && shape[0] === units) {
    for (let b = 0; b < batch; b++) out.set(dense.data, b * units);
    return out;
  }
  check(
    shape.length === 2 && shape[0] === batch && shape[1] === units,
    () =>
      `${what} must be [${units}] or [${batch}, ${units}] (batch × units), got ${formatShape(shape)}.`,
  );
  out.set(dense.data);
  return out;
}
