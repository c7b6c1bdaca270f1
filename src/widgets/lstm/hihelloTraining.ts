/**
 * Live training of a small LSTM on "hihello" next-character prediction (CURRICULUM §1 / §2):
 * one-hot characters → LSTM(hidden) → Dense(vocab) with a softmax, trained with the mean
 * cross-entropy over the six steps (the "sequence loss") by the core's training service.
 *
 * This module imports tfjs, so widgets load it with a dynamic `import()` when the learner
 * presses "train": the lesson page itself never pays for it up front.
 */
import * as tf from '@tensorflow/tfjs';
import {
  cellTensors,
  createCell,
  createRng,
  nextCharacterTask,
  train,
  unroll,
  unstackWeights,
  type LSTMCell,
  type LocalizedMessage,
  type TrainableModel,
} from '../../core';
import type { TrainedLstm } from './trainedStore';

export interface HihelloOptions {
  hidden: number;
  learningRate: number;
  epochs: number;
  seed: number;
  /** Await a macrotask every this many optimizer steps (one step = one epoch here). */
  yieldEvery?: number;
  word?: string;
}

export interface HihelloEpoch {
  epoch: number;
  epochs: number;
  loss: number;
  /** Arg-max prediction (vocabulary index) at every step. */
  predictions: Int32Array;
  correct: number;
}

export interface HihelloResult {
  status: 'completed' | 'cancelled' | 'diverged';
  epochsRun: number;
  losses: number[];
  /** The trained weights as plain arrays (null if no epoch finished). */
  model: TrainedLstm | null;
  message?: LocalizedMessage;
  seconds: number;
}

export interface HihelloRun {
  cancel(): void;
  done: Promise<HihelloResult>;
}

/** Glorot-uniform [rows, cols] from a seeded stream (Keras's Dense default). */
function glorot(rows: number, cols: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const limit = Math.sqrt(6 / (rows + cols));
  return Float32Array.from({ length: rows * cols }, () => rng.uniform(-limit, limit));
}

/** Arg-max per row of a [rows, cols] array. */
export function argmaxRows(values: Float32Array | number[], cols: number): Int32Array {
  const rows = values.length / cols;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < cols; c++) {
      if (values[r * cols + c]! > values[r * cols + best]!) best = c;
    }
    out[r] = best;
  }
  return out;
}

export function countCorrect(predictions: Int32Array, targets: Int32Array): number {
  let n = 0;
  for (let k = 0; k < targets.length; k++) if (predictions[k] === targets[k]) n++;
  return n;
}

/** Starts training at once; progress arrives through `onEpoch`. Leaves no tensors behind. */
export function trainHihello(
  options: HihelloOptions,
  onEpoch?: (event: HihelloEpoch) => void,
): HihelloRun {
  const task = nextCharacterTask(options.word ?? 'hihello');
  const V = task.vocabSize;
  const T = task.steps;
  const H = options.hidden;
  const config = { kind: 'lstm', inputSize: V, units: H } as const;
  const initial = createCell(config, { seed: options.seed });

  // Variables (owned here, disposed at the end) and the data (likewise).
  const stacked = cellTensors(initial);
  const kernel = tf.variable(stacked.kernel, true, undefined, 'float32');
  const recurrentKernel = tf.variable(stacked.recurrentKernel, true, undefined, 'float32');
  const bias = tf.variable(stacked.bias, true, undefined, 'float32');
  tf.dispose([stacked.kernel, stacked.recurrentKernel, stacked.bias]);
  const denseW = tf.tidy(() => tf.variable(tf.tensor2d(glorot(H, V, options.seed + 1), [H, V])));
  const denseB = tf.tidy(() => tf.variable(tf.zeros([V])));
  const xs = tf.tensor3d(task.inputs, [1, T, V]);
  const ys = tf.tensor3d(task.targets, [1, T, V]);

  const logitsOf = (x: tf.Tensor): tf.Tensor2D => {
    const run = unroll(config, { kernel, recurrentKernel, bias, bhn: null }, x as tf.Tensor3D);
    const [B, steps] = (x as tf.Tensor3D).shape;
    const flat = tf.reshape(run.hs!, [B * steps, H]);
    return tf.add(tf.matMul(flat, denseW), denseB) as tf.Tensor2D;
  };
  const model: TrainableModel = {
    variables: [kernel, recurrentKernel, bias, denseW, denseB],
    loss: (x, y) => tf.losses.softmaxCrossEntropy(tf.reshape(y, [-1, V]), logitsOf(x)) as tf.Scalar,
  };
  const predict = (): Int32Array => {
    const logits = tf.tidy(() => logitsOf(xs));
    const values = logits.dataSync() as Float32Array;
    logits.dispose();
    return argmaxRows(values, V);
  };

  const losses: number[] = [];
  const started = performance.now();
  const run = train(
    model,
    { xs, ys },
    {
      optimizer: 'adam',
      learningRate: options.learningRate,
      epochs: options.epochs,
      batchSize: 1,
      shuffle: false,
      seed: options.seed,
      yieldEvery: options.yieldEvery ?? 1,
    },
    {
      onEpochEnd: ({ epoch, loss }) => {
        losses.push(loss);
        if (!onEpoch) return;
        const predictions = predict();
        onEpoch({
          epoch,
          epochs: options.epochs,
          loss,
          predictions,
          correct: countCorrect(predictions, task.targetIds),
        });
      },
    },
  );

  const readModel = (epochsRun: number): TrainedLstm | null => {
    if (epochsRun === 0) return null;
    const cell = unstackWeights(config, {
      kernel: kernel.dataSync() as Float32Array,
      recurrentKernel: recurrentKernel.dataSync() as Float32Array,
      bias: bias.dataSync() as Float32Array,
      bhn: null,
    }) as LSTMCell;
    const predictions = predict();
    return {
      cell,
      denseW: (denseW.dataSync() as Float32Array).slice(),
      denseB: (denseB.dataSync() as Float32Array).slice(),
      vocab: task.vocab,
      inputIds: task.inputIds,
      targetIds: task.targetIds,
      predictions,
      correct: countCorrect(predictions, task.targetIds),
      epochs: epochsRun,
      loss: losses[losses.length - 1] ?? NaN,
      hidden: H,
    };
  };

  const done = run.done
    .then((result): HihelloResult => {
      const out: HihelloResult = {
        status: result.status,
        epochsRun: result.epochsRun,
        losses: losses.slice(),
        model: readModel(result.epochsRun),
        seconds: (performance.now() - started) / 1000,
      };
      if (result.message) out.message = result.message;
      return out;
    })
    .finally(() => {
      tf.dispose([kernel, recurrentKernel, bias, denseW, denseB, xs, ys]);
    });
  return { cancel: () => run.cancel(), done };
}
