// Training jobs as plain data: what can cross postMessage to a worker (functions cannot), and
// what both the worker and the page turn into a model and its data with `buildJob`.
import * as tf from '@tensorflow/tfjs';
import type { CellSpec, InitOptions } from '../cells';
import { multiplicationTask, nextCharacterTask } from '../data';
import { check } from '../errors';
import type { TrainOptions, TrainingData } from '../training';
import { createCellModel, type CellModel } from './cellModel';

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

export type TrainingJob = CellRegressionJob | NextCharacterJob;

/** A job built on the current backend: its model, its data, and how to free both. */
export interface BuiltJob {
  model: CellModel;
  data: TrainingData;
  dispose(): void;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function hasFunction(value: unknown, depth = 0): boolean {
  if (typeof value === 'function') return true;
  if (depth > 4 || typeof value !== 'object' || value === null) return false;
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
    job.kind === 'cell-regression' || job.kind === 'next-character',
    () =>
      `Unknown training job kind ${JSON.stringify(job.kind)}: use "cell-regression" or ` +
      `"next-character".`,
  );
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

/** Generates the job's data and builds its model as tensors on the current backend. */
export function buildJob(job: TrainingJob): BuiltJob {
  checkJob(job);
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

function withDispose(model: CellModel, data: TrainingData): BuiltJob {
  return {
    model,
    data,
    dispose() {
      model.dispose();
      tf.dispose([data.xs, data.ys]);
    },
  };
}
