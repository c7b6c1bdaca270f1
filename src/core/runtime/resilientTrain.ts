// A training run that survives losing its backend (a WebGL context loss): it keeps the weights
// after every completed batch as plain Float32Arrays, and when the backend goes, rebuilds the
// model on the next backend, restores them, and continues with the next batch: the loss curve
// keeps one entry per applied step, with no gap and no reset.
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../backendChoice';
import {
  copySnapshot,
  divergenceMessage,
  restoreWeights,
  snapshotWeights,
  splitValidation,
  train,
  type BatchEndEvent,
  type DivergedEvent,
  type EpochEndEvent,
  type TrainOptions,
  type TrainableModel,
  type TrainingCallbacks,
  type TrainingData,
  type TrainingHistory,
  type TrainingResult,
  type TrainingRun,
  type WeightSnapshot,
} from '../training';
import { recoverFromContextLoss, onWebglContextLost, webglContextLost } from './backends';
import { epochOrder, evaluatePart, resumedSeed, type EpochOrdering } from './resumePlan';
import { refreshMemoryStats } from './status';

/** What `build` returns: a model and its data on the current backend. */
export interface TrainingSetup {
  model: TrainableModel;
  data: TrainingData;
  /** Frees the model's variables and the data tensors. */
  dispose(): void;
}

export interface RecoveryEvent {
  /** Steps completed before the loss; training continues with step + 1. */
  step: number;
  /** The epoch (0-based) that was running and the batches of it already done. */
  epoch: number;
  batchesDone: number;
  from: BackendName;
  to: BackendName;
}

export interface ResilientCallbacks extends TrainingCallbacks {
  /** After the run moved to another backend, before its next step. */
  onRecovered?(event: RecoveryEvent): void | Promise<void>;
}

export interface ResilientTrainingResult extends TrainingResult {
  /** The loss of every applied step, in order, across recoveries (the loss curve). */
  batchLoss: number[];
  recoveries: RecoveryEvent[];
  /** The backend the run ended on. */
  backend: BackendName;
  /** The live model and data (on `backend`); the caller disposes it. */
  setup: TrainingSetup;
}

export interface ResilientTrainingRun extends Omit<TrainingRun, 'done'> {
  /** The model and data in use now (replaced after a recovery). */
  readonly setup: TrainingSetup;
  done: Promise<ResilientTrainingResult>;
}

/**
 * How a run learns that its backend is gone and gets another. The default watches tfjs's
 * WebGL context (src/core/runtime/backends); tests pass their own.
 */
export interface BackendLossSource {
  /** Whether `backend`, on which a part of the run started, has been lost. */
  isLost(backend: string): boolean;
  /** Calls `listener` when a backend is lost; returns the unsubscribe function. */
  onLost(listener: () => void): () => void;
  /** Moves to the next working backend and resolves to its name. */
  recover(): Promise<BackendName>;
}

export const webglLossSource: BackendLossSource = {
  isLost: (backend) => backend === 'webgl' && webglContextLost(),
  onLost: onWebglContextLost,
  recover: async () => (await recoverFromContextLoss()).backend,
};

/** At most this many recoveries per run (a backend that keeps failing is a bug). */
export const MAX_RECOVERIES = 2;

type SegmentOutcome =
  | { kind: 'finished'; result: TrainingResult }
  | { kind: 'lost' }
  | { kind: 'failed'; error: unknown };

const emptyHistory = (): TrainingHistory => ({
  loss: [],
  valLoss: [],
  metrics: {},
  valMetrics: {},
  clippedFraction: [],
  seconds: [],
});

function pushEpoch(history: TrainingHistory, event: EpochEndEvent): void {
  history.loss.push(event.loss);
  if (event.valLoss !== undefined) history.valLoss.push(event.valLoss);
  for (const [key, into] of [
    ['metrics', history.metrics],
    ['valMetrics', history.valMetrics],
  ] as const) {
    for (const [name, value] of Object.entries(event[key] ?? {})) (into[name] ??= []).push(value);
  }
  history.clippedFraction.push(event.clippedFraction);
  history.seconds.push(event.seconds);
}

/**
 * `train` (src/core/training) that continues on another backend when its own is lost.
 * `build()` creates the model and the data on the current backend; it is called once now and
 * once more after each recovery, and must give the same architecture every time (the weights
 * are restored by position). The models it replaced are disposed; the last one is handed back
 * in `result.setup` for the caller to use and dispose.
 *
 * On a loss (the WebGL canvas's 'webglcontextlost', `gl.isContextLost()` after a step, or a
 * step that throws on a lost context) the run:
 * 1. drops the step under way (its numbers may be garbage) and keeps the weights after the
 *    last completed one;
 * 2. switches to the next backend (wasm, then cpu), calls `build()` and restores the weights;
 * 3. finishes the interrupted epoch with exactly the batches it had left, in the same order,
 *    then runs the remaining epochs (shuffled from a seed derived from the original one).
 *
 * Steps, epochs and batches in the events count across recoveries; `batchLoss` has one entry
 * per applied step. Adam's state (its step count and moments m and v) is read with the weights
 * after every step, in the same single read, and the resumed part continues it: a recovered
 * run computes the same loss curve as one that never lost its backend.
 */
export function resilientTrain(
  build: () => TrainingSetup,
  options: TrainOptions = {},
  callbacks: ResilientCallbacks = {},
  lossSource: BackendLossSource = webglLossSource,
): ResilientTrainingRun {
  let setup = build();
  const totalEpochs = options.epochs ?? 1;
  const batchSize = options.batchSize ?? 32;
  const history = emptyHistory();
  const batchLoss: number[] = [];
  const recoveries: RecoveryEvent[] = [];

  // Progress, counted across every segment (a `train` call) of the run.
  let steps = 0;
  let clippedSteps = 0;
  let epoch = 0;
  let batchesDone = 0;
  let epochLossSum = 0;
  let epochClipped = 0;
  let epochStartedAt = performance.now();
  let lastGood: WeightSnapshot = snapshotWeights(setup.model.variables, 0);
  let ordering: EpochOrdering = {
    firstEpoch: 0,
    shuffle: options.shuffle ?? true,
    seed: options.seed ?? 0,
  };

  let generation = 0;
  let run: TrainingRun | null = null;
  let segmentBackend = tf.getBackend();
  let paused = false;
  let cancelled = false;
  let onLoss: (() => void) | null = null;
  let stopListening: (() => void) | null = null;

  const isCancelled = () => cancelled || options.signal?.aborted === true;

  /** Starts `train` for one segment; its events are translated to whole-run numbers. */
  const startSegment = (
    data: TrainingData,
    segmentOptions: TrainOptions,
    epochOffset: number,
    batchOffset: number,
    partialEpoch: boolean,
  ): Promise<SegmentOutcome> => {
    const mine = ++generation;
    const current = () => mine === generation;
    segmentBackend = tf.getBackend();
    let signalLoss!: () => void;
    const lostSignal = new Promise<void>((resolve) => (signalLoss = resolve));
    /** From now on this segment's events are stale: its backend is gone. */
    const lost = () => {
      if (!current()) return;
      generation += 1;
      segmentRun.cancel();
      signalLoss();
    };
    onLoss = () => {
      if (current() && lossSource.isLost(segmentBackend)) lost();
    };
    stopListening?.();
    stopListening = lossSource.onLost(() => onLoss?.());

    const segmentCallbacks: TrainingCallbacks = {
      onBatchEnd: (event: BatchEndEvent) => {
        if (!current()) return;
        if (lossSource.isLost(segmentBackend)) {
          // This step ran on a lost backend: its numbers are not to be trusted.
          lost();
          return;
        }
        steps += 1;
        lastGood = { ...segmentRun.snapshot(), step: steps };
        epoch = epochOffset + event.epoch;
        batchesDone = (event.epoch === 0 ? batchOffset : 0) + event.batch + 1;
        batchLoss.push(event.loss);
        epochLossSum += event.loss * event.size;
        if (event.clipped) {
          clippedSteps += 1;
          epochClipped += 1;
        }
        return callbacks.onBatchEnd?.({ ...event, epoch, batch: batchesDone - 1, step: steps });
      },
      onEpochEnd: (event: EpochEndEvent) => {
        if (!current() || partialEpoch) return;
        const whole: EpochEndEvent = { ...event, epoch: epochOffset + event.epoch, steps };
        return finishEpoch(whole);
      },
      onDiverged: (event: DivergedEvent) => {
        if (!current()) return;
        const step = steps + 1;
        const message =
          recoveries.length === 0
            ? event.message
            : divergenceMessage({
                step,
                cause: event.cause,
                value:
                  event.cause === 'loss'
                    ? event.loss
                    : event.cause === 'gradient'
                      ? event.gradNorm
                      : NaN,
                restoredStep: steps,
                clipping: (options.clip?.mode ?? 'none') !== 'none',
              });
        return callbacks.onDiverged?.({
          ...event,
          step,
          epoch: epochOffset + event.epoch,
          batch: (event.epoch === 0 ? batchOffset : 0) + event.batch,
          message,
        });
      },
    };
    const resume = lastGood.optimizer;
    const segmentRun = train(
      setup.model,
      data,
      {
        ...segmentOptions,
        keepOptimizerState: true,
        ...(resume ? { resumeOptimizer: resume } : {}),
      },
      segmentCallbacks,
    );
    run = segmentRun;
    if (paused) segmentRun.pause();
    if (isCancelled()) segmentRun.cancel();
    const settled = segmentRun.done.then(
      (result): SegmentOutcome => ({ kind: 'finished', result }),
      (error: unknown): SegmentOutcome =>
        lossSource.isLost(segmentBackend) ? { kind: 'lost' } : { kind: 'failed', error },
    );
    return Promise.race([settled, lostSignal.then((): SegmentOutcome => ({ kind: 'lost' }))]);
  };

  const finishEpoch = async (event: EpochEndEvent): Promise<void> => {
    pushEpoch(history, event);
    epoch = event.epoch + 1;
    batchesDone = 0;
    epochLossSum = 0;
    epochClipped = 0;
    epochStartedAt = performance.now();
    refreshMemoryStats();
    await callbacks.onEpochEnd?.(event);
  };

  /** The end-of-epoch numbers of an epoch whose batches ran on two backends. */
  const endSplitEpoch = async (nTrain: number, splitAt: number, n: number) => {
    const { model, data } = setup;
    const event: EpochEndEvent = {
      epoch,
      loss: epochLossSum / nTrain,
      clippedFraction: epochClipped / Math.ceil(nTrain / batchSize),
      steps,
      seconds: 0,
    };
    if (model.metrics && (options.trainingMetrics ?? true)) {
      event.metrics = (
        await evaluatePart(model, data.xs, data.ys, 0, nTrain, batchSize, options, false)
      ).metrics;
    }
    if (splitAt < n) {
      const val = await evaluatePart(
        model,
        data.xs,
        data.ys,
        splitAt,
        n - splitAt,
        batchSize,
        options,
        true,
      );
      event.valLoss = val.loss;
      if (val.metrics) event.valMetrics = val.metrics;
    }
    event.seconds = (performance.now() - epochStartedAt) / 1000;
    await finishEpoch(event);
  };

  const abandon = (old: TrainingSetup) => {
    generation += 1;
    run?.cancel();
    run?.done.catch(() => undefined);
    try {
      old.dispose();
    } catch {
      // Tensors of a lost WebGL context may refuse to go; they are unreachable anyway.
    }
  };

  const result = (last: TrainingResult | null, status = last?.status ?? 'cancelled') => {
    const out: ResilientTrainingResult = {
      status,
      epochsRun: history.loss.length,
      steps,
      history,
      clippedFraction: steps > 0 ? clippedSteps / steps : 0,
      snapshot: copySnapshot(lastGood),
      batchLoss,
      recoveries,
      backend: segmentBackend as BackendName,
      setup,
    };
    if (last?.status === 'diverged') {
      const step = steps + 1;
      out.reason = last.reason!;
      out.cause = last.cause!;
      out.step = step;
      out.message =
        recoveries.length === 0
          ? last.message!
          : divergenceMessage({
              step,
              cause: last.cause!,
              value: NaN,
              restoredStep: steps,
              clipping: (options.clip?.mode ?? 'none') !== 'none',
            });
    }
    return out;
  };

  const drive = async (first: Promise<SegmentOutcome>): Promise<ResilientTrainingResult> => {
    const n = setup.data.xs.shape[0]!;
    const { splitAt } = splitValidation(n, options.validationSplit ?? 0);
    const nTrain = splitAt;
    const batchesPerEpoch = Math.ceil(nTrain / batchSize);
    let outcome = await first;
    for (;;) {
      stopListening?.();
      stopListening = null;
      if (outcome.kind === 'failed') throw outcome.error;
      if (outcome.kind === 'finished') {
        if (outcome.result.status !== 'completed' || epoch >= totalEpochs) {
          return result(outcome.result);
        }
      } else {
        // The backend is gone: move, rebuild, restore the last completed step's weights.
        if (recoveries.length >= MAX_RECOVERIES) {
          throw new Error(
            `Training lost its backend ${recoveries.length + 1} times; giving up at step ${steps}.`,
          );
        }
        const from = segmentBackend as BackendName;
        abandon(setup);
        const to = await lossSource.recover();
        setup = build();
        restoreWeights(setup.model.variables, lastGood);
        const event: RecoveryEvent = { step: steps, epoch, batchesDone, from, to };
        recoveries.push(event);
        segmentBackend = to;
        await callbacks.onRecovered?.(event);
      }
      if (isCancelled()) return result(null, 'cancelled');

      // Finish the epoch under way with exactly the batches it had left, in its order.
      if (batchesDone > 0) {
        if (batchesDone < batchesPerEpoch) {
          const order = epochOrder(ordering, epoch, nTrain).subarray(batchesDone * batchSize);
          const ids = tf.tensor1d(order, 'int32');
          const rest: TrainingData = {
            xs: tf.gather(setup.data.xs, ids),
            ys: tf.gather(setup.data.ys, ids),
          };
          ids.dispose();
          try {
            outcome = await startSegment(
              rest,
              {
                ...options,
                epochs: 1,
                shuffle: false,
                validationSplit: 0,
                trainingMetrics: false,
              },
              epoch,
              batchesDone,
              true,
            );
          } finally {
            tf.dispose([rest.xs, rest.ys]);
          }
          if (outcome.kind !== 'finished' || outcome.result.status !== 'completed') continue;
        }
        await endSplitEpoch(nTrain, splitAt, n);
      }
      if (epoch >= totalEpochs) return result(null, 'completed');
      if (isCancelled()) return result(null, 'cancelled');

      // The remaining epochs, freshly shuffled from a seed derived from the original one
      // (or the original run again when nothing had been applied yet).
      ordering = {
        firstEpoch: epoch,
        shuffle: options.shuffle ?? true,
        seed: steps === 0 ? (options.seed ?? 0) : resumedSeed(options.seed ?? 0, steps),
      };
      outcome = await startSegment(
        setup.data,
        { ...options, epochs: totalEpochs - epoch, seed: ordering.seed },
        epoch,
        0,
        false,
      );
    }
  };

  let first: Promise<SegmentOutcome>;
  try {
    first = startSegment(setup.data, options, 0, 0, false);
  } catch (error) {
    setup.dispose();
    throw error;
  }
  let finished = false;
  const done = drive(first).finally(() => {
    finished = true;
    stopListening?.();
    refreshMemoryStats();
  });

  return {
    pause() {
      paused = true;
      run?.pause();
    },
    resume() {
      paused = false;
      run?.resume();
    },
    cancel() {
      cancelled = true;
      run?.cancel();
    },
    get paused() {
      return paused && !finished;
    },
    get setup() {
      return setup;
    },
    snapshot: () => copySnapshot(lastGood),
    done,
  };
}
