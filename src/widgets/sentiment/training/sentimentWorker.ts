// The training worker of the sentiment lesson: the core's training host (the 'sequential' job)
// plus the one kernel tfjs's wasm backend lacks for training an Embedding.
import { createTrainingHost, type FromWorker, type ToWorker } from '../../../core/worker';
import { registerWasmSegmentSum } from './segmentSumKernel';

registerWasmSegmentSum();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createTrainingHost((message: FromWorker, transfer?: Transferable[]) =>
  scope.postMessage(message, transfer ?? []),
);
scope.onmessage = (event: MessageEvent<ToWorker>) => host.handle(event.data);
