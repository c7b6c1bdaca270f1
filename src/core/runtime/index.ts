// The tensor runtime: which backend runs (and why), falling back when one fails, surviving a
// WebGL context loss mid-training. Loads tfjs: import it lazily from the page. The header
// badge reads ./status instead, which does not load tfjs.
export {
  BackendUnavailableError,
  activeBackend,
  fallbackOrder,
  initBackend,
  onWebglContextLost,
  recoverFromContextLoss,
  webglContextLost,
  type BackendInitResult,
  type InitBackendOptions,
} from './backends';
export {
  MAX_RECOVERIES,
  resilientTrain,
  webglLossSource,
  type BackendLossSource,
  type RecoveryEvent,
  type ResilientCallbacks,
  type ResilientTrainingResult,
  type ResilientTrainingRun,
  type TrainingSetup,
} from './resilientTrain';
export {
  MEMORY_POLL_MS,
  backendStatus,
  memoryStats,
  onBackendChange,
  refreshMemoryStats,
  type BackendFailure,
  type BackendFailureKind,
  type BackendPhase,
  type BackendStatus,
  type MemoryStats,
} from './status';
export { WASM_BINARY_URLS, wasmThreadsAllowed, type WasmDetails } from './wasmBackend';
export { currentWebglContext, forceWebglContextLoss } from './webglContext';
