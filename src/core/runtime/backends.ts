// Starts the tfjs backend chosen for this machine, falls back when one fails, and moves off
// WebGL when its context is lost. Pushes every change to ./status for the header badge.
import * as tf from '@tensorflow/tfjs';
import {
  chooseBackend,
  isSoftwareRenderer,
  type BackendChoice,
  type BackendName,
  type BackendReason,
  type GraphicsProbe,
} from '../backendChoice';
import {
  backendStatus,
  publishBackendStatus,
  registerMemoryReader,
  type BackendFailure,
  type BackendFailureKind,
  type MemoryStats,
} from './status';
import { loadWasmBackend, wasmDetails, type WasmDetails } from './wasmBackend';
import { currentWebglContext, watchContextLoss } from './webglContext';

export interface InitBackendOptions {
  /** What the page found out about its graphics (src/ui/probeGraphics on the page). */
  probe: GraphicsProbe;
  /** The learner's (or a test's) own pick; it is still given up if it cannot start. */
  override?: BackendName | null;
}

export interface BackendInitResult {
  /** The backend that runs now. */
  backend: BackendName;
  /** Why the first backend tried was chosen (chooseBackend's reason). */
  reason: BackendReason;
  /** The backend that was planned but could not run (failed to start, or lost its context). */
  fellBackFrom?: BackendName;
  /** Every backend that failed on the way, in order. */
  failures: BackendFailure[];
  /** SIMD and threads when the backend is wasm. */
  wasm?: WasmDetails;
}

/** Thrown when not even the cpu backend starts (should not happen in a working tfjs). */
export class BackendUnavailableError extends Error {
  override name = 'BackendUnavailableError';
}

const ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/**
 * The backends to try, best first, starting from `first`: webgl → wasm → cpu. Wasm is skipped
 * where the probe found no WebAssembly (unless asked for by name), and so is any backend
 * ruled out earlier on this page (webgl after a context loss).
 */
export function fallbackOrder(
  first: BackendName,
  probe: GraphicsProbe,
  ruledOut: ReadonlySet<BackendName> = new Set(),
): BackendName[] {
  return ORDER.slice(ORDER.indexOf(first)).filter(
    (name) => !ruledOut.has(name) && (name !== 'wasm' || probe.wasm || name === first),
  );
}

const ruledOut = new Set<BackendName>();
let queue: Promise<unknown> = Promise.resolve();
let lastProbe: GraphicsProbe | null = null;
let lastChoice: BackendChoice | null = null;
let lastResult: BackendInitResult | null = null;
let stopWatching: (() => void) | null = null;
let webglLost: BackendFailure | null = null;
let recovery: Promise<BackendInitResult> | null = null;
const lostListeners = new Set<() => void>();

registerMemoryReader(() => tf.memory() as MemoryStats);

/** Runs backend changes one after another (two lessons may start tfjs at the same moment). */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);

/** Adds a failure to `into` (this call's list) and to the page's status. */
function recordFailure(
  into: BackendFailure[] | null,
  backend: BackendName,
  kind: BackendFailureKind,
  detail: string,
): BackendFailure {
  const failure: BackendFailure = { backend, kind, detail };
  into?.push(failure);
  publishBackendStatus({ failures: [...backendStatus().failures, failure] });
  return failure;
}

/** Starts one backend and checks that a tiny op runs on it; throws when it cannot. */
async function startBackend(name: BackendName, probe: GraphicsProbe, choice: BackendChoice) {
  let wasm: WasmDetails | undefined;
  let wasmModule: Awaited<ReturnType<typeof loadWasmBackend>> | null = null;
  if (name === 'wasm') wasmModule = await loadWasmBackend();
  if (name === 'webgl' && (choice.reason === 'user-choice' || isSoftwareRenderer(probe.renderer))) {
    // tfjs refuses a software rasterizer unless told; we only get here when we mean it.
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  }
  const started = await tf.setBackend(name);
  if (!started) throw new Error(`tfjs could not initialise the ${name} backend`);
  const check = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
  const value = (await check.data())[0];
  check.dispose();
  if (value !== 3) throw new Error(`the ${name} backend computed 1 + 2 = ${value}`);
  if (wasmModule) wasm = await wasmDetails(wasmModule);
  return wasm;
}

/** Tries the backends in order until one runs. */
async function startFirstWorking(
  order: BackendName[],
  probe: GraphicsProbe,
  choice: BackendChoice,
  failures: BackendFailure[],
  fellBackFrom: BackendName | undefined,
): Promise<BackendInitResult> {
  publishBackendStatus({ phase: 'starting', planned: choice, reason: choice.reason });
  for (const name of order) {
    try {
      const wasm = await startBackend(name, probe, choice);
      const result: BackendInitResult = { backend: name, reason: choice.reason, failures };
      const gaveUp = fellBackFrom ?? (name !== choice.backend ? choice.backend : undefined);
      if (gaveUp) result.fellBackFrom = gaveUp;
      if (wasm) result.wasm = wasm;
      if (name === 'webgl') watchWebgl();
      lastResult = result;
      publishBackendStatus({
        phase: 'ready',
        backend: name,
        fellBackFrom: result.fellBackFrom ?? null,
        wasm: wasm ?? null,
        memory: tf.memory() as MemoryStats,
      });
      return result;
    } catch (error) {
      recordFailure(failures, name, 'init-failed', describe(error));
    }
  }
  publishBackendStatus({ phase: 'failed' });
  throw new BackendUnavailableError(
    `No tfjs backend could start (tried ${order.join(', ')}): ` +
      failures.map((f) => `${f.backend}: ${f.detail}`).join('; '),
  );
}

/**
 * Chooses the backend for this machine (`chooseBackend`: WebGL only on a real GPU, else wasm,
 * else cpu), starts it, and falls back in order when one fails to initialise. Resolves to the
 * backend that really runs and why. Calls are serialised; asking again with the same override
 * while that backend still runs returns at once.
 */
export function initBackend(options: InitBackendOptions): Promise<BackendInitResult> {
  const { probe } = options;
  const override = options.override ?? null;
  return serially(async () => {
    const choice = chooseBackend(probe, override);
    if (
      lastResult &&
      lastChoice &&
      lastChoice.backend === choice.backend &&
      lastChoice.reason === choice.reason &&
      tf.getBackend() === lastResult.backend
    ) {
      return lastResult;
    }
    lastProbe = probe;
    lastChoice = choice;
    const failures: BackendFailure[] = [];
    if (ruledOut.has(choice.backend)) {
      failures.push({
        backend: choice.backend,
        kind: 'context-lost',
        detail: `${choice.backend} lost its context earlier on this page`,
      });
    }
    return startFirstWorking(
      fallbackOrder(choice.backend, probe, ruledOut),
      probe,
      choice,
      failures,
      undefined,
    );
  });
}

/** The result of the last successful `initBackend` (or recovery); null before. */
export function activeBackend(): BackendInitResult | null {
  return lastResult;
}

function watchWebgl(): void {
  stopWatching?.();
  stopWatching = null;
  const gl = currentWebglContext();
  if (gl) stopWatching = watchContextLoss(gl, markWebglLost);
}

function markWebglLost(detail: string): void {
  if (webglLost) return;
  ruledOut.add('webgl');
  stopWatching?.();
  stopWatching = null;
  webglLost = recordFailure(null, 'webgl', 'context-lost', detail);
  void recoverFromContextLoss().catch(() => undefined);
  for (const listener of [...lostListeners]) listener();
}

/**
 * True once tfjs's WebGL context has been lost on this page. Checks the context itself, so it
 * is right even before the 'webglcontextlost' event has been delivered.
 */
export function webglContextLost(): boolean {
  if (!webglLost && tf.getBackend() === 'webgl' && currentWebglContext()?.isContextLost()) {
    markWebglLost('gl.isContextLost() is true');
  }
  return webglLost !== null;
}

/** Calls `listener` when tfjs's WebGL context is lost; returns the unsubscribe function. */
export function onWebglContextLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

/**
 * Leaves a lost WebGL backend for the next one that starts (wasm, then cpu) and resolves to
 * it. Idempotent: every caller gets the same recovery. WebGL is not tried again on this page.
 */
export function recoverFromContextLoss(): Promise<BackendInitResult> {
  if (!webglLost) markWebglLost('an operation failed on a lost context');
  recovery ??= serially(() => {
    const probe = lastProbe ?? {
      webgl2: false,
      renderer: null,
      wasm: typeof WebAssembly === 'object',
    };
    const choice = lastChoice ?? chooseBackend(probe);
    const failures: BackendFailure[] = webglLost ? [webglLost] : [];
    return startFirstWorking(
      fallbackOrder('webgl', probe, ruledOut),
      probe,
      choice,
      failures,
      'webgl',
    );
  });
  return recovery;
}
