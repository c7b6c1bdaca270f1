// A trainable model made of one core cell (cellTensors + unroll) and a Dense head: what the
// course trains on the multiplication task (last h → one number) and on "hihello" (every h →
// scores over the vocabulary).
import * as tf from '@tensorflow/tfjs';
import { cellConfig, createCell, type CellConfig, type CellSpec, type InitOptions } from '../cells';
import { createRng } from '../random';
import type { TrainableModel } from '../training';
import { cellTensors, unroll, type CellTensors } from '../unroll';

/**
 * - `last-regression`: Dense(outputs) on the last hidden state, mean squared error against
 *   ys [B, outputs].
 * - `sequence-classification`: Dense(classes) on every step's hidden state, softmax
 *   cross-entropy against one-hot ys [B, T, classes], averaged over steps and batch; metric
 *   `accuracy` (share of steps whose arg-max is right).
 */
export type CellHead =
  | { kind: 'last-regression'; outputs: number }
  | { kind: 'sequence-classification'; classes: number };

export interface CellModelOptions extends InitOptions {
  /** Seed of the Dense head's Glorot-uniform kernel; default the cell's seed. */
  headSeed?: number | string;
}

export interface CellModel extends TrainableModel {
  config: CellConfig;
  head: CellHead;
  /** Forward pass only: [B, outputs] for regression, logits [B, T, classes] otherwise. */
  predict(x: tf.Tensor3D): tf.Tensor;
  dispose(): void;
}

/** Keras's Glorot-uniform, seeded: U(−l, l) with l = √(6 / (fanIn + fanOut)). */
function glorotUniform(fanIn: number, fanOut: number, seed: number | string): Float32Array {
  const rng = createRng(seed);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: fanIn * fanOut }, () => rng.uniform(-limit, limit));
}

function asVariables(t: CellTensors): {
  list: tf.Variable[];
  tensors: CellTensors;
} {
  const kernel = tf.variable(t.kernel);
  const recurrentKernel = tf.variable(t.recurrentKernel);
  const bias = tf.variable(t.bias);
  const bhn = t.bhn ? tf.variable(t.bhn) : null;
  tf.dispose([t.kernel, t.recurrentKernel, t.bias, ...(t.bhn ? [t.bhn] : [])]);
  const list = [kernel, recurrentKernel, bias, ...(bhn ? [bhn] : [])];
  return {
    list,
    tensors: {
      kernel: kernel as unknown as tf.Tensor2D,
      recurrentKernel: recurrentKernel as unknown as tf.Tensor2D,
      bias: bias as unknown as tf.Tensor1D,
      bhn: bhn as unknown as tf.Tensor1D | null,
    },
  };
}

/**
 * A cell (seeded as `createCell`) plus a Dense head, as tf.Variables on the current backend:
 * [cell kernel, recurrent kernel, bias, (bhn), head kernel, head bias], in that order.
 */
export function createCellModel(
  spec: CellSpec,
  head: CellHead,
  options: CellModelOptions = {},
): CellModel {
  const config = cellConfig(spec);
  const cell = asVariables(cellTensors(createCell(spec, options)));
  const H = config.units;
  const outputs = head.kind === 'last-regression' ? head.outputs : head.classes;
  const denseKernel = tf.tidy(() =>
    tf.variable(
      tf.tensor2d(glorotUniform(H, outputs, options.headSeed ?? options.seed ?? 0), [H, outputs]),
    ),
  );
  const denseBias = tf.tidy(() => tf.variable(tf.zeros([outputs])));
  const variables = [...cell.list, denseKernel, denseBias];

  const predict = (x: tf.Tensor3D): tf.Tensor =>
    tf.tidy(() => {
      const sequences = head.kind === 'sequence-classification';
      const run = unroll(config, cell.tensors, x, { returnSequences: sequences });
      if (!sequences) return tf.add(tf.matMul(run.hLast, denseKernel), denseBias);
      const [B, T] = x.shape;
      const flat = tf.reshape(run.hs!, [B * T, H]) as tf.Tensor2D;
      return tf.reshape(tf.add(tf.matMul(flat, denseKernel), denseBias), [B, T, outputs]);
    });

  const flatLogits = (xs: tf.Tensor, ys: tf.Tensor) => {
    const logits = predict(xs as tf.Tensor3D);
    return {
      logits: tf.reshape(logits, [-1, outputs]) as tf.Tensor2D,
      labels: tf.reshape(ys, [-1, outputs]) as tf.Tensor2D,
    };
  };

  const model: CellModel = {
    config,
    head,
    variables,
    predict,
    loss(xs, ys) {
      if (head.kind === 'last-regression') {
        return tf.losses.meanSquaredError(ys, predict(xs as tf.Tensor3D)) as tf.Scalar;
      }
      const { logits, labels } = flatLogits(xs, ys);
      return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
    },
    dispose() {
      tf.dispose(variables);
    },
  };
  if (head.kind === 'sequence-classification') {
    model.metrics = (xs, ys) => {
      const accuracy = tf.tidy(() => {
        const { logits, labels } = flatLogits(xs, ys);
        return tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(labels, 1)), 'float32'));
      });
      const value = accuracy.dataSync()[0]!;
      accuracy.dispose();
      return { accuracy: value };
    };
  }
  return model;
}
