import { describe, expect, it } from 'vitest';
import {
  formatTick,
  isDrawable,
  lineChartGeometry,
  nearestIndex,
  seriesColor,
  thinPoints,
  type ChartSeries,
} from '../../../src/ui/lineChartGeometry';

const bare = { top: 0, right: 0, bottom: 0, left: 0 };
const series = (points: [number, number][], id = 's'): ChartSeries => ({
  id,
  label: id,
  points: points.map(([x, y]) => ({ x, y })),
});

describe('lineChartGeometry', () => {
  it('maps data to pixels with niced domains and d3 path strings', () => {
    const g = lineChartGeometry(
      [
        series([
          [0, 0],
          [5, 0.5],
          [10, 1],
        ]),
      ],
      {
        width: 100,
        height: 50,
        margins: bare,
      },
    );
    expect(g.xDomain).toEqual([0, 10]);
    expect(g.yDomain).toEqual([0, 1]);
    expect(g.paths[0]!.d).toBe('M0,50L50,25L100,0');
    expect(g.xTicks[0]).toBe(0);
    expect(g.xTicks.at(-1)).toBe(10);
    expect(g.yTicks).toContain(0.5);
  });

  it('subtracts the margins from the drawing area', () => {
    const g = lineChartGeometry([], { width: 640, height: 240 });
    expect(g.innerWidth).toBe(640 - g.margins.left - g.margins.right);
    expect(g.innerHeight).toBe(240 - g.margins.top - g.margins.bottom);
  });

  it('uses given domains as they are', () => {
    const g = lineChartGeometry(
      [
        series([
          [1, 0.3],
          [3, 0.7],
        ]),
      ],
      {
        width: 100,
        height: 100,
        margins: bare,
        xDomain: [0, 4],
        yDomain: [0, 1],
      },
    );
    expect(g.xDomain).toEqual([0, 4]);
    expect(g.yDomain).toEqual([0, 1]);
    expect(g.paths[0]!.d).toBe('M25,70L75,30');
  });

  it('breaks the line at non-finite points', () => {
    const g = lineChartGeometry(
      [
        series([
          [0, 1],
          [1, 2],
          [2, NaN],
          [3, Infinity],
          [4, 2],
          [5, 1],
        ]),
      ],
      { width: 100, height: 100, margins: bare },
    );
    const d = g.paths[0]!.d;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(g.yDomain).toEqual([1, 2]);
  });

  it('ignores y ≤ 0 on a log scale, in the domain and in the path', () => {
    const g = lineChartGeometry(
      [
        series([
          [0, 1],
          [1, 0],
          [2, 0.01],
          [3, -1],
          [4, 0.001],
        ]),
      ],
      {
        width: 100,
        height: 100,
        margins: bare,
        yScale: 'log',
      },
    );
    expect(g.yDomain).toEqual([0.001, 1]);
    expect(g.yTicks).toEqual([0.001, 0.01, 0.1, 1]);
    expect(g.paths[0]!.d.match(/M/g)).toHaveLength(3);
    expect(g.paths[0]!.d).not.toContain('NaN');
  });

  it('refuses a log domain that includes 0 and falls back to the data', () => {
    const g = lineChartGeometry(
      [
        series([
          [0, 0.5],
          [1, 5],
        ]),
      ],
      {
        width: 100,
        height: 100,
        yScale: 'log',
        yDomain: [0, 10],
      },
    );
    expect(g.yDomain).toEqual([0.1, 10]);
  });

  it('gives empty and flat data a usable domain', () => {
    expect(lineChartGeometry([], { width: 100, height: 100 }).yDomain).toEqual([0, 1]);
    const flat = lineChartGeometry(
      [
        series([
          [0, 2],
          [1, 2],
        ]),
      ],
      { width: 100, height: 100 },
    );
    expect(flat.yDomain[0]).toBeLessThan(2);
    expect(flat.yDomain[1]).toBeGreaterThan(2);
    const single = lineChartGeometry([series([[3, 0]])], { width: 100, height: 100 });
    expect(single.xDomain).toEqual([2, 4]);
    expect(single.yDomain).toEqual([-1, 1]);
  });

  it('keeps markers in view', () => {
    const g = lineChartGeometry(
      [
        series([
          [0, 0],
          [1, 1],
        ]),
      ],
      {
        width: 100,
        height: 100,
        markers: [{ x: 2, y: 3 }],
      },
    );
    expect(g.xDomain[1]).toBeGreaterThanOrEqual(2);
    expect(g.yDomain[1]).toBeGreaterThanOrEqual(3);
  });

  it('thins very long series to a few points per pixel', () => {
    const long = series(Array.from({ length: 20000 }, (_, i) => [i, Math.sin(i / 100)]));
    const g = lineChartGeometry([long], { width: 200, height: 100, margins: bare });
    expect(g.paths[0]!.drawn).toBeLessThanOrEqual(200 * 4 + 4);
    expect(g.paths[0]!.drawn).toBeGreaterThan(200);
    expect(g.yDomain).toEqual([-1, 1]);
  });
});

describe('thinPoints', () => {
  const px = (x: number) => x;
  it('keeps first, lowest, highest and last of each pixel column, in order', () => {
    const points = [0.1, 0.2, 0.3, 0.4, 0.5].map((x, i) => ({ x, y: [3, 9, 1, 5, 4][i]! }));
    expect(thinPoints(points, px, () => true, 2).map((p) => p.y)).toEqual([3, 9, 1, 4]);
  });

  it('keeps gaps and leaves unsorted series alone', () => {
    const gap = [
      { x: 0.1, y: 1 },
      { x: 0.2, y: NaN },
      { x: 0.3, y: 2 },
    ];
    expect(thinPoints(gap, px, (p) => isDrawable(p), 1)).toEqual(gap);
    const unsorted = [
      { x: 2, y: 1 },
      { x: 1, y: 1 },
      { x: 3, y: 1 },
    ];
    expect(thinPoints(unsorted, px, () => true, 1)).toBe(unsorted);
  });
});

describe('helpers', () => {
  it('finds the nearest drawable point', () => {
    const s = series([
      [0, 1],
      [1, NaN],
      [2, 3],
      [10, 4],
    ]);
    expect(nearestIndex(s.points, 0.9)).toBe(0);
    expect(nearestIndex(s.points, 5)).toBe(2);
    expect(nearestIndex([], 5)).toBe(-1);
  });

  it('formats ticks briefly with a real minus', () => {
    expect([0, 0.5, 0.30000000000000004, -3, 1e-4, -2.5e-7, 123456].map(formatTick)).toEqual([
      '0',
      '0.5',
      '0.3',
      '−3',
      '1e−4',
      '−2.5e−7',
      '1.23e5',
    ]);
  });

  it('cycles the six series colours unless one is given', () => {
    expect(seriesColor({}, 0)).toBe('var(--series-1)');
    expect(seriesColor({}, 7)).toBe('var(--series-2)');
    expect(seriesColor({ color: 'var(--gate)' }, 0)).toBe('var(--gate)');
  });
});
