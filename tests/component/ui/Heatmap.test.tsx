import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { LangContext } from '../../../src/i18n/useLang';
import { Heatmap } from '../../../src/ui/Heatmap';

const values = [
  [0.52512, -0.25, 0.1, 0.9],
  [-1, 0, NaN, 0.3],
];
const rowLabels = ['h₁', 'h₂'];

const cellsOf = (container: HTMLElement) =>
  Array.from(container.querySelectorAll<SVGGElement>('g.cell'));

describe('Heatmap', () => {
  it('draws one cell per value with its exact value in a <title>', () => {
    const { container } = render(
      <Heatmap values={values} rowLabels={rowLabels} ariaLabel="은닉 상태 히트맵" />,
    );
    expect(cellsOf(container)).toHaveLength(8);
    const first = container.querySelector('g.column[data-col="0"] g.cell');
    expect(first?.querySelector('title')).toHaveTextContent('h₁, t = 1: 0.52512');
    expect(first?.querySelector('text')).toHaveTextContent('.53');
    // Text colour follows the fill's luminance: dark on a pale cell, white on a deep one.
    expect(first?.querySelector('text')?.style.fill).toBe('rgb(0, 0, 0)');
    const deep = container.querySelector<SVGTextElement>('g.column[data-col="3"] g.cell text');
    expect(deep).toHaveTextContent('.90');
    expect(deep?.style.fill).toBe('rgb(255, 255, 255)');
    const rowLabelTexts = Array.from(
      container.querySelectorAll('.row-label'),
      (t) => t.textContent,
    );
    expect(rowLabelTexts).toEqual(rowLabels);
  });

  it('draws non-finite values hatched, without a number', () => {
    const { container } = render(<Heatmap values={values} ariaLabel="히트맵" />);
    const nan = container.querySelector('g.column[data-col="2"] g.cell:nth-child(2)');
    const rect = nan?.querySelector('rect');
    expect(rect).toHaveClass('is-non-finite');
    expect(rect?.style.fill).toMatch(/^url\("?#.*-hatch"?\)$/);
    expect(nan?.querySelector('text')).toBeNull();
    expect(nan?.querySelector('title')).toHaveTextContent('NaN');
    expect(container.querySelector('figcaption')).toHaveTextContent(
      '1개 값은 유한한 수가 아닙니다',
    );
  });

  it('outlines the current column and describes it for screen readers', () => {
    const { container, rerender } = render(
      <Heatmap values={values} rowLabels={rowLabels} current={1} ariaLabel="히트맵" />,
    );
    const outline = () => container.querySelector<SVGRectElement>('.current-column');
    expect(outline()?.style.transform).toBe('translateX(28px)');
    expect(container.querySelector('figcaption')).toHaveTextContent(
      '현재 t = 2: h₁ −0.25, h₂ 0.00',
    );
    rerender(<Heatmap values={values} rowLabels={rowLabels} current={3} ariaLabel="히트맵" />);
    expect(outline()?.style.transform).toBe('translateX(84px)');
    rerender(<Heatmap values={values} rowLabels={rowLabels} current={9} ariaLabel="히트맵" />);
    expect(outline()).toBeNull();
  });

  it('animates the outline unless the learner prefers reduced motion', () => {
    const original = window.matchMedia;
    const { container, unmount } = render(<Heatmap values={values} current={1} ariaLabel="h" />);
    expect(container.querySelector<SVGRectElement>('.current-column')?.style.transition).toBe(
      'transform 180ms ease-out',
    );
    unmount();
    window.matchMedia = ((query: string) => ({
      ...original(query),
      matches: query.includes('reduce'),
    })) as typeof window.matchMedia;
    try {
      const reduced = render(<Heatmap values={values} current={1} ariaLabel="h" />);
      expect(
        reduced.container.querySelector<SVGRectElement>('.current-column')?.style.transition,
      ).toBe('transform 0ms ease-out');
    } finally {
      window.matchMedia = original;
    }
  });

  it('jumps to a step from a click on its column', () => {
    const onSelect = vi.fn();
    const { container } = render(
      <Heatmap values={values} onSelect={onSelect} ariaLabel="히트맵" />,
    );
    fireEvent.click(container.querySelector('g.column[data-col="2"] rect')!);
    expect(onSelect).toHaveBeenCalledWith(2);
  });

  it('offers one roving tab stop over the columns, with ←/→/Home/End and Enter', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(
      <>
        <button type="button">before</button>
        <Heatmap
          values={values}
          colLabels={['x₁', 'x₂', 'x₃', 'x₄']}
          current={1}
          onSelect={onSelect}
          ariaLabel="은닉 상태 히트맵"
        />
      </>,
    );
    const toolbar = screen.getByRole('toolbar', { name: '은닉 상태 히트맵: 단계 선택' });
    expect(toolbar).toBeInTheDocument();
    const current = screen.getByRole('button', { name: 't = 2 (x₂) 단계로 이동' });
    expect(current).toHaveAttribute('aria-current', 'step');
    expect(current).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('button', { name: 't = 1 (x₁) 단계로 이동' })).toHaveAttribute(
      'tabindex',
      '-1',
    );

    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    expect(current).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    const third = screen.getByRole('button', { name: 't = 3 (x₃) 단계로 이동' });
    expect(third).toHaveFocus();
    expect(third).toHaveAttribute('tabindex', '0');
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: /t = 4/ })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: /t = 4/ })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: /t = 1/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(0);
    await user.keyboard('{ArrowRight}[Space]');
    expect(onSelect).toHaveBeenLastCalledWith(1);
  });

  it('has no focusable columns without onSelect', () => {
    render(<Heatmap values={values} ariaLabel="히트맵" />);
    // The only button is the figure's export control; no column is a button.
    expect(screen.queryAllByRole('button', { name: /단계로 이동/ })).toHaveLength(0);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['⤓ 내보내기']);
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('passes axe, with and without selectable columns', async () => {
    const plain = render(
      <Heatmap values={values} rowLabels={rowLabels} current={0} ariaLabel="히트맵" />,
    );
    let results = await axe.run(plain.container);
    expect(results.violations.map((v) => v.id)).toEqual([]);
    plain.unmount();
    const interactive = render(
      <Heatmap values={values} current={0} onSelect={() => {}} ariaLabel="히트맵" />,
    );
    results = await axe.run(interactive.container);
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('speaks English when the page does', () => {
    const { container } = render(
      <LangContext.Provider value="en">
        <Heatmap values={values} current={0} onSelect={() => {}} ariaLabel="Hidden state" />
      </LangContext.Provider>,
    );
    expect(screen.getByRole('button', { name: 'Go to step t = 1' })).toBeInTheDocument();
    expect(container.querySelector('figcaption')).toHaveTextContent(
      '2 rows × 4 columns, with values from −1.00 to 0.90.',
    );
    expect(container.querySelector('figcaption')).toHaveTextContent(
      'Now at t = 1: row 1 0.53, row 2 −1.00',
    );
  });

  it('renders nothing broken for empty input', () => {
    const { container } = render(<Heatmap values={[]} ariaLabel="히트맵" />);
    expect(cellsOf(container)).toHaveLength(0);
    expect(container.querySelector('figcaption')).toHaveTextContent('아직 표시할 값이 없습니다.');
  });
});
