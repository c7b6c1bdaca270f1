// The live backend status for the UI (the header badge). This module imports NO tfjs, so the
// home route can show it without loading tfjs: the runtime (loaded lazily by a lesson) pushes
// its state here, and registers a reader for the tensor counts.
import type { BackendChoice, BackendName, BackendReason } from '../backendChoice';

/** Where the tensor runtime stands on this page. */
export type BackendPhase = 'idle' | 'starting' | 'ready' | 'failed';

/** Why a backend is not (or no longer) the one that runs. */
export type BackendFailureKind = 'init-failed' | 'context-lost';

export interface BackendFailure {
  backend: BackendName;
  kind: BackendFailureKind;
  /** What went wrong, in English (for the console and bug reports). */
  detail: string;
}

/** Tensors alive in tfjs right now (`tf.memory()`). */
export interface MemoryStats {
  numTensors: number;
  numBytes: number;
}

export interface BackendStatus {
  phase: BackendPhase;
  /** What `chooseBackend` planned for this machine; null until the runtime starts. */
  planned: BackendChoice | null;
  /** The backend tensors really run on; null until one is ready. */
  backend: BackendName | null;
  /** Why the planned backend was chosen (chooseBackend's reason). */
  reason: BackendReason | null;
  /** The backend given up for `backend` (failed to start, or lost its WebGL context). */
  fellBackFrom: BackendName | null;
  /** Every backend that failed on this page, in order. */
  failures: readonly BackendFailure[];
  /** WebAssembly details when `backend` is wasm. */
  wasm: { simd: boolean; threads: number } | null;
  /** Tensor counts at the last refresh; null before tfjs is loaded. */
  memory: MemoryStats | null;
}

const IDLE: BackendStatus = Object.freeze({
  phase: 'idle',
  planned: null,
  backend: null,
  reason: null,
  fellBackFrom: null,
  failures: Object.freeze([]) as readonly BackendFailure[],
  wasm: null,
  memory: null,
});

let current: BackendStatus = IDLE;
const listeners = new Set<(status: BackendStatus) => void>();
let readMemory: (() => MemoryStats) | null = null;
let poller: ReturnType<typeof setInterval> | null = null;

/** Polling interval of the tensor counts while someone listens (ms). */
export const MEMORY_POLL_MS = 1000;

/**
 * The current status. The object is replaced (never mutated) on every change, so it can be
 * used directly as React's `useSyncExternalStore` snapshot.
 */
export function backendStatus(): BackendStatus {
  return current;
}

/**
 * Calls `listener` on every change of the status (backend, phase, tensor counts); returns the
 * unsubscribe function. While anyone listens, the tensor counts are refreshed every second.
 */
export function onBackendChange(listener: (status: BackendStatus) => void): () => void {
  listeners.add(listener);
  startPolling();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stopPolling();
  };
}

/** `tf.memory()`'s tensor count and bytes now, or null while tfjs is not loaded. */
export function memoryStats(): MemoryStats | null {
  if (!readMemory) return null;
  try {
    const { numTensors, numBytes } = readMemory();
    return { numTensors, numBytes };
  } catch {
    // tfjs throws "Backend 'wasm' has not yet been initialized" while a backend is starting;
    // the poller then reads again on its next tick.
    return null;
  }
}

/** Re-reads the tensor counts and tells the listeners if they changed. */
export function refreshMemoryStats(): void {
  const memory = memoryStats();
  if (!memory) return;
  const old = current.memory;
  if (old && old.numTensors === memory.numTensors && old.numBytes === memory.numBytes) return;
  publishBackendStatus({ memory });
}

/** For the runtime: merges a change into the status and notifies the listeners. */
export function publishBackendStatus(change: Partial<BackendStatus>): void {
  current = Object.freeze({ ...current, ...change });
  for (const listener of [...listeners]) listener(current);
}

/** For the runtime: how to read the tensor counts (null: tfjs is gone, e.g. in tests). */
export function registerMemoryReader(reader: (() => MemoryStats) | null): void {
  readMemory = reader;
  if (reader && listeners.size > 0) startPolling();
}

/** Back to the idle status (tests). Listeners stay subscribed. */
export function resetBackendStatus(): void {
  current = IDLE;
  for (const listener of [...listeners]) listener(current);
}

function startPolling(): void {
  if (poller !== null || !readMemory || listeners.size === 0) return;
  poller = setInterval(refreshMemoryStats, MEMORY_POLL_MS);
}

function stopPolling(): void {
  if (poller === null) return;
  clearInterval(poller);
  poller = null;
}
