import { act, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { LangContext } from '../../../src/i18n/useLang';
import { LineChart, type ChartSeries } from '../../../src/ui/LineChart';
import { lineChartGeometry } from '../../../src/ui/lineChartGeometry';

const loss: ChartSeries = {
  id: 'loss',
  label: '손실',
  points: [
    { x: 1, y: 0.9 },
    { x: 2, y: 0.6 },
    { x: 3, y: 0.45 },
    { x: 4, y: 0.4 },
  ],
};
const valLoss: ChartSeries = {
  id: 'val',
  label: '검증 손실',
  dashed: true,
  points: [
    { x: 1, y: 1 },
    { x: 2, y: 0.8 },
    { x: 3, y: 0.7 },
    { x: 4, y: 0.72 },
  ],
};

function chart(props: Partial<Parameters<typeof LineChart>[0]> = {}) {
  return (
    <LineChart
      series={[loss]}
      xLabel="에포크"
      yLabel="손실"
      ariaLabel="학습 손실 곡선"
      {...props}
    />
  );
}

const pathOf = (container: HTMLElement, id: string) =>
  container.querySelector<SVGPathElement>(`path[data-series="${id}"]`);

describe('LineChart', () => {
  it('draws each series with the path the geometry computes', () => {
    const { container } = render(chart({ series: [loss, valLoss] }));
    const expected = lineChartGeometry([loss, valLoss], { width: 640, height: 240 });
    expect(pathOf(container, 'loss')?.getAttribute('d')).toBe(expected.paths[0]!.d);
    expect(pathOf(container, 'val')?.getAttribute('d')).toBe(expected.paths[1]!.d);
    expect(pathOf(container, 'val')).toHaveClass('is-dashed');
    expect(pathOf(container, 'loss')?.style.stroke).toBe('var(--series-1)');
    expect(pathOf(container, 'val')?.style.stroke).toBe('var(--series-2)');
  });

  it('lets d3-axis draw the ticks', () => {
    const { container } = render(chart());
    const yTicks = Array.from(
      container.querySelectorAll('.axis-y .tick text'),
      (t) => t.textContent,
    );
    expect(yTicks).toContain('0.4');
    expect(yTicks).toContain('0.9');
    expect(container.querySelectorAll('.axis-x .tick').length).toBeGreaterThan(1);
  });

  it('hides the SVG and describes the data in text instead', async () => {
    const { container } = render(chart({ series: [loss, valLoss] }));
    expect(screen.getByRole('figure', { name: '학습 손실 곡선' })).toBeInTheDocument();
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    const summary = container.querySelector('figcaption.sr-only');
    expect(summary).toHaveTextContent('가로축: 에포크, 세로축: 손실');
    expect(summary).toHaveTextContent('손실: 점 4개, 마지막 값 0.400');
    expect(summary).toHaveTextContent('검증 손실: 점 4개, 마지막 값 0.720');
    const results = await axe.run(container);
    expect(results.passes.length).toBeGreaterThan(0);
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('summarises in English too, and names the log scale', () => {
    const { container } = render(
      <LangContext.Provider value="en">
        {chart({
          series: [
            { ...loss, label: 'loss' },
            { id: 'e', label: 'empty', points: [] },
          ],
          yScale: 'log',
          yLabel: 'loss',
        })}
      </LangContext.Provider>,
    );
    const summary = container.querySelector('figcaption');
    expect(summary).toHaveTextContent('loss: 4 points, last value 0.400');
    expect(summary).toHaveTextContent('empty: no data yet');
    expect(summary).toHaveTextContent('vertical axis: loss (log scale)');
  });

  it('shows a legend only for several series', () => {
    const { container, rerender } = render(chart());
    expect(container.querySelector('.line-chart-legend')).toBeNull();
    rerender(chart({ series: [loss, valLoss] }));
    const items = container.querySelectorAll('.line-chart-legend li');
    expect(Array.from(items, (li) => li.textContent)).toEqual(['손실', '검증 손실']);
  });

  it('breaks the line at NaN instead of crashing', () => {
    const broken: ChartSeries = {
      id: 'b',
      label: 'b',
      points: [
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 2, y: NaN },
        { x: 3, y: 2 },
        { x: 4, y: 1 },
      ],
    };
    const { container } = render(chart({ series: [broken] }));
    const d = pathOf(container, 'b')?.getAttribute('d') ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).not.toContain('NaN');
    expect(container.querySelector('figcaption')).toHaveTextContent('마지막 값 1.000');
  });

  it('shows a rule and every series value at the nearest x on hover', () => {
    const onPointerX = vi.fn();
    const { container } = render(chart({ series: [loss, valLoss], onPointerX }));
    const target = container.querySelector('.hover-target')!;
    const g = lineChartGeometry([loss, valLoss], { width: 640, height: 240 });
    // jsdom's boxes sit at 0,0, so clientX is the offset inside the plot.
    fireEvent.pointerMove(target, { clientX: g.xScale(2.9) });
    expect(onPointerX).toHaveBeenLastCalledWith(expect.closeTo(2.9, 6));
    const rule = container.querySelector('.hover-rule');
    expect(Number(rule?.getAttribute('x1'))).toBeCloseTo(g.xScale(3));
    const tooltip = container.querySelector('.line-chart-tooltip');
    expect(tooltip).toHaveTextContent('에포크 3.000');
    expect(tooltip).toHaveTextContent('손실: 0.450');
    expect(tooltip).toHaveTextContent('검증 손실: 0.700');
    fireEvent.pointerLeave(target);
    expect(onPointerX).toHaveBeenLastCalledWith(null);
    expect(container.querySelector('.line-chart-tooltip')).toBeNull();
  });

  it('draws markers where the data says', () => {
    const { container } = render(chart({ markers: [{ x: 2, y: 0.6, label: 'x' }] }));
    const marker = container.querySelector('.marker');
    const g = lineChartGeometry([loss], { width: 640, height: 240, markers: [{ x: 2, y: 0.6 }] });
    expect(marker?.getAttribute('transform')).toBe(`translate(${g.xScale(2)},${g.yScale(0.6)})`);
    expect(marker).toHaveTextContent('x');
  });

  it('follows its container width', () => {
    let report: ResizeObserverCallback = () => {};
    const original = window.ResizeObserver;
    window.ResizeObserver = class {
      constructor(callback: ResizeObserverCallback) {
        report = callback;
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    try {
      const { container } = render(chart());
      expect(container.querySelector('svg')).toHaveAttribute('width', '640');
      act(() =>
        report([{ contentRect: { width: 390 } } as ResizeObserverEntry], {} as ResizeObserver),
      );
      expect(container.querySelector('svg')).toHaveAttribute('width', '390');
    } finally {
      window.ResizeObserver = original;
    }
  });

  it('streams: appending points updates the same path element, even past 2,000 points', () => {
    const points = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ x: i, y: Math.exp(-i / 500) + 0.01 * Math.sin(i) }));
    const { container, rerender } = render(chart({ series: [{ ...loss, points: points(1000) }] }));
    const before = pathOf(container, 'loss');
    const dBefore = before?.getAttribute('d');
    const started = performance.now();
    rerender(chart({ series: [{ ...loss, points: points(2500) }] }));
    expect(performance.now() - started).toBeLessThan(500);
    const after = pathOf(container, 'loss');
    expect(after).toBe(before);
    expect(after?.getAttribute('d')).not.toBe(dBefore);
    expect(container.querySelector('figcaption')).toHaveTextContent('점 2500개');
  });
});
