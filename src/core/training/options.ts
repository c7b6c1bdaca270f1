import type * as tf from '@tensorflow/tfjs';
import { checkClipThreshold, type ClipOptions } from './clip';
import { ensure, isFiniteNumber, show } from './errors';
import {
  DEFAULT_LEARNING_RATE,
  checkAdamSettings,
  checkLearningRate,
  type AdamSettings,
  type OptimizerName,
  type OptimizerState,
} from './optimizers';

export interface TrainOptions {
  /** Default `'adam'`. */
  optimizer?: OptimizerName;
  /** Above 0 and finite; default Keras's: 0.001 for Adam, 0.01 for SGD. */
  learningRate?: number;
  /** Adam's β1, β2, ε; default Keras's 0.9, 0.999, 1e-7. */
  adam?: Partial<AdamSettings>;
  /** Default `{ mode: 'none' }`. The threshold must be above 0. */
  clip?: ClipOptions;
  /**
   * L2 weight decay λ ≥ 0, Keras's `kernel_regularizer=l2(λ)` convention: λ·Σ‖W‖² is added to
   * the loss (gradient 2λW). PyTorch's SGD `weight_decay=wd` adds wd·W to the gradient, which is
   * λ = wd / 2 here. Default 0.
   */
  weightDecay?: number;
  /**
   * Which variables the decay applies to; default the kernels, i.e. variables of rank ≥ 2
   * (input and recurrent kernels, Dense kernels, embeddings), not biases or other vectors.
   */
  weightDecayOn?: (variable: tf.Variable, index: number) => boolean;
  /** Whole number ≥ 1; default 1. */
  epochs?: number;
  /** Whole number ≥ 1; default 32 (Keras). The last batch of an epoch may be smaller. */
  batchSize?: number;
  /** In [0, 1): the last fraction of the samples, before shuffling (Keras). Default 0. */
  validationSplit?: number;
  /** Shuffle the training samples every epoch; default true. */
  shuffle?: boolean;
  /** Seed of the shuffling; default 0. */
  seed?: number | string;
  /** Await a macrotask every this many steps (keeps the page responsive); default 1. */
  yieldEvery?: number;
  /**
   * Evaluate model.metrics on the training samples at each epoch end (one extra forward pass
   * over them); default true. Validation metrics are always evaluated when there is a split.
   */
  trainingMetrics?: boolean;
  /**
   * Also read Adam's moments with the weights after every step (in the same single read) and
   * keep them in the snapshot, so a run resumed elsewhere can continue them. Default false
   * (plain runs read only what they need); resilientTrain turns it on.
   */
  keepOptimizerState?: boolean;
  /** Start Adam from this state instead of zeros (a resumed run). */
  resumeOptimizer?: OptimizerState;
  /** Aborting it cancels the run, like `run.cancel()`. */
  signal?: AbortSignal;
}

export interface ResolvedTrainOptions {
  optimizer: OptimizerName;
  learningRate: number;
  adam: AdamSettings;
  clip: ClipOptions;
  weightDecay: number;
  /** The variables the decay applies to. */
  decayed: tf.Variable[];
  epochs: number;
  batchSize: number;
  validationSplit: number;
  shuffle: boolean;
  seed: number | string;
  yieldEvery: number;
  trainingMetrics: boolean;
  keepOptimizerState: boolean;
  resumeOptimizer: OptimizerState | undefined;
  signal: AbortSignal | null;
}

const MAX_EPOCHS = 100_000;

function wholeNumber(value: unknown, what: string, max = Number.MAX_SAFE_INTEGER): number {
  ensure(
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max,
    () =>
      `${what} must be a whole number from 1 to ${max.toLocaleString('en-US')}, ` +
      `got ${show(value)}.`,
  );
  return value;
}

export function resolveClip(clip: unknown): ClipOptions {
  if (clip === undefined) return { mode: 'none' };
  ensure(
    typeof clip === 'object' && clip !== null,
    () => `The clipping option must look like { mode: 'global', threshold: 1 }, got ${show(clip)}.`,
  );
  const { mode, threshold, style } = clip as {
    mode?: unknown;
    threshold?: unknown;
    style?: unknown;
  };
  ensure(
    mode === 'none' || mode === 'per-tensor' || mode === 'global',
    () => `The clipping mode must be "none", "per-tensor" or "global", got ${show(mode)}.`,
  );
  if (mode === 'none') return { mode };
  const c = checkClipThreshold(threshold);
  if (mode === 'per-tensor') return { mode, threshold: c };
  ensure(
    style === undefined || style === 'keras' || style === 'pytorch',
    () => `The global clipping style must be "keras" or "pytorch", got ${show(style)}.`,
  );
  return { mode, threshold: c, style: style ?? 'keras' };
}

/** Checks every option and fills in the defaults; throws TrainingInputError on a bad one. */
export function resolveOptions(
  options: TrainOptions,
  variables: tf.Variable[],
): ResolvedTrainOptions {
  ensure(
    typeof options === 'object' && options !== null,
    'The training options must be an object.',
  );
  const optimizer = options.optimizer ?? 'adam';
  ensure(
    optimizer === 'adam' || optimizer === 'sgd',
    () => `The optimizer must be "adam" or "sgd", got ${show(optimizer)}.`,
  );
  const learningRate = checkLearningRate(
    options.learningRate === undefined ? DEFAULT_LEARNING_RATE[optimizer] : options.learningRate,
  );
  const adam = checkAdamSettings(options.adam ?? {});
  const clip = resolveClip(options.clip);
  const weightDecay = options.weightDecay ?? 0;
  ensure(
    isFiniteNumber(weightDecay) && weightDecay >= 0,
    () => `The weight decay λ must be a number of at least 0, got ${show(weightDecay)}.`,
  );
  const decayOn = options.weightDecayOn ?? ((v: tf.Variable) => v.rank >= 2);
  ensure(typeof decayOn === 'function', 'weightDecayOn must be a function of a variable.');
  const decayed = weightDecay > 0 ? variables.filter((v, i) => decayOn(v, i)) : [];
  const epochs = wholeNumber(options.epochs ?? 1, 'The number of epochs', MAX_EPOCHS);
  const batchSize = wholeNumber(options.batchSize ?? 32, 'The batch size');
  const validationSplit = options.validationSplit ?? 0;
  ensure(
    isFiniteNumber(validationSplit) && validationSplit >= 0 && validationSplit < 1,
    () =>
      `The validation split must be a fraction from 0 up to (not including) 1, ` +
      `got ${show(validationSplit)}.`,
  );
  const shuffle = options.shuffle ?? true;
  ensure(
    typeof shuffle === 'boolean',
    () => `shuffle must be true or false, got ${show(shuffle)}.`,
  );
  const seed = options.seed ?? 0;
  ensure(
    isFiniteNumber(seed) || typeof seed === 'string',
    () => `The seed must be a number or text, got ${show(seed)}.`,
  );
  const yieldEvery = wholeNumber(options.yieldEvery ?? 1, 'yieldEvery (steps between yields)');
  const trainingMetrics = options.trainingMetrics ?? true;
  ensure(
    typeof trainingMetrics === 'boolean',
    () => `trainingMetrics must be true or false, got ${show(trainingMetrics)}.`,
  );
  const signal = options.signal ?? null;
  ensure(
    signal === null || (typeof signal === 'object' && typeof signal.aborted === 'boolean'),
    'signal must be an AbortSignal.',
  );
  return {
    optimizer,
    learningRate,
    adam,
    clip,
    weightDecay,
    decayed,
    epochs,
    batchSize,
    validationSplit,
    shuffle,
    seed,
    yieldEvery,
    trainingMetrics,
    keepOptimizerState: options.keepOptimizerState === true,
    resumeOptimizer: options.resumeOptimizer,
    signal,
  };
}
