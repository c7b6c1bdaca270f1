/**
 * One long-sequence race at a time, held in module memory: a language switch remounts the
 * lesson, and the race, its two Web Workers and its curves carry on. Each model trains in its
 * own worker (src/core/worker), so both run at once and the page stays free.
 */
import type { LocalizedMessage } from '../../core/training/messages';
import type { TrainingCallbacks, TrainingResult } from '../../core/training/train';
import type { SequentialJob } from '../../core/worker/jobs';
import type { WorkerReady } from '../../core/worker/protocol';
import { createViewStore } from '../cell/viewStore';
import {
  RACE_ARCHS,
  meanBaseline,
  raceJob,
  type RaceArch,
  type RaceSettings,
} from './raceSettings';

export type RaceStatus =
  'idle' | 'starting' | 'running' | 'paused' | 'completed' | 'cancelled' | 'error';
export type ModelStatus = 'waiting' | 'running' | 'completed' | 'cancelled' | 'diverged' | 'error';

export interface ModelView {
  status: ModelStatus;
  /** Per finished epoch. */
  loss: readonly number[];
  valLoss: readonly number[];
  /** Optimizer steps finished. */
  steps: number;
  /** Why it diverged or failed, in both languages. */
  message: LocalizedMessage | null;
}

export interface RaceView {
  status: RaceStatus;
  /** What the race runs (or ran) with; null before the first race. */
  settings: RaceSettings | null;
  models: Record<RaceArch, ModelView>;
  /** The backend the workers run on ('wasm' or 'cpu'). */
  backend: string | null;
  /** "Predict the mean" loss on the validation / training part of this race's data. */
  baseline: { train: number; validation: number } | null;
  /** Seconds of training before the last pause or resume. */
  activeSeconds: number;
  /** performance.now() when the race last started running; null while not running. */
  runningSince: number | null;
  message: LocalizedMessage | null;
}

/** What a worker run needs to offer (trainInWorker's run, or a test double). */
export interface RaceRun {
  pause(): void;
  resume(): void;
  cancel(): void;
  ready: Promise<WorkerReady>;
  done: Promise<TrainingResult>;
}
export type RaceRunner = (job: SequentialJob, callbacks: TrainingCallbacks) => Promise<RaceRun>;

const emptyModel = (): ModelView => ({
  status: 'waiting',
  loss: [],
  valLoss: [],
  steps: 0,
  message: null,
});

const IDLE: RaceView = {
  status: 'idle',
  settings: null,
  models: { simpleRNN: emptyModel(), lstm: emptyModel() },
  backend: null,
  baseline: null,
  activeSeconds: 0,
  runningSince: null,
  message: null,
};

const defaultRunner: RaceRunner = async (job, callbacks) => {
  const { trainInWorker } = await import('../../core/worker/trainInWorker');
  return trainInWorker(job, callbacks);
};

let runner: RaceRunner = defaultRunner;
/** Replaces how a model's run is started (tests run the worker's host in-thread). */
export function setRaceRunner(next: RaceRunner | null): void {
  runner = next ?? defaultRunner;
}

const store = createViewStore<RaceView>(IDLE);
export const getRaceView = store.get;
export const useRaceView = store.use;
export const subscribeRace = store.subscribe;

let runs: Partial<Record<RaceArch, RaceRun>> = {};
let generation = 0;

export const isActive = (status: RaceStatus): boolean =>
  status === 'starting' || status === 'running' || status === 'paused';

/** Seconds of training so far, pauses left out. */
export function elapsedSeconds(view: RaceView, now: number = performance.now()): number {
  return view.activeSeconds + (view.runningSince === null ? 0 : (now - view.runningSince) / 1000);
}

const BATCH_REPORT_MS = 100;

function workerFailure(error: unknown): LocalizedMessage {
  const text = error instanceof Error ? error.message : String(error);
  return {
    ko: `학습 워커가 멈췄습니다: ${text}`,
    en: `The training worker stopped: ${text}`,
  };
}

/** Starts both models in their own workers; a race already running is cancelled first. */
export async function startRace(settings: RaceSettings): Promise<void> {
  cancelRace();
  const mine = ++generation;
  const live = () => mine === generation;
  store.update({
    ...IDLE,
    models: { simpleRNN: emptyModel(), lstm: emptyModel() },
    status: 'starting',
    settings,
    baseline: meanBaseline(settings),
  });
  const models: Record<RaceArch, ModelView> = {
    simpleRNN: emptyModel(),
    lstm: emptyModel(),
  };
  let lastReport = 0;
  const patchModel = (arch: RaceArch, patch: Partial<ModelView>, force: boolean) => {
    models[arch] = { ...models[arch], ...patch };
    const now = performance.now();
    if (!live() || (!force && now - lastReport < BATCH_REPORT_MS)) return;
    lastReport = now;
    store.update({ models: { ...models } });
  };

  const started = RACE_ARCHS.map(async (arch) => {
    const run = await runner(raceJob(arch, settings), {
      onBatchEnd: (event) => patchModel(arch, { steps: event.step, status: 'running' }, false),
      onEpochEnd: (event) =>
        patchModel(
          arch,
          {
            steps: event.steps,
            loss: [...models[arch].loss, event.loss],
            valLoss: [...models[arch].valLoss, event.valLoss ?? NaN],
          },
          true,
        ),
    });
    if (!live()) {
      run.cancel();
      return run;
    }
    runs[arch] = run;
    if (store.get().status === 'paused') run.pause();
    return run;
  });

  try {
    const both = await Promise.all(started);
    const ready = await Promise.all(both.map((run) => run.ready));
    if (!live()) return;
    const paused = store.get().status === 'paused';
    store.update({
      status: paused ? 'paused' : 'running',
      backend: ready[0]!.backend,
      runningSince: paused ? null : performance.now(),
    });
    const results = await Promise.allSettled(both.map((run) => run.done));
    if (!live()) return;
    results.forEach((outcome, k) => {
      const arch = RACE_ARCHS[k]!;
      if (outcome.status === 'rejected') {
        models[arch] = { ...models[arch], status: 'error', message: workerFailure(outcome.reason) };
        return;
      }
      const r = outcome.value;
      models[arch] = {
        ...models[arch],
        status: r.status,
        steps: r.steps,
        loss: r.history.loss,
        valLoss: r.history.valLoss,
        message: r.message ?? null,
      };
    });
    const view = store.get();
    const failed = RACE_ARCHS.find((arch) => models[arch].status === 'error');
    const cancelled = RACE_ARCHS.some((arch) => models[arch].status === 'cancelled');
    runs = {};
    store.update({
      models: { ...models },
      status: failed ? 'error' : cancelled ? 'cancelled' : 'completed',
      message: failed ? models[failed].message : null,
      activeSeconds: elapsedSeconds(view),
      runningSince: null,
    });
  } catch (error) {
    if (!live()) return;
    // One worker failed: stop the other, and any that comes up later cancels itself.
    generation++;
    for (const run of Object.values(runs)) run.cancel();
    runs = {};
    const view = store.get();
    store.update({
      status: 'error',
      message: workerFailure(error),
      activeSeconds: elapsedSeconds(view),
      runningSince: null,
    });
  }
}

export function pauseRace(): void {
  const view = store.get();
  if (view.status !== 'running' && view.status !== 'starting') return;
  for (const run of Object.values(runs)) run.pause();
  store.update({ status: 'paused', activeSeconds: elapsedSeconds(view), runningSince: null });
}

export function resumeRace(): void {
  const view = store.get();
  if (view.status !== 'paused') return;
  for (const run of Object.values(runs)) run.resume();
  // Before the workers were ready there is nothing to time yet: go back to starting.
  const ready = Object.keys(runs).length === RACE_ARCHS.length && view.backend !== null;
  store.update({
    status: ready ? 'running' : 'starting',
    runningSince: ready ? performance.now() : null,
  });
}

/** Stops both models before their next step; the curves so far stay. */
export function cancelRace(): void {
  const view = store.get();
  if (!isActive(view.status)) return;
  const pending = Object.values(runs);
  for (const run of pending) {
    run.resume();
    run.cancel();
  }
  if (pending.length < RACE_ARCHS.length) {
    // Still starting: drop the race (a worker that comes up later is cancelled at once).
    generation++;
    for (const run of pending) run.cancel();
    runs = {};
    store.update({
      status: 'cancelled',
      activeSeconds: elapsedSeconds(view),
      runningSince: null,
    });
  }
}

/** Back to no race at all (tests; a new page). */
export function resetRace(): void {
  generation++;
  for (const run of Object.values(runs)) run.cancel();
  runs = {};
  store.update(IDLE);
}
