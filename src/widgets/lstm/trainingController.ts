/**
 * One "hihello" training run at a time, held in module memory rather than in a component: a
 * language switch remounts the lesson's widgets, and the run (and its curve) must carry on
 * through it. tfjs arrives only with the first run, through a dynamic import.
 */
import type { LocalizedMessage } from '../../core/training/messages';
import type { HihelloOptions, HihelloRun } from './hihelloTraining';
import { ensureBackend } from '../cell/backend';
import { createViewStore } from '../cell/viewStore';
import { setTrained } from './trainedStore';

export type TrainingStatus =
  'idle' | 'loading' | 'running' | 'completed' | 'cancelled' | 'diverged' | 'error';

export interface TrainingView {
  status: TrainingStatus;
  settings: HihelloOptions | null;
  /** Epochs finished so far. */
  epoch: number;
  losses: readonly number[];
  predictions: Int32Array | null;
  correct: number | null;
  message: LocalizedMessage | null;
  /** Wall-clock seconds of the finished run. */
  seconds: number | null;
}

const IDLE: TrainingView = {
  status: 'idle',
  settings: null,
  epoch: 0,
  losses: [],
  predictions: null,
  correct: null,
  message: null,
  seconds: null,
};

let run: HihelloRun | null = null;
let generation = 0;
const store = createViewStore<TrainingView>(IDLE);
const update = store.update;
export const getTrainingView = store.get;
export const useTrainingView = store.use;

export function isBusy(status: TrainingStatus): boolean {
  return status === 'loading' || status === 'running';
}

/** How often the page hears about progress while training (the last epoch always arrives). */
const REPORT_MS = 60;

/** Starts a run (cancelling one under way); resolves when it has ended. */
export async function startTraining(options: HihelloOptions): Promise<void> {
  run?.cancel();
  const mine = ++generation;
  update({ ...IDLE, status: 'loading', settings: options });
  try {
    await ensureBackend();
    const { trainHihello } = await import('./hihelloTraining');
    if (mine !== generation) return;
    const losses: number[] = [];
    let lastReport = 0;
    update({ status: 'running' });
    run = trainHihello(options, (event) => {
      if (mine !== generation) return;
      losses.push(event.loss);
      const now = performance.now();
      if (now - lastReport < REPORT_MS && event.epoch + 1 < event.epochs) return;
      lastReport = now;
      update({
        epoch: event.epoch + 1,
        losses: losses.slice(),
        predictions: event.predictions,
        correct: event.correct,
      });
    });
    const result = await run.done;
    if (mine !== generation) return;
    run = null;
    if (result.model) setTrained(result.model);
    update({
      status: result.status,
      epoch: result.epochsRun,
      losses: result.losses,
      predictions: result.model?.predictions ?? store.get().predictions,
      correct: result.model?.correct ?? store.get().correct,
      message: result.message ?? null,
      seconds: result.seconds,
    });
  } catch (error) {
    if (mine !== generation) return;
    run = null;
    const text = error instanceof Error ? error.message : String(error);
    update({ status: 'error', message: { ko: text, en: text } });
  }
}

export function cancelTraining(): void {
  if (run) {
    run.cancel();
  } else if (store.get().status === 'loading') {
    generation++;
    update({ status: 'cancelled' });
  }
}
