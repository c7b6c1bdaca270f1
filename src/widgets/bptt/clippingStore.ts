/**
 * One clipping run at a time, held in module memory (as the cell lessons' long jobs): a
 * language switch remounts the lesson, and the run, its step curves and its result carry on.
 * tfjs and the run code arrive with the first run.
 */
import { ensureBackend } from '../cell/backend';
import { createViewStore } from '../cell/viewStore';
import type { ClipResult, ClipRun, ClipSettings, ClipStep } from './clippingRun';

export type ClipPhase = 'idle' | 'running' | ClipResult['status'] | 'error';

export interface ClipView {
  phase: ClipPhase;
  /** What the run trains with (the sliders may move on after it ends). */
  settings: ClipSettings | null;
  steps: readonly ClipStep[];
  result: ClipResult | null;
  error: string | null;
}

const IDLE: ClipView = { phase: 'idle', settings: null, steps: [], result: null, error: null };

let run: ClipRun | null = null;
let generation = 0;
const store = createViewStore<ClipView>(IDLE);
export const getClipView = store.get;
export const useClipView = store.use;

/** Step curves are redrawn at most this often while training. */
const REPORT_MS = 50;

export async function startClipping(settings: ClipSettings): Promise<void> {
  run?.cancel();
  const mine = ++generation;
  store.update({ ...IDLE, phase: 'running', settings });
  try {
    await ensureBackend();
    const { runClipping } = await import('./clippingRun');
    if (mine !== generation) return;
    const buffer: ClipStep[] = [];
    let last = 0;
    const current = runClipping(settings, (s) => {
      buffer.push(s);
      const now = performance.now();
      if (mine !== generation || now - last < REPORT_MS) return;
      last = now;
      store.update({ steps: buffer.slice() });
    });
    run = current;
    const r = await current.done;
    if (mine !== generation) return;
    run = null;
    store.update({ phase: r.status, steps: r.steps.slice(), result: r });
  } catch (error) {
    if (mine !== generation) return;
    run = null;
    store.update({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

export function cancelClipping(): void {
  if (run) run.cancel();
  else if (store.get().phase === 'running') {
    generation++;
    store.update({ phase: 'cancelled' });
  }
}

/** Forgets the last run (tests). */
export function resetClipping(): void {
  run?.cancel();
  run = null;
  generation++;
  store.update(IDLE);
}
