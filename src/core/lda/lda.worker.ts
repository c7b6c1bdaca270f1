// The Web Worker of the LDA lesson: starts tfjs on wasm (cpu if wasm cannot start), then runs
// one job (./job.ts) and posts its corpus, every iteration and the end. Cancel stops it before
// the next iteration.
import { initBackend } from '../runtime/backends';
import { WORKER_PROBE } from '../worker/host';
import { runLdaJob, type LdaFromWorker, type LdaToWorker } from './job';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let cancelled = false;
let started = false;
const post = (message: LdaFromWorker) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<LdaToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled = true;
    return;
  }
  if (started) return;
  started = true;
  void (async () => {
    try {
      const backend = await initBackend({ probe: WORKER_PROBE, override: 'wasm' });
      post({ type: 'ready', backend: backend.backend });
    } catch (error) {
      post({
        type: 'error',
        code: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    await runLdaJob(message.request, post, {
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      cancelled: () => cancelled,
    });
  })();
};
