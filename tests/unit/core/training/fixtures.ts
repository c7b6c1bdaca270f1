import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../../src/core/random';
import type { TrainableModel } from '../../../../src/core/training';

export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** y = 2x + 1 on n seeded points x ∈ [−1, 1): xs, ys [n, 1], and the float32 values. */
export function lineData(n: number, seed = 1) {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
  const y = x.map((v) => 2 * v + 1);
  return { x, y, xs: tf.tensor2d(x, [n, 1]), ys: tf.tensor2d(y, [n, 1]) };
}

export interface LineModel extends TrainableModel {
  /** Kernel [1, 1] (rank 2, so weight decay applies by default). */
  w: tf.Variable;
  /** Bias [1]. */
  b: tf.Variable;
  read(): { w: number; b: number };
  dispose(): void;
}

/** ŷ = x·w + b with the mean squared error. `extra` may add to the loss (inject NaN, …). */
export function lineModel(
  w0 = 0,
  b0 = 0,
  extra?: (loss: tf.Scalar, training: boolean) => tf.Scalar,
): LineModel {
  const w = tf.tidy(() => tf.variable(tf.tensor2d([[w0]])));
  const b = tf.tidy(() => tf.variable(tf.tensor1d([b0])));
  return {
    w,
    b,
    variables: [w, b],
    loss(xs, ys, training) {
      const loss = tf.mean(tf.square(tf.sub(tf.add(tf.matMul(xs as tf.Tensor2D, w), b), ys)));
      return extra ? extra(loss as tf.Scalar, training) : (loss as tf.Scalar);
    },
    read: () => ({ w: w.dataSync()[0]!, b: b.dataSync()[0]! }),
    dispose() {
      w.dispose();
      b.dispose();
    },
  };
}

export function disposeAll(...items: { dispose(): void }[]): void {
  for (const item of items) item.dispose();
}

/** Plain copies of the variables' values. */
export const valuesOf = (variables: tf.Variable[]): number[][] =>
  variables.map((v) => Array.from(v.dataSync()));
