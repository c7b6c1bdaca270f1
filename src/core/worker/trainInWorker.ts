// Runs a training job in a Web Worker with the shape of the main-thread `train`: the same
// events, pause / resume / cancel, and a `done` promise. The page stays free while it trains.
import type { TrainingCallbacks, TrainingResult, WeightSnapshot } from '../training';
import { checkJob, type TrainingJob } from './jobs';
import type { FromWorker, ToWorker, WorkerBackend, WorkerReady } from './protocol';

export interface WorkerTrainingOptions {
  /** Force the worker's backend; default wasm, falling back to cpu. */
  backend?: WorkerBackend;
  /** Send the weights every this many steps too (default: at epoch ends and the end only). */
  snapshotEvery?: number;
  /** A worker to use instead of a new one (tests); it is terminated when the job ends. */
  worker?: Worker;
}

export interface WorkerTrainingRun {
  /** Stops before the worker's next step until resume(). */
  pause(): void;
  resume(): void;
  /** Stops before the next step; `done` resolves with status 'cancelled'. */
  cancel(): void;
  readonly paused: boolean;
  /** The latest weights the worker sent (start, epoch ends, every `snapshotEvery` steps). */
  snapshot(): WeightSnapshot | null;
  /** Asks the worker for the weights after its last completed step. */
  requestSnapshot(): Promise<WeightSnapshot>;
  /** The backend the worker runs on, once it has started. */
  ready: Promise<WorkerReady>;
  /** Resolves when training ends (the worker is then terminated); rejects on an error. */
  done: Promise<TrainingResult>;
  /** Stops the worker at once; `done` rejects if it had not settled. */
  terminate(): void;
}

/** Thrown into `done` when the worker reports an error or cannot start. */
export class WorkerTrainingError extends Error {
  override name = 'WorkerTrainingError';
}

export function createTrainingWorker(): Worker {
  return new Worker(new URL('./trainWorker.ts', import.meta.url), {
    type: 'module',
    name: 'gatebook-training',
  });
}

/**
 * Trains `job` (plain data; see ./jobs) in a Web Worker. Callbacks run on this thread in the
 * order of the worker's events; promises they return keep that order but do not hold the
 * worker back (it never waits for the page). The job is checked here first: a malformed one
 * throws a CoreInputError from this call.
 */
export function trainInWorker(
  job: TrainingJob,
  callbacks: TrainingCallbacks = {},
  options: WorkerTrainingOptions = {},
): WorkerTrainingRun {
  checkJob(job);
  const worker = options.worker ?? createTrainingWorker();
  let paused = false;
  let settled = false;
  let latest: WeightSnapshot | null = null;
  let nextRequest = 0;
  const requests = new Map<number, (snapshot: WeightSnapshot) => void>();
  // Callbacks run one after another, in the worker's order; the first one that throws makes
  // `done` reject (as with `train`), and the rest are skipped.
  let events: Promise<void> = Promise.resolve();
  let callbackError: { error: unknown } | null = null;
  const inOrder = (task: () => unknown) => {
    events = events.then(async () => {
      if (callbackError) return;
      try {
        await task();
      } catch (error) {
        callbackError = { error };
      }
    });
  };

  let resolveReady!: (ready: WorkerReady) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<WorkerReady>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined);
  let resolveDone!: (result: TrainingResult) => void;
  let rejectDone!: (error: Error) => void;
  const done = new Promise<TrainingResult>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });

  const send = (message: ToWorker) => {
    if (!settled) worker.postMessage(message);
  };
  const finish = (outcome: { result: TrainingResult } | { error: Error }) => {
    if (settled) return;
    settled = true;
    worker.terminate();
    if ('error' in outcome) {
      rejectReady(outcome.error);
      rejectDone(outcome.error);
    } else {
      resolveDone(outcome.result);
    }
  };

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    switch (message.type) {
      case 'ready': {
        latest = message.snapshot;
        const info: WorkerReady = { backend: message.backend, reason: message.reason };
        if (message.fellBackFrom) info.fellBackFrom = message.fellBackFrom;
        resolveReady(info);
        return;
      }
      case 'batchEnd':
        if (message.snapshot) latest = message.snapshot;
        inOrder(() => callbacks.onBatchEnd?.(message.event));
        return;
      case 'epochEnd':
        latest = message.snapshot;
        inOrder(() => callbacks.onEpochEnd?.(message.event));
        return;
      case 'diverged':
        inOrder(() => callbacks.onDiverged?.(message.event));
        return;
      case 'snapshot':
        latest = message.snapshot;
        requests.get(message.id)?.(message.snapshot);
        requests.delete(message.id);
        return;
      case 'done':
        latest = message.result.snapshot;
        void events.then(() => {
          if (!callbackError) return finish({ result: message.result });
          const { error } = callbackError;
          finish({ error: error instanceof Error ? error : new Error(String(error)) });
        });
        return;
      case 'error':
        finish({ error: new WorkerTrainingError(`${message.name}: ${message.message}`) });
        return;
    }
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault?.();
    finish({
      error: new WorkerTrainingError(
        `The training worker failed: ${event.message || 'it could not be loaded'}.`,
      ),
    });
  };

  // A data set's arrays go over as copies the worker owns: one memcpy here, instead of the
  // structured clone's serialise-and-copy (43 ms on the page for 70,000 encoded reviews).
  const transfer: Transferable[] = [];
  let sent: TrainingJob = job;
  if (job.kind === 'sequential' && job.data.kind === 'tensors') {
    const xs = job.data.xs.slice();
    const ys = job.data.ys.slice();
    transfer.push(xs.buffer, ys.buffer);
    sent = { ...job, data: { ...job.data, xs, ys } };
  }
  const start: ToWorker = { type: 'start', job: sent };
  if (options.backend) start.backend = options.backend;
  if (options.snapshotEvery) start.snapshotEvery = options.snapshotEvery;
  worker.postMessage(start, transfer);

  return {
    pause() {
      paused = true;
      send({ type: 'pause' });
    },
    resume() {
      paused = false;
      send({ type: 'resume' });
    },
    cancel() {
      send({ type: 'cancel' });
    },
    get paused() {
      return paused && !settled;
    },
    snapshot: () => latest,
    requestSnapshot() {
      if (settled) {
        return latest
          ? Promise.resolve(latest)
          : Promise.reject(new WorkerTrainingError('The worker has stopped.'));
      }
      const id = ++nextRequest;
      return new Promise<WeightSnapshot>((resolve) => {
        requests.set(id, resolve);
        send({ type: 'snapshot', id });
      });
    },
    ready,
    done,
    terminate() {
      finish({ error: new WorkerTrainingError('The training worker was terminated.') });
    },
  };
}
