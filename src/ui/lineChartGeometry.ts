import { extent, format as d3Format, line, scaleLinear, scaleLog } from 'd3';
import type { ScaleContinuousNumeric, ScaleLinear } from 'd3';

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartSeries {
  id: string;
  label: string;
  points: readonly ChartPoint[];
  /** A CSS colour; defaults to the palette's `--series-N`. */
  color?: string;
  dashed?: boolean;
}

export interface ChartMarker extends ChartPoint {
  label?: string;
  color?: string;
}

export interface ChartMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export type YScaleKind = 'linear' | 'log';

export interface LineChartGeometryOptions {
  width: number;
  height: number;
  margins?: Partial<ChartMargins>;
  yScale?: YScaleKind;
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  /** Points that must be in view besides the series (probe markers). */
  markers?: readonly ChartPoint[];
}

export interface SeriesPath {
  id: string;
  d: string;
  /** How many points the path really draws (after thinning very long series). */
  drawn: number;
}

export interface LineChartGeometry {
  margins: ChartMargins;
  innerWidth: number;
  innerHeight: number;
  xDomain: [number, number];
  yDomain: [number, number];
  xScale: ScaleLinear<number, number>;
  yScale: ScaleContinuousNumeric<number, number>;
  xTicks: number[];
  yTicks: number[];
  paths: SeriesPath[];
}

export const DEFAULT_MARGINS: ChartMargins = { top: 12, right: 16, bottom: 44, left: 58 };

/** Default colours cycle through the six series variables, which both themes define. */
export function seriesColor(series: Pick<ChartSeries, 'color'>, index: number): string {
  return series.color ?? `var(--series-${(index % 6) + 1})`;
}

/** Whether a point can be drawn: finite, and positive on a log scale. */
export function isDrawable(point: ChartPoint, yScale: YScaleKind = 'linear'): boolean {
  return (
    Number.isFinite(point.x) && Number.isFinite(point.y) && (yScale === 'linear' || point.y > 0)
  );
}

function spread([lo, hi]: [number, number], kind: YScaleKind | 'x'): [number, number] {
  if (lo !== hi) return [lo, hi];
  if (kind === 'log') return [lo / 10, lo * 10];
  if (kind === 'x') return [lo - 1, hi + 1];
  return lo === 0 ? [-1, 1] : [lo - Math.abs(lo) / 2, hi + Math.abs(hi) / 2];
}

function dataExtent(values: number[]): [number, number] | null {
  const [lo, hi] = extent(values);
  return lo === undefined || hi === undefined ? null : [lo, hi];
}

function usableDomain(
  given: readonly [number, number] | undefined,
  log: boolean,
): [number, number] | null {
  if (!given) return null;
  const [lo, hi] = given;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo === hi) return null;
  if (log && (lo <= 0 || hi <= 0)) return null;
  return [lo, hi];
}

/**
 * Long series are thinned to at most four points per pixel column (first, lowest, highest,
 * last), which draws the same picture. Gaps survive: an undrawable point is always kept.
 * Only series sorted by x are thinned; anything else is returned as it is.
 */
export function thinPoints(
  points: readonly ChartPoint[],
  toPixel: (x: number) => number,
  drawable: (p: ChartPoint) => boolean,
  budget: number,
): readonly ChartPoint[] {
  if (points.length <= budget) return points;
  const kept: ChartPoint[] = [];
  let column = NaN;
  let picks: number[] = [];
  const flush = () => {
    for (const i of [...new Set(picks)].sort((a, b) => a - b)) kept.push(points[i]!);
    picks = [];
  };
  let lastX = -Infinity;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!drawable(p)) {
      flush();
      column = NaN;
      kept.push(p);
      continue;
    }
    if (p.x < lastX) return points;
    lastX = p.x;
    const c = Math.floor(toPixel(p.x));
    if (c !== column) {
      flush();
      column = c;
      picks = [i, i, i, i];
      continue;
    }
    const [first, low, high] = picks as [number, number, number, number];
    picks = [first, p.y < points[low]!.y ? i : low, p.y > points[high]!.y ? i : high, i];
  }
  flush();
  return kept;
}

/** Axis numbers: short, with a real minus, powers of ten for the very large or small. */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) {
    const [mantissa = '', exponent = ''] = d3Format('.2~e')(value).split('e');
    return `${mantissa}e${exponent.replace('+', '').replace('-', '−')}`;
  }
  return d3Format('~g')(value);
}

function logTicks(scale: ScaleContinuousNumeric<number, number>): number[] {
  const [lo, hi] = scale.domain() as [number, number];
  const low = Math.min(lo, hi);
  const high = Math.max(lo, hi);
  const powers: number[] = [];
  for (let e = Math.ceil(Math.log10(low)); e <= Math.floor(Math.log10(high)); e++) {
    powers.push(10 ** e);
  }
  if (powers.length >= 2 && powers.length <= 8) return powers;
  if (powers.length > 8) {
    const every = Math.ceil(powers.length / 6);
    return powers.filter((_, i) => i % every === 0);
  }
  return scale.ticks(4);
}

/** Scales, ticks and path strings for a line chart: everything but the DOM. */
export function lineChartGeometry(
  series: readonly ChartSeries[],
  options: LineChartGeometryOptions,
): LineChartGeometry {
  const kind = options.yScale ?? 'linear';
  const log = kind === 'log';
  const margins = { ...DEFAULT_MARGINS, ...options.margins };
  const innerWidth = Math.max(10, options.width - margins.left - margins.right);
  const innerHeight = Math.max(10, options.height - margins.top - margins.bottom);
  const drawable = (p: ChartPoint) => isDrawable(p, kind);

  const visible = [...series.flatMap((s) => s.points), ...(options.markers ?? [])].filter(drawable);

  const givenX = usableDomain(options.xDomain, false);
  const xScale = scaleLinear().range([0, innerWidth]);
  if (givenX) xScale.domain(givenX);
  else xScale.domain(spread(dataExtent(visible.map((p) => p.x)) ?? [0, 1], 'x')).nice();

  const givenY = usableDomain(options.yDomain, log);
  const yScale: ScaleContinuousNumeric<number, number> = log ? scaleLog() : scaleLinear();
  yScale.range([innerHeight, 0]);
  if (givenY) yScale.domain(givenY);
  else {
    const fallback: [number, number] = log ? [0.1, 1] : [0, 1];
    yScale.domain(spread(dataExtent(visible.map((p) => p.y)) ?? fallback, kind)).nice();
  }

  const draw = line<ChartPoint>()
    .defined(drawable)
    .x((p) => xScale(p.x))
    .y((p) => yScale(p.y));
  const paths = series.map((s) => {
    const points = thinPoints(s.points, xScale, drawable, innerWidth * 4);
    return { id: s.id, d: draw(points) ?? '', drawn: points.length };
  });

  return {
    margins,
    innerWidth,
    innerHeight,
    xDomain: xScale.domain() as [number, number],
    yDomain: yScale.domain() as [number, number],
    xScale,
    yScale,
    xTicks: xScale.ticks(Math.max(2, Math.round(innerWidth / 90))),
    yTicks: log ? logTicks(yScale) : yScale.ticks(Math.max(2, Math.round(innerHeight / 45))),
    paths,
  };
}

/**
 * The index of the drawable point whose x is nearest to `x`, or -1 if there is none.
 * A plain scan: series need not be sorted, and a few thousand points take microseconds.
 */
export function nearestIndex(
  points: readonly ChartPoint[],
  x: number,
  yScale: YScaleKind = 'linear',
): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!isDrawable(p, yScale)) continue;
    const distance = Math.abs(p.x - x);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
