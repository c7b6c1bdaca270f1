import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import BpttNorms from '../../../src/widgets/bptt/BpttNorms';
import GradientClipping from '../../../src/widgets/bptt/GradientClipping';
import GradientDescent from '../../../src/widgets/bptt/GradientDescent';
import { resetClipping } from '../../../src/widgets/bptt/clippingStore';
import { useCpuRuntime } from '../lstm/setup';

beforeAll(useCpuRuntime);
// The clipping run lives in a module store (it outlives remounts): start each test afresh.
afterEach(resetClipping);

function renderAt(node: ReactNode, query = '', lang: Lang = 'ko') {
  window.location.hash = `#/lessons/bptt${query ? `?${query}` : ''}`;
  return render(<LangContext value={lang}>{node}</LangContext>);
}
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

/** The y values of a chart's first series path, read back from the drawn d (SVG y grows down). */
function pathYs(chartName: RegExp | string, index = 0): number[] {
  const path = screen.getByRole('figure', { name: chartName }).querySelectorAll('path.series')[
    index
  ]!;
  const d = path.getAttribute('d')!;
  return [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => Number(m[2]));
}

describe('GradientDescent', () => {
  it('steps x_{k+1} = x_k − μ f′(x_k) and tells converging from diverging', async () => {
    const user = userEvent.setup();
    renderAt(<GradientDescent />);
    expect(screen.getByTestId('gd-readout')).toHaveTextContent('x_k = 1.8');
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(hashParams().get('gd.k')).toBe('1');
    expect(screen.getByTestId('gd-readout')).toHaveTextContent('x_k = 1.44');
    const contour = screen.getByRole('img', { name: /f\(x, y\) = x² \+ 4y²/ });
    expect(contour.getAttribute('data-points')).toBe('2');
    expect(screen.getByTestId('gd-factors')).toHaveTextContent('x는 0.800배, y는 0.200배');
    expect(document.querySelector('.gd')!.getAttribute('data-outcome')).toBe('converging');
    await user.click(screen.getByRole('button', { name: '발산 (μ = 1.1)' }));
    expect(hashParams().get('gd.lr')).toBe('1.1');
    expect(document.querySelector('.gd')!.getAttribute('data-outcome')).toBe('diverging');
    expect(screen.getByTestId('gd-outcome')).toHaveTextContent('발산합니다');
    await user.click(screen.getByRole('button', { name: '진동하며 수렴 (μ = 0.9)' }));
    expect(document.querySelector('.gd')!.getAttribute('data-outcome')).toBe('zigzag');
  });
});

describe('GradientDescent in two variables', () => {
  it('starts the walk on x² + 4y² where the link or the sliders put it', async () => {
    const user = userEvent.setup();
    renderAt(<GradientDescent />, 'gd.sx=-2&gd.sy=-1&gd.lr=0.2', 'en');
    const contour = screen.getByRole('img', { name: /f\(x, y\) = x² \+ 4y²/ });
    expect(contour.getAttribute('data-start')).toBe('-2,-1');
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    // One step: x ← (1 − 2μ)x = 0.6·(−2), y ← (1 − 8μ)y = −0.6·(−1).
    const circles = contour.querySelectorAll('circle.gd-dot');
    expect(circles).toHaveLength(2);
    expect(Number(circles[1]!.getAttribute('cx'))).toBeCloseTo(-1.2, 6);
    expect(Number(circles[1]!.getAttribute('cy'))).toBeCloseTo(-0.6, 6);
    fireEvent.change(screen.getByRole('slider', { name: 'Start y₀ (two variables)' }), {
      target: { value: '-0.95' },
    });
    expect(hashParams().get('gd.sy')).toBe('-0.95');
    expect(contour.getAttribute('data-points')).toBe('1');
    expect(contour.getAttribute('data-start')).toBe('-2,-0.95');
    expect(screen.getByTestId('gd-readout')).toHaveTextContent('x_k = 1.8');
  });
});

describe('BpttNorms', () => {
  it('presets reproduce vanishing and exploding in the plotted norms', async () => {
    const user = userEvent.setup();
    renderAt(<BpttNorms />, '', 'en');
    const widget = () => document.querySelector<HTMLElement>('.bptt-norms')!;
    await user.click(screen.getByRole('button', { name: 'Reproduce vanishing' }));
    await waitFor(() => expect(widget().dataset.trendRnn).toBe('vanishing'), { timeout: 15_000 });
    await waitFor(() => expect(widget().dataset.ready).toBe('true'));
    // SVG y grows downwards: a norm that falls going back in time is drawn lower at t = 1.
    let ys = pathYs('‖∂L/∂h_t‖ by time step (log axis)');
    expect(ys[0]!).toBeGreaterThan(ys[ys.length - 1]!);
    // The unrolled diagram: 100 steps shown as their first three and last six, with a gap;
    // the error arriving at h₁ is drawn thinner than the one arriving at h₁₀₀.
    const flow = screen.getByRole('img', { name: /error flowing backwards/ });
    expect(flow.getAttribute('data-columns')).toBe('10');
    expect(flow).toHaveTextContent('steps 4–94 left out');
    const backWidth = (step: number) =>
      Number(
        flow
          .querySelector(`[data-row="rnn"] [data-step="${step}"] line.bptt-flow-back`)!
          .getAttribute('stroke-width'),
      );
    expect(backWidth(1)).toBeLessThan(backWidth(100));
    expect(hashParams().get('norms.steps')).toBe('100');
    await user.click(screen.getByRole('button', { name: 'Reproduce exploding' }));
    await waitFor(() => expect(widget().dataset.trendRnn).toBe('exploding'), { timeout: 15_000 });
    await waitFor(() => expect(widget().dataset.ready).toBe('true'));
    ys = pathYs('‖∂L/∂h_t‖ by time step (log axis)');
    expect(ys[0]!).toBeLessThan(ys[ys.length - 1]!);
    expect(backWidth(1)).toBeGreaterThan(backWidth(Number(hashParams().get('norms.steps'))));
    expect(screen.getByTestId('norms-summary')).toHaveTextContent('exploding gradient');
  });
});

describe('GradientClipping', () => {
  it('shows the NaN rollback message without clipping and finishes with it', async () => {
    const user = userEvent.setup();
    renderAt(<GradientClipping />, 'clip.mode=none');
    await user.click(screen.getByRole('button', { name: '학습 시작' }));
    const widget = () => document.querySelector<HTMLElement>('.clip')!;
    await waitFor(() => expect(widget().dataset.status).toBe('diverged'), { timeout: 20_000 });
    expect(screen.getByRole('alert')).toHaveTextContent('기울기 클리핑을 켜거나');
    await user.click(screen.getByRole('button', { name: '텐서별 (clipnorm, 강의 방식)' }));
    expect(hashParams().get('clip.mode')).toBeNull();
    await user.click(screen.getByRole('button', { name: '학습 시작' }));
    await waitFor(() => expect(widget().dataset.status).toBe('completed'), { timeout: 20_000 });
    expect(screen.getByTestId('clip-result')).toHaveTextContent('클리핑된 스텝 비율');
    expect(screen.queryByRole('alert')).toBeNull();
  }, 45_000);
});

describe('GradientClipping across a language switch', () => {
  it('keeps training when the lesson remounts in the other language', async () => {
    const user = userEvent.setup();
    const first = renderAt(<GradientClipping />, 'clip.epochs=3');
    await user.click(screen.getByRole('button', { name: '학습 시작' }));
    const widget = () => document.querySelector<HTMLElement>('.clip')!;
    await waitFor(() => expect(screen.getByText(/학습 중… [1-9]/)).toBeInTheDocument(), {
      timeout: 20_000,
    });
    first.unmount();
    renderAt(<GradientClipping />, 'clip.epochs=3', 'en');
    expect(widget().dataset.status).toBe('running');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await waitFor(() => expect(widget().dataset.status).toBe('completed'), { timeout: 60_000 });
    expect(screen.getByTestId('clip-result')).toHaveTextContent('fraction of steps clipped');
    expect(screen.getByRole('figure', { name: 'Gradient norm by step (log axis)' })).toBeTruthy();
  }, 90_000);
});
