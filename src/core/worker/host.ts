// The worker's side of a training job: picks a backend (wasm, then cpu), builds the job,
// runs the training service and reports every event. Written against a `post` function so
// Node tests can drive it without a real Worker.
import type { GraphicsProbe } from '../backendChoice';
import { initBackend, type BackendInitResult, type InitBackendOptions } from '../runtime/backends';
import { snapshotWeights, train, type TrainingRun } from '../training';
import { buildJob, checkJob } from './jobs';
import { snapshotBuffers, type FromWorker, type StartMessage, type ToWorker } from './protocol';

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** A worker has no canvas of its own here: tfjs runs on wasm where it can, else on cpu. */
export const WORKER_PROBE: GraphicsProbe = {
  webgl2: false,
  renderer: null,
  wasm: typeof WebAssembly === 'object',
};

export interface TrainingHost {
  handle(message: ToWorker): void;
  /** Resolves when the job has finished and its tensors are freed (tests). */
  readonly finished: Promise<void>;
}

export function createTrainingHost(
  post: Post,
  startBackend: (options: InitBackendOptions) => Promise<BackendInitResult> = initBackend,
): TrainingHost {
  let run: TrainingRun | null = null;
  let started = false;
  let paused = false;
  let cancelled = false;
  let markFinished!: () => void;
  const finished = new Promise<void>((resolve) => (markFinished = resolve));

  const fail = (error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', name: e.name, message: e.message });
  };

  const start = async (message: StartMessage) => {
    const backend = await startBackend({ probe: WORKER_PROBE, override: message.backend ?? null });
    const job = checkJob(message.job);
    const built = buildJob(job);
    try {
      const every = message.snapshotEvery ?? 0;
      const ready: FromWorker = {
        type: 'ready',
        backend: backend.backend,
        reason: backend.reason,
        snapshot: snapshotWeights(built.model.variables, 0),
      };
      if (backend.fellBackFrom) ready.fellBackFrom = backend.fellBackFrom;
      post(ready, snapshotBuffers(ready.snapshot));
      const current = train(built.model, built.data, job.options ?? {}, {
        onBatchEnd: (event) => {
          if (every > 0 && event.step % every === 0) {
            const snapshot = current.snapshot();
            post({ type: 'batchEnd', event, snapshot }, snapshotBuffers(snapshot));
          } else {
            post({ type: 'batchEnd', event });
          }
        },
        onEpochEnd: (event) => {
          const snapshot = current.snapshot();
          post({ type: 'epochEnd', event, snapshot }, snapshotBuffers(snapshot));
        },
        onDiverged: (event) => post({ type: 'diverged', event }),
      });
      run = current;
      if (paused) current.pause();
      if (cancelled) current.cancel();
      const result = await current.done;
      post({ type: 'done', result }, snapshotBuffers(result.snapshot));
    } finally {
      built.dispose();
    }
  };

  return {
    finished,
    handle(message) {
      switch (message.type) {
        case 'start':
          if (started) {
            fail(new Error('This worker already runs a job; start a new worker for another.'));
            return;
          }
          started = true;
          start(message).catch(fail).finally(markFinished);
          return;
        case 'pause':
          paused = true;
          run?.pause();
          return;
        case 'resume':
          paused = false;
          run?.resume();
          return;
        case 'cancel':
          cancelled = true;
          run?.cancel();
          return;
        case 'snapshot': {
          if (!run) {
            fail(new Error('No weights yet: the job has not started training.'));
            return;
          }
          const snapshot = run.snapshot();
          post({ type: 'snapshot', id: message.id, snapshot }, snapshotBuffers(snapshot));
          return;
        }
      }
    },
  };
}
