// The public API of the model core. src/core/README.md documents it with examples.

export { CoreInputError, MAX_UNITS, firstNonFinite } from './errors';
export { createRng, mulberry32, seedFrom, type Rng } from './random';
export type { NestedNumbers } from './arrays';

export {
  GATE_COUNT,
  GATE_NAMES,
  GRU_PRESETS,
  KIND_LABEL,
  cellConfig,
  cellParamCount,
  cloneCell,
  configOf,
  createCell,
  flipUpdateGate,
  gateNames,
  gruConvention,
  gruPresetsOf,
  makeCell,
  orthogonal,
  validateCell,
  withGruConvention,
  type Cell,
  type CellConfig,
  type CellKind,
  type CellOf,
  type CellSpec,
  type GRUCell,
  type GRUConfig,
  type GRUGate,
  type GateInput,
  type GateWeights,
  type GruConvention,
  type GruPreset,
  type InitOptions,
  type LSTMCell,
  type LSTMConfig,
  type LSTMGate,
  type SimpleRNNActivation,
  type SimpleRNNCell,
  type SimpleRNNConfig,
  type SimpleRNNGate,
  type UpdateGateSide,
} from './cells';

export {
  MAX_SEQUENCE_NUMBERS,
  toSequenceBatch,
  toStateBatch,
  type SequenceBatch,
  type SequenceInput,
} from './sequences';

export {
  traceCell,
  traceCellAsync,
  stepOf,
  type GRUTrace,
  type LSTMTrace,
  type SimpleRNNTrace,
  type Trace,
  type TraceOptions,
} from './trace';

export {
  KERAS_GATE_ORDER,
  PYTORCH_GATE_ORDER,
  exportKerasWeights,
  exportPyTorchWeights,
  importKerasWeights,
  importPyTorchWeights,
  type ImportOptions,
  type KerasWeights,
  type KerasWeightsInput,
  type PyTorchImportOptions,
  type PyTorchWeights,
} from './layouts';

export { bptt, type BpttLoss, type BpttLossFn, type BpttOptions, type BpttResult } from './bptt';

export {
  STACK_ORDER,
  cellTensors,
  productLayout,
  stackWeights,
  unroll,
  unstackWeights,
  type CellTensors,
  type ProductBlock,
  type StackedWeights,
  type UnrollOptions,
  type UnrollRecord,
  type UnrollResult,
  type UnrollTaps,
} from './unroll';

export {
  layerParams,
  paramCount,
  summarizeModel,
  type DenseActivation,
  type Framework,
  type LayerKind,
  type LayerSpec,
  type ModelSummary,
  type ParamSplit,
  type RecurrentLayerSpec,
  type SummaryRow,
} from './params';

export {
  MAX_DATASET_NUMBERS,
  multiplicationTask,
  nextCharacterTask,
  type MultiplicationTask,
  type MultiplicationTaskOptions,
  type NextCharacterTask,
} from './data';

export {
  COURSE_LSTM_EXAMPLE,
  COURSE_LSTM_STEP_EXAMPLE,
  courseLstmExampleCell,
  courseLstmStepExampleCell,
} from './examples';

export {
  chooseBackend,
  isSoftwareRenderer,
  type BackendChoice,
  type BackendName,
  type BackendReason,
  type GraphicsProbe,
} from './backendChoice';
export * from './training';
export * from './activations';
export * from './models';
export * from './apriori';
export {
  BackendUnavailableError,
  MAX_RECOVERIES,
  activeBackend,
  fallbackOrder,
  forceWebglContextLoss,
  initBackend,
  onWebglContextLost,
  recoverFromContextLoss,
  resilientTrain,
  webglContextLost,
  webglLossSource,
  type BackendInitResult,
  type BackendLossSource,
  type InitBackendOptions,
  type RecoveryEvent,
  type ResilientCallbacks,
  type ResilientTrainingResult,
  type ResilientTrainingRun,
  type TrainingSetup,
} from './runtime';
export {
  WorkerTrainingError,
  buildJob,
  checkJob,
  createCellModel,
  trainInWorker,
  type BuiltJob,
  type CellHead,
  type CellModel,
  type CellRegressionJob,
  type JobCellSpec,
  type NextCharacterJob,
  type MultiplicationData,
  type SequentialJob,
  type TensorData,
  MAX_JOB_NUMBERS,
  type PlainTrainOptions,
  type TrainingJob,
  type WorkerReady,
  type WorkerTrainingRun,
} from './worker';
