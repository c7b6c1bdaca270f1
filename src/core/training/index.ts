// The training service: a model-agnostic loop over trainable variables and a loss closure.
export { TrainingInputError } from './errors';
export {
  PYTORCH_CLIP_EPSILON,
  clipGlobal,
  clipPerTensor,
  globalNorm,
  type ClipMode,
  type ClipOptions,
  type GlobalClipStyle,
  type Gradients,
} from './clip';
export {
  DEFAULT_LEARNING_RATE,
  KERAS_ADAM,
  createOptimizer,
  type AdamSettings,
  type OptimizerName,
  type OptimizerState,
  type VariableOptimizer,
} from './optimizers';
export { copySnapshot, restoreWeights, snapshotWeights, type WeightSnapshot } from './snapshot';
export { splitValidation, type ValidationSplit } from './split';
export {
  divergenceMessage,
  type DivergenceCause,
  type DivergenceMessageInput,
  type LocalizedMessage,
} from './messages';
export type { TrainOptions } from './options';
export {
  train,
  type BatchEndEvent,
  type DivergedEvent,
  type DivergenceReason,
  type EpochEndEvent,
  type TrainableModel,
  type TrainingCallbacks,
  type TrainingData,
  type TrainingHistory,
  type TrainingResult,
  type TrainingRun,
  type TrainingStatus,
} from './train';
export { nextMacrotask } from './yield';
