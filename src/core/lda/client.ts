// The page's side of the LDA worker: start a job, receive its messages, cancel it.
import type { LdaFromWorker, LdaJobRequest, LdaToWorker } from './job';

export interface LdaWorkerRun {
  /** Stops before the worker's next iteration, then terminates it. */
  cancel(): void;
  /** Terminates the worker at once. */
  terminate(): void;
}

export function createLdaWorker(): Worker {
  return new Worker(new URL('./lda.worker.ts', import.meta.url), {
    type: 'module',
    name: 'gatebook-lda',
  });
}

/**
 * Runs `request` in a new worker; `onMessage` sees every message in order. The worker is
 * terminated after 'done' or 'error'.
 */
export function trainLdaInWorker(
  request: LdaJobRequest,
  onMessage: (message: LdaFromWorker) => void,
  worker: Worker = createLdaWorker(),
): LdaWorkerRun {
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<LdaFromWorker>) => {
    if (ended) return;
    onMessage(event.data);
    if (event.data.type === 'done' || event.data.type === 'error') end();
  };
  worker.onerror = (event) => {
    if (ended) return;
    onMessage({
      type: 'error',
      code: 'failed',
      message: event.message || 'The LDA worker failed to start.',
    });
    end();
  };
  const send = (m: LdaToWorker) => worker.postMessage(m);
  send({ type: 'start', request });
  return {
    cancel() {
      if (ended) return;
      send({ type: 'cancel' });
    },
    terminate: end,
  };
}
