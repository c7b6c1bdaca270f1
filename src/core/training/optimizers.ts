import * as tf from '@tensorflow/tfjs';
import { ensure, isFiniteNumber, show } from './errors';

export type OptimizerName = 'adam' | 'sgd';

/** Adam's constants; the defaults are Keras's (β1 0.9, β2 0.999, ε 1e-7). */
export interface AdamSettings {
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const KERAS_ADAM: Readonly<AdamSettings> = Object.freeze({
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
});

/** Keras's default learning rates: Adam 0.001, SGD 0.01. */
export const DEFAULT_LEARNING_RATE: Readonly<Record<OptimizerName, number>> = Object.freeze({
  adam: 0.001,
  sgd: 0.01,
});

/**
 * An optimizer written out over a list of variables, so every number is under our control and
 * nothing hides in tfjs's optimizer registry:
 *
 * - SGD: w ← w − η·g (Keras `SGD`, no momentum);
 * - Adam, in Keras's form: with t the step (1, 2, …),
 *   m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g²,
 *   η_t = η·√(1 − β2^t) / (1 − β1^t), w ← w − η_t·m / (√v + ε).
 *   (The paper's form divides by √v̂ + ε instead; the two differ only where √v is near ε.)
 *
 * It owns its Adam moment variables: call `dispose()` when done (the training loop does).
 */
export interface VariableOptimizer {
  readonly name: OptimizerName;
  readonly learningRate: number;
  /** Updates applied so far (Adam's t after the last update). */
  readonly iterations: number;
  /**
   * Applies one update: `grads[i]` belongs to `variables[i]`; null leaves that variable as it
   * is (as Keras does for a variable without a gradient). Call inside `tf.tidy`.
   */
  apply(grads: (tf.Tensor | null)[]): void;
  /** Adam's flat moment vectors [m, v] (live variables: read, never dispose); null for SGD. */
  moments(): [tf.Variable, tf.Variable] | null;
  dispose(): void;
}

/**
 * Adam's state as plain arrays (outside the tensor backend): the updates applied so far and the
 * moments m and v of all variables, flattened and concatenated in the variables' order.
 */
export interface OptimizerState {
  iterations: number;
  m: Float32Array;
  v: Float32Array;
}

export function checkLearningRate(value: unknown): number {
  ensure(
    isFiniteNumber(value) && value > 0,
    () => `The learning rate must be a finite number above 0, got ${show(value)}.`,
  );
  return value;
}

export function checkAdamSettings(settings: Partial<AdamSettings> = {}): AdamSettings {
  const { beta1, beta2, epsilon } = { ...KERAS_ADAM, ...settings };
  for (const [name, value] of [
    ['beta1', beta1],
    ['beta2', beta2],
  ] as const) {
    ensure(
      isFiniteNumber(value) && value >= 0 && value < 1,
      () => `Adam's ${name} must be a number in [0, 1), got ${show(value)}.`,
    );
  }
  ensure(
    isFiniteNumber(epsilon) && epsilon > 0,
    () => `Adam's epsilon must be a number above 0, got ${show(epsilon)}.`,
  );
  return { beta1, beta2, epsilon };
}

export function createOptimizer(
  name: OptimizerName,
  variables: tf.Variable[],
  learningRate: number,
  adam: Partial<AdamSettings> = {},
  /** Adam only: continue from this state (e.g. after a backend was lost) instead of zeros. */
  resume?: OptimizerState,
): VariableOptimizer {
  ensure(
    name === 'adam' || name === 'sgd',
    () => `The optimizer must be "adam" or "sgd", got ${show(name)}.`,
  );
  const lr = checkLearningRate(learningRate);
  const settings = checkAdamSettings(adam);
  let iterations = 0;
  // Adam's moments for all variables at once, as two flat vectors (variable i at offsets[i]):
  // a step is then one update over one long vector instead of one small update per variable.
  const sizes = variables.map((w) => w.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  let moments: { m: tf.Variable; v: tf.Variable } | null = null;
  if (resume !== undefined) {
    ensure(
      name === 'adam' &&
        resume.m.length === total &&
        resume.v.length === total &&
        Number.isInteger(resume.iterations) &&
        resume.iterations >= 0,
      () => `The optimizer state to resume does not fit ${total} Adam parameters.`,
    );
    iterations = resume.iterations;
  }
  if (name === 'adam') {
    moments = tf.tidy(() => ({
      m: tf.variable(resume ? tf.tensor1d(resume.m) : tf.zeros([total]), false),
      v: tf.variable(resume ? tf.tensor1d(resume.v) : tf.zeros([total]), false),
    }));
  }
  return {
    name,
    learningRate: lr,
    get iterations() {
      return iterations;
    },
    apply(grads) {
      ensure(
        grads.length === variables.length,
        () => `Expected ${variables.length} gradients (one per variable), got ${grads.length}.`,
      );
      ensure(moments !== null || name === 'sgd', 'This optimizer has been disposed.');
      iterations++;
      if (moments === null) {
        grads.forEach((g, i) => {
          if (g !== null) variables[i]!.assign(tf.sub(variables[i]!, tf.mul(g, lr)));
        });
        return;
      }
      const { beta1, beta2, epsilon } = settings;
      const t = iterations;
      const lrT = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
      const { m, v } = moments;
      // A variable without a gradient keeps its moments (Keras): zeros stand in for its
      // gradient, and its slots of m and v are put back after the update.
      const flat = tf.concat(
        grads.map((g, i) => (g === null ? tf.zeros([sizes[i]!]) : tf.reshape(g, [-1]))),
      );
      const keep = grads.some((g) => g === null)
        ? tf.concat(
            grads.map((g, i) => (g === null ? tf.ones([sizes[i]!]) : tf.zeros([sizes[i]!]))),
          )
        : null;
      let mNew = tf.add(tf.mul(m, beta1), tf.mul(flat, 1 - beta1));
      let vNew = tf.add(tf.mul(v, beta2), tf.mul(tf.square(flat), 1 - beta2));
      if (keep) {
        mNew = tf.where(tf.cast(keep, 'bool'), m, mNew);
        vNew = tf.where(tf.cast(keep, 'bool'), v, vNew);
      }
      m.assign(mNew);
      v.assign(vNew);
      const step = tf.mul(tf.div(mNew, tf.add(tf.sqrt(vNew), epsilon)), lrT);
      const parts = variables.length === 1 ? [step] : tf.split(step, sizes);
      grads.forEach((g, i) => {
        if (g === null) return;
        const w = variables[i]!;
        w.assign(tf.sub(w, tf.reshape(parts[i]!, w.shape)));
      });
    },
    moments: () => (moments ? [moments.m, moments.v] : null),
    dispose() {
      if (moments === null) return;
      moments.m.dispose();
      moments.v.dispose();
      moments = null;
    },
  };
}
