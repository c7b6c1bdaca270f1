// The Web Worker entry of a training job (started by trainInWorker). Its tfjs, its backend and
// its tensors are its own: the page's main thread only receives the events.
import { createTrainingHost } from './host';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createTrainingHost((message: FromWorker, transfer?: Transferable[]) =>
  scope.postMessage(message, transfer ?? []),
);
scope.onmessage = (event: MessageEvent<ToWorker>) => host.handle(event.data);
