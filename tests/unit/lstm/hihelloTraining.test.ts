import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  argmaxRows,
  countCorrect,
  trainHihello,
  type HihelloEpoch,
} from '../../../src/widgets/lstm/hihelloTraining';
import {
  predictionsFromTrace,
  traceSource,
  trainedSource,
} from '../../../src/widgets/lstm/lstmModel';
import { LSTM_TRAIN_SCHEMA } from '../../../src/widgets/lstm/lstmSchemas';
import { headProbabilities } from '../../../src/widgets/lstm/trainedStore';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const DEFAULTS = {
  hidden: LSTM_TRAIN_SCHEMA.hidden.default,
  learningRate: LSTM_TRAIN_SCHEMA.lr.default,
  epochs: LSTM_TRAIN_SCHEMA.epochs.default,
  seed: LSTM_TRAIN_SCHEMA.seed.default,
};

describe('hihello training', () => {
  it('learns hihello with the widget’s defaults (6/6) and reports every epoch', async () => {
    const epochs: HihelloEpoch[] = [];
    const started = performance.now();
    const result = await trainHihello(DEFAULTS, (e) => epochs.push(e)).done;
    const ms = performance.now() - started;
    console.log(
      `hihello, defaults ${JSON.stringify(DEFAULTS)}: ${ms.toFixed(0)} ms on cpu, ` +
        `loss ${result.losses[0]!.toFixed(3)} → ${result.losses.at(-1)!.toFixed(4)}, ` +
        `${result.model!.correct}/6`,
    );
    expect(result.status).toBe('completed');
    expect(epochs.map((e) => e.epoch)).toEqual(
      Array.from({ length: DEFAULTS.epochs }, (_, k) => k),
    );
    expect(result.losses.at(-1)!).toBeLessThan(result.losses[0]! / 10);
    expect(result.model!.correct).toBe(6);
    expect(epochs.at(-1)!.correct).toBe(6);
    expect(result.model!.vocab).toEqual(['h', 'i', 'e', 'l', 'o']);
  });

  it('is reproducible: same seed, same losses', async () => {
    const options = { hidden: 3, learningRate: 0.05, epochs: 8, seed: 5 };
    const a = await trainHihello(options).done;
    const b = await trainHihello(options).done;
    expect(a.losses).toEqual(b.losses);
    const c = await trainHihello({ ...options, seed: 6 }).done;
    expect(c.losses).not.toEqual(a.losses);
  });

  it('hands the diagram a cell whose trace predicts exactly what the model predicted', async () => {
    const { model } = await trainHihello({ ...DEFAULTS, epochs: 40 }).done;
    const trace = traceSource(trainedSource(model!));
    expect(trace.steps).toBe(6);
    expect(trace.units).toBe(DEFAULTS.hidden);
    const chars = predictionsFromTrace(model!, trace);
    expect(chars).toEqual(Array.from(model!.predictions, (id) => model!.vocab[id]));
    const probs = headProbabilities(model!, trace.h.subarray(0, DEFAULTS.hidden));
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('leaves tf.memory().numTensors flat after repeated, cancelled and finished runs', async () => {
    const before = tf.memory().numTensors;
    for (let k = 0; k < 3; k++) {
      await trainHihello({ hidden: 4, learningRate: 0.05, epochs: 6, seed: k }).done;
      expect(tf.memory().numTensors).toBe(before);
    }
    const run = trainHihello({ hidden: 4, learningRate: 0.05, epochs: 200, seed: 1 }, (e) => {
      if (e.epoch === 2) run.cancel();
    });
    const cancelled = await run.done;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.epochsRun).toBe(3);
    expect(cancelled.model).not.toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    console.log(`tensors before and after 5 runs: ${before} → ${tf.memory().numTensors}`);
  });

  it('arg-max and accuracy helpers', () => {
    expect(Array.from(argmaxRows([0, 2, 1, 5, 4, 3], 3))).toEqual([1, 0]);
    expect(countCorrect(Int32Array.from([1, 2, 3]), Int32Array.from([1, 0, 3]))).toBe(2);
  });
});
