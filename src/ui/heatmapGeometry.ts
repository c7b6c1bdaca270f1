/**
 * Layout and colours of a heatmap (rows = units, columns = time steps), without the DOM.
 * Colours are computed here rather than left to CSS so that each cell's text colour can be
 * chosen by the fill's real luminance, for whichever theme's palette is passed in.
 */

export type HeatmapDomain = readonly [number, number] | 'unit';

/** The theme colours a heatmap mixes, as CSS colour strings (#rgb, #rrggbb or rgb()). */
export interface HeatmapPalette {
  surface: string;
  pos: string;
  neg: string;
  gate: string;
}

/** The light theme's values in global.css; used when the variables cannot be read. */
export const LIGHT_PALETTE: HeatmapPalette = {
  surface: '#ffffff',
  pos: '#1d5fb8',
  neg: '#c2410c',
  gate: '#d97706',
};

export interface HeatmapGeometryOptions {
  cellSize?: number;
  domain?: HeatmapDomain;
  palette?: HeatmapPalette;
  rowLabels?: readonly string[];
  /** Print rounded values in the cells; by default when cells are big enough to read them. */
  showValues?: boolean;
}

export interface HeatmapCell {
  row: number;
  col: number;
  /** Position inside the grid (row labels are laid out separately). */
  x: number;
  y: number;
  value: number;
  finite: boolean;
  /** `null` for non-finite values, which are drawn hatched. */
  fill: string | null;
  /** Black or white, whichever contrasts more with the fill. */
  textColor: string;
  /** The rounded value printed in the cell, or '' when values are not shown. */
  text: string;
}

export interface HeatmapGeometry {
  rows: number;
  cols: number;
  cellSize: number;
  labelWidth: number;
  gridWidth: number;
  gridHeight: number;
  domain: [number, number];
  diverging: boolean;
  cells: HeatmapCell[];
  /** A CSS gradient matching the colour scale, for the legend. */
  ramp: string;
  range: { min: number; max: number; nonFinite: number };
}

export const DEFAULT_CELL_SIZE = 28;
/** Below this size a printed value would not fit. */
const MIN_CELL_FOR_VALUES = 26;
/** Cells are drawn a pixel smaller than their pitch so neighbours stay distinct. */
export const CELL_GAP = 1;

type Rgb = [number, number, number];

export function parseColor(text: string): Rgb | null {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

function toCss([r, g, b]: Rgb): string {
  return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}

function mix(from: Rgb, to: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => from[i]! + (to[i]! - from[i]!) * t) as Rgb;
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** Pure black or white: one of them always reaches 4.5:1 against any fill. */
export function textColorFor(fill: Rgb): string {
  return contrastRatio(fill, BLACK) >= contrastRatio(fill, WHITE) ? '#000000' : '#ffffff';
}

function resolvePalette(palette: HeatmapPalette) {
  const pick = (key: keyof HeatmapPalette) =>
    parseColor(palette[key]) ?? (parseColor(LIGHT_PALETTE[key]) as Rgb);
  return { surface: pick('surface'), pos: pick('pos'), neg: pick('neg'), gate: pick('gate') };
}

/** A value printed in a small cell: ".52", "−.50", "3.2", "42", "1e3". */
export function shortNumber(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  let text: string;
  if (abs < 0.995) {
    text = abs.toFixed(2).replace(/^0/, '');
    if (text === '.00') return '0';
  } else if (abs < 9.95) text = abs.toFixed(1);
  else if (abs < 999.5) text = abs.toFixed(0);
  else text = abs.toExponential(0).replace('+', '');
  return sign + text;
}

export function heatmapDomain(values: readonly (readonly number[])[], domain?: HeatmapDomain) {
  if (domain === 'unit') return [0, 1] as [number, number];
  if (domain && Number.isFinite(domain[0]) && Number.isFinite(domain[1]) && domain[0] < domain[1]) {
    return [domain[0], domain[1]] as [number, number];
  }
  let m = 0;
  for (const row of values)
    for (const v of row) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return (m === 0 ? [-1, 1] : [-m, m]) as [number, number];
}

/** Column count: the longest row, so ragged input still lays out (missing cells are NaN). */
function columnCount(values: readonly (readonly number[])[]): number {
  return values.reduce((n, row) => Math.max(n, row.length), 0);
}

export function heatmapGeometry(
  values: readonly (readonly number[])[],
  options: HeatmapGeometryOptions = {},
): HeatmapGeometry {
  const cellSize = options.cellSize ?? DEFAULT_CELL_SIZE;
  const showValues = options.showValues ?? cellSize >= MIN_CELL_FOR_VALUES;
  const palette = resolvePalette(options.palette ?? LIGHT_PALETTE);
  const [lo, hi] = heatmapDomain(values, options.domain);
  // Two-sided scales meet at the surface colour at 0; one-sided ones rise from lo to hi.
  const diverging = lo < 0 && hi > 0;
  const clamp01 = (t: number) => Math.min(1, Math.max(0, t));
  const colorOf = (v: number): Rgb => {
    if (!diverging) return mix(palette.surface, palette.gate, clamp01((v - lo) / (hi - lo)));
    return v < 0
      ? mix(palette.surface, palette.neg, clamp01(v / lo))
      : mix(palette.surface, palette.pos, clamp01(v / hi));
  };

  const rows = values.length;
  const cols = columnCount(values);
  const cells: HeatmapCell[] = [];
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const value = values[row]?.[col] ?? NaN;
      const finite = Number.isFinite(value);
      const base = { row, col, x: col * cellSize, y: row * cellSize, value, finite };
      if (!finite) {
        nonFinite++;
        cells.push({ ...base, fill: null, textColor: '#000000', text: '' });
        continue;
      }
      min = Math.min(min, value);
      max = Math.max(max, value);
      const rgb = colorOf(value);
      cells.push({
        ...base,
        fill: toCss(rgb),
        textColor: textColorFor(rgb),
        text: showValues ? shortNumber(value) : '',
      });
    }
  }

  const longestLabel = Math.max(0, ...(options.rowLabels ?? []).map((label) => label.length));
  const labelWidth = options.rowLabels ? Math.min(120, Math.max(28, 10 + 8 * longestLabel)) : 0;
  const ramp = diverging
    ? `linear-gradient(to right, ${toCss(palette.neg)}, ${toCss(palette.surface)}, ${toCss(palette.pos)})`
    : `linear-gradient(to right, ${toCss(palette.surface)}, ${toCss(palette.gate)})`;

  return {
    rows,
    cols,
    cellSize,
    labelWidth,
    gridWidth: cols * cellSize,
    gridHeight: rows * cellSize,
    domain: [lo, hi],
    diverging,
    cells,
    ramp,
    range: min <= max ? { min, max, nonFinite } : { min: NaN, max: NaN, nonFinite },
  };
}
