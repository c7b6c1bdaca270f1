/**
 * The race itself: trains the LSTM model, then the GRU model, on the same data with the same
 * seed and optimizer. Each model trains in its own Web Worker (the core's `sequential` job), so
 * the page stays responsive and each model's time per epoch excludes the other's start-up.
 */
import { nextCharacterTask } from '../../core/data';
import type { TrainingCallbacks, TrainingResult } from '../../core/training';
import type { BackendName } from '../../core/backendChoice';
import { trainInWorker } from '../../core/worker/trainInWorker';
import type { SequentialJob, TrainingJob } from '../../core/worker/jobs';
import {
  MULTIPLICATION,
  RACE_ARCHS,
  inputShapeOf,
  layersOf,
  trainingOf,
  type RaceArch,
  type RacePlan,
  type RaceTask,
} from './raceModel';

export interface RaceOptions {
  task: RaceTask;
  plan: RacePlan;
  epochs: number;
  seed: number;
}

export interface RaceEpoch {
  arch: RaceArch;
  epoch: number;
  loss: number;
  seconds: number;
}

export interface RaceResult {
  status: 'completed' | 'cancelled' | 'diverged';
}

export interface Race {
  cancel(): void;
  done: Promise<RaceResult>;
}

/** Runs one job somewhere (a Web Worker on the page; the main thread in Node tests). */
export type JobRunner = (
  job: TrainingJob,
  callbacks: TrainingCallbacks,
) => { cancel(): void; done: Promise<TrainingResult>; ready?: Promise<{ backend: BackendName }> };

const inWorker: JobRunner = (job, callbacks) => trainInWorker(job, callbacks);

/** The job that trains `arch` for this race: plain data a worker can build. */
export function raceJob(options: RaceOptions, arch: RaceArch): SequentialJob {
  const { learningRate, batchSize } = trainingOf(options.task);
  const common = {
    kind: 'sequential' as const,
    layers: layersOf(options.task, arch, options.plan.units[arch]),
    inputShape: inputShapeOf(options.task),
    seed: options.seed,
    options: {
      optimizer: 'adam' as const,
      learningRate,
      epochs: options.epochs,
      batchSize,
      seed: options.seed,
    },
  };
  if (options.task === 'multiplication') {
    return {
      ...common,
      task: 'regression',
      data: { kind: 'multiplication', ...MULTIPLICATION },
    };
  }
  const h = nextCharacterTask('hihello');
  return {
    ...common,
    task: 'sequence-categorical',
    data: {
      kind: 'tensors',
      xs: Float32Array.from(h.inputs),
      xShape: [1, h.steps, h.vocabSize],
      ys: Int32Array.from(h.targetIds),
      yShape: [1, h.steps],
    },
  };
}

export function runRace(
  options: RaceOptions,
  onEpoch: (event: RaceEpoch) => void,
  runJob: JobRunner = inWorker,
  onBackend?: (backend: BackendName) => void,
): Race {
  let cancelled = false;
  let current: ReturnType<JobRunner> | null = null;
  const done = (async (): Promise<RaceResult> => {
    for (const arch of RACE_ARCHS) {
      if (cancelled) return { status: 'cancelled' };
      current = runJob(raceJob(options, arch), {
        onEpochEnd: ({ epoch, loss, seconds }) => onEpoch({ arch, epoch, loss, seconds }),
      });
      void current.ready?.then(
        ({ backend }) => onBackend?.(backend),
        () => undefined,
      );
      const result = await current.done;
      current = null;
      if (result.status !== 'completed') return { status: result.status };
    }
    return { status: cancelled ? 'cancelled' : 'completed' };
  })();
  return {
    cancel() {
      cancelled = true;
      current?.cancel();
    },
    done,
  };
}
