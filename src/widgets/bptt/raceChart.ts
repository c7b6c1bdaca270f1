/** What the race's chart and verdict show, as pure functions of the models' curves. */
import type { ChartSeries } from '../../ui/LineChart';
import { RACE_ARCHS, type RaceArch } from './raceSettings';

export interface RaceCurves {
  loss: readonly number[];
  valLoss: readonly number[];
}

/** One colour per model (the palette's, which passes contrast in both themes); val dashed. */
export const RACE_COLORS: Record<RaceArch, string> = {
  simpleRNN: 'var(--series-2)',
  lstm: 'var(--series-1)',
};
export const BASELINE_COLOR = 'var(--muted)';

const points = (values: readonly number[]) =>
  values.map((y, k) => ({ x: k + 1, y })).filter((p) => Number.isFinite(p.y) && p.y > 0);

/**
 * Five series: loss and validation loss of each model (epoch k + 1 → value) and the flat
 * "predict the mean" line across the planned epochs.
 */
export function raceChartSeries(
  models: Record<RaceArch, RaceCurves>,
  baseline: number,
  epochs: number,
  labels: { loss(arch: RaceArch): string; val(arch: RaceArch): string; baseline: string },
): ChartSeries[] {
  const series: ChartSeries[] = [];
  for (const arch of RACE_ARCHS) {
    series.push({
      id: `${arch}-loss`,
      label: labels.loss(arch),
      points: points(models[arch].loss),
      color: RACE_COLORS[arch],
    });
    series.push({
      id: `${arch}-val`,
      label: labels.val(arch),
      points: points(models[arch].valLoss),
      color: RACE_COLORS[arch],
      dashed: true,
    });
  }
  series.push({
    id: 'baseline',
    label: labels.baseline,
    points: [
      { x: 1, y: baseline },
      { x: Math.max(2, epochs), y: baseline },
    ],
    color: BASELINE_COLOR,
    dashed: true,
  });
  return series;
}

export type RaceVerdict =
  | { kind: 'pending' }
  | { kind: 'none' | 'tie' | 'rnn'; ratio: number; epoch: number }
  | { kind: 'lstm'; ratio: number; epoch: number };

/** Below this share of the baseline a model has learned something. */
export const LEARNED_SHARE = 0.9;
/** One validation loss this many times lower than the other counts as ahead. */
export const AHEAD_RATIO = 1.25;

/**
 * Who is ahead at the last epoch both models have finished: the ratio of the SimpleRNN's
 * validation loss to the LSTM's; 'none' while neither is clearly below the baseline.
 */
export function raceVerdict(models: Record<RaceArch, RaceCurves>, baseline: number): RaceVerdict {
  const n = Math.min(models.simpleRNN.valLoss.length, models.lstm.valLoss.length);
  if (n === 0) return { kind: 'pending' };
  const rnn = models.simpleRNN.valLoss[n - 1]!;
  const lstm = models.lstm.valLoss[n - 1]!;
  if (!Number.isFinite(rnn) || !Number.isFinite(lstm)) return { kind: 'pending' };
  const ratio = rnn / lstm;
  const epoch = n;
  if (Math.min(rnn, lstm) >= LEARNED_SHARE * baseline) return { kind: 'none', ratio, epoch };
  if (ratio >= AHEAD_RATIO) return { kind: 'lstm', ratio, epoch };
  if (ratio <= 1 / AHEAD_RATIO) return { kind: 'rnn', ratio, epoch };
  return { kind: 'tie', ratio, epoch };
}
