// The Apriori lesson's worker: reading, tokenizing and mining run here, off the main thread.
import { MiningEngine, type EngineRequest } from './engine';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new MiningEngine((reply) => scope.postMessage(reply));
scope.onmessage = (event: MessageEvent<EngineRequest>) => void engine.handle(event.data);
