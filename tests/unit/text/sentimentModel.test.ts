import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeModel } from '../../../src/core/params';
import type { BackendInitResult } from '../../../src/core/runtime';
import { prepareTextData } from '../../../src/core/text';
import type { WeightSnapshot } from '../../../src/core/training';
import { createTrainingHost, type FromWorker } from '../../../src/core/worker';
import { runPipeline } from '../../../src/widgets/sentiment/pipelineModel';
import { sentimentLayers } from '../../../src/widgets/sentiment/training/modelSpec';
import {
  predictProbabilities,
  rebuildModel,
} from '../../../src/widgets/sentiment/training/pageModel';
import { wordByWord, wordMap } from '../../../src/widgets/sentiment/training/readings';
import { segmentSum } from '../../../src/core/runtime/wasmKernels';
import { evaluate, type TrainedModel } from '../../../src/widgets/sentiment/training/trainingStore';
import {
  exportModel,
  importModel,
  ImportError,
} from '../../../src/widgets/sentiment/training/transfer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const POS = [
  'great film',
  'wonderful acting',
  'loved it',
  'great story',
  'best film ever',
  'really great',
];
const NEG = [
  'awful film',
  'boring story',
  'hated it',
  'waste of time',
  'worst film ever',
  'really boring',
];
const TEXTS = Array.from({ length: 8 }, () => [...POS, ...NEG]).flat();
const LABELS = Array.from({ length: 8 }, () => [...POS.map(() => 1), ...NEG.map(() => 0)]).flat();

describe('model layers', () => {
  it('counts parameters as Keras does', () => {
    const lstm = summarizeModel(
      sentimentLayers('lstm', { vocab: 10000, embedding: 32, units: 32 }),
      [200],
    );
    // Embedding 10000·32 + LSTM 4·32·(32+32+1) + Dense 33
    expect(lstm.total).toBe(320000 + 8320 + 33);
    const rnn = summarizeModel(
      sentimentLayers('simpleRNN', { vocab: 10000, embedding: 128, units: 64 }),
      [200],
    );
    expect(rnn.total).toBe(1280000 + 64 * (128 + 64 + 1) + 65); // CURRICULUM §5's comparison
    const stacked = summarizeModel(
      sentimentLayers('stacked', { vocab: 20000, embedding: 64, units: 64 }),
      [25],
    );
    expect(stacked.rows.map((r) => r.name)).toEqual([
      'embedding',
      'bidirectional',
      'batch_normalization',
      'bidirectional_1',
      'dropout',
      'dense',
      'dense_1',
    ]);
  });
});

describe('the wasm scatter-add kernel', () => {
  it('matches tf.unsortedSegmentSum (ignoring ids out of range)', () => {
    const values = Float32Array.from({ length: 12 }, (_, k) => k + 1);
    const ids = Int32Array.from([2, 0, 2, 5]);
    const out = new Float32Array(4 * 3);
    segmentSum(values, ids, 3, 4, out);
    const reference = tf.tidy(() =>
      tf
        .unsortedSegmentSum(tf.tensor2d(values, [4, 3]), tf.tensor1d([2, 0, 2, 3], 'int32'), 4)
        .dataSync(),
    );
    // Row 3 of the reference holds sample 3; ours drops id 5 (out of range) instead.
    expect(Array.from(out.slice(0, 9))).toEqual(Array.from(reference.slice(0, 9)));
    expect(Array.from(out.slice(9))).toEqual([0, 0, 0]);
  });
});

describe('pipeline widget model', () => {
  it('gives every stage, <OOV> for unknown words and padded ids', () => {
    const v = runPipeline('이 영화가 정말 재미있었다 ㅋㅋ', {
      cleaning: ['html', 'url', 'keepChars', 'lowercase', 'spaces'],
      josa: true,
      truncate: 0,
      stopwords: false,
      vocab: 60,
      maxlen: 8,
      padding: 'pre',
      truncating: 'pre',
      dim: 3,
    });
    expect(v.stages.words).toEqual(['이', '영화', '정말', '재미있었다', 'ㅋㅋ']);
    expect(v.ids.at(-1)).toBe(1);
    expect(v.ids[1]).toBe(v.vocabulary.index.get('영화'));
    expect(v.padded.slice(0, 3)).toEqual([0, 0, 0]);
    expect(v.embedding).toHaveLength(8);
    expect(v.embedding[0]).toEqual(v.embedding[1]); // id 0 → the same row
    expect(v.embedding[0]).toHaveLength(3);
  });
});

describe('evaluate', () => {
  it('builds the confusion matrix on the held-out rows', () => {
    const prepared = {
      ys: Float32Array.from([1, 0, 1, 0, 1, 1]),
      trainCount: 2,
      order: Int32Array.from([0, 1, 2, 3, 4, 5]),
    };
    const r = evaluate(Float32Array.from([0.9, 0.8, 0.2, 0.7]), prepared, [
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ]);
    // rows 2..5: labels 1, 0, 1, 1 → predicted 1, 1, 0, 1
    expect(r.confusion).toEqual([0, 1, 1, 2]);
    expect(r.accuracy).toBe(0.5);
    expect(r.misclassified.map((m) => m.text)).toEqual(['d', 'e']); // most confident mistake first
  });
});

const onCpu = async (): Promise<BackendInitResult> => {
  await tf.setBackend('cpu');
  return { backend: 'cpu', reason: 'user-choice', failures: [] };
};

async function trainOnce(kind: 'lstm' | 'stacked', seed: number) {
  const prepared = prepareTextData(TEXTS, LABELS, {
    numWords: 40,
    maxlen: 6,
    seed,
    validationSplit: 0.25,
  });
  const layers = sentimentLayers(kind, { vocab: 40, embedding: 8, units: 8 });
  const messages: FromWorker[] = [];
  const host = createTrainingHost((m) => messages.push(m), onCpu);
  host.handle({
    type: 'start',
    job: {
      kind: 'sequential',
      layers,
      inputShape: [6],
      task: 'binary',
      data: {
        kind: 'tensors',
        xs: prepared.xs,
        xShape: [prepared.samples, 6],
        ys: prepared.ys,
        yShape: [prepared.samples, 1],
      },
      seed,
      options: {
        optimizer: 'adam',
        learningRate: 0.05,
        epochs: 8,
        batchSize: 16,
        validationSplit: 0.25,
        seed,
      },
    },
  });
  await host.finished;
  const done = messages.at(-1) as Extract<FromWorker, { type: 'done' }>;
  expect(done.type).toBe('done');
  const snapshot: WeightSnapshot = done.result.snapshot;
  const model = rebuildModel({
    layers,
    maxlen: 6,
    seed,
    weights: snapshot.values,
    calibration: prepared.xs.subarray(0, prepared.trainCount * 6),
  });
  const trained: TrainedModel = {
    model,
    layers,
    vocabulary: prepared.vocabulary,
    pipeline: {},
    maxlen: 6,
    seed,
    kind,
    source: 'trained',
  };
  const p = predictProbabilities(model, prepared.xs.subarray(prepared.trainCount * 6), 6);
  const result = evaluate(p, prepared, TEXTS);
  return { trained, result, done };
}

describe('train in the worker host, predict on the page', () => {
  it('learns the toy reviews, reads word by word and maps words', async () => {
    const { trained, result } = await trainOnce('lstm', 1);
    expect(result.accuracy).toBeGreaterThan(0.9);
    const w = wordByWord(trained, 'really great film');
    expect(w.words).toEqual(['really', 'great', 'film']);
    expect(w.probabilities).toHaveLength(4);
    expect(w.probabilities.at(-1)!).toBeGreaterThan(0.5);
    expect(wordByWord(trained, 'really boring film').probabilities.at(-1)!).toBeLessThan(0.5);
    expect(w.deltas[1]).toBeGreaterThan(0); // "great" pushes up
    const map = wordMap(trained, 10);
    expect(map.words).toHaveLength(10);
    expect(map.pca.coords).toHaveLength(20);
    trained.model.dispose();
  });

  it('keeps memory flat across three consecutive trainings (numTensors)', async () => {
    const before = tf.memory().numTensors;
    for (let k = 0; k < 3; k++) {
      const { trained } = await trainOnce('lstm', k);
      wordByWord(trained, 'great film');
      wordMap(trained, 8);
      trained.model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('re-estimates BatchNorm statistics for the stacked model', async () => {
    const before = tf.memory().numTensors;
    const { trained, result } = await trainOnce('stacked', 2);
    const names = trained.model.weightSpecs().map((s) => s.name);
    const weights = trained.model.getWeights();
    const variance = weights[names.findIndex((n) => n.endsWith('moving_variance'))]!;
    expect(Array.from(variance).some((v) => Math.abs(v - 1) > 1e-3)).toBe(true); // not the initial 1s
    expect(result.accuracy).toBeGreaterThan(0.7);
    trained.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('export and import', () => {
  it('round-trips the model, vocabulary and predictions', async () => {
    const { trained } = await trainOnce('lstm', 3);
    const json = JSON.stringify(exportModel(trained));
    const back = importModel(json);
    expect(back.kind).toBe('lstm');
    expect(back.vocabulary.words).toEqual(
      trained.vocabulary.words.slice(0, trained.vocabulary.size),
    );
    const a = wordByWord(trained, 'great story').probabilities;
    const b = wordByWord(back, 'great story').probabilities;
    a.forEach((p, k) => expect(b[k]).toBeCloseTo(p, 5));
    const exported = JSON.parse(json) as { weights: { name: string; shape: number[] }[] };
    expect(exported.weights[0]).toMatchObject({ name: 'embedding/embeddings', shape: [40, 8] });
    expect(exported.weights[1]!.shape).toEqual([8, 32]); // LSTM kernel [E, 4H]
    trained.model.dispose();
    back.model.dispose();
  });

  it('refuses broken files with a message in both languages', () => {
    const error = (text: string) => {
      try {
        importModel(text);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as ImportError).localized;
      }
      throw new Error('no error');
    };
    expect(error('not json').ko).toMatch(/JSON/);
    expect(error('{"format":"other"}').en).toMatch(/Wrong format/);
    const before = tf.memory().numTensors;
    const bad = {
      format: 'gatebook-sentiment/1',
      kind: 'lstm',
      inputShape: [6],
      layers: sentimentLayers('lstm', { vocab: 10, embedding: 4, units: 2 }),
      weights: [{ name: 'x', shape: [3], values: [1, 2, 3] }],
      vocabulary: { words: ['<PAD>', '<OOV>', 'a'], oovToken: '<OOV>' },
    };
    const m = error(JSON.stringify(bad));
    expect(m.en).toMatch(/Expected 6 weights/);
    expect(m.ko).toMatch(/가중치/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('runtime status while a backend starts (the header polls tfjs memory)', () => {
  it('reads null instead of throwing', async () => {
    const status = await import('../../../src/core/runtime/status');
    status.registerMemoryReader(() => {
      throw new Error("Backend 'wasm' has not yet been initialized.");
    });
    try {
      expect(status.memoryStats()).toBeNull();
      expect(() => status.refreshMemoryStats()).not.toThrow();
    } finally {
      status.registerMemoryReader(() => tf.memory() as { numTensors: number; numBytes: number });
    }
  });
});
