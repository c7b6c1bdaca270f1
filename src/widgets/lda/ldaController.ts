/**
 * One LDA training at a time, held in module memory: a language switch remounts the lesson's
 * widgets, and the training (in its Web Worker) and its curves carry on. The worker code and
 * tfjs load with the first training.
 */
import type {
  LdaCorpusInfo,
  LdaIterationMessage,
  LdaJobErrorCode,
  LdaJobRequest,
  LdaWorkerRun,
} from '../../core/lda';
import { createViewStore } from '../cell/viewStore';

export type LdaStatus = 'idle' | 'loading' | 'running' | 'finished' | 'cancelled' | 'error';

/** What the learner asked for (the URL state it ran with), for labels while it runs. */
export interface LdaRunSettings {
  corpus: string;
  k: number;
  alpha: number;
  eta: number;
  seed: number;
  iters: number;
  method: 'batch' | 'online';
  /** Online only (the values in the URL when batch ran are not used). */
  decay: number;
  offset: number;
  batchSize: number;
}

export interface LdaView {
  status: LdaStatus;
  settings: LdaRunSettings | null;
  backend: string | null;
  corpus: LdaCorpusInfo | null;
  /** Every iteration's perplexities, for the curve. */
  history: readonly Pick<
    LdaIterationMessage,
    'iteration' | 'perplexity' | 'heldOutPerplexity' | 'completionPerplexity' | 'bound' | 'ms'
  >[];
  latest: LdaIterationMessage | null;
  errorCode: LdaJobErrorCode | null;
  error: string | null;
  /** One line per finished training, so K values (and priors) can be compared. */
  runs: readonly RunSummary[];
}

export interface RunSummary {
  settings: LdaRunSettings;
  meanCoherence: number;
  perplexity: number;
  heldOutPerplexity: number | null;
  completionPerplexity: number | null;
}

const IDLE: LdaView = {
  status: 'idle',
  settings: null,
  backend: null,
  corpus: null,
  history: [],
  latest: null,
  errorCode: null,
  error: null,
  runs: [],
};

const store = createViewStore<LdaView>(IDLE);
export const useLdaView = store.use;
export const getLdaView = store.get;
let run: LdaWorkerRun | null = null;
let generation = 0;

export function isTraining(status: LdaStatus): boolean {
  return status === 'loading' || status === 'running';
}

/** Starts a training (cancelling one that runs). */
export async function startTraining(
  request: LdaJobRequest,
  settings: LdaRunSettings,
): Promise<void> {
  run?.terminate();
  run = null;
  const mine = ++generation;
  store.update({ ...IDLE, runs: store.get().runs, status: 'loading', settings });
  try {
    const { trainLdaInWorker } = await import('../../core/lda/client');
    if (mine !== generation) return;
    run = trainLdaInWorker(request, (message) => {
      if (mine !== generation) return;
      switch (message.type) {
        case 'ready':
          store.update({ backend: message.backend, status: 'running' });
          return;
        case 'corpus':
          store.update({ corpus: message.corpus });
          return;
        case 'iteration': {
          const s = message.state;
          store.update({
            latest: s,
            history: [
              ...store.get().history,
              {
                iteration: s.iteration,
                perplexity: s.perplexity,
                heldOutPerplexity: s.heldOutPerplexity,
                completionPerplexity: s.completionPerplexity,
                bound: s.bound,
                ms: s.ms,
              },
            ],
          });
          return;
        }
        case 'done': {
          const { latest, runs } = store.get();
          const summary: RunSummary[] =
            message.reason === 'finished' && latest
              ? [
                  {
                    settings,
                    meanCoherence:
                      Array.from(latest.coherence).reduce((a, b) => a + b, 0) /
                      latest.coherence.length,
                    perplexity: latest.perplexity,
                    heldOutPerplexity: latest.heldOutPerplexity,
                    completionPerplexity: latest.completionPerplexity,
                  },
                ]
              : [];
          store.update({ status: message.reason, runs: [...runs, ...summary].slice(-8) });
          run = null;
          return;
        }
        case 'error':
          store.update({ status: 'error', errorCode: message.code, error: message.message });
          run = null;
          return;
      }
    });
  } catch (error) {
    if (mine !== generation) return;
    store.update({
      status: 'error',
      errorCode: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

export function cancelTraining(): void {
  if (run) run.cancel();
  else if (isTraining(store.get().status)) {
    generation++;
    store.update({ status: 'cancelled' });
  }
}

/** Tests: forget everything. */
export function resetLdaView(): void {
  run?.terminate();
  run = null;
  generation++;
  store.update(IDLE);
}

/** The custom corpus the learner pasted or uploaded (too big for the URL; kept for the session). */
export interface CustomCorpus {
  text: string;
  format: 'lines' | 'tsv';
  column: string;
  name: string;
}
const custom = createViewStore<CustomCorpus>({
  text: '',
  format: 'lines',
  column: 'document',
  name: '',
});
export const useCustomCorpus = custom.use;
export const setCustomCorpus = custom.update;
export const getCustomCorpus = custom.get;
