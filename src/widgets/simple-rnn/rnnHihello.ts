/**
 * "hihello" (or the learner's word) next-character training with a SimpleRNN (CURRICULUM §1):
 * one-hot characters → SimpleRNN(H, returnSequences) → Dense(V, softmax), zero initial state,
 * the mean cross-entropy over the steps (task 'sequence-categorical'), Adam, batch of one.
 * Imports tfjs: widgets load it with a dynamic import when training starts.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel, nextCharacterTask, predictSequence, train } from '../../core';
import type { LocalizedMessage } from '../../core/training/messages';

export interface RnnHihelloOptions {
  word: string;
  hidden: number;
  learningRate: number;
  epochs: number;
  seed: number;
}

export interface RnnHihelloEpoch {
  epoch: number;
  loss: number;
  predictions: Int32Array;
  correct: number;
}

export interface RnnHihelloResult {
  status: 'completed' | 'cancelled' | 'diverged';
  epochsRun: number;
  losses: number[];
  predictions: Int32Array | null;
  correct: number | null;
  message: LocalizedMessage | null;
  seconds: number;
}

export interface RnnHihelloRun {
  cancel(): void;
  done: Promise<RnnHihelloResult>;
}

export function countCorrect(predictions: Int32Array, targets: Int32Array): number {
  let n = 0;
  for (let k = 0; k < targets.length; k++) if (predictions[k] === targets[k]) n++;
  return n;
}

export function trainRnnHihello(
  options: RnnHihelloOptions,
  onEpoch?: (event: RnnHihelloEpoch) => void,
): RnnHihelloRun {
  const task = nextCharacterTask(options.word);
  const V = task.vocabSize;
  const T = task.steps;
  const model = buildModel(
    [
      { kind: 'simpleRNN', units: options.hidden, returnSequences: true },
      { kind: 'dense', units: V, activation: 'softmax' },
    ],
    [T, V],
    { task: 'sequence-categorical', seed: options.seed },
  );
  const xs = tf.tensor3d(task.inputs, [1, T, V]);
  const ys = tf.tensor2d(task.targetIds, [1, T], 'int32');
  const predict = (): Int32Array => predictSequence(model, xs).predictions;
  const losses: number[] = [];
  let last: Int32Array | null = null;
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
      trainingMetrics: false,
    },
    {
      onEpochEnd: ({ epoch, loss }) => {
        losses.push(loss);
        last = predict();
        onEpoch?.({ epoch, loss, predictions: last, correct: countCorrect(last, task.targetIds) });
      },
    },
  );
  const done = run.done
    .then((r): RnnHihelloResult => {
      const predictions = r.epochsRun > 0 ? predict() : last;
      return {
        status: r.status,
        epochsRun: r.epochsRun,
        losses: losses.slice(),
        predictions,
        correct: predictions ? countCorrect(predictions, task.targetIds) : null,
        message: r.message ?? null,
        seconds: (performance.now() - started) / 1000,
      };
    })
    .finally(() => {
      tf.dispose([xs, ys]);
      model.dispose();
    });
  return { cancel: () => run.cancel(), done };
}
