// Sequential models built from the parameter counter's layer descriptions; see README.md.
export {
  buildModel,
  predictSequence,
  type BuildOptions,
  type PredictOptions,
  type SequencePrediction,
  type SequentialModel,
  type WeightSpec,
} from './sequential';
export {
  MAX_DENSE_UNITS,
  MAX_EMBEDDING_DIM,
  MAX_MODEL_PARAMS,
  MODEL_TASKS,
  type MergeMode,
  type ModelLayerSpec,
  type ModelRecurrentSpec,
  type ModelTask,
} from './spec';
export { BATCH_NORM_EPSILON, BATCH_NORM_MOMENTUM, EMBEDDING_INIT_LIMIT } from './layers';
export {
  BCE_EPSILON,
  binaryAccuracy,
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  meanSquaredError,
  sparseAccuracy,
  sparseCrossEntropyFromLogits,
} from './losses';
