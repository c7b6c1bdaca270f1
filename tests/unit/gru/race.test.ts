import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planRace, modelParams } from '../../../src/widgets/gru/raceModel';
import { train } from '../../../src/core/training';
import { buildJob } from '../../../src/core/worker/jobs';
import {
  raceJob,
  runRace,
  type JobRunner,
  type RaceEpoch,
} from '../../../src/widgets/gru/raceTraining';

/** What the worker does with a job, on this thread. */
const here: JobRunner = (job, callbacks) => {
  const built = buildJob(job);
  const run = train(built.model, built.data, job.options ?? {}, callbacks);
  return { cancel: () => run.cancel(), done: run.done.finally(() => built.dispose()) };
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('race plan', () => {
  it('equal H or an equal budget', () => {
    const same = planRace('multiplication', 'hidden', 8);
    expect(same.units).toEqual({ lstm: 8, gru: 8 });
    // LSTM 4·8·(2+8+1) + 9 = 361; GRU 3H(H+2+2) + H + 1 with reset_after.
    expect(same.params.lstm).toBe(4 * 8 * 11 + 9);
    expect(same.params.gru).toBe(3 * 8 * 12 + 9);
    const fair = planRace('multiplication', 'params', 8);
    expect(fair.units.gru).toBeGreaterThan(8);
    expect(fair.params.gru).toBeLessThanOrEqual(fair.params.lstm);
    expect(modelParams('multiplication', 'gru', fair.units.gru + 1)).toBeGreaterThan(
      fair.params.lstm,
    );
  });
});

describe('race jobs', () => {
  it('are plain data the worker can build: data generated from the seed, or sent as arrays', () => {
    const plan = planRace('multiplication', 'params', 6);
    const mult = raceJob({ task: 'multiplication', plan, epochs: 3, seed: 5 }, 'gru');
    expect(mult.data).toEqual({ kind: 'multiplication', samples: 512, steps: 30, seed: 0 });
    expect(mult.layers[0]).toEqual({ kind: 'gru', units: plan.units.gru });
    expect(mult.options).toMatchObject({ epochs: 3, seed: 5, optimizer: 'adam' });
    expect(structuredClone(mult)).toEqual(mult);
    const text = raceJob(
      { task: 'hihello', plan: planRace('hihello', 'hidden', 4), epochs: 1, seed: 0 },
      'lstm',
    );
    expect(text.task).toBe('sequence-categorical');
    expect(text.data.kind === 'tensors' && text.data.ys).toBeInstanceOf(Int32Array);
  });
});

describe('race', () => {
  it('trains both models on each task and leaves no tensors behind', async () => {
    for (const task of ['multiplication', 'hihello'] as const) {
      const before = tf.memory().numTensors;
      const events: RaceEpoch[] = [];
      const race = runRace(
        { task, plan: planRace(task, 'hidden', 4), epochs: 2, seed: 0 },
        (e) => events.push(e),
        here,
      );
      expect((await race.done).status).toBe('completed');
      expect(events.map((e) => `${e.arch}${e.epoch}`)).toEqual(['lstm0', 'lstm1', 'gru0', 'gru1']);
      expect(events.every((e) => Number.isFinite(e.loss) && e.seconds > 0)).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
    }
  }, 60_000);

  it('cancels cleanly', async () => {
    const before = tf.memory().numTensors;
    const race = runRace(
      {
        task: 'multiplication',
        plan: planRace('multiplication', 'hidden', 4),
        epochs: 50,
        seed: 0,
      },
      () => undefined,
      here,
    );
    setTimeout(() => race.cancel(), 50);
    expect((await race.done).status).toBe('cancelled');
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
