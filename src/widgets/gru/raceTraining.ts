/**
 * The race itself: trains the LSTM model, then the GRU model, on the same data with the same
 * seed and optimizer, through the core's `buildModel` and `train`. Imports tfjs, so widgets
 * load it with a dynamic `import()` only when the learner starts a race.
 */
import * as tf from '@tensorflow/tfjs';
import { multiplicationTask, nextCharacterTask, train, type TrainingRun } from '../../core';
import { buildModel } from '../../core/models';
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

function dataOf(task: RaceTask): { xs: tf.Tensor; ys: tf.Tensor } {
  if (task === 'multiplication') {
    const d = multiplicationTask(MULTIPLICATION);
    return {
      xs: tf.tensor3d(d.inputs, [d.samples, d.steps, 2]),
      ys: tf.tensor2d(d.targets, [d.samples, 1]),
    };
  }
  const h = nextCharacterTask('hihello');
  return {
    xs: tf.tensor3d(h.inputs, [1, h.steps, h.vocabSize]),
    ys: tf.tensor2d(h.targetIds, [1, h.steps], 'int32'),
  };
}

export function runRace(options: RaceOptions, onEpoch: (event: RaceEpoch) => void): Race {
  let cancelled = false;
  let current: TrainingRun | null = null;
  const done = (async (): Promise<RaceResult> => {
    const data = dataOf(options.task);
    try {
      for (const arch of RACE_ARCHS) {
        if (cancelled) return { status: 'cancelled' };
        const model = buildModel(
          layersOf(options.task, arch, options.plan.units[arch]),
          inputShapeOf(options.task),
          {
            task: options.task === 'multiplication' ? 'regression' : 'sequence-categorical',
            seed: options.seed,
          },
        );
        try {
          const { learningRate, batchSize } = trainingOf(options.task);
          current = train(
            model,
            data,
            {
              optimizer: 'adam',
              learningRate,
              epochs: options.epochs,
              batchSize,
              seed: options.seed,
            },
            {
              onEpochEnd: ({ epoch, loss, seconds }) => onEpoch({ arch, epoch, loss, seconds }),
            },
          );
          const result = await current.done;
          current = null;
          if (result.status !== 'completed') return { status: result.status };
        } finally {
          model.dispose();
        }
      }
      return { status: cancelled ? 'cancelled' : 'completed' };
    } finally {
      data.xs.dispose();
      data.ys.dispose();
    }
  })();
  return {
    cancel() {
      cancelled = true;
      current?.cancel();
    },
    done,
  };
}
