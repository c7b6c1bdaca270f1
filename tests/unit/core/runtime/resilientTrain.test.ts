import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendName } from '../../../../src/core';
import {
  resilientTrain,
  type BackendLossSource,
  type ResilientCallbacks,
  type ResilientTrainingResult,
  type TrainingSetup,
} from '../../../../src/core/runtime';
import { buildJob, type TrainingJob } from '../../../../src/core/worker';
import { useCpu } from '../helpers';

beforeAll(useCpu);

// Everything runs on cpu; a fake loss source plays the lost WebGL context.
function fakeLoss() {
  let lost = false;
  let recoveries = 0;
  const listeners = new Set<() => void>();
  const source: BackendLossSource = {
    isLost: () => lost,
    onLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async recover(): Promise<BackendName> {
      recoveries += 1;
      lost = false;
      return 'cpu';
    },
  };
  return {
    source,
    /** Loses the backend; with `event`, tells the listeners at once (as the canvas event). */
    lose(event: boolean) {
      lost = true;
      if (event) for (const listener of [...listeners]) listener();
    },
    get lost() {
      return lost;
    },
    get recoveries() {
      return recoveries;
    },
  };
}

/** 64 samples of 10 steps in batches of 16: 4 steps per epoch. */
const job = (epochs: number, validationSplit = 0): TrainingJob => ({
  kind: 'cell-regression',
  cell: { kind: 'lstm', units: 4 },
  data: { task: 'multiplication', samples: validationSplit ? 80 : 64, steps: 10, seed: 1 },
  init: { seed: 2 },
  options: { learningRate: 0.01, epochs, batchSize: 16, seed: 3, validationSplit },
});

async function trainJob(
  j: TrainingJob,
  callbacks: ResilientCallbacks = {},
  source?: BackendLossSource,
  build: () => TrainingSetup = () => buildJob(j),
) {
  const steps: number[] = [];
  const batches: string[] = [];
  const epochs: number[] = [];
  const run = resilientTrain(
    build,
    j.options,
    {
      ...callbacks,
      onBatchEnd: (event) => {
        steps.push(event.step);
        batches.push(`${event.epoch}.${event.batch}`);
        return callbacks.onBatchEnd?.(event);
      },
      onEpochEnd: (event) => {
        epochs.push(event.epoch);
        return callbacks.onEpochEnd?.(event);
      },
    },
    source,
  );
  const result: ResilientTrainingResult = await run.done;
  result.setup.dispose();
  return { result, steps, batches, epochs };
}

const range = (n: number, from = 1) => Array.from({ length: n }, (_, k) => k + from);

describe('resilientTrain', () => {
  it('without a loss it is the training service: same losses, same history', async () => {
    const before = tf.memory().numTensors;
    const { result, steps, epochs } = await trainJob(job(2));
    expect(result.status).toBe('completed');
    expect(result.steps).toBe(8);
    expect(result.batchLoss).toHaveLength(8);
    expect(steps).toEqual(range(8));
    expect(epochs).toEqual([0, 1]);
    expect(result.history.loss).toHaveLength(2);
    expect(result.recoveries).toEqual([]);
    expect(result.backend).toBe('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('resumes mid-epoch from the last completed step with the batches that were left', async () => {
    const reference = await trainJob(job(3));
    const loss = fakeLoss();
    const before = tf.memory().numTensors;
    const recovered: unknown[] = [];
    const { result, steps, batches, epochs } = await trainJob(
      job(3),
      {
        onBatchEnd: (e) => {
          if (e.step === 6) loss.lose(false); // noticed when step 7 ends: step 7 is dropped
        },
        onRecovered: (e) => void recovered.push(e),
      },
      loss.source,
    );
    expect(loss.recoveries).toBe(1);
    expect(recovered).toEqual([{ step: 6, epoch: 1, batchesDone: 2, from: 'cpu', to: 'cpu' }]);
    expect(result.status).toBe('completed');
    expect(steps).toEqual(range(12));
    expect(batches).toEqual([
      '0.0',
      '0.1',
      '0.2',
      '0.3',
      '1.0',
      '1.1',
      '1.2',
      '1.3',
      '2.0',
      '2.1',
      '2.2',
      '2.3',
    ]);
    expect(epochs).toEqual([0, 1, 2]);
    expect(result.batchLoss).toHaveLength(12);
    // Steps 1–7 are bit for bit the reference run's: step 7 was redone from the weights after
    // step 6 on the same batch. (Later steps differ: Adam's moments start afresh.)
    expect(result.batchLoss.slice(0, 7)).toEqual(reference.result.batchLoss.slice(0, 7));
    // The split epoch's loss is the size-weighted mean of all its batches.
    const epoch1 = result.batchLoss.slice(4, 8);
    expect(result.history.loss[1]).toBeCloseTo(epoch1.reduce((s, x) => s + x, 0) / 4, 6);
    expect(result.history.loss[0]).toBe(reference.result.history.loss[0]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('recovers at an epoch end (event-driven) and computes that epoch’s validation there', async () => {
    const reference = await trainJob(job(3, 0.2));
    const loss = fakeLoss();
    const { result, steps, epochs } = await trainJob(
      job(3, 0.2),
      { onBatchEnd: (e) => (e.step === 4 ? loss.lose(true) : undefined) },
      loss.source,
    );
    expect(loss.recoveries).toBe(1);
    expect(result.recoveries[0]).toMatchObject({ step: 4, epoch: 0, batchesDone: 4 });
    expect(steps).toEqual(range(12));
    expect(epochs).toEqual([0, 1, 2]);
    expect(result.history.valLoss).toHaveLength(3);
    // Epoch 0 ended on the new backend from the same weights: same numbers.
    expect(result.history.loss[0]).toBeCloseTo(reference.result.history.loss[0]!, 6);
    expect(result.history.valLoss[0]).toBeCloseTo(reference.result.history.valLoss[0]!, 6);
    expect(result.batchLoss.slice(0, 4)).toEqual(reference.result.batchLoss.slice(0, 4));
  });

  it('treats a step that throws on a lost backend as the loss, and rethrows other errors', async () => {
    const loss = fakeLoss();
    const j = job(2);
    const withBrokenLoss = (): TrainingSetup => {
      const built = buildJob(j);
      const model = built.model;
      return {
        ...built,
        model: {
          variables: model.variables,
          loss: (xs, ys, training) => {
            if (loss.lost) throw new Error('WebGL: CONTEXT_LOST_WEBGL');
            return model.loss(xs, ys, training);
          },
        },
      };
    };
    const { result, steps } = await trainJob(
      j,
      { onBatchEnd: (e) => (e.step === 3 ? loss.lose(false) : undefined) },
      loss.source,
      withBrokenLoss,
    );
    expect(result.recoveries).toHaveLength(1);
    expect(result.recoveries[0]).toMatchObject({ step: 3 });
    expect(steps).toEqual(range(8));

    const failing = (): TrainingSetup => {
      const built = buildJob(j);
      return {
        ...built,
        model: {
          variables: built.model.variables,
          loss: () => {
            throw new Error('a bug in the model');
          },
        },
      };
    };
    const before = tf.memory().numTensors;
    const run = resilientTrain(failing, j.options, {}, fakeLoss().source);
    await expect(run.done).rejects.toThrow('a bug in the model');
    run.setup.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pauses, resumes and cancels across segments', async () => {
    const loss = fakeLoss();
    const j = job(3);
    let paused = false;
    const run = resilientTrain(
      () => buildJob(j),
      j.options,
      {
        onBatchEnd: (e) => {
          if (e.step === 2) loss.lose(true);
          if (e.step === 5) {
            run.pause();
            paused = run.paused;
            setTimeout(() => run.resume(), 20);
          }
          if (e.step === 7) run.cancel();
        },
      },
      loss.source,
    );
    const result = await run.done;
    result.setup.dispose();
    expect(paused).toBe(true);
    expect(run.paused).toBe(false);
    expect(result.status).toBe('cancelled');
    expect(result.steps).toBe(7);
    expect(result.snapshot.step).toBe(7);
    expect(result.recoveries).toHaveLength(1);
  });

  it('renumbers a divergence after a recovery', async () => {
    const loss = fakeLoss();
    const j = job(3);
    const diverging = (): TrainingSetup => {
      const built = buildJob(j);
      let calls = 0;
      return {
        ...built,
        model: {
          variables: built.model.variables,
          loss: (xs, ys, training) => {
            calls += 1;
            const value = built.model.loss(xs, ys, training);
            return calls === 3 && loss.recoveries === 1 ? tf.mul(value, NaN) : value;
          },
        },
      };
    };
    const messages: string[] = [];
    const run = resilientTrain(
      diverging,
      j.options,
      {
        onBatchEnd: (e) => (e.step === 4 ? loss.lose(true) : undefined),
        onDiverged: (e) => void messages.push(`${e.step}: ${e.message.en}`),
      },
      loss.source,
    );
    const result = await run.done;
    result.setup.dispose();
    expect(result.status).toBe('diverged');
    expect(result.step).toBe(7);
    expect(result.steps).toBe(6);
    expect(result.message?.en).toMatch(/at step 7.*after step 6/);
    expect(messages).toEqual([expect.stringMatching(/^7: The loss became NaN at step 7/)]);
  });
});
