/**
 * The long-sequence race (CURRICULUM §5), as plain data and pure arithmetic: its settings
 * schema and presets, the two worker jobs, the "predict the mean" baseline, progress and the
 * time estimate. No tfjs here (the page loads it only when a race starts).
 */
import type { ModelLayerSpec } from '../../core/models/spec';
import { multiplicationTask } from '../../core/data';
import type { SequentialJob } from '../../core/worker/jobs';
import {
  booleanParam,
  defineSchema,
  enumParam,
  intParam,
  numberParam,
  type StateOf,
} from '../../state/schema';

export const RACE_ARCHS = ['simpleRNN', 'lstm'] as const;
export type RaceArch = (typeof RACE_ARCHS)[number];
export const RACE_LABEL: Record<RaceArch, string> = { simpleRNN: 'SimpleRNN', lstm: 'LSTM' };

/** Hidden units of each recurrent layer, as in the course. */
export const RACE_UNITS = 30;
export const VALIDATION_SPLIT = 0.2;

/** λ of the L2 penalty λ·Σ‖W‖² (Keras's l2(λ)); '0' is off. */
export const L2_CHOICES = ['0', '0.0001', '0.001', '0.01'] as const;
export type L2Choice = (typeof L2_CHOICES)[number];

/** A setting a learner can share: everything that decides the race's numbers. */
export const RACE_SCHEMA = defineSchema({
  samples: intParam({ min: 200, max: 3000, step: 100, default: 2000 }),
  steps: intParam({ min: 10, max: 100, step: 5, default: 30 }),
  epochs: intParam({ min: 1, max: 100, default: 20 }),
  lr: numberParam({ min: 0.0005, max: 0.02, step: 0.0005, default: 0.003 }),
  batch: intParam({ min: 16, max: 128, step: 16, default: 32 }),
  l2: enumParam(L2_CHOICES, '0'),
  bn: booleanParam(false),
  seed: intParam({ min: 0, max: 9_999, default: 0 }),
});

export type RaceSettings = StateOf<typeof RACE_SCHEMA>;

/** The defaults: sized (by measuring) so the LSTM pulls ahead within about two minutes. */
export const QUICK_PRESET: RaceSettings = {
  samples: RACE_SCHEMA.samples.default,
  steps: RACE_SCHEMA.steps.default,
  epochs: RACE_SCHEMA.epochs.default,
  lr: RACE_SCHEMA.lr.default,
  batch: RACE_SCHEMA.batch.default,
  l2: RACE_SCHEMA.l2.default,
  bn: RACE_SCHEMA.bn.default,
  seed: RACE_SCHEMA.seed.default,
};

/**
 * The course's full-size run: the first 2,560 of its 3,000 samples, 100 steps, 100 epochs,
 * Keras's Adam defaults (learning rate 0.001, batch 32).
 */
export const COURSE_PRESET: RaceSettings = {
  ...QUICK_PRESET,
  samples: 2560,
  steps: 100,
  epochs: 100,
  lr: 0.001,
  batch: 32,
};

export const RACE_PRESETS = { quick: QUICK_PRESET, course: COURSE_PRESET } as const;
export type RacePresetName = keyof typeof RACE_PRESETS;

/** Which preset the settings are, if any (all fields equal). */
export function presetOf(settings: RaceSettings): RacePresetName | null {
  for (const name of Object.keys(RACE_PRESETS) as RacePresetName[]) {
    const preset = RACE_PRESETS[name];
    const keys = Object.keys(preset) as (keyof RaceSettings)[];
    if (keys.every((key) => preset[key] === settings[key])) return name;
  }
  return null;
}

/** arch(30, return sequences) → [BatchNorm] → arch(30) → Dense(1). */
export function raceLayers(arch: RaceArch, batchNorm: boolean): ModelLayerSpec[] {
  return [
    { kind: arch, units: RACE_UNITS, returnSequences: true },
    ...(batchNorm ? [{ kind: 'batchNormalization' } as const] : []),
    { kind: arch, units: RACE_UNITS },
    { kind: 'dense', units: 1 },
  ];
}

/** The worker job of one contestant: data generated in the worker from the seed. */
export function raceJob(arch: RaceArch, s: RaceSettings): SequentialJob {
  return {
    kind: 'sequential',
    layers: raceLayers(arch, s.bn),
    inputShape: [s.steps, 2],
    task: 'regression',
    data: { kind: 'multiplication', samples: s.samples, steps: s.steps, seed: s.seed },
    seed: s.seed,
    options: {
      optimizer: 'adam',
      learningRate: s.lr,
      epochs: s.epochs,
      batchSize: s.batch,
      validationSplit: VALIDATION_SPLIT,
      weightDecay: Number(s.l2),
      seed: s.seed,
      // A worker has no page to keep responsive: yield only now and then, for pause / cancel.
      yieldEvery: 4,
    },
  };
}

/** Training samples (the first 80 %) and optimizer steps per epoch, as the core splits. */
export function raceSizes(s: Pick<RaceSettings, 'samples' | 'batch' | 'epochs'>): {
  train: number;
  validation: number;
  batchesPerEpoch: number;
  totalSteps: number;
} {
  const train = Math.floor(s.samples * (1 - VALIDATION_SPLIT));
  const batchesPerEpoch = Math.ceil(train / s.batch);
  return {
    train,
    validation: s.samples - train,
    batchesPerEpoch,
    totalSteps: batchesPerEpoch * s.epochs,
  };
}

/** Var(X·Y) for X, Y ~ U(0, 1) independent: E[X²]² − E[X]⁴ = 1/9 − 1/16 = 7/144 ≈ 0.0486. */
export const PRODUCT_VARIANCE = 7 / 144;

/**
 * The loss of a model that has learned nothing: always answer the training targets' mean.
 * Returns its MSE on the validation part (≈ the target variance, ≈ 0.0486) and on the
 * training part (the training targets' variance).
 */
export function meanBaseline(s: Pick<RaceSettings, 'samples' | 'steps' | 'seed'>): {
  train: number;
  validation: number;
} {
  const { targets } = multiplicationTask({ samples: s.samples, steps: s.steps, seed: s.seed });
  const splitAt = Math.floor(s.samples * (1 - VALIDATION_SPLIT));
  let mean = 0;
  for (let k = 0; k < splitAt; k++) mean += targets[k]!;
  mean /= splitAt;
  const mse = (from: number, to: number) => {
    let sum = 0;
    for (let k = from; k < to; k++) sum += (targets[k]! - mean) ** 2;
    return sum / Math.max(1, to - from);
  };
  return { train: mse(0, splitAt), validation: mse(splitAt, s.samples) };
}

/**
 * Milliseconds per (sample × time step) of one epoch at batch 32, validation included, with the
 * two models training at once in two workers on tfjs's wasm backend (one thread each, SIMD):
 * measured in headless Chromium on a two-core machine with the defaults (bench/race.mjs:
 * SimpleRNN 30 s, LSTM 19 s for 2,000 samples × 30 steps × 20 epochs). The LSTM runs through
 * the core's fused kernel and the SimpleRNN through the general path, so the SimpleRNN is the
 * slower one and sets the race's time.
 */
export const MS_PER_SAMPLE_STEP: Record<RaceArch, number> = { simpleRNN: 0.025, lstm: 0.016 };

/** A rough time before starting: the slower model's epochs × samples × steps × cost. */
export function estimateSeconds(
  s: Pick<RaceSettings, 'samples' | 'steps' | 'epochs' | 'batch'>,
): number {
  // Small batches pay a fixed cost per step (about as much as 16 samples of work).
  const batchFactor = (s.batch + 16) / s.batch / ((32 + 16) / 32);
  const perArch = RACE_ARCHS.map(
    (arch) => (MS_PER_SAMPLE_STEP[arch] * s.samples * s.steps * s.epochs * batchFactor) / 1000,
  );
  return Math.max(1, ...perArch);
}

export interface RaceProgressInput {
  /** Optimizer steps finished by each model. */
  steps: Record<RaceArch, number>;
  /** Steps each model will take. */
  totalSteps: number;
  /** Seconds of training so far, pauses left out. */
  elapsed: number;
}

/**
 * How far the race is (0–1, both models together) and the seconds left: the slower model's
 * steps to go at its own pace so far. Null while there is nothing to go on yet.
 */
export function raceProgress({ steps, totalSteps, elapsed }: RaceProgressInput): {
  fraction: number;
  remaining: number | null;
} {
  const counts = RACE_ARCHS.map((arch) => Math.min(steps[arch], totalSteps));
  const fraction = totalSteps > 0 ? counts.reduce((a, b) => a + b, 0) / (2 * totalSteps) : 0;
  if (elapsed <= 0 || counts.some((c) => c === 0)) return { fraction, remaining: null };
  const remaining = Math.max(...counts.map((c) => ((totalSteps - c) * elapsed) / c));
  return { fraction, remaining };
}

/** "1 min 05 s" style parts, for the strings table. */
export function minutesSeconds(seconds: number): { min: number; sec: number } {
  const whole = Math.max(0, Math.round(seconds));
  return { min: Math.floor(whole / 60), sec: whole % 60 };
}
