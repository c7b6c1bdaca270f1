// Training jobs as plain data: what can cross postMessage to a worker (functions cannot), and
// what both the worker and the page turn into a model and its data with `buildJob`.
import * as tf from '@tensorflow/tfjs';
import type { CellSpec, InitOptions } from '../cells';
import { multiplicationTask, nextCharacterTask } from '../data';
import { check } from '../errors';
import { buildModel, MODEL_TASKS, type ModelLayerSpec, type ModelTask } from '../models';
import type { TrainableModel, TrainOptions, TrainingData } from '../training';
import { createCellModel } from './cellModel';

type WithoutInputSize<T> = T extends unknown ? Omit<T, 'inputSize'> : never;

/** A cell without its input size: the job's data fixes it (2 for multiplication, V for text). */
export type JobCellSpec = WithoutInputSize<CellSpec>;

/** Training options that are plain data (no AbortSignal, no weightDecayOn function). */
export type PlainTrainOptions = Omit<TrainOptions, 'signal' | 'weightDecayOn'>;

/** Cell + Dense(1) on the last step, MSE, on the multiplication task (CURRICULUM §5). */
export interface CellRegressionJob {
  kind: 'cell-regression';
  cell: JobCellSpec;
  data: { task: 'multiplication'; samples: number; steps: number; seed?: number | string };
  init?: InitOptions & { headSeed?: number | string };
  options?: PlainTrainOptions;
}

/** Cell + Dense(V) at every step, softmax cross-entropy, on "hihello" (CURRICULUM §1). */
export interface NextCharacterJob {
  kind: 'next-character';
  cell: JobCellSpec;
  /** Default 'hihello'. */
  word?: string;
  init?: InitOptions & { headSeed?: number | string };
  options?: PlainTrainOptions;
}

/** Data that crosses to the worker as typed arrays (tokens as Int32, features as Float32). */
export interface TensorData {
  kind: 'tensors';
  xs: Float32Array | Int32Array;
  xShape: number[];
  ys: Float32Array | Int32Array;
  yShape: number[];
}

/** The multiplication task of CURRICULUM §5, generated in the worker from its seed. */
export interface MultiplicationData {
  kind: 'multiplication';
  samples: number;
  steps: number;
  seed?: number | string;
}

/**
 * Any model `buildModel` can build (Embedding, stacked SimpleRNN/LSTM/GRU, Bidirectional, Dense,
 * Dropout, BatchNormalization) on data sent as typed arrays or generated in the worker.
 */
export interface SequentialJob {
  kind: 'sequential';
  layers: ModelLayerSpec[];
  /** Without the batch axis: [steps, features], or [steps] of token ids for an Embedding. */
  inputShape: (number | null)[];
  task: ModelTask;
  data: TensorData | MultiplicationData;
  /** Seed of the initial weights and dropout masks. */
  seed?: number | string;
  options?: PlainTrainOptions;
}

export type TrainingJob = CellRegressionJob | NextCharacterJob | SequentialJob;

/** The most numbers a job may send as data (256 MB of float32). */
export const MAX_JOB_NUMBERS = 1 << 26;

/** A job built on the current backend: its model, its data, and how to free both. */
export interface BuiltJob {
  model: TrainableModel & {
    /** The model's output for a batch (a cell model takes [batch, steps, features]). */
    predict(xs: tf.Tensor3D): tf.Tensor;
    dispose(): void;
  };
  data: TrainingData;
  dispose(): void;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function hasFunction(value: unknown, depth = 0): boolean {
  if (typeof value === 'function') return true;
  if (depth > 4 || typeof value !== 'object' || value === null) return false;
  // Typed arrays hold numbers only; listing a data set's millions of them took 60 ms.
  if (ArrayBuffer.isView(value)) return false;
  return Object.values(value).some((v) => hasFunction(v, depth + 1));
}

/**
 * Checks that `job` is a job this module can build, with plain data only; throws a
 * CoreInputError saying what is wrong. (Cells, data sizes and training options are checked
 * in depth when built and trained.)
 */
export function checkJob(job: unknown): TrainingJob {
  check(isObject(job), 'A training job must be an object such as { kind: "cell-regression", … }.');
  check(
    job.kind === 'cell-regression' || job.kind === 'next-character' || job.kind === 'sequential',
    () =>
      `Unknown training job kind ${JSON.stringify(job.kind)}: use "cell-regression", ` +
      `"next-character" or "sequential".`,
  );
  if (job.kind === 'sequential') {
    checkSequentialJob(job);
    return job as unknown as TrainingJob;
  }
  check(isObject(job.cell), 'The job needs a cell, e.g. { kind: "lstm", units: 30 }.');
  check(!('inputSize' in job.cell), 'Leave out the cell’s inputSize: the job’s data sets it.');
  if (job.kind === 'cell-regression') {
    check(
      isObject(job.data) && job.data.task === 'multiplication',
      'A cell-regression job needs data: { task: "multiplication", samples, steps, seed }.',
    );
  } else {
    check(
      job.word === undefined || typeof job.word === 'string',
      'The next-character job’s word must be text.',
    );
  }
  check(
    job.options === undefined || isObject(job.options),
    'The job’s training options must be an object.',
  );
  check(
    !hasFunction(job),
    'A training job must be plain data (no functions): it is copied to a Web Worker.',
  );
  return job as unknown as TrainingJob;
}

const isShape = (value: unknown): value is number[] =>
  Array.isArray(value) &&
  value.length >= 1 &&
  value.length <= 4 &&
  value.every((d) => Number.isInteger(d) && d >= 1);

function checkSequentialJob(job: Record<string, unknown>): void {
  check(
    Array.isArray(job.layers) && job.layers.length > 0,
    'A sequential job needs layers, e.g. [{ kind: "lstm", units: 30 }, { kind: "dense", units: 1 }].',
  );
  check(
    Array.isArray(job.inputShape),
    'A sequential job needs an inputShape without the batch axis, e.g. [100, 2].',
  );
  check(
    MODEL_TASKS.includes(job.task as ModelTask),
    () => `A sequential job's task must be one of ${MODEL_TASKS.join(', ')}.`,
  );
  const data = job.data;
  check(isObject(data), 'A sequential job needs data: { kind: "tensors", … } or "multiplication".');
  if (data.kind === 'multiplication') return;
  check(
    data.kind === 'tensors',
    () => `Unknown data kind ${JSON.stringify(data.kind)}: use "tensors" or "multiplication".`,
  );
  for (const name of ['xs', 'ys'] as const) {
    const values = data[name];
    const shape = data[`${name === 'xs' ? 'x' : 'y'}Shape`];
    check(
      values instanceof Float32Array || values instanceof Int32Array,
      () => `The job's ${name} must be a Float32Array or an Int32Array.`,
    );
    check(isShape(shape), () => `The job's ${name} shape must be 1–4 positive whole numbers.`);
    const size = shape.reduce((a, b) => a * b, 1);
    check(size <= MAX_JOB_NUMBERS, () => `The job's ${name} hold too many numbers (${size}).`);
    check(
      values.length === size,
      () =>
        `The job's ${name} hold ${values.length} numbers but shape [${shape.join(', ')}] needs ${size}.`,
    );
  }
  const xShape = data.xShape as number[];
  const yShape = data.yShape as number[];
  check(
    xShape[0] === yShape[0],
    () => `The job's xs have ${xShape[0]} samples but its ys have ${yShape[0]}.`,
  );
}

function buildSequentialJob(job: SequentialJob): BuiltJob {
  let data: TrainingData;
  let inputShape = job.inputShape;
  if (job.data.kind === 'multiplication') {
    const d = multiplicationTask(job.data);
    inputShape = [d.steps, d.features];
    data = {
      xs: tf.tensor3d(d.inputs, [d.samples, d.steps, d.features]),
      ys: tf.tensor2d(d.targets, [d.samples, 1]),
    };
  } else {
    const { xs, xShape, ys, yShape } = job.data;
    data = {
      xs: tf.tensor(xs, xShape, xs instanceof Int32Array ? 'int32' : 'float32'),
      ys: tf.tensor(ys, yShape, ys instanceof Int32Array ? 'int32' : 'float32'),
    };
  }
  try {
    const options =
      job.seed === undefined ? { task: job.task } : { task: job.task, seed: job.seed };
    const model = buildModel(job.layers, inputShape, options);
    return withDispose(model, data);
  } catch (error) {
    tf.dispose([data.xs, data.ys]);
    throw error;
  }
}

/** Generates the job's data and builds its model as tensors on the current backend. */
export function buildJob(job: TrainingJob): BuiltJob {
  checkJob(job);
  if (job.kind === 'sequential') return buildSequentialJob(job);
  const init = job.init ?? {};
  if (job.kind === 'cell-regression') {
    const d = multiplicationTask(job.data);
    const model = createCellModel(
      { ...job.cell, inputSize: d.features } as CellSpec,
      { kind: 'last-regression', outputs: 1 },
      init,
    );
    const data: TrainingData = {
      xs: tf.tensor3d(d.inputs, [d.samples, d.steps, d.features]),
      ys: tf.tensor2d(d.targets, [d.samples, 1]),
    };
    return withDispose(model, data);
  }
  const d = nextCharacterTask(job.word ?? 'hihello');
  const model = createCellModel(
    { ...job.cell, inputSize: d.vocabSize } as CellSpec,
    { kind: 'sequence-classification', classes: d.vocabSize },
    init,
  );
  const data: TrainingData = {
    xs: tf.tensor3d(d.inputs, [1, d.steps, d.vocabSize]),
    ys: tf.tensor3d(d.targets, [1, d.steps, d.vocabSize]),
  };
  return withDispose(model, data);
}

function withDispose(model: BuiltJob['model'], data: TrainingData): BuiltJob {
  return {
    model,
    data,
    dispose() {
      model.dispose();
      tf.dispose([data.xs, data.ys]);
    },
  };
}
