// Training in a Web Worker: jobs as plain data, the worker host, and the page-side client.
export { createCellModel, type CellHead, type CellModel, type CellModelOptions } from './cellModel';
export {
  buildJob,
  checkJob,
  type BuiltJob,
  type CellRegressionJob,
  type JobCellSpec,
  type NextCharacterJob,
  type MultiplicationData,
  type SequentialJob,
  type TensorData,
  MAX_JOB_NUMBERS,
  type PlainTrainOptions,
  type TrainingJob,
} from './jobs';
export { WORKER_PROBE, createTrainingHost, type Post, type TrainingHost } from './host';
export type { FromWorker, StartMessage, ToWorker, WorkerBackend, WorkerReady } from './protocol';
export {
  WorkerTrainingError,
  createTrainingWorker,
  trainInWorker,
  type WorkerTrainingOptions,
  type WorkerTrainingRun,
} from './trainInWorker';
