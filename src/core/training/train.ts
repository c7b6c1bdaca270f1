import * as tf from '@tensorflow/tfjs';
import { firstNonFinite } from '../errors';
import { clipGradientList } from './clip';
import { TrainingInputError, ensure, show } from './errors';
import { divergenceMessage, type DivergenceCause, type LocalizedMessage } from './messages';
import { createOptimizer, type VariableOptimizer } from './optimizers';
import { resolveOptions, type ResolvedTrainOptions, type TrainOptions } from './options';
import {
  copySnapshot,
  restoreWeights,
  snapshotFromFlat,
  snapshotWeights,
  type WeightSnapshot,
} from './snapshot';
import { createShuffler, splitValidation } from './split';
import { nextMacrotask } from './yield';

/**
 * Anything trainable: the variables the optimizer updates and a loss closure. The cells and
 * models of the core plug in through this, and so does a two-variable linear regression.
 */
export interface TrainableModel {
  /** What the optimizer updates (float32; non-trainable ones are left alone). */
  variables: tf.Variable[];
  /**
   * Forward pass and loss for a batch: the MEAN over the batch (epoch and validation losses are
   * batch means weighted by batch size). `training` is false for validation.
   */
  loss(xs: tf.Tensor, ys: tf.Tensor, training: boolean): tf.Scalar;
  /** Optional numbers such as accuracy for a batch, evaluated without gradients. */
  metrics?(xs: tf.Tensor, ys: tf.Tensor): Record<string, number>;
}

/** Samples along the first axis of both tensors. The trainer never disposes them. */
export interface TrainingData {
  xs: tf.Tensor;
  ys: tf.Tensor;
}

export interface BatchEndEvent {
  /** 0-based, as in Keras callbacks. */
  epoch: number;
  /** 0-based within the epoch. */
  batch: number;
  /** 1-based count of optimizer steps so far, this one included (Adam's t). */
  step: number;
  /** Samples in this batch. */
  size: number;
  /** The batch loss (with the weight-decay term, as Keras reports it), before the update. */
  loss: number;
  /** Global gradient norm √(Σ‖g_i‖²) before clipping. */
  gradNorm: number;
  /** … and after clipping (equal to gradNorm when clipping is off or did nothing). */
  gradNormAfterClip: number;
  clipped: boolean;
}

export interface EpochEndEvent {
  /** 0-based. */
  epoch: number;
  /** Mean of the batch losses over the epoch, weighted by batch size (Keras's "loss"). */
  loss: number;
  /** Loss on the validation samples at the end of the epoch (with validationSplit > 0). */
  valLoss?: number;
  /** model.metrics on the training samples at the end of the epoch. */
  metrics?: Record<string, number>;
  valMetrics?: Record<string, number>;
  /** Fraction of this epoch's steps whose gradients were clipped. */
  clippedFraction: number;
  /** Steps so far (all epochs). */
  steps: number;
  /** Wall-clock seconds of this epoch, evaluation included. */
  seconds: number;
}

export type DivergenceReason = 'exploding-gradient';

export interface DivergedEvent {
  /** The 1-based step whose loss, gradient or updated weights were not finite. */
  step: number;
  epoch: number;
  batch: number;
  reason: DivergenceReason;
  cause: DivergenceCause;
  /** The step's loss and gradient norm as computed (NaN or ±Infinity among them). */
  loss: number;
  gradNorm: number;
  message: LocalizedMessage;
}

/** Callbacks may return a promise; the loop waits for it (a way to throttle). */
export interface TrainingCallbacks {
  onBatchEnd?(event: BatchEndEvent): void | Promise<void>;
  onEpochEnd?(event: EpochEndEvent): void | Promise<void>;
  onDiverged?(event: DivergedEvent): void | Promise<void>;
}

/** One entry per finished epoch. */
export interface TrainingHistory {
  loss: number[];
  /** Empty without a validation split. */
  valLoss: number[];
  metrics: Record<string, number[]>;
  valMetrics: Record<string, number[]>;
  clippedFraction: number[];
  seconds: number[];
}

export type TrainingStatus = 'completed' | 'cancelled' | 'diverged';

export interface TrainingResult {
  status: TrainingStatus;
  /** Epochs that finished (a cancelled or diverged epoch does not count). */
  epochsRun: number;
  /** Optimizer steps applied (a diverged step is undone and not counted). */
  steps: number;
  history: TrainingHistory;
  /** Fraction of all applied steps whose gradients were clipped. */
  clippedFraction: number;
  /** The weights the model holds now, after the last good step. */
  snapshot: WeightSnapshot;
  /** Only when diverged: */
  reason?: DivergenceReason;
  cause?: DivergenceCause;
  /** The diverged step (1-based). */
  step?: number;
  message?: LocalizedMessage;
}

export interface TrainingRun {
  /** Stops before the next step until resume(); the step under way finishes. */
  pause(): void;
  resume(): void;
  /** Stops before the next step; `done` resolves with status 'cancelled'. */
  cancel(): void;
  readonly paused: boolean;
  /** A copy of the weights after the last good step: a recovery point (e.g. context loss). */
  snapshot(): WeightSnapshot;
  /** Resolves when training ends; rejects if the model's loss throws. */
  done: Promise<TrainingResult>;
}

function checkModel(model: TrainableModel): tf.Variable[] {
  ensure(
    typeof model === 'object' && model !== null,
    'train() needs a model: { variables, loss }.',
  );
  ensure(
    typeof model.loss === 'function',
    'The model needs a loss(xs, ys, training) function that returns a scalar.',
  );
  ensure(
    model.metrics === undefined || typeof model.metrics === 'function',
    'The model’s metrics must be a function of (xs, ys) when given.',
  );
  const variables = model.variables;
  ensure(
    Array.isArray(variables) && variables.length > 0,
    'The model has no variables to train: give it a non-empty list of tf.Variable.',
  );
  variables.forEach((v, i) => {
    ensure(
      v instanceof tf.Variable && !v.isDisposed,
      () => `Model variable ${i} is not a live tf.Variable (was it disposed?).`,
    );
    ensure(
      v.dtype === 'float32',
      () => `Model variable ${i} (${v.name}) must be float32 to train, got ${v.dtype}.`,
    );
  });
  ensure(
    new Set(variables).size === variables.length,
    'The model lists the same variable twice; it would be updated twice per step.',
  );
  ensure(
    variables.some((v) => v.trainable),
    'None of the model’s variables is trainable.',
  );
  return [...variables];
}

function checkFinite(t: tf.Tensor, what: string, samples: number): void {
  const values = t.dataSync();
  const k = firstNonFinite(values as ArrayLike<number>);
  if (k < 0) return;
  const perSample = Math.max(1, values.length / samples);
  throw new TrainingInputError(
    `The ${what} contain ${show(values[k])} at sample ${Math.floor(k / perSample)} ` +
      `(value ${k}); replace or remove it before training.`,
  );
}

function checkData(data: TrainingData): number {
  ensure(typeof data === 'object' && data !== null, 'train() needs data: { xs, ys }.');
  const { xs, ys } = data;
  for (const [t, name] of [
    [xs, 'xs'],
    [ys, 'ys'],
  ] as const) {
    ensure(
      t instanceof tf.Tensor && !t.isDisposed,
      () => `data.${name} must be a live tensor, got ${show(t)}.`,
    );
    ensure(t.rank >= 1, () => `data.${name} needs a first (sample) axis, got a scalar.`);
    ensure(
      t.dtype !== 'string' && t.dtype !== 'complex64',
      () => `data.${name} must hold numbers, got dtype ${t.dtype}.`,
    );
  }
  const n = xs.shape[0]!;
  ensure(n >= 1, 'The data set is empty: xs has 0 samples.');
  ensure(
    ys.shape[0] === n,
    () => `xs has ${n} samples but ys has ${ys.shape[0]}; they must match one to one.`,
  );
  checkFinite(xs, 'inputs (xs)', n);
  checkFinite(ys, 'targets (ys)', n);
  return n;
}

const emptyHistory = (): TrainingHistory => ({
  loss: [],
  valLoss: [],
  metrics: {},
  valMetrics: {},
  clippedFraction: [],
  seconds: [],
});

function pushMetrics(into: Record<string, number[]>, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) (into[name] ??= []).push(value);
}

/**
 * Trains `model` on `data` and returns a handle at once; the loop runs asynchronously (it
 * starts after the current synchronous code, so `run.pause()` right after `train()` holds it
 * before its first step). Options and data are checked up front: a bad one throws a
 * TrainingInputError from `train` itself.
 *
 * Every step runs inside `tf.tidy`; per step there is one read from the backend (loss,
 * gradient norms and all weights, the latter kept as the last good snapshot). A non-finite
 * loss, gradient norm or updated weight stops the run with status 'diverged' and the weights
 * put back to the snapshot after the last good step.
 */
export function train(
  model: TrainableModel,
  data: TrainingData,
  options: TrainOptions = {},
  callbacks: TrainingCallbacks = {},
): TrainingRun {
  const variables = checkModel(model);
  const n = checkData(data);
  const opts = resolveOptions(options, variables);
  const split = splitValidation(n, opts.validationSplit);
  ensure(typeof callbacks === 'object' && callbacks !== null, 'The callbacks must be an object.');

  let paused = false;
  let cancelled = false;
  let finished = false;
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const control = {
    lastGood: snapshotWeights(variables, 0),
    isCancelled: () => cancelled,
    async waitWhilePaused() {
      while (paused && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
    },
  };
  const onAbort = () => {
    cancelled = true;
    wakeUp();
  };
  const signal = opts.signal;
  if (signal?.aborted) cancelled = true;
  signal?.addEventListener('abort', onAbort);

  const done = (async () => {
    await Promise.resolve();
    try {
      return await runLoop(model, variables, data, split.splitAt, opts, callbacks, control);
    } finally {
      finished = true;
      signal?.removeEventListener('abort', onAbort);
    }
  })();

  return {
    pause() {
      if (!finished) paused = true;
    },
    resume() {
      paused = false;
      wakeUp();
    },
    cancel() {
      cancelled = true;
      wakeUp();
    },
    get paused() {
      return paused && !finished;
    },
    snapshot: () => copySnapshot(control.lastGood),
    done,
  };
}

interface LoopControl {
  lastGood: WeightSnapshot;
  isCancelled(): boolean;
  waitWhilePaused(): Promise<void>;
}

async function runLoop(
  model: TrainableModel,
  variables: tf.Variable[],
  data: TrainingData,
  splitAt: number,
  opts: ResolvedTrainOptions,
  callbacks: TrainingCallbacks,
  control: LoopControl,
): Promise<TrainingResult> {
  const n = data.xs.shape[0]!;
  const history = emptyHistory();
  let steps = 0;
  let clippedSteps = 0;
  const finish = (status: TrainingStatus, extra: Partial<TrainingResult> = {}) => ({
    status,
    epochsRun: history.loss.length,
    steps,
    history,
    clippedFraction: steps > 0 ? clippedSteps / steps : 0,
    snapshot: copySnapshot(control.lastGood),
    ...extra,
  });

  const owned: tf.Tensor[] = [];
  let optimizer: VariableOptimizer | null = null;
  try {
    const part = (t: tf.Tensor, from: number, size: number): tf.Tensor => {
      if (from === 0 && size === n) return t;
      const slice = tf.slice(t, [from], [size]);
      owned.push(slice);
      return slice;
    };
    const nTrain = splitAt;
    const nVal = n - splitAt;
    const trainX = part(data.xs, 0, nTrain);
    const trainY = part(data.ys, 0, nTrain);
    const valX = nVal > 0 ? part(data.xs, splitAt, nVal) : null;
    const valY = nVal > 0 ? part(data.ys, splitAt, nVal) : null;
    optimizer = createOptimizer(
      opts.optimizer,
      variables,
      opts.learningRate,
      opts.adam,
      opts.resumeOptimizer,
    );
    const kept = opts.keepOptimizerState ? optimizer.moments() : null;
    const shuffler = createShuffler(opts.seed);
    const clipping = opts.clip.mode !== 'none';

    const totalLoss = (xs: tf.Tensor, ys: tf.Tensor, training: boolean): tf.Scalar => {
      const loss = model.loss(xs, ys, training);
      ensure(
        loss instanceof tf.Tensor && loss.rank === 0,
        () =>
          `The model's loss must return a scalar tensor, got ` +
          (loss instanceof tf.Tensor ? `shape [${loss.shape.join(', ')}].` : `${show(loss)}.`),
      );
      if (opts.decayed.length === 0) return loss;
      const squares = opts.decayed.map((w) => tf.sum(tf.square(w)));
      const l2 = squares.length === 1 ? squares[0]! : tf.addN(squares);
      return tf.add(loss, tf.mul(l2, opts.weightDecay));
    };

    /** Size-weighted means of loss and metrics over a part, in batches, without gradients. */
    const evaluate = async (
      xs: tf.Tensor,
      ys: tf.Tensor,
      count: number,
      withLoss: boolean,
    ): Promise<{ loss: number; metrics?: Record<string, number> }> => {
      let lossSum = 0;
      const sums: Record<string, number> = {};
      const metricsOf = model.metrics?.bind(model);
      for (let from = 0; from < count; from += opts.batchSize) {
        const size = Math.min(opts.batchSize, count - from);
        const out = tf.tidy(() => {
          const xb = tf.slice(xs, [from], [size]);
          const yb = tf.slice(ys, [from], [size]);
          return {
            loss: withLoss ? totalLoss(xb, yb, false) : tf.scalar(0),
            metrics: metricsOf ? metricsOf(xb, yb) : {},
          };
        });
        lossSum += (await out.loss.data())[0]! * size;
        out.loss.dispose();
        for (const [name, value] of Object.entries(out.metrics)) {
          ensure(
            typeof value === 'number',
            () => `Metric "${name}" must be a number, got ${show(value)}.`,
          );
          sums[name] = (sums[name] ?? 0) + value * size;
        }
      }
      const result: { loss: number; metrics?: Record<string, number> } = {
        loss: lossSum / count,
      };
      if (metricsOf) {
        result.metrics = Object.fromEntries(
          Object.entries(sums).map(([name, sum]) => [name, sum / count]),
        );
      }
      return result;
    };

    const stepOnce = (indices: Int32Array): tf.Tensor1D =>
      tf.tidy(() => {
        const ids = tf.tensor1d(indices, 'int32');
        const xb = tf.gather(trainX, ids);
        const yb = tf.gather(trainY, ids);
        const { value, grads } = tf.variableGrads(() => totalLoss(xb, yb, true), variables);
        const list = variables.map((v) => grads[v.name] ?? null);
        const clipped = clipGradientList(list, opts.clip);
        optimizer!.apply(clipped.grads);
        const stats = tf.stack([
          tf.cast(value, 'float32'),
          clipped.normBefore,
          clipped.normAfter,
          clipped.clipped,
        ]);
        const weights = variables.map((v) => tf.reshape(v, [-1]));
        return tf.concat([stats, ...weights, ...(kept ?? [])]) as tf.Tensor1D;
      });

    const batchesPerEpoch = Math.ceil(nTrain / opts.batchSize);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const started = performance.now();
      const order = opts.shuffle
        ? shuffler(nTrain)
        : Int32Array.from({ length: nTrain }, (_, k) => k);
      let lossSum = 0;
      let epochClipped = 0;
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        await control.waitWhilePaused();
        if (control.isCancelled()) return finish('cancelled');
        const indices = order.subarray(batch * opts.batchSize, (batch + 1) * opts.batchSize);
        const step = steps + 1;
        const out = stepOnce(indices);
        const values = (await out.data()) as Float32Array;
        out.dispose();
        const loss = values[0]!;
        const gradNorm = values[1]!;
        let cause: DivergenceCause | null = null;
        let bad = NaN;
        if (!Number.isFinite(loss)) [cause, bad] = ['loss', loss];
        else if (!Number.isFinite(gradNorm)) [cause, bad] = ['gradient', gradNorm];
        else {
          const k = firstNonFinite(values.subarray(4));
          if (k >= 0) [cause, bad] = ['weights', values[4 + k]!];
        }
        if (cause !== null) {
          restoreWeights(variables, control.lastGood);
          const message = divergenceMessage({
            step,
            cause,
            value: bad,
            restoredStep: control.lastGood.step,
            clipping,
          });
          const reason: DivergenceReason = 'exploding-gradient';
          await callbacks.onDiverged?.({
            step,
            epoch,
            batch,
            reason,
            cause,
            loss,
            gradNorm,
            message,
          });
          return finish('diverged', { reason, cause, step, message });
        }
        steps = step;
        control.lastGood = snapshotFromFlat(variables, values, 4, steps);
        if (kept) {
          // Adam's m and v follow the weights in the same read.
          const from = values.length - 2 * kept[0].size;
          control.lastGood.optimizer = {
            iterations: optimizer.iterations,
            m: values.slice(from, from + kept[0].size),
            v: values.slice(from + kept[0].size),
          };
        }
        const clipped = values[3]! > 0.5;
        if (clipped) {
          clippedSteps++;
          epochClipped++;
        }
        lossSum += loss * indices.length;
        await callbacks.onBatchEnd?.({
          epoch,
          batch,
          step,
          size: indices.length,
          loss,
          gradNorm,
          gradNormAfterClip: values[2]!,
          clipped,
        });
        if (steps % opts.yieldEvery === 0) await nextMacrotask();
      }
      if (control.isCancelled()) return finish('cancelled');

      const event: EpochEndEvent = {
        epoch,
        loss: lossSum / nTrain,
        clippedFraction: epochClipped / batchesPerEpoch,
        steps,
        seconds: 0,
      };
      if (model.metrics && opts.trainingMetrics) {
        event.metrics = (await evaluate(trainX, trainY, nTrain, false)).metrics;
      }
      if (valX && valY) {
        const val = await evaluate(valX, valY, nVal, true);
        event.valLoss = val.loss;
        if (val.metrics) event.valMetrics = val.metrics;
      }
      event.seconds = (performance.now() - started) / 1000;
      history.loss.push(event.loss);
      if (event.valLoss !== undefined) history.valLoss.push(event.valLoss);
      if (event.metrics) pushMetrics(history.metrics, event.metrics);
      if (event.valMetrics) pushMetrics(history.valMetrics, event.valMetrics);
      history.clippedFraction.push(event.clippedFraction);
      history.seconds.push(event.seconds);
      await callbacks.onEpochEnd?.(event);
    }
    return finish('completed');
  } finally {
    optimizer?.dispose();
    for (const t of owned) t.dispose();
  }
}
