import { describe, expect, it } from 'vitest';
import {
  LIGHT_PALETTE,
  contrastRatio,
  heatmapDomain,
  heatmapGeometry,
  parseColor,
  shortNumber,
  textColorFor,
  type HeatmapPalette,
} from '../../../src/ui/heatmapGeometry';

const DARK_PALETTE: HeatmapPalette = {
  surface: '#181c25',
  pos: '#7db4ff',
  neg: '#ff9a6b',
  gate: '#fbbf24',
};

const rgbOf = (css: string | null) => {
  const rgb = parseColor(css ?? '');
  if (!rgb) throw new Error(`not a colour: ${css}`);
  return rgb;
};

describe('heatmapGeometry', () => {
  const values = [
    [-1, 0, 0.5],
    [0.25, NaN, 1],
  ];

  it('lays cells out row by row at the cell pitch', () => {
    const g = heatmapGeometry(values, { cellSize: 20 });
    expect(g.rows).toBe(2);
    expect(g.cols).toBe(3);
    expect(g.gridWidth).toBe(60);
    expect(g.gridHeight).toBe(40);
    const cell = g.cells[1 * 3 + 2]!;
    expect([cell.row, cell.col, cell.x, cell.y, cell.value]).toEqual([1, 2, 40, 20, 1]);
  });

  it('uses a symmetric diverging scale by default: neg … surface … pos', () => {
    const g = heatmapGeometry(values);
    expect(g.domain).toEqual([-1, 1]);
    expect(g.diverging).toBe(true);
    expect(g.cells[0]!.fill).toBe('rgb(194, 65, 12)'); // −1 → --neg
    expect(g.cells[1]!.fill).toBe('rgb(255, 255, 255)'); // 0 → --surface
    expect(g.cells[5]!.fill).toBe('rgb(29, 95, 184)'); // 1 → --pos
    expect(heatmapDomain([[0.2, -3]])).toEqual([-3, 3]);
    expect(heatmapDomain([[0, 0]])).toEqual([-1, 1]);
  });

  it("maps the 'unit' domain one-sidedly onto the gate colour and clamps", () => {
    const g = heatmapGeometry([[0, 1, 2, -1]], { domain: 'unit' });
    expect(g.diverging).toBe(false);
    expect(g.cells.map((c) => c.fill)).toEqual([
      'rgb(255, 255, 255)',
      'rgb(217, 119, 6)',
      'rgb(217, 119, 6)',
      'rgb(255, 255, 255)',
    ]);
  });

  it('marks non-finite values instead of colouring them, and counts them', () => {
    const g = heatmapGeometry([[NaN, Infinity, 0.5]]);
    expect(g.cells.map((c) => [c.finite, c.fill, c.text])).toEqual([
      [false, null, ''],
      [false, null, ''],
      [true, expect.any(String), '.50'],
    ]);
    expect(g.range).toEqual({ min: 0.5, max: 0.5, nonFinite: 2 });
    expect(g.domain).toEqual([-0.5, 0.5]);
  });

  it('pads ragged rows with NaN', () => {
    const g = heatmapGeometry([[1, 2, 3], [4]]);
    expect(g.cols).toBe(3);
    expect(g.cells.filter((c) => !c.finite)).toHaveLength(2);
  });

  it('prints values only when cells are large enough', () => {
    expect(heatmapGeometry([[0.5]], { cellSize: 28 }).cells[0]!.text).toBe('.50');
    expect(heatmapGeometry([[0.5]], { cellSize: 16 }).cells[0]!.text).toBe('');
    expect(heatmapGeometry([[0.5]], { cellSize: 16, showValues: true }).cells[0]!.text).toBe('.50');
  });

  it.each([
    ['light', LIGHT_PALETTE],
    ['dark', DARK_PALETTE],
  ])('keeps every printed value legible (≥ 4.5:1) in the %s theme', (_name, palette) => {
    const ramp = Array.from({ length: 201 }, (_, i) => -1 + i / 100);
    for (const domain of [undefined, 'unit'] as const) {
      const g = heatmapGeometry([ramp], { palette, domain });
      for (const cell of g.cells) {
        expect(contrastRatio(rgbOf(cell.fill), rgbOf(cell.textColor))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('falls back to the light palette for unreadable colours', () => {
    const g = heatmapGeometry([[1]], {
      palette: { surface: '', pos: 'nonsense', neg: '', gate: '' },
    });
    expect(g.cells[0]!.fill).toBe('rgb(29, 95, 184)');
  });

  it('makes room for row labels and offers a legend gradient', () => {
    expect(heatmapGeometry([[1]]).labelWidth).toBe(0);
    expect(heatmapGeometry([[1]], { rowLabels: ['h₁'] }).labelWidth).toBeGreaterThanOrEqual(28);
    expect(heatmapGeometry([[1]]).ramp).toMatch(/^linear-gradient\(to right, rgb\(194, 65, 12\)/);
  });
});

describe('helpers', () => {
  it('prints short numbers that fit a cell', () => {
    expect([0.523, -0.5, 0, 0.001, -0.004, 0.996, 3.21, -42.4, 1234].map(shortNumber)).toEqual([
      '.52',
      '−.50',
      '0',
      '0',
      '0',
      '1.0',
      '3.2',
      '−42',
      '1e3',
    ]);
  });

  it('parses the colour forms CSS variables come in', () => {
    expect(parseColor(' #1d5fb8')).toEqual([29, 95, 184]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseColor('var(--x)')).toBeNull();
  });

  it('picks the text colour with more contrast', () => {
    expect(textColorFor([29, 95, 184])).toBe('#ffffff');
    expect(textColorFor([255, 255, 255])).toBe('#000000');
    expect(textColorFor([217, 119, 6])).toBe('#000000');
  });
});
