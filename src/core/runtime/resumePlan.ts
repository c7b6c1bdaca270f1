// Helpers for resuming a training run on another backend: which samples an epoch visits in
// which order (as the training service shuffles them), and the end-of-epoch numbers of an
// epoch that was split across two backends.
import * as tf from '@tensorflow/tfjs';
import type { TrainOptions, TrainableModel } from '../training';
import { createShuffler } from '../training/split';

/** How the epochs from `firstEpoch` on were ordered: one `train` call's shuffle settings. */
export interface EpochOrdering {
  firstEpoch: number;
  shuffle: boolean;
  seed: number | string;
}

/**
 * The order in which epoch `epoch` visits the training samples 0 … nTrain − 1, exactly as the
 * training service produced it: its shuffler draws one permutation per epoch from the seed.
 */
export function epochOrder(ordering: EpochOrdering, epoch: number, nTrain: number): Int32Array {
  if (!ordering.shuffle) return Int32Array.from({ length: nTrain }, (_, k) => k);
  const shuffle = createShuffler(ordering.seed);
  let order = shuffle(nTrain);
  for (let e = ordering.firstEpoch; e < epoch; e++) order = shuffle(nTrain);
  return order;
}

/** A seed for the epochs after a recovery: derived, so a rerun recovers the same way. */
export function resumedSeed(seed: number | string, steps: number): string {
  return `${String(seed)}/resumed-after-step-${steps}`;
}

/** The L2 term the training service adds to the loss (Keras's l2(λ) convention). */
function weightDecayTerm(model: TrainableModel, options: TrainOptions): tf.Scalar | null {
  const lambda = options.weightDecay ?? 0;
  if (!(lambda > 0)) return null;
  const on = options.weightDecayOn ?? ((v: tf.Variable) => v.rank >= 2);
  const decayed = model.variables.filter((v, i) => on(v, i));
  if (decayed.length === 0) return null;
  return tf.mul(tf.addN(decayed.map((w) => tf.sum(tf.square(w)))), lambda) as tf.Scalar;
}

/**
 * Size-weighted means of the loss (with the weight-decay term) and of model.metrics over
 * samples [from, from + count) in batches, without gradients: what the training service
 * reports at an epoch end.
 */
export async function evaluatePart(
  model: TrainableModel,
  xs: tf.Tensor,
  ys: tf.Tensor,
  from: number,
  count: number,
  batchSize: number,
  options: TrainOptions,
  withLoss: boolean,
): Promise<{ loss: number; metrics?: Record<string, number> }> {
  let lossSum = 0;
  const sums: Record<string, number> = {};
  for (let at = from; at < from + count; at += batchSize) {
    const size = Math.min(batchSize, from + count - at);
    const out = tf.tidy(() => {
      const xb = tf.slice(xs, [at], [size]);
      const yb = tf.slice(ys, [at], [size]);
      let loss: tf.Scalar = tf.scalar(0);
      if (withLoss) {
        loss = model.loss(xb, yb, false);
        const decay = weightDecayTerm(model, options);
        if (decay) loss = tf.add(loss, decay) as tf.Scalar;
      }
      return { loss, metrics: model.metrics ? model.metrics(xb, yb) : {} };
    });
    lossSum += (await out.loss.data())[0]! * size;
    out.loss.dispose();
    for (const [name, value] of Object.entries(out.metrics)) {
      sums[name] = (sums[name] ?? 0) + value * size;
    }
  }
  const result: { loss: number; metrics?: Record<string, number> } = { loss: lossSum / count };
  if (model.metrics) {
    result.metrics = Object.fromEntries(Object.entries(sums).map(([k, s]) => [k, s / count]));
  }
  return result;
}
