/**
 * One SimpleRNN "hihello" run at a time, held in module memory so that a language switch
 * (which remounts the widgets) does not stop it. tfjs arrives with the first run.
 */
import type { LocalizedMessage } from '../../core/training/messages';
import { ensureBackend } from '../cell/backend';
import { createViewStore } from '../cell/viewStore';
import type { RnnHihelloOptions, RnnHihelloRun } from './rnnHihello';

export type RnnTrainStatus =
  'idle' | 'loading' | 'running' | 'completed' | 'cancelled' | 'diverged' | 'error';

export interface RnnTrainView {
  status: RnnTrainStatus;
  settings: RnnHihelloOptions | null;
  epoch: number;
  losses: readonly number[];
  predictions: Int32Array | null;
  correct: number | null;
  message: LocalizedMessage | null;
  seconds: number | null;
}

const IDLE: RnnTrainView = {
  status: 'idle',
  settings: null,
  epoch: 0,
  losses: [],
  predictions: null,
  correct: null,
  message: null,
  seconds: null,
};

let run: RnnHihelloRun | null = null;
let generation = 0;
const store = createViewStore<RnnTrainView>(IDLE);
const update = store.update;
export const getRnnTrainView = store.get;
export const useRnnTrainView = store.use;
export const isBusy = (s: RnnTrainStatus) => s === 'loading' || s === 'running';

/** Forgets the last run (a new word makes the old predictions meaningless). */
export function resetRnnTraining(): void {
  run?.cancel();
  generation++;
  run = null;
  update(IDLE);
}

const REPORT_MS = 60;

export async function startRnnTraining(options: RnnHihelloOptions): Promise<void> {
  run?.cancel();
  const mine = ++generation;
  update({ ...IDLE, status: 'loading', settings: options });
  try {
    await ensureBackend();
    const { trainRnnHihello } = await import('./rnnHihello');
    if (mine !== generation) return;
    update({ status: 'running' });
    const losses: number[] = [];
    let lastReport = 0;
    run = trainRnnHihello(options, (e) => {
      if (mine !== generation) return;
      losses.push(e.loss);
      const now = performance.now();
      if (now - lastReport < REPORT_MS && e.epoch + 1 < options.epochs) return;
      lastReport = now;
      update({
        epoch: e.epoch + 1,
        losses: losses.slice(),
        predictions: e.predictions,
        correct: e.correct,
      });
    });
    const r = await run.done;
    if (mine !== generation) return;
    run = null;
    update({
      status: r.status,
      epoch: r.epochsRun,
      losses: r.losses,
      predictions: r.predictions,
      correct: r.correct,
      message: r.message,
      seconds: r.seconds,
    });
  } catch (error) {
    if (mine !== generation) return;
    run = null;
    const text = error instanceof Error ? error.message : String(error);
    update({ status: 'error', message: { ko: text, en: text } });
  }
}

export function cancelRnnTraining(): void {
  if (run) run.cancel();
  else if (store.get().status === 'loading') {
    generation++;
    update({ status: 'cancelled' });
  }
}
