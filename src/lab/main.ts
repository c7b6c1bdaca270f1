// The lab page: window.gatebookLab drives the tensor runtime for the browser tests and the
// benchmark. Not linked from the textbook.
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, type BackendName } from '../core';
import {
  backendStatus,
  forceWebglContextLoss,
  initBackend,
  onBackendChange,
  resilientTrain,
  type BackendInitResult,
  type RecoveryEvent,
} from '../core/runtime';
import { buildJob, trainInWorker, type TrainingJob, type WorkerBackend } from '../core/worker';
import { probeGraphics } from '../ui/probeGraphics';
import { bench, calibrate, checkFusedLstm, type BenchOptions, type FusedCheckShape } from './bench';
import { runTraces } from './traces';

const byId = (id: string) => document.getElementById(id)!;

function log(line: string): void {
  const output = document.getElementById('log');
  if (output) output.textContent += `${line}\n`;
}

export type LabTask = 'multiplication' | 'hihello';

/**
 * Small jobs: 'multiplication' (LSTM(8) → Dense(1), MSE, 64 samples of 10 steps, batches of
 * 16: 4 steps per epoch) or 'hihello' (LSTM(8) → Dense(5) at every step, one sample: one step
 * per epoch).
 */
export function smallJob(task: LabTask, epochs: number): TrainingJob {
  if (task === 'hihello') {
    return {
      kind: 'next-character',
      cell: { kind: 'lstm', units: 8 },
      word: 'hihello',
      init: { seed: 5 },
      options: { optimizer: 'adam', learningRate: 0.05, epochs, batchSize: 1, seed: 7 },
    };
  }
  return {
    kind: 'cell-regression',
    cell: { kind: 'lstm', units: 8 },
    data: { task: 'multiplication', samples: 64, steps: 10, seed: 3 },
    init: { seed: 5 },
    options: { optimizer: 'adam', learningRate: 0.01, epochs, batchSize: 16, seed: 7 },
  };
}

/**
 * The multiplication task at the benchmark's size: LSTM(30), 100 steps, batches of 16
 * (`samples` / 16 steps per epoch).
 */
function bigJob(epochs: number, samples = 128): TrainingJob {
  return {
    kind: 'cell-regression',
    cell: { kind: 'lstm', units: 30 },
    data: { task: 'multiplication', samples, steps: 100, seed: 3 },
    init: { seed: 5 },
    options: { optimizer: 'adam', learningRate: 0.01, epochs, batchSize: 16, seed: 7 },
  };
}

async function init(override: BackendName | null = null): Promise<BackendInitResult> {
  const result = await initBackend({ probe: probeGraphics(), override });
  log(`backend ${result.backend} (${result.reason})`);
  return result;
}

export interface TrainReport {
  batchLoss: number[];
  stepsSeen: number[];
  epochsSeen: number[];
  recoveries: RecoveryEvent[];
  status: string;
  steps: number;
  startedOn: string;
  endedOn: string;
  lostContext: boolean;
  seconds: number;
}

/** Runs `work` while recording the main thread's long tasks and counting animation frames. */
async function watchMainThread<T>(work: () => Promise<T>) {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let frames = 0;
  let counting = true;
  const countFrame = () => {
    frames += 1;
    if (counting) requestAnimationFrame(countFrame);
  };
  requestAnimationFrame(countFrame);
  const started = performance.now();
  try {
    const value = await work();
    const seconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the observer report
    return { value, longTasks, frames, seconds };
  } finally {
    counting = false;
    observer.disconnect();
  }
}

const lab = {
  probe: () => probeGraphics(),
  planned: () => chooseBackend(probeGraphics()),
  init,
  status: () => backendStatus(),
  memory: () => tf.memory().numTensors,

  /** Traces of SimpleRNN, LSTM and two GRUs on one backend. */
  async traces(override: BackendName) {
    const result = await init(override);
    return { backend: result.backend, traces: await runTraces() };
  },

  /** Tensor counts after each of `rounds` trace runs on a backend. */
  async leakCheck(override: BackendName, rounds = 5) {
    await init(override);
    await runTraces(); // warm-up (kernels, caches)
    const counts: number[] = [];
    for (let k = 0; k < rounds; k++) {
      await runTraces();
      counts.push(tf.memory().numTensors);
    }
    return { backend: tf.getBackend(), counts };
  },

  /**
   * Trains the small job on `override` with resilientTrain; with `loseContextAtStep`, loses
   * the WebGL context right after that step.
   */
  async train(options: {
    override: BackendName;
    task: LabTask;
    epochs: number;
    loseContextAtStep?: number;
  }): Promise<TrainReport> {
    await init(options.override);
    const job = smallJob(options.task, options.epochs);
    const stepsSeen: number[] = [];
    const epochsSeen: number[] = [];
    let lostContext = false;
    const startedOn = tf.getBackend();
    const started = performance.now();
    const run = resilientTrain(() => buildJob(job), job.options, {
      onBatchEnd: (event) => {
        stepsSeen.push(event.step);
        if (event.step === options.loseContextAtStep) lostContext = forceWebglContextLoss();
      },
      onEpochEnd: (event) => void epochsSeen.push(event.epoch),
      onRecovered: (event) => log(`recovered at step ${event.step}: ${event.from} → ${event.to}`),
    });
    const result = await run.done;
    result.setup.dispose();
    return {
      batchLoss: result.batchLoss,
      stepsSeen,
      epochsSeen,
      recoveries: result.recoveries,
      status: result.status,
      steps: result.steps,
      startedOn,
      endedOn: result.backend,
      lostContext,
      seconds: (performance.now() - started) / 1000,
    };
  },

  /**
   * Trains a job in a Web Worker while a PerformanceObserver records the main thread's long
   * tasks (> 50 ms) and requestAnimationFrame counts frames.
   */
  async trainInWorker(options: { epochs: number; backend?: WorkerBackend; big?: boolean }) {
    const job = options.big ? bigJob(options.epochs) : smallJob('multiplication', options.epochs);
    const losses: number[] = [];
    const watched = await watchMainThread(async () => {
      const run = trainInWorker(
        job,
        { onBatchEnd: (event) => void losses.push(event.loss) },
        options.backend ? { backend: options.backend } : {},
      );
      return { ready: await run.ready, result: await run.done };
    });
    const { ready, result } = watched.value;
    return {
      ready,
      losses,
      steps: result.steps,
      status: result.status,
      longTasks: watched.longTasks,
      frames: watched.frames,
      seconds: watched.seconds,
      snapshotValues: result.snapshot.values.reduce((n, v) => n + v.length, 0),
    };
  },

  /** The same job on the main thread (wasm), watched the same way: the control experiment. */
  async trainOnMainThread(options: {
    epochs: number;
    big?: boolean;
    samples?: number;
    /** Steps between yields to the event loop (training's default: 1). */
    yieldEvery?: number;
  }) {
    await init('wasm');
    const base = options.big
      ? bigJob(options.epochs, options.samples)
      : smallJob('multiplication', options.epochs);
    const job = { ...base, options: { ...base.options, yieldEvery: options.yieldEvery } };
    const watched = await watchMainThread(async () => {
      const run = resilientTrain(() => buildJob(job), job.options);
      const result = await run.done;
      result.setup.dispose();
      return result;
    });
    return {
      steps: watched.value.steps,
      longTasks: watched.longTasks,
      frames: watched.frames,
      seconds: watched.seconds,
    };
  },

  /** One benchmark measurement on one backend. */
  async bench(override: BackendName, options: BenchOptions) {
    await init(override);
    return bench(options);
  },

  /** The fused LSTM path's outputs and gradients against the autodiff path, on a backend. */
  async checkFused(override: BackendName, shape?: FusedCheckShape) {
    const result = await init(override);
    return { backend: result.backend, ...checkFusedLstm(shape) };
  },

  /** The backend's best matmul rate, streaming rate and fixed cost per kernel. */
  async calibrate(override: BackendName) {
    await init(override);
    return calibrate();
  },
};

declare global {
  interface Window {
    gatebookLab: typeof lab;
  }
}

/** Wires the page; only on lab.html (other code may import this module, e.g. the i18n test). */
function mountLab(): void {
  if (!document.getElementById('gatebook-lab')) return;
  onBackendChange((status) => {
    byId('backend').textContent = status.backend
      ? `${status.backend} (${status.reason ?? 'unknown reason'}` +
        `${status.fellBackFrom ? `, fell back from ${status.fellBackFrom}` : ''})`
      : status.phase;
    byId('tensors').textContent = status.memory
      ? `${status.memory.numTensors} tensors, ${status.memory.numBytes} bytes`
      : '–';
  });
  const planned = chooseBackend(probeGraphics());
  byId('planned').textContent = `${planned.backend} (${planned.reason})`;
  window.gatebookLab = lab;
  document.documentElement.dataset.labReady = 'true';
}

mountLab();
