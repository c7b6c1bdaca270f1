// The sentiment trainer's long-running state, outside the components (a language switch
// remounts the lesson; the run, its curves and the trained model stay). Training happens in a
// Web Worker through the core's 'sequential' job; the finished weights are rebuilt into a model
// on the page for every prediction the lesson shows.
import type { SequentialModel } from '../../../core/models';
import type { LocalizedMessage } from '../../../core/training';
import {
  encodingPart,
  prepareInWorker,
  prepareTextData,
  type PreparedEncoding,
  type PrepareOptions,
  type TextPipelineOptions,
  type Vocabulary,
} from '../../../core/text';
import { trainInWorker, type WorkerTrainingRun } from '../../../core/worker';
import { ensureBackend } from '../../cell/backend';
import { createViewStore } from '../../cell/viewStore';
import { getDataset, pipelineFor, type DatasetId } from './datasets';
import { sentimentLayers, type SentimentModelKind } from './modelSpec';
import { predictProbabilities, rebuildModel } from './pageModel';

export interface TrainSettings {
  dataset: DatasetId;
  kind: SentimentModelKind;
  vocab: number;
  maxlen: number;
  embedding: number;
  units: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
  seed: number;
}

export type TrainStatus =
  'idle' | 'preparing' | 'training' | 'completed' | 'cancelled' | 'diverged' | 'error';

export interface Curves {
  loss: number[];
  valLoss: number[];
  acc: number[];
  valAcc: number[];
}

export interface Misclassified {
  text: string;
  label: number;
  probability: number;
}

export interface EvalResult {
  /** [true negatives, false positives, false negatives, true positives] on the held-out rows. */
  confusion: [number, number, number, number];
  accuracy: number;
  misclassified: Misclassified[];
  validationCount: number;
}

export interface RunView {
  status: TrainStatus;
  settings: TrainSettings | null;
  backend: string | null;
  epoch: number;
  step: number;
  totalSteps: number;
  curves: Curves;
  /** Seconds since the run started, and the estimate of what is left (null before a step). */
  elapsed: number;
  eta: number | null;
  message: LocalizedMessage | null;
  trainCount: number;
  validationCount: number;
  oovRate: number;
}

export interface TrainView extends RunView {
  result: EvalResult | null;
  /** Bumps whenever the trained model changes (a new training, an import). */
  modelVersion: number;
  compare: CompareView;
}

export interface CompareView {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /** Which model is training now (index into kinds). */
  current: number;
  kinds: SentimentModelKind[];
  curves: Curves[];
  epoch: number;
  message: LocalizedMessage | null;
}

const emptyCurves = (): Curves => ({ loss: [], valLoss: [], acc: [], valAcc: [] });

const idleRun: RunView = {
  status: 'idle',
  settings: null,
  backend: null,
  epoch: 0,
  step: 0,
  totalSteps: 0,
  curves: emptyCurves(),
  elapsed: 0,
  eta: null,
  message: null,
  trainCount: 0,
  validationCount: 0,
  oovRate: 0,
};

export const trainStore = createViewStore<TrainView>({
  ...idleRun,
  result: null,
  modelVersion: 0,
  compare: {
    status: 'idle',
    current: 0,
    kinds: ['simpleRNN', 'lstm'],
    curves: [],
    epoch: 0,
    message: null,
  },
});

export const useTrainView = () => trainStore.use();

/** What the lesson's other widgets need from a trained model. */
export interface TrainedModel {
  model: SequentialModel;
  layers: ReturnType<typeof sentimentLayers>;
  vocabulary: Vocabulary;
  pipeline: TextPipelineOptions;
  maxlen: number;
  seed: number;
  kind: SentimentModelKind;
  /** Where it came from: a training run here or an imported file. */
  source: 'trained' | 'imported';
}

let trained: TrainedModel | null = null;

export function getTrained(): TrainedModel | null {
  return trained;
}

/** Replaces the trained model (the previous one is disposed: memory stays flat). */
export function setTrained(next: TrainedModel | null): void {
  if (trained && trained !== next) trained.model.dispose();
  trained = next;
  trainStore.update({ modelVersion: trainStore.get().modelVersion + 1 });
}

let active: WorkerTrainingRun | null = null;
let cancelRequested = false;

export const isBusy = (status: TrainStatus) => status === 'preparing' || status === 'training';

export function cancelTraining(): void {
  cancelRequested = true;
  active?.cancel();
}

const localized = (ko: string, en: string): LocalizedMessage => ({ ko, en });

function messageOf(error: unknown): LocalizedMessage {
  const text = error instanceof Error ? error.message : String(error);
  if (text === 'no-custom') {
    return localized(
      '아직 불러온 내 데이터가 없습니다. 아래 “내 데이터로 학습하기”에서 파일을 올리거나 붙여 넣으세요.',
      'No data of your own is loaded yet. Upload or paste a file in “Train on your own data” below.',
    );
  }
  return localized(`학습을 시작하지 못했습니다: ${text}`, `Training could not run: ${text}`);
}

interface RunHooks {
  onStart(info: {
    trainCount: number;
    validationCount: number;
    oovRate: number;
    totalSteps: number;
  }): void;
  onBackend(backend: string): void;
  onBatch(step: number, elapsed: number): void;
  onEpoch(epoch: number, loss: number, valLoss: number, acc: number, valAcc: number): void;
}

interface RunOutcome {
  status: 'completed' | 'cancelled' | 'diverged';
  weights: Float32Array[];
  prepared: PreparedEncoding;
  texts: readonly string[];
  pipeline: TextPipelineOptions;
  message?: LocalizedMessage;
}

/**
 * Data sets from this many characters on are cleaned, tokenised and encoded in a worker: on
 * the page, 5,000,000 characters of uploaded reviews took one 1.6 s task (measured in
 * Chromium), far past the 100 ms a page may block. Small ones stay on the page (and in
 * jsdom, which has no workers).
 */
const PREPARE_IN_WORKER_FROM_CHARS = 200_000;

function prepareData(
  texts: readonly string[],
  labels: ArrayLike<number>,
  options: PrepareOptions,
): Promise<PreparedEncoding> {
  let chars = 0;
  for (const text of texts) chars += text.length;
  if (chars >= PREPARE_IN_WORKER_FROM_CHARS && typeof Worker !== 'undefined') {
    return prepareInWorker(texts, labels, options).done;
  }
  return Promise.resolve(encodingPart(prepareTextData(texts, labels, options)));
}

/** Prepares the data set and trains one model in the worker. */
async function runOnce(settings: TrainSettings, hooks: RunHooks): Promise<RunOutcome> {
  const dataset = await getDataset(settings.dataset);
  const pipeline = pipelineFor(dataset.korean);
  const prepared = await prepareData(dataset.parsed.texts, dataset.parsed.labels, {
    pipeline,
    numWords: settings.vocab,
    maxlen: settings.maxlen,
    validationSplit: 0.2,
    seed: settings.seed,
  });
  const batches = Math.ceil(prepared.trainCount / settings.batchSize);
  hooks.onStart({
    trainCount: prepared.trainCount,
    validationCount: prepared.validationCount,
    oovRate: prepared.oovRate,
    totalSteps: batches * settings.epochs,
  });
  const layers = sentimentLayers(settings.kind, {
    vocab: settings.vocab,
    embedding: settings.embedding,
    units: settings.units,
  });
  const started = performance.now();
  const run = trainInWorker(
    {
      kind: 'sequential',
      layers,
      inputShape: [settings.maxlen],
      task: 'binary',
      data: {
        kind: 'tensors',
        xs: prepared.xs,
        xShape: [prepared.samples, prepared.maxlen],
        ys: prepared.ys,
        yShape: [prepared.samples, 1],
      },
      seed: settings.seed,
      options: {
        optimizer: 'adam',
        learningRate: settings.learningRate,
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        validationSplit: 0.2,
        seed: settings.seed,
        clip: { mode: 'global', threshold: 5 },
      },
    },
    {
      onBatchEnd: (event) => hooks.onBatch(event.step, (performance.now() - started) / 1000),
      onEpochEnd: (event) =>
        hooks.onEpoch(
          event.epoch,
          event.loss,
          event.valLoss ?? NaN,
          event.metrics?.accuracy ?? NaN,
          event.valMetrics?.accuracy ?? NaN,
        ),
    },
  );
  active = run;
  if (cancelRequested) run.cancel();
  void run.ready.then((ready) => hooks.onBackend(ready.backend)).catch(() => undefined);
  try {
    const result = await run.done;
    const outcome: RunOutcome = {
      status: result.status,
      weights: result.snapshot.values,
      prepared,
      texts: dataset.parsed.texts,
      pipeline,
    };
    if (result.message) outcome.message = result.message;
    return outcome;
  } finally {
    active = null;
  }
}

/** Validation predictions → confusion matrix and a few misclassified reviews. */
export function evaluate(
  probabilities: Float32Array,
  prepared: Pick<PreparedEncoding, 'ys' | 'trainCount' | 'order'>,
  texts: readonly string[],
  show = 6,
): EvalResult {
  const confusion: [number, number, number, number] = [0, 0, 0, 0];
  const wrong: Misclassified[] = [];
  for (let k = 0; k < probabilities.length; k++) {
    const row = prepared.trainCount + k;
    const label = prepared.ys[row]!;
    const p = probabilities[k]!;
    const predicted = p > 0.5 ? 1 : 0;
    confusion[label * 2 + predicted]!++;
    if (predicted !== label) {
      wrong.push({ text: texts[prepared.order[row]!]!, label, probability: p });
    }
  }
  // The most confident mistakes first: the instructive ones.
  wrong.sort((a, b) => Math.abs(b.probability - 0.5) - Math.abs(a.probability - 0.5));
  const n = probabilities.length;
  return {
    confusion,
    accuracy: n > 0 ? (confusion[0] + confusion[3]) / n : 0,
    misclassified: wrong.slice(0, show),
    validationCount: n,
  };
}

export async function startTraining(settings: TrainSettings): Promise<void> {
  if (isBusy(trainStore.get().status) || trainStore.get().compare.status === 'running') return;
  cancelRequested = false;
  trainStore.update({
    ...idleRun,
    status: 'preparing',
    settings,
    result: null,
    curves: emptyCurves(),
  });
  const curves = emptyCurves();
  try {
    await ensureBackend();
    const outcome = await runOnce(settings, {
      onStart: (info) => trainStore.update({ ...info, status: 'training' }),
      onBackend: (backend) => trainStore.update({ backend }),
      onBatch: (step, elapsed) => {
        const total = trainStore.get().totalSteps;
        trainStore.update({
          step,
          elapsed,
          eta: step > 0 ? (elapsed / step) * Math.max(0, total - step) : null,
        });
      },
      onEpoch: (epoch, loss, valLoss, acc, valAcc) => {
        curves.loss.push(loss);
        curves.valLoss.push(valLoss);
        curves.acc.push(acc);
        curves.valAcc.push(valAcc);
        trainStore.update({ epoch: epoch + 1, curves: { ...curves } });
      },
    });
    if (outcome.status === 'cancelled' && curves.loss.length === 0) {
      trainStore.update({ status: 'cancelled', eta: null });
      return;
    }
    const { prepared } = outcome;
    const layers = sentimentLayers(settings.kind, {
      vocab: settings.vocab,
      embedding: settings.embedding,
      units: settings.units,
    });
    const model = rebuildModel({
      layers,
      maxlen: settings.maxlen,
      seed: settings.seed,
      weights: outcome.weights,
      calibration: prepared.xs.subarray(0, prepared.trainCount * prepared.maxlen),
    });
    setTrained({
      model,
      layers,
      vocabulary: prepared.vocabulary,
      pipeline: outcome.pipeline,
      maxlen: settings.maxlen,
      seed: settings.seed,
      kind: settings.kind,
      source: 'trained',
    });
    const probabilities = predictProbabilities(
      model,
      prepared.xs.subarray(prepared.trainCount * prepared.maxlen),
      prepared.maxlen,
    );
    trainStore.update({
      status: outcome.status,
      eta: null,
      message: outcome.message ?? null,
      result: evaluate(probabilities, prepared, outcome.texts),
    });
  } catch (error) {
    trainStore.update({ status: 'error', eta: null, message: messageOf(error) });
  }
}

/** SimpleRNN vs LSTM on the same data and settings, one after the other, for one chart. */
export async function startComparison(settings: TrainSettings): Promise<void> {
  const view = trainStore.get();
  if (isBusy(view.status) || view.compare.status === 'running') return;
  cancelRequested = false;
  const kinds: SentimentModelKind[] = ['simpleRNN', 'lstm'];
  const all: Curves[] = [];
  const update = (patch: Partial<CompareView>) =>
    trainStore.update({ compare: { ...trainStore.get().compare, ...patch } });
  update({ status: 'running', kinds, curves: [], current: 0, epoch: 0, message: null });
  try {
    for (let k = 0; k < kinds.length; k++) {
      const curves = emptyCurves();
      all.push(curves);
      update({ current: k, epoch: 0, curves: all.map((c) => ({ ...c })) });
      await ensureBackend();
      const outcome = await runOnce(
        { ...settings, kind: kinds[k]! },
        {
          onStart: () => undefined,
          onBackend: () => undefined,
          onBatch: () => undefined,
          onEpoch: (epoch, loss, valLoss, acc, valAcc) => {
            curves.loss.push(loss);
            curves.valLoss.push(valLoss);
            curves.acc.push(acc);
            curves.valAcc.push(valAcc);
            update({ epoch: epoch + 1, curves: all.map((c) => ({ ...c })) });
          },
        },
      );
      if (outcome.status === 'cancelled') {
        update({ status: 'cancelled' });
        return;
      }
    }
    update({ status: 'done' });
  } catch (error) {
    update({ status: 'error', message: messageOf(error) });
  }
}
