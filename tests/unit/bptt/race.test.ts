import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendInitResult } from '../../../src/core/runtime';
import { checkJob, createTrainingHost, type FromWorker } from '../../../src/core/worker';
import { raceChartSeries, raceVerdict, RACE_COLORS } from '../../../src/widgets/bptt/raceChart';
import {
  COURSE_PRESET,
  PRODUCT_VARIANCE,
  QUICK_PRESET,
  RACE_ARCHS,
  estimateSeconds,
  meanBaseline,
  minutesSeconds,
  presetOf,
  raceJob,
  raceProgress,
  raceSizes,
  type RaceArch,
  type RaceSettings,
} from '../../../src/widgets/bptt/raceSettings';
import { useCpu } from '../core/helpers';

beforeAll(useCpu);

const tiny: RaceSettings = { ...QUICK_PRESET, samples: 40, steps: 8, epochs: 2, batch: 16 };

describe('race settings', () => {
  it('builds one plain worker job per model, with L2 and batch normalisation as asked', () => {
    const job = raceJob('lstm', QUICK_PRESET);
    expect(checkJob(job)).toBe(job);
    expect(job.layers.map((l) => l.kind)).toEqual(['lstm', 'lstm', 'dense']);
    expect(job.data).toEqual({
      kind: 'multiplication',
      samples: QUICK_PRESET.samples,
      steps: QUICK_PRESET.steps,
      seed: 0,
    });
    expect(job.options).toMatchObject({
      optimizer: 'adam',
      validationSplit: 0.2,
      weightDecay: 0,
      learningRate: QUICK_PRESET.lr,
    });
    const withBoth = raceJob('simpleRNN', { ...QUICK_PRESET, bn: true, l2: '0.001' });
    expect(withBoth.layers.map((l) => l.kind)).toEqual([
      'simpleRNN',
      'batchNormalization',
      'simpleRNN',
      'dense',
    ]);
    expect(withBoth.options!.weightDecay).toBe(0.001);
    expect(JSON.parse(JSON.stringify(withBoth))).toEqual(withBoth); // crosses postMessage
  });

  it('knows its presets, the course’s full size among them', () => {
    expect(presetOf(QUICK_PRESET)).toBe('quick');
    expect(presetOf(COURSE_PRESET)).toBe('course');
    expect(COURSE_PRESET).toMatchObject({ samples: 2560, steps: 100, epochs: 100, lr: 0.001 });
    expect(presetOf({ ...QUICK_PRESET, epochs: 3 })).toBeNull();
    expect(raceSizes(COURSE_PRESET)).toEqual({
      train: 2048,
      validation: 512,
      batchesPerEpoch: 64,
      totalSteps: 6400,
    });
  });

  it('estimates time: the course’s run takes far longer than the quick race', () => {
    const quick = estimateSeconds(QUICK_PRESET);
    expect(quick).toBeGreaterThan(15);
    expect(quick).toBeLessThan(120);
    expect(estimateSeconds(COURSE_PRESET)).toBeGreaterThan(10 * quick);
    expect(estimateSeconds({ ...QUICK_PRESET, epochs: QUICK_PRESET.epochs * 2 })).toBeCloseTo(
      2 * quick,
    );
    expect(minutesSeconds(125.4)).toEqual({ min: 2, sec: 5 });
  });

  it('computes the predict-the-mean baseline near Var(XY) = 7/144', () => {
    const b = meanBaseline({ samples: 3000, steps: 30, seed: 0 });
    expect(PRODUCT_VARIANCE).toBeCloseTo(0.0486, 4);
    expect(b.validation).toBeGreaterThan(0.04);
    expect(b.validation).toBeLessThan(0.06);
    expect(b.train).toBeGreaterThan(0.04);
    expect(b.train).toBeLessThan(0.06);
    expect(meanBaseline({ samples: 3000, steps: 30, seed: 0 })).toEqual(b); // seeded
  });

  it('reports progress over both models and the slower one’s time left', () => {
    expect(raceProgress({ steps: { simpleRNN: 0, lstm: 0 }, totalSteps: 100, elapsed: 0 })).toEqual(
      { fraction: 0, remaining: null },
    );
    const mid = raceProgress({ steps: { simpleRNN: 50, lstm: 25 }, totalSteps: 100, elapsed: 10 });
    expect(mid.fraction).toBeCloseTo(0.375);
    expect(mid.remaining).toBeCloseTo(30); // the LSTM: 75 steps at 2.5 steps/s
    const end = raceProgress({ steps: { simpleRNN: 100, lstm: 100 }, totalSteps: 100, elapsed: 9 });
    expect(end).toEqual({ fraction: 1, remaining: 0 });
  });
});

describe('race chart and verdict', () => {
  const curves = (rnn: number[], lstm: number[]) => ({
    simpleRNN: { loss: rnn, valLoss: rnn },
    lstm: { loss: lstm, valLoss: lstm },
  });

  it('draws loss and validation loss per model and the flat baseline', () => {
    const series = raceChartSeries(curves([0.05, 0.04], [0.05, 0.01]), 0.048, 20, {
      loss: (a) => `${a} loss`,
      val: (a) => `${a} val`,
      baseline: 'mean',
    });
    expect(series.map((s) => s.id)).toEqual([
      'simpleRNN-loss',
      'simpleRNN-val',
      'lstm-loss',
      'lstm-val',
      'baseline',
    ]);
    expect(series.map((s) => Boolean(s.dashed))).toEqual([false, true, false, true, true]);
    expect(series[2]!.color).toBe(RACE_COLORS.lstm);
    expect(series[3]!.points).toEqual([
      { x: 1, y: 0.05 },
      { x: 2, y: 0.01 },
    ]);
    expect(series[4]!.points).toEqual([
      { x: 1, y: 0.048 },
      { x: 20, y: 0.048 },
    ]);
  });

  it('says who is ahead at the last epoch both finished', () => {
    expect(raceVerdict(curves([], [0.01]), 0.048)).toEqual({ kind: 'pending' });
    expect(raceVerdict(curves([0.047], [0.046]), 0.048).kind).toBe('none');
    const lstm = raceVerdict(curves([0.046, 0.045], [0.02, 0.009, 0.001]), 0.048);
    expect(lstm).toMatchObject({ kind: 'lstm', epoch: 2 });
    expect((lstm as { ratio: number }).ratio).toBeCloseTo(5);
    expect(raceVerdict(curves([0.01], [0.03]), 0.048).kind).toBe('rnn');
    expect(raceVerdict(curves([0.011], [0.01]), 0.048).kind).toBe('tie');
  });
});

async function runInHost(arch: RaceArch, settings: RaceSettings, cancelAfterBatches?: number) {
  const messages: FromWorker[] = [];
  const host = createTrainingHost(
    (message) => {
      messages.push(message);
      if (
        cancelAfterBatches !== undefined &&
        message.type === 'batchEnd' &&
        message.event.step === cancelAfterBatches
      ) {
        host.handle({ type: 'cancel' });
      }
    },
    async (): Promise<BackendInitResult> => ({
      backend: tf.getBackend() as 'cpu',
      reason: 'user-choice',
      failures: [],
    }),
  );
  host.handle({ type: 'start', job: raceJob(arch, settings) });
  await host.finished;
  const done = messages.find((m) => m.type === 'done');
  const error = messages.find((m) => m.type === 'error');
  if (error) throw new Error(JSON.stringify(error));
  return (done as Extract<FromWorker, { type: 'done' }>).result;
}

function raceInHosts(backend: string) {
  it(`trains both models in the worker host, reproducibly and without leaks (${backend})`, async () => {
    const before = tf.memory().numTensors;
    const first = await Promise.all(RACE_ARCHS.map((arch) => runInHost(arch, tiny)));
    expect(tf.memory().numTensors).toBe(before);
    for (const result of first) {
      expect(result.status).toBe('completed');
      expect(result.history.loss).toHaveLength(2);
      expect(result.history.valLoss).toHaveLength(2);
      expect(result.steps).toBe(raceSizes(tiny).totalSteps);
    }
    // Same seed, same curves, bit for bit; a second race leaves nothing behind either.
    const again = await Promise.all(RACE_ARCHS.map((arch) => runInHost(arch, tiny)));
    const curves = (r: { history: { loss: number[]; valLoss: number[] } }) => [
      r.history.loss,
      r.history.valLoss,
    ];
    expect(again.map(curves)).toEqual(first.map(curves));
    expect(tf.memory().numTensors).toBe(before);
    // Another seed, other data and weights.
    const other = await runInHost('lstm', { ...tiny, seed: 1 });
    expect(other.history.loss).not.toEqual(first[1]!.history.loss);
    expect(tf.memory().numTensors).toBe(before);
  });

  it(`frees everything with L2, batch normalisation and a cancel mid-run (${backend})`, async () => {
    const before = tf.memory().numTensors;
    const options: RaceSettings = { ...tiny, bn: true, l2: '0.001' };
    const [rnn, lstm] = await Promise.all(RACE_ARCHS.map((arch) => runInHost(arch, options)));
    expect(rnn!.status).toBe('completed');
    expect(lstm!.status).toBe('completed');
    // With L2 on, the reported loss includes λ·Σ‖W‖², so it differs from the plain run.
    const plain = await runInHost('lstm', { ...tiny, bn: true });
    expect(plain.history.loss[0]).not.toBe(lstm!.history.loss[0]);
    expect(tf.memory().numTensors).toBe(before);
    const cancelled = await runInHost('lstm', { ...options, epochs: 5 }, 2);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.steps).toBeLessThan(raceSizes({ ...options, epochs: 5 }).totalSteps);
    expect(tf.memory().numTensors).toBe(before);
  });
}

describe('the race in the worker host (Node path)', () => {
  raceInHosts('cpu');
});

describe('the race in the worker host on wasm (Node path)', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    await tf.setBackend('wasm');
    await tf.ready();
  });
  afterAll(useCpu);
  raceInHosts('wasm');
});
