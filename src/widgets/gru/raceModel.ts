/**
 * The fair race's set-up (pure; no tfjs): the two models, sized by equal hidden units or by an
 * equal parameter budget (the GRU's H solved so its model has at most the LSTM model's count).
 */
import { summarizeModel, type LayerSpec } from '../../core';

export const RACE_TASKS = ['multiplication', 'hihello'] as const;
export type RaceTask = (typeof RACE_TASKS)[number];
export const RACE_SIZINGS = ['hidden', 'params'] as const;
export type RaceSizing = (typeof RACE_SIZINGS)[number];
export const RACE_ARCHS = ['lstm', 'gru'] as const;
export type RaceArch = (typeof RACE_ARCHS)[number];

/** The multiplication task, small enough to race on a laptop. */
export const MULTIPLICATION = { samples: 512, steps: 30, seed: 0 } as const;
/** "hihello": 6 steps over a 5-character vocabulary. */
export const HIHELLO = { steps: 6, vocab: 5 } as const;

export function inputShapeOf(task: RaceTask): [number, number] {
  return task === 'multiplication' ? [MULTIPLICATION.steps, 2] : [HIHELLO.steps, HIHELLO.vocab];
}

export function layersOf(task: RaceTask, arch: RaceArch, units: number): LayerSpec[] {
  return task === 'multiplication'
    ? [
        { kind: arch, units },
        { kind: 'dense', units: 1 },
      ]
    : [
        { kind: arch, units, returnSequences: true },
        { kind: 'dense', units: HIHELLO.vocab, activation: 'softmax' },
      ];
}

export function modelParams(task: RaceTask, arch: RaceArch, units: number): number {
  return summarizeModel(layersOf(task, arch, units), inputShapeOf(task)).total;
}

export interface RacePlan {
  units: Record<RaceArch, number>;
  params: Record<RaceArch, number>;
}

/** Equal H, or the largest GRU H whose model fits the LSTM model's parameter count. */
export function planRace(task: RaceTask, sizing: RaceSizing, hidden: number): RacePlan {
  let gru = hidden;
  if (sizing === 'params') {
    const budget = modelParams(task, 'lstm', hidden);
    gru = 1;
    while (modelParams(task, 'gru', gru + 1) <= budget) gru++;
  }
  return {
    units: { lstm: hidden, gru },
    params: { lstm: modelParams(task, 'lstm', hidden), gru: modelParams(task, 'gru', gru) },
  };
}

/** Adam's learning rate and the batch size per task. */
export function trainingOf(task: RaceTask): { learningRate: number; batchSize: number } {
  return task === 'multiplication'
    ? { learningRate: 0.01, batchSize: 32 }
    : { learningRate: 0.1, batchSize: 1 };
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}
