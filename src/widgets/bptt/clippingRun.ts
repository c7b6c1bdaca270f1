/**
 * A training run that explodes without clipping (CURRICULUM §4): SimpleRNN(30, sequences) →
 * SimpleRNN(30) → Dense(1) on the multiplication task, plain SGD with a large learning rate.
 * The core's `train` clips (Keras clipnorm per tensor, or global), reports every step's
 * gradient norm before and after clipping, and rolls back a NaN step with a message.
 * Imports tfjs: load lazily.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel, multiplicationTask, train, type LocalizedMessage } from '../../core';

export type ClipMode = 'none' | 'per-tensor' | 'global';

export interface ClipSettings {
  mode: ClipMode;
  threshold: number;
  lr: number;
  epochs: number;
  seed: number;
}

export interface ClipStep {
  step: number;
  loss: number;
  gradNorm: number;
  gradNormAfterClip: number;
  clipped: boolean;
}

export interface ClipResult {
  status: 'completed' | 'cancelled' | 'diverged';
  steps: ClipStep[];
  clippedFraction: number;
  message: LocalizedMessage | null;
  seconds: number;
}

export const CLIP_SAMPLES = 128;
export const CLIP_STEPS = 50;
export const CLIP_BATCH = 32;

export interface ClipRun {
  cancel(): void;
  done: Promise<ClipResult>;
}

export function runClipping(settings: ClipSettings, onStep?: (s: ClipStep) => void): ClipRun {
  const data = multiplicationTask({
    samples: CLIP_SAMPLES,
    steps: CLIP_STEPS,
    seed: settings.seed,
  });
  const xs = tf.tensor3d(data.inputs, [data.samples, data.steps, 2]);
  const ys = tf.tensor2d(data.targets, [data.samples, 1]);
  const model = buildModel(
    [
      { kind: 'simpleRNN', units: 30, returnSequences: true },
      { kind: 'simpleRNN', units: 30 },
      { kind: 'dense', units: 1 },
    ],
    [CLIP_STEPS, 2],
    { seed: settings.seed, task: 'regression' },
  );
  const steps: ClipStep[] = [];
  const started = performance.now();
  const run = train(
    model,
    { xs, ys },
    {
      optimizer: 'sgd',
      learningRate: settings.lr,
      epochs: settings.epochs,
      batchSize: CLIP_BATCH,
      seed: settings.seed,
      trainingMetrics: false,
      clip:
        settings.mode === 'none'
          ? { mode: 'none' }
          : { mode: settings.mode, threshold: settings.threshold },
    },
    {
      onBatchEnd: ({ step, loss, gradNorm, gradNormAfterClip, clipped }) => {
        const s = { step, loss, gradNorm, gradNormAfterClip, clipped };
        steps.push(s);
        onStep?.(s);
      },
    },
  );
  const done = run.done
    .then((r): ClipResult => ({
      status: r.status,
      steps,
      clippedFraction: r.clippedFraction,
      message: r.message ?? null,
      seconds: (performance.now() - started) / 1000,
    }))
    .finally(() => {
      tf.dispose([xs, ys]);
      model.dispose();
    });
  return { cancel: () => run.cancel(), done };
}
