import { axisBottom, axisLeft } from 'd3';
import { select } from './d3';
import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent,
  type RefObject,
} from 'react';
import { defineStrings, format } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import { ExportMenu } from './export/ExportMenu';
import { formatFull, formatNumber } from './format';
import {
  formatTick,
  lineChartGeometry,
  nearestIndex,
  seriesColor,
  type ChartMarker,
  type ChartSeries,
  type YScaleKind,
} from './lineChartGeometry';
import './ui-kit.css';

export type { ChartMarker, ChartPoint, ChartSeries, YScaleKind } from './lineChartGeometry';

const strings = defineStrings(
  'lineChart',
  {
    axes: '가로축: {x}, 세로축: {y}',
    logScale: '{label} (로그 눈금)',
    series: '{label}: 점 {count}개, 마지막 값 {last}',
    empty: '{label}: 아직 데이터가 없습니다',
  },
  {
    axes: 'Horizontal axis: {x}; vertical axis: {y}',
    logScale: '{label} (log scale)',
    series: '{label}: {count} points, last value {last}',
    empty: '{label}: no data yet',
  },
);

export interface LineChartProps {
  series: readonly ChartSeries[];
  xLabel: string;
  yLabel: string;
  yScale?: YScaleKind;
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  height?: number;
  /** Names the chart for screen readers; a text summary of the data follows it. */
  ariaLabel: string;
  /** Points drawn as dots on top of the lines, e.g. a probe on a curve. */
  markers?: readonly ChartMarker[];
  /** The data x under the pointer, or `null` when the pointer leaves the plot. */
  onPointerX?: (x: number | null) => void;
  /** Rounding of values in the tooltip and the summary. */
  digits?: number;
}

/** Width used before the container is measured (and in jsdom, which has no layout). */
const FALLBACK_WIDTH = 640;

function useContainerWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // The observer reports the current size once on observe(), then on every change.
    const observer = new ResizeObserver((entries) => {
      const measured = Math.round(entries[0]?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** SVG ids must be valid in `url(#…)`; React's ids contain characters that are not. */
function svgId(reactId: string, suffix: string): string {
  return `${reactId.replace(/[^\w-]/g, '')}-${suffix}`;
}

/**
 * A line chart that d3 lays out and React draws. Width follows the container; hovering
 * shows every series' value at the nearest x. Appending points only updates path strings.
 */
export function LineChart({
  series,
  xLabel,
  yLabel,
  yScale = 'linear',
  xDomain,
  yDomain,
  height = 240,
  ariaLabel,
  markers,
  onPointerX,
  digits = 3,
}: LineChartProps) {
  const t = useStrings(strings);
  const figureRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const clipId = svgId(useId(), 'clip');
  const width = useContainerWidth(plotRef);
  const [hoverX, setHoverX] = useState<number | null>(null);

  const [xLo, xHi] = xDomain ?? [];
  const [yLo, yHi] = yDomain ?? [];
  const geometry = useMemo(
    () =>
      lineChartGeometry(series, {
        width,
        height,
        yScale,
        xDomain: xLo !== undefined && xHi !== undefined ? [xLo, xHi] : undefined,
        yDomain: yLo !== undefined && yHi !== undefined ? [yLo, yHi] : undefined,
        markers,
      }),
    [series, width, height, yScale, xLo, xHi, yLo, yHi, markers],
  );
  const { margins, innerWidth, innerHeight, xScale, yScale: y, xTicks, yTicks } = geometry;

  // d3-axis draws into its own <g>; React never renders children there. No transition:
  // the axes must move together with the lines, which React redraws at once.
  useLayoutEffect(() => {
    if (xAxisRef.current) {
      select(xAxisRef.current).call(
        axisBottom(xScale).tickValues(xTicks).tickFormat(formatAxisTick).tickSizeOuter(0),
      );
    }
    if (yAxisRef.current) {
      select(yAxisRef.current).call(
        axisLeft(y).tickValues(yTicks).tickFormat(formatAxisTick).tickSizeOuter(0),
      );
    }
  }, [xScale, y, xTicks, yTicks]);

  const hovered = useMemo(() => {
    if (hoverX === null) return null;
    const rows = series.map((s, i) => {
      const index = nearestIndex(s.points, hoverX, yScale);
      return {
        series: s,
        color: seriesColor(s, i),
        point: index >= 0 ? s.points[index] : undefined,
      };
    });
    const xs = rows.flatMap((row) => (row.point ? [row.point.x] : []));
    if (xs.length === 0) return null;
    const ruleX = xs.reduce((best, x) =>
      Math.abs(x - hoverX) < Math.abs(best - hoverX) ? x : best,
    );
    return { ruleX, rows };
  }, [hoverX, series, yScale]);

  const onPointerMove = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const dataX = xScale.invert(event.clientX - box.left);
    setHoverX(dataX);
    onPointerX?.(dataX);
  };
  const onPointerLeave = () => {
    setHoverX(null);
    onPointerX?.(null);
  };

  const ruleLeft = hovered ? xScale(hovered.ruleX) : 0;
  const tooltipOnLeft = ruleLeft > innerWidth / 2;
  const yAxisTitle = yScale === 'log' ? format(t.logScale, { label: yLabel }) : yLabel;

  return (
    <figure className="line-chart" aria-label={ariaLabel} ref={figureRef}>
      <div className="line-chart-plot" ref={plotRef}>
        <svg width={width} height={height} aria-hidden="true" focusable="false">
          <defs>
            <clipPath id={clipId}>
              <rect width={innerWidth} height={innerHeight} />
            </clipPath>
          </defs>
          <g transform={`translate(${margins.left},${margins.top})`}>
            <g className="grid">
              {yTicks.map((tick) => (
                <line key={tick} x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} />
              ))}
            </g>
            <g className="axis axis-x" ref={xAxisRef} transform={`translate(0,${innerHeight})`} />
            <g className="axis axis-y" ref={yAxisRef} />
            <text
              className="axis-label"
              x={innerWidth / 2}
              y={innerHeight + margins.bottom - 8}
              textAnchor="middle"
            >
              {xLabel}
            </text>
            <text
              className="axis-label"
              transform={`translate(${14 - margins.left},${innerHeight / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {yAxisTitle}
            </text>
            <g clipPath={`url(#${clipId})`}>
              {geometry.paths.map((path, i) => {
                const s = series[i]!;
                return (
                  <path
                    key={path.id}
                    className={`series${s.dashed ? ' is-dashed' : ''}`}
                    data-series={path.id}
                    d={path.d}
                    style={{ stroke: seriesColor(s, i) }}
                  />
                );
              })}
            </g>
            {(markers ?? []).map((marker, i) =>
              Number.isFinite(marker.x) &&
              Number.isFinite(marker.y) &&
              (yScale === 'linear' || marker.y > 0) ? (
                <g
                  key={i}
                  className="marker"
                  transform={`translate(${xScale(marker.x)},${y(marker.y)})`}
                >
                  <circle r={5} style={{ fill: marker.color ?? 'var(--accent)' }} />
                  {marker.label && (
                    <text x={8} y={-8}>
                      {marker.label}
                    </text>
                  )}
                </g>
              ) : null,
            )}
            {hovered && (
              <g className="hover">
                <line className="hover-rule" x1={ruleLeft} x2={ruleLeft} y1={0} y2={innerHeight} />
                {hovered.rows.map(({ series: s, color, point }) =>
                  point ? (
                    <circle
                      key={s.id}
                      cx={xScale(point.x)}
                      cy={y(point.y)}
                      r={3.5}
                      style={{ fill: color }}
                    />
                  ) : null,
                )}
              </g>
            )}
            <rect
              className="hover-target"
              width={innerWidth}
              height={innerHeight}
              fill="transparent"
              onPointerMove={onPointerMove}
              onPointerDown={onPointerMove}
              onPointerLeave={onPointerLeave}
            />
          </g>
        </svg>
        {hovered && (
          <div
            className="line-chart-tooltip"
            aria-hidden="true"
            style={
              tooltipOnLeft
                ? { right: width - margins.left - ruleLeft + 10 }
                : { left: margins.left + ruleLeft + 10 }
            }
          >
            <div className="muted">
              {xLabel} {formatNumber(hovered.ruleX, digits)}
            </div>
            {hovered.rows.map(({ series: s, color, point }) => (
              <div key={s.id} title={point ? formatFull(point.y) : undefined}>
                <span className={`swatch${s.dashed ? ' is-dashed' : ''}`} style={{ color }} />
                {s.label}: {point ? formatNumber(point.y, digits) : '—'}
              </div>
            ))}
          </div>
        )}
      </div>
      <div className="figure-tools">
        {series.length > 1 && (
          <ul className="line-chart-legend" aria-hidden="true">
            {series.map((s, i) => (
              <li key={s.id}>
                <span
                  className={`swatch${s.dashed ? ' is-dashed' : ''}`}
                  style={{ color: seriesColor(s, i) }}
                />
                {s.label}
              </li>
            ))}
          </ul>
        )}
        <ExportMenu target={figureRef} name={ariaLabel} />
      </div>
      <figcaption className="sr-only">
        {format(t.axes, { x: xLabel, y: yAxisTitle })}
        <ul>
          {series.map((s) => {
            const last = s.points[s.points.length - 1];
            return (
              <li key={s.id}>
                {last
                  ? format(t.series, {
                      label: s.label,
                      count: s.points.length,
                      last: formatNumber(last.y, digits),
                    })
                  : format(t.empty, { label: s.label })}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}

function formatAxisTick(value: number | { valueOf(): number }): string {
  return formatTick(Number(value));
}
