import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import { defineStrings, format } from '../i18n/defineStrings';
import { useStrings } from '../i18n/useLang';
import { ExportMenu } from './export/ExportMenu';
import { formatFull, formatNumber } from './format';
import {
  CELL_GAP,
  DEFAULT_CELL_SIZE,
  heatmapGeometry,
  type HeatmapDomain,
  type HeatmapPalette,
} from './heatmapGeometry';
import { useMotionDuration } from './motion';
import './ui-kit.css';

export type { HeatmapDomain } from './heatmapGeometry';

const strings = defineStrings(
  'heatmap',
  {
    step: 't = {n}',
    row: '{n}행',
    goTo: '{step} 단계로 이동',
    columns: '{label}: 단계 선택',
    size: '{rows}개 행 × {cols}개 열. 값은 {min}부터 {max}까지입니다.',
    current: '현재 {step}: {values}',
    nonFinite: '{count}개 값은 유한한 수가 아닙니다(NaN 또는 ∞).',
    empty: '아직 표시할 값이 없습니다.',
  },
  {
    step: 't = {n}',
    row: 'row {n}',
    goTo: 'Go to step {step}',
    columns: '{label}: choose a step',
    size: '{rows} rows × {cols} columns, with values from {min} to {max}.',
    current: 'Now at {step}: {values}',
    nonFinite: '{count} values are not finite (NaN or ∞).',
    empty: 'No values to show yet.',
  },
);

export interface HeatmapProps {
  /** values[row][col]: rows are units (h₁…h_H), columns are time steps. */
  values: readonly (readonly number[])[];
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  /** Default: symmetric around 0 (diverging). 'unit' is [0, 1], one-sided, for gates. */
  domain?: HeatmapDomain;
  /** The highlighted column (the current time step). */
  current?: number;
  /** Makes columns clickable and keyboard-reachable; called with the chosen column. */
  onSelect?: (col: number) => void;
  ariaLabel: string;
  cellSize?: number;
  /** Print rounded values in cells; by default when the cells are large enough. */
  showValues?: boolean;
}

const PALETTE_VARIABLES: Record<keyof HeatmapPalette, string> = {
  surface: '--surface',
  pos: '--pos',
  neg: '--neg',
  gate: '--gate',
};

function readPalette(): string {
  if (typeof document === 'undefined') return '';
  const style = getComputedStyle(document.documentElement);
  return Object.values(PALETTE_VARIABLES)
    .map((name) => style.getPropertyValue(name).trim())
    .join('|');
}

function subscribeToTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'class', 'style'],
  });
  return () => observer.disconnect();
}

/** The theme's colours, read from the CSS variables; switching themes re-reads them. */
function useThemePalette(): HeatmapPalette {
  const key = useSyncExternalStore(subscribeToTheme, readPalette, () => '');
  return useMemo(() => {
    // Unreadable variables come back empty; the geometry falls back to the light theme.
    const [surface = '', pos = '', neg = '', gate = ''] = key.split('|');
    return { surface, pos, neg, gate };
  }, [key]);
}

/** Whether an element's content is wider than the element (so it scrolls). */
function useOverflowing(ref: React.RefObject<HTMLElement | null>, contentWidth: number): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      setOverflowing(element.scrollWidth > element.clientWidth + 1),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, contentWidth]);
  return overflowing;
}

/**
 * Values over units × time steps as coloured cells, with the current step outlined.
 * Wide maps scroll inside their own box; row labels stay put.
 */
export function Heatmap({
  values,
  rowLabels,
  colLabels,
  domain,
  current,
  onSelect,
  ariaLabel,
  cellSize = DEFAULT_CELL_SIZE,
  showValues,
}: HeatmapProps) {
  const t = useStrings(strings);
  const palette = useThemePalette();
  const hatchId = `${useId().replace(/[^\w-]/g, '')}-hatch`;
  const figureRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const buttonsRef = useRef<(HTMLButtonElement | null)[]>([]);
  const [focusedCol, setFocusedCol] = useState<number | null>(null);
  const slide = useMotionDuration(180);

  const geometry = useMemo(
    () => heatmapGeometry(values, { cellSize, domain, palette, rowLabels, showValues }),
    [values, cellSize, domain, palette, rowLabels, showValues],
  );
  const { rows, cols, labelWidth, gridWidth, gridHeight, cells, range } = geometry;
  const overflowing = useOverflowing(scrollRef, gridWidth);
  const currentCol =
    current !== undefined && Number.isInteger(current) && current >= 0 && current < cols
      ? current
      : null;

  // Keep the current step in view while it moves through a map wider than the screen.
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || currentCol === null || box.clientWidth === 0) return;
    const left = currentCol * cellSize;
    if (left < box.scrollLeft) box.scrollLeft = left;
    else if (left + cellSize > box.scrollLeft + box.clientWidth) {
      box.scrollLeft = left + cellSize - box.clientWidth;
    }
  }, [currentCol, cellSize]);

  const stepName = (col: number) => {
    const step = format(t.step, { n: col + 1 });
    const label = colLabels?.[col];
    return label && label !== step ? `${step} (${label})` : step;
  };
  const rowName = (row: number) => rowLabels?.[row] ?? format(t.row, { n: row + 1 });

  const tabbableCol = focusedCol ?? currentCol ?? 0;
  const focusColumn = (col: number) => buttonsRef.current[col]?.focus();
  const onColumnsKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = focusedCol ?? tabbableCol;
    const targets: Record<string, number> = {
      ArrowRight: from + 1,
      ArrowLeft: from - 1,
      Home: 0,
      End: cols - 1,
    };
    const to = targets[event.key];
    if (to === undefined) return;
    event.preventDefault();
    focusColumn(Math.min(cols - 1, Math.max(0, to)));
  };

  const summary = [
    rows && cols
      ? format(t.size, {
          rows,
          cols,
          min: formatNumber(range.min, 2),
          max: formatNumber(range.max, 2),
        })
      : t.empty,
    range.nonFinite > 0 ? format(t.nonFinite, { count: range.nonFinite }) : '',
    currentCol !== null
      ? format(t.current, {
          step: stepName(currentCol),
          values: Array.from(
            { length: rows },
            (_, row) => `${rowName(row)} ${formatNumber(values[row]?.[currentCol] ?? NaN, 2)}`,
          ).join(', '),
        })
      : '',
  ].filter(Boolean);

  const inner = cellSize - CELL_GAP;
  return (
    <figure className="heatmap" aria-label={ariaLabel} ref={figureRef}>
      <div className="heatmap-body">
        {labelWidth > 0 && (
          <svg
            className="heatmap-row-labels"
            width={labelWidth}
            height={gridHeight}
            aria-hidden="true"
            focusable="false"
          >
            {Array.from({ length: rows }, (_, row) => (
              <text
                key={row}
                className="row-label"
                x={labelWidth - 6}
                y={row * cellSize + inner / 2}
                textAnchor="end"
                dominantBaseline="central"
              >
                {rowLabels?.[row] ?? ''}
              </text>
            ))}
          </svg>
        )}
        <div
          className="heatmap-scroll"
          ref={scrollRef}
          // A box that scrolls must be reachable by keyboard; column buttons do that if present.
          tabIndex={overflowing && !onSelect ? 0 : undefined}
          role={overflowing && !onSelect ? 'group' : undefined}
          aria-label={overflowing && !onSelect ? ariaLabel : undefined}
        >
          <svg width={gridWidth} height={gridHeight} aria-hidden="true" focusable="false">
            <defs>
              <pattern
                id={hatchId}
                width={6}
                height={6}
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width={6} height={6} style={{ fill: 'var(--surface-2)' }} />
                <line x1={0} y1={0} x2={0} y2={6} style={{ stroke: 'var(--muted)' }} />
              </pattern>
            </defs>
            {Array.from({ length: cols }, (_, col) => (
              <g
                key={col}
                className={`column${onSelect ? ' is-selectable' : ''}`}
                data-col={col}
                onClick={onSelect ? () => onSelect(col) : undefined}
              >
                {Array.from({ length: rows }, (_, row) => {
                  const cell = cells[row * cols + col]!;
                  return (
                    <g key={row} className="cell" data-value={String(cell.value)}>
                      <rect
                        x={cell.x}
                        y={cell.y}
                        width={inner}
                        height={inner}
                        rx={2}
                        className={cell.finite ? undefined : 'is-non-finite'}
                        style={{ fill: cell.fill ?? `url(#${hatchId})` }}
                      >
                        <title>{`${rowName(row)}, ${stepName(col)}: ${formatFull(cell.value)}`}</title>
                      </rect>
                      {cell.text && (
                        <text
                          className="cell-value"
                          x={cell.x + inner / 2}
                          y={cell.y + inner / 2}
                          textAnchor="middle"
                          dominantBaseline="central"
                          style={{ fill: cell.textColor }}
                        >
                          {cell.text}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            ))}
            {currentCol !== null && (
              <rect
                className="current-column"
                x={-0.5}
                y={-0.5}
                width={inner + 1}
                height={gridHeight - CELL_GAP + 1}
                rx={3}
                style={{
                  transform: `translateX(${currentCol * cellSize}px)`,
                  transition: `transform ${slide}ms ease-out`,
                }}
              />
            )}
          </svg>
          {onSelect ? (
            <div
              className="heatmap-columns"
              role="toolbar"
              aria-label={format(t.columns, { label: ariaLabel })}
              onKeyDown={onColumnsKeyDown}
              onBlur={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget)) setFocusedCol(null);
              }}
            >
              {Array.from({ length: cols }, (_, col) => (
                <button
                  key={col}
                  ref={(el) => {
                    buttonsRef.current[col] = el;
                  }}
                  type="button"
                  style={{ width: cellSize }}
                  tabIndex={col === tabbableCol ? 0 : -1}
                  aria-label={format(t.goTo, { step: stepName(col) })}
                  aria-current={col === currentCol ? 'step' : undefined}
                  title={stepName(col)}
                  onFocus={() => setFocusedCol(col)}
                  onClick={() => onSelect(col)}
                >
                  {colLabels?.[col] ?? col + 1}
                </button>
              ))}
            </div>
          ) : (
            <div className="heatmap-columns" aria-hidden="true">
              {Array.from({ length: cols }, (_, col) => (
                <span key={col} style={{ width: cellSize }} title={stepName(col)}>
                  {colLabels?.[col] ?? col + 1}
                </span>
              ))}
            </div>
          )}
        </div>
      </div>
      <div className="figure-tools">
        {rows > 0 && cols > 0 && (
          <div className="heatmap-legend" aria-hidden="true">
            <span>{formatNumber(geometry.domain[0], 2)}</span>
            <span className="ramp" style={{ background: geometry.ramp }} />
            <span>{formatNumber(geometry.domain[1], 2)}</span>
          </div>
        )}
        <ExportMenu target={figureRef} name={ariaLabel} />
      </div>
      <figcaption className="sr-only">{summary.join(' ')}</figcaption>
    </figure>
  );
}
