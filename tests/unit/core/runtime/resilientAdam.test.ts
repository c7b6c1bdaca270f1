// A recovered run continues Adam's state (step count, m, v) from the last completed step, so
// its loss curve is the uninterrupted run's.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendName } from '../../../../src/core';
import { resilientTrain, type BackendLossSource } from '../../../../src/core/runtime';
import { buildJob, type TrainingJob } from '../../../../src/core/worker';
import { useCpu } from '../helpers';

beforeAll(useCpu);

/** A loss source whose backend is lost once, after step `at` (noticed when the next ends). */
function lossAfter(at: number) {
  let lost = false;
  let recoveries = 0;
  const source: BackendLossSource = {
    isLost: () => lost,
    onLost: () => () => undefined,
    async recover(): Promise<BackendName> {
      recoveries += 1;
      lost = false;
      return 'cpu';
    },
  };
  return {
    source,
    onStep(step: number) {
      if (step === at && recoveries === 0) lost = true;
    },
    get recoveries() {
      return recoveries;
    },
  };
}

/** 64 samples of 10 steps in batches of 16: 4 steps per epoch. */
const job = (shuffle: boolean): TrainingJob => ({
  kind: 'cell-regression',
  cell: { kind: 'lstm', units: 4 },
  data: { task: 'multiplication', samples: 64, steps: 10, seed: 11 },
  init: { seed: 12 },
  options: { learningRate: 0.02, epochs: 3, batchSize: 16, seed: 13, shuffle },
});

async function run(j: TrainingJob, loss?: ReturnType<typeof lossAfter>) {
  const handle = resilientTrain(
    () => buildJob(j),
    j.options,
    { onBatchEnd: (e) => loss?.onStep(e.step) },
    loss?.source,
  );
  const result = await handle.done;
  const weights = result.setup.model.variables.map((v) => Float32Array.from(v.dataSync()));
  result.setup.dispose();
  return { result, weights };
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('resilientTrain carries Adam across a recovery', () => {
  it('gives the uninterrupted loss curve and weights (fixed batch order)', async () => {
    const reference = await run(job(false));
    const before = tf.memory().numTensors;
    const loss = lossAfter(6);
    const recovered = await run(job(false), loss);
    expect(loss.recoveries).toBe(1);
    expect(recovered.result.recoveries).toHaveLength(1);
    expect(recovered.result.batchLoss).toHaveLength(12);
    recovered.result.batchLoss.forEach((value, k) => {
      expect(relative(value, reference.result.batchLoss[k]!), `step ${k + 1}`).toBeLessThan(1e-5);
    });
    recovered.weights.forEach((w, i) =>
      w.forEach((x, k) => expect(Math.abs(x - reference.weights[i]![k]!)).toBeLessThan(1e-5)),
    );
    // Adam's step count went on across the recovery: 12 updates in all.
    expect(recovered.result.snapshot.optimizer?.iterations).toBe(12);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('matches the shuffled run through the epoch it recovered in', async () => {
    const reference = await run(job(true));
    const loss = lossAfter(5);
    const recovered = await run(job(true), loss);
    expect(loss.recoveries).toBe(1);
    // Steps 1–8 (epochs 0 and 1, the second split by the recovery) see the same batches in
    // the same order; later epochs are shuffled from a derived seed.
    for (let k = 0; k < 8; k++) {
      expect(relative(recovered.result.batchLoss[k]!, reference.result.batchLoss[k]!)).toBeLessThan(
        1e-5,
      );
    }
  });

  it('keeps no optimizer state in a plain run’s snapshot', async () => {
    const { train } = await import('../../../../src/core/training');
    const setup = buildJob(job(false));
    const result = await train(setup.model, setup.data, { epochs: 1, batchSize: 16 }).done;
    expect(result.snapshot.optimizer).toBeUndefined();
    setup.dispose();
  });
});
