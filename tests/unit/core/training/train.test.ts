import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  splitValidation,
  train,
  type BatchEndEvent,
  type DivergedEvent,
  type EpochEndEvent,
  type TrainOptions,
  type TrainingRun,
} from '../../../../src/core/training';
import { disposeAll, lineData, lineModel, useCpu, valuesOf } from './fixtures';

beforeAll(useCpu);

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('divergence guard', () => {
  it('an injected NaN loss at step 7 is caught at step 7 and the step-6 weights are restored', async () => {
    const data = lineData(64, 2);
    let trainingCalls = 0;
    const model = lineModel(0, 0, (loss, training) => {
      if (training && ++trainingCalls === 7) return tf.add(loss, Number.NaN) as tf.Scalar;
      return loss;
    });
    const after: number[][][] = [];
    const batches: BatchEndEvent[] = [];
    const diverged: DivergedEvent[] = [];
    let run: TrainingRun | null = null;
    run = train(
      model,
      data,
      { optimizer: 'sgd', learningRate: 0.1, batchSize: 8, epochs: 3, seed: 1 },
      {
        onBatchEnd: (e) => {
          batches.push(e);
          after.push(valuesOf(model.variables));
        },
        onDiverged: (e) => void diverged.push(e),
      },
    );
    const result = await run.done;
    expect(result.status).toBe('diverged');
    expect(result.reason).toBe('exploding-gradient');
    expect(result.cause).toBe('loss');
    expect(result.step).toBe(7);
    expect(result.steps).toBe(6);
    expect(batches.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(diverged).toHaveLength(1);
    expect(diverged[0]).toMatchObject({ step: 7, epoch: 0, batch: 6, cause: 'loss' });
    expect(Number.isNaN(diverged[0]!.loss)).toBe(true);
    // Step 7's gradient was finite, so its update was applied; the guard must have undone it.
    expect(valuesOf(model.variables)).toEqual(after[5]);
    expect(result.snapshot.step).toBe(6);
    expect(result.snapshot.values.map((a) => Array.from(a))).toEqual(after[5]);
    expect(run.snapshot().values.map((a) => Array.from(a))).toEqual(after[5]);
    // The learner hears it in both languages, with the step.
    expect(result.message!.ko).toContain('손실이 7번째 스텝에서 NaN이 되었습니다');
    expect(result.message!.ko).toContain('기울기 클리핑을 켜거나 학습률을 낮춰 보세요');
    expect(result.message!.en).toContain('The loss became NaN at step 7: the gradient exploded');
    expect(result.message!.en).toContain('turn on gradient clipping or lower the learning rate');
    expect(result.message!.en).toContain('after step 6');
    expect(diverged[0]!.message).toEqual(result.message);
    // The diverged epoch is not in the history.
    expect(result.epochsRun).toBe(0);
    expect(result.history.loss).toEqual([]);
    disposeAll(model, data.xs, data.ys);
  });

  it('a NaN gradient with a finite loss is caught too (cause "gradient")', async () => {
    const data = lineData(16, 2);
    let calls = 0;
    // 0·Σ√(w − w) is 0, but its gradient is 0·∞ = NaN.
    const model = lineModel(0, 0, (loss) =>
      ++calls === 3
        ? (tf.add(loss, tf.mul(0, tf.sum(tf.sqrt(tf.sub(model.w, model.w))))) as tf.Scalar)
        : loss,
    );
    const result = await train(model, data, {
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 4,
      epochs: 2,
    }).done;
    expect(result).toMatchObject({ status: 'diverged', cause: 'gradient', step: 3, steps: 2 });
    expect(result.message!.en).toContain('The gradient norm became NaN at step 3');
    expect(result.message!.ko).toContain('기울기 노름이 3번째 스텝에서 NaN이 되었습니다');
    expect(valuesOf(model.variables).flat().every(Number.isFinite)).toBe(true);
    expect(valuesOf(model.variables)).toEqual(result.snapshot.values.map((a) => Array.from(a)));
    disposeAll(model, data.xs, data.ys);
  });

  it('a huge learning rate explodes without clipping and stays finite with it', async () => {
    const options = { optimizer: 'sgd', learningRate: 5, batchSize: 16, epochs: 25 } as const;
    const data = lineData(64, 7);

    const model = lineModel();
    const losses: number[] = [];
    const weights: number[][][] = [];
    const result = await train(model, data, options, {
      onBatchEnd: (e) => {
        losses.push(e.loss);
        weights.push(valuesOf(model.variables));
      },
    }).done;
    expect(result.status).toBe('diverged');
    // Caught within one step: every reported step was finite, the next one is the culprit.
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(result.step).toBe(losses.length + 1);
    expect(losses.at(-1)).toBeGreaterThan(1e20);
    expect(valuesOf(model.variables)).toEqual(weights.at(-1));
    expect(result.message!.en).toContain(`at step ${result.step}`);
    expect(result.message!.ko).toContain(`${result.step}번째 스텝`);
    model.dispose();

    for (const clip of [
      { mode: 'global', threshold: 1 },
      { mode: 'global', threshold: 1, style: 'pytorch' },
      { mode: 'per-tensor', threshold: 1 },
    ] as const) {
      const clipped = lineModel();
      const batches: BatchEndEvent[] = [];
      const safe = await train(
        clipped,
        data,
        { ...options, clip },
        { onBatchEnd: (e) => void batches.push(e) },
      ).done;
      expect(safe.status, JSON.stringify(clip)).toBe('completed');
      expect(safe.steps).toBe(100);
      expect(batches.every((e) => Number.isFinite(e.loss) && e.loss < 100)).toBe(true);
      expect(safe.clippedFraction).toBeGreaterThan(0);
      expect(valuesOf(clipped.variables).flat().every(Number.isFinite)).toBe(true);
      clipped.dispose();
    }
    disposeAll(data.xs, data.ys);
  });
});

describe('clipping statistics', () => {
  it('report the norm before and after clipping, whether it clipped, and the clipped fraction', async () => {
    const data = lineData(32, 4);
    const run = async (clip: TrainOptions['clip']) => {
      const model = lineModel();
      const batches: BatchEndEvent[] = [];
      const epochs: EpochEndEvent[] = [];
      const result = await train(
        model,
        data,
        { optimizer: 'sgd', learningRate: 0.05, batchSize: 8, epochs: 2, clip },
        { onBatchEnd: (e) => void batches.push(e), onEpochEnd: (e) => void epochs.push(e) },
      ).done;
      model.dispose();
      return { result, batches, epochs };
    };
    // Global at 1e-3: every step clipped, the global norm after is the threshold.
    const global = await run({ mode: 'global', threshold: 1e-3 });
    for (const e of global.batches) {
      expect(e.clipped).toBe(true);
      expect(e.gradNorm).toBeGreaterThan(1e-3);
      expect(e.gradNormAfterClip).toBeCloseTo(1e-3, 7);
    }
    expect(global.result.clippedFraction).toBe(1);
    expect(global.epochs.map((e) => e.clippedFraction)).toEqual([1, 1]);
    expect(global.result.history.clippedFraction).toEqual([1, 1]);
    // Per tensor at 1e-3: each of the two tensors capped, so the global norm after is ≤ √2·1e-3.
    const perTensor = await run({ mode: 'per-tensor', threshold: 1e-3 });
    for (const e of perTensor.batches) {
      expect(e.clipped).toBe(true);
      expect(e.gradNormAfterClip).toBeLessThanOrEqual(Math.SQRT2 * 1e-3 * (1 + 1e-6));
      expect(e.gradNormAfterClip).toBeGreaterThan(1e-3);
    }
    // A threshold never reached: nothing clipped, the norm unchanged.
    const loose = await run({ mode: 'global', threshold: 1e6 });
    for (const e of loose.batches) {
      expect(e.clipped).toBe(false);
      expect(e.gradNormAfterClip).toBeCloseTo(e.gradNorm, 6);
    }
    expect(loose.result.clippedFraction).toBe(0);
    // Off: the same.
    const off = await run({ mode: 'none' });
    expect(off.batches.every((e) => !e.clipped && e.gradNormAfterClip === e.gradNorm)).toBe(true);
    expect(off.batches[0]!.gradNorm).toBeGreaterThan(0);
    disposeAll(data.xs, data.ys);
  });
});

describe('cancel, abort, pause', () => {
  it('cancel() in onBatchEnd stops before the next batch', async () => {
    const data = lineData(64, 1);
    const model = lineModel();
    const steps: number[] = [];
    const run: TrainingRun = train(
      model,
      data,
      { batchSize: 4, epochs: 10 },
      {
        onBatchEnd: (e) => {
          steps.push(e.step);
          if (e.step === 5) run.cancel();
        },
      },
    );
    const result = await run.done;
    expect(result.status).toBe('cancelled');
    expect(result.steps).toBe(5);
    expect(steps).toEqual([1, 2, 3, 4, 5]);
    expect(result.snapshot.step).toBe(5);
    disposeAll(model, data.xs, data.ys);
  });

  it('an AbortSignal stops it the same way, and an aborted one before any step', async () => {
    const data = lineData(64, 1);
    const model = lineModel();
    const controller = new AbortController();
    const steps: number[] = [];
    const result = await train(
      model,
      data,
      { batchSize: 4, epochs: 10, signal: controller.signal },
      {
        onBatchEnd: (e) => {
          steps.push(e.step);
          if (e.step === 5) controller.abort();
        },
      },
    ).done;
    expect(result.status).toBe('cancelled');
    expect(steps).toEqual([1, 2, 3, 4, 5]);

    const before = valuesOf(model.variables);
    const early = await train(model, data, { signal: AbortSignal.abort() }).done;
    expect(early).toMatchObject({ status: 'cancelled', steps: 0, epochsRun: 0 });
    expect(valuesOf(model.variables)).toEqual(before);
    disposeAll(model, data.xs, data.ys);
  });

  it('cancel() from outside, while the loop runs, ends it', async () => {
    const data = lineData(64, 1);
    const model = lineModel();
    const run = train(model, data, { batchSize: 1, epochs: 1000 });
    await tick(30);
    run.cancel();
    const result = await run.done;
    expect(result.status).toBe('cancelled');
    expect(result.steps).toBeGreaterThan(0);
    expect(result.steps).toBeLessThan(64_000);
    disposeAll(model, data.xs, data.ys);
  });

  it('pause() holds the loop (no steps) until resume(); cancel() ends a paused run', async () => {
    const data = lineData(32, 1);
    const model = lineModel();
    const steps: number[] = [];
    const run: TrainingRun = train(
      model,
      data,
      { batchSize: 8, epochs: 3 },
      {
        onBatchEnd: (e) => {
          steps.push(e.step);
          if (e.step === 3) run.pause();
        },
      },
    );
    await tick(50);
    expect(run.paused).toBe(true);
    expect(steps).toEqual([1, 2, 3]);
    const weights = valuesOf(model.variables);
    await tick(50);
    expect(steps).toEqual([1, 2, 3]);
    expect(valuesOf(model.variables)).toEqual(weights);
    run.resume();
    const result = await run.done;
    expect(result.status).toBe('completed');
    expect(steps).toEqual(Array.from({ length: 12 }, (_, k) => k + 1));
    expect(run.paused).toBe(false);

    // Paused before its first step, then cancelled: nothing happens, it ends 'cancelled'.
    const held = train(model, data, { batchSize: 8 });
    held.pause();
    const before = valuesOf(model.variables);
    await tick(30);
    expect(valuesOf(model.variables)).toEqual(before);
    held.cancel();
    expect(await held.done).toMatchObject({ status: 'cancelled', steps: 0 });
    disposeAll(model, data.xs, data.ys);
  });
});

describe('seeded shuffling and validation split', () => {
  const lossesFor = async (seed: number, shuffle = true) => {
    const data = lineData(48, 9);
    const model = lineModel();
    const batchLosses: number[] = [];
    const result = await train(
      model,
      data,
      { batchSize: 8, epochs: 3, seed, shuffle, learningRate: 0.05 },
      { onBatchEnd: (e) => void batchLosses.push(e.loss) },
    ).done;
    disposeAll(model, data.xs, data.ys);
    return { history: result.history.loss, batchLosses };
  };

  it('same seed ⇒ identical loss history; another seed ⇒ a different one', async () => {
    const a = await lossesFor(11);
    const b = await lossesFor(11);
    const c = await lossesFor(12);
    expect(b.batchLosses).toEqual(a.batchLosses);
    expect(b.history).toEqual(a.history);
    expect(c.batchLosses).not.toEqual(a.batchLosses);
  });

  it('shuffle: false visits the samples in order; shuffle: true permutes each epoch', async () => {
    const n = 12;
    const seen = async (shuffle: boolean) => {
      const xs = tf.tensor2d(
        Float32Array.from({ length: n }, (_, k) => k),
        [n, 1],
      );
      const ys = tf.zeros([n, 1]);
      const model = lineModel();
      const order: number[] = [];
      const wrapped = {
        variables: model.variables,
        loss: (x: tf.Tensor, y: tf.Tensor, training: boolean) => {
          if (training) order.push(...x.dataSync());
          return model.loss(x, y, training);
        },
      };
      await train(wrapped, { xs, ys }, { batchSize: 5, epochs: 2, shuffle, seed: 3 }).done;
      disposeAll(model, xs, ys);
      return order;
    };
    const inOrder = await seen(false);
    const ordered = Array.from({ length: n }, (_, k) => k);
    expect(inOrder).toEqual([...ordered, ...ordered]);
    const shuffled = await seen(true);
    expect([...shuffled.slice(0, n)].sort((a, b) => a - b)).toEqual(ordered);
    expect([...shuffled.slice(n)].sort((a, b) => a - b)).toEqual(ordered);
    expect(shuffled.slice(0, n)).not.toEqual(ordered);
    expect(shuffled.slice(0, n)).not.toEqual(shuffled.slice(n));
  });

  it('splitValidation takes the last fraction, ⌊n(1 − f)⌋ for training, like Keras', () => {
    const s = splitValidation(10, 0.2);
    expect(Array.from(s.train)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(s.validation)).toEqual([8, 9]);
    expect(splitValidation(10, 0.25).splitAt).toBe(7);
    expect(splitValidation(10, 0.3).splitAt).toBe(7);
    expect(splitValidation(5, 0).validation.length).toBe(0);
    expect(splitValidation(2560, 0.2).splitAt).toBe(2048);
  });

  it('training sees only the first part; valLoss and valMetrics come from the last part', async () => {
    const n = 10;
    // x = sample index; y = 0 for the first 8, 100 for the last 2.
    const xs = tf.tensor2d(
      Float32Array.from({ length: n }, (_, k) => k),
      [n, 1],
    );
    const ys = tf.tensor2d(
      Float32Array.from({ length: n }, (_, k) => (k >= 8 ? 100 : 0)),
      [n, 1],
    );
    const w = tf.tidy(() => tf.variable(tf.zeros([1])));
    const trained = new Set<number>();
    const model = {
      variables: [w],
      // Loss mean((w − y)²) ignores x; x tells which samples a batch holds.
      loss: (x: tf.Tensor, y: tf.Tensor, training: boolean) => {
        if (training) for (const k of x.dataSync()) trained.add(k);
        return tf.mean(tf.square(tf.sub(w, y))) as tf.Scalar;
      },
      metrics: (x: tf.Tensor, y: tf.Tensor) => ({
        meanY: tf.mean(y).dataSync()[0]!,
        meanX: tf.mean(x).dataSync()[0]!,
      }),
    };
    const epochs: EpochEndEvent[] = [];
    const result = await train(
      model,
      { xs, ys },
      { validationSplit: 0.2, batchSize: 3, epochs: 4, optimizer: 'sgd', learningRate: 0.1 },
      { onEpochEnd: (e) => void epochs.push(e) },
    ).done;
    expect([...trained].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(result.steps).toBe(4 * 3); // ⌈8 / 3⌉ batches per epoch
    expect(result.history.valLoss).toHaveLength(4);
    // The trained w stays 0 (the first 8 targets are 0): valLoss = mean((0 − 100)²).
    expect(w.dataSync()[0]).toBe(0);
    expect(result.history.valLoss.every((v) => v === 10_000)).toBe(true);
    expect(result.history.valMetrics.meanY).toEqual([100, 100, 100, 100]);
    expect(result.history.valMetrics.meanX).toEqual([8.5, 8.5, 8.5, 8.5]);
    expect(result.history.metrics.meanY).toEqual([0, 0, 0, 0]);
    // Batch means weighted by batch size: the mean over the 8 training samples.
    expect(result.history.metrics.meanX).toEqual([3.5, 3.5, 3.5, 3.5]);
    expect(epochs[0]).toMatchObject({ epoch: 0, valLoss: 10_000, steps: 3 });
    expect(epochs[0]!.valMetrics).toEqual({ meanY: 100, meanX: 8.5 });
    expect(epochs[3]!.seconds).toBeGreaterThanOrEqual(0);
    disposeAll(w, xs, ys);
  });

  it('trainingMetrics: false skips the metrics pass over the training samples', async () => {
    const data = lineData(10, 5);
    const model = lineModel();
    const parts: number[] = [];
    const withMetrics = {
      variables: model.variables,
      loss: model.loss,
      metrics: (x: tf.Tensor) => {
        parts.push(x.shape[0]!);
        return { one: 1 };
      },
    };
    const result = await train(withMetrics, data, {
      batchSize: 8,
      validationSplit: 0.2,
      trainingMetrics: false,
    }).done;
    expect(parts).toEqual([2]); // the validation part only
    expect(result.history.metrics).toEqual({});
    expect(result.history.valMetrics).toEqual({ one: [1] });
    disposeAll(model, data.xs, data.ys);
  });

  it('the epoch loss is the size-weighted mean of its batch losses', async () => {
    const data = lineData(10, 5);
    const model = lineModel();
    const batches: BatchEndEvent[] = [];
    const result = await train(
      model,
      data,
      { batchSize: 4, epochs: 1 },
      { onBatchEnd: (e) => void batches.push(e) },
    ).done;
    expect(batches.map((e) => e.size)).toEqual([4, 4, 2]);
    const mean = batches.reduce((s, e) => s + e.loss * e.size, 0) / 10;
    expect(result.history.loss[0]).toBeCloseTo(mean, 10);
    disposeAll(model, data.xs, data.ys);
  });
});

describe('errors from the model', () => {
  it('a loss closure that throws rejects done and leaves no tensors behind', async () => {
    const data = lineData(8, 1);
    const model = lineModel();
    const before = tf.memory().numTensors;
    const broken = {
      variables: model.variables,
      loss: () => {
        throw new Error('shape mismatch in my model');
      },
    };
    await expect(train(broken, data).done).rejects.toThrow('shape mismatch in my model');
    expect(tf.memory().numTensors).toBe(before);
    const notScalar = {
      variables: model.variables,
      loss: () => tf.ones([2]) as unknown as tf.Scalar,
    };
    await expect(train(notScalar, data).done).rejects.toThrow(/must return a scalar tensor/);
    disposeAll(model, data.xs, data.ys);
  });
});
