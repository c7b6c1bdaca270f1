// The messages between the page and the training worker. Everything here is plain data that
// survives structured cloning (Float32Arrays included).
import type { BackendName, BackendReason } from '../backendChoice';
import type {
  BatchEndEvent,
  DivergedEvent,
  EpochEndEvent,
  TrainingResult,
  WeightSnapshot,
} from '../training';
import type { TrainingJob } from './jobs';

/** Inside a worker there is no page canvas: wasm, else cpu. */
export type WorkerBackend = 'wasm' | 'cpu';

export interface StartMessage {
  type: 'start';
  job: TrainingJob;
  /** Force a backend (tests, the benchmark); default wasm, falling back to cpu. */
  backend?: WorkerBackend;
  /** Also send the weights every this many steps (default: only at epoch ends and the end). */
  snapshotEvery?: number;
}

export type ToWorker =
  | StartMessage
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' }
  | { type: 'snapshot'; id: number };

/** Which backend the worker runs on, and the weights before training. */
export interface WorkerReady {
  backend: BackendName;
  reason: BackendReason;
  fellBackFrom?: BackendName;
}

export type FromWorker =
  | ({ type: 'ready'; snapshot: WeightSnapshot } & WorkerReady)
  | { type: 'batchEnd'; event: BatchEndEvent; snapshot?: WeightSnapshot }
  | { type: 'epochEnd'; event: EpochEndEvent; snapshot: WeightSnapshot }
  | { type: 'diverged'; event: DivergedEvent }
  | { type: 'snapshot'; id: number; snapshot: WeightSnapshot }
  | { type: 'done'; result: TrainingResult }
  | { type: 'error'; name: string; message: string };

/** The buffers of a snapshot, to transfer instead of copy. */
export function snapshotBuffers(snapshot: WeightSnapshot): ArrayBuffer[] {
  return snapshot.values.map((v) => v.buffer as ArrayBuffer);
}
