import * as tf from '@tensorflow/tfjs';
import { ensure, show } from './errors';
import type { OptimizerState } from './optimizers';

/**
 * The weights of a list of variables, copied to plain Float32Arrays: a recovery point that
 * lives outside the tensor backend, so it survives a WebGL context loss, can be posted from a
 * worker (structured clone) and restored into freshly built variables of the same shapes.
 */
export interface WeightSnapshot {
  /** Optimizer steps applied when it was taken (0: before training). */
  step: number;
  /** The variables' names when taken (for reading only: restore matches by position). */
  names: string[];
  shapes: number[][];
  values: Float32Array[];
  /** Adam's state at the same step (only in runs that keep it, such as resilientTrain). */
  optimizer?: OptimizerState;
}

/** Reads the variables' values now (one synchronous read per variable). */
export function snapshotWeights(variables: tf.Variable[], step = 0): WeightSnapshot {
  ensure(Array.isArray(variables), 'snapshotWeights needs a list of variables.');
  return {
    step,
    names: variables.map((v) => v.name),
    shapes: variables.map((v) => [...v.shape]),
    values: variables.map((v) => Float32Array.from(v.dataSync())),
  };
}

/** A snapshot from one flat read of all variables (values concatenated in order). */
export function snapshotFromFlat(
  variables: tf.Variable[],
  flat: Float32Array,
  offset: number,
  step: number,
): WeightSnapshot {
  const values: Float32Array[] = [];
  let at = offset;
  for (const v of variables) {
    values.push(flat.slice(at, at + v.size));
    at += v.size;
  }
  return {
    step,
    names: variables.map((v) => v.name),
    shapes: variables.map((v) => [...v.shape]),
    values,
  };
}

/** A deep copy (the arrays are copied too). */
export function copySnapshot(snapshot: WeightSnapshot): WeightSnapshot {
  return {
    step: snapshot.step,
    names: [...snapshot.names],
    shapes: snapshot.shapes.map((s) => [...s]),
    values: snapshot.values.map((a) => a.slice()),
    ...(snapshot.optimizer
      ? {
          optimizer: {
            iterations: snapshot.optimizer.iterations,
            m: snapshot.optimizer.m.slice(),
            v: snapshot.optimizer.v.slice(),
          },
        }
      : {}),
  };
}

/**
 * Writes a snapshot back into `variables`, matched by position; the shapes must agree. Leaves
 * no tensors behind.
 */
export function restoreWeights(variables: tf.Variable[], snapshot: WeightSnapshot): void {
  ensure(Array.isArray(variables), 'restoreWeights needs a list of variables.');
  ensure(
    typeof snapshot === 'object' && snapshot !== null && Array.isArray(snapshot.values),
    'restoreWeights needs a snapshot taken by snapshotWeights.',
  );
  ensure(
    snapshot.values.length === variables.length,
    () =>
      `The snapshot holds ${snapshot.values.length} weight tensors but the model has ` +
      `${variables.length}.`,
  );
  variables.forEach((v, i) => {
    const shape = snapshot.shapes[i] ?? [];
    const values = snapshot.values[i]!;
    ensure(
      shape.length === v.shape.length && shape.every((d, k) => d === v.shape[k]),
      () =>
        `Weight tensor ${i} (${v.name}) has shape [${v.shape.join(', ')}] but the snapshot ` +
        `has [${shape.join(', ')}].`,
    );
    ensure(
      values.length === v.size,
      () => `Weight tensor ${i} needs ${v.size} values, the snapshot has ${show(values.length)}.`,
    );
  });
  tf.tidy(() => {
    variables.forEach((v, i) => v.assign(tf.tensor(snapshot.values[i]!, v.shape, 'float32')));
  });
}
