import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS, DEFAULT_ACTIVATION_PARAMS } from '../../../src/core/activations';
import { LangContext } from '../../../src/i18n/useLang';
import { substitute } from '../../../src/ui/equation';
import ActivationExplorer, { ACT_SCHEMA } from '../../../src/widgets/sequences/ActivationExplorer';
import {
  ACTIVATION_TEX,
  chainVerdict,
  probe,
  scientific,
  texValues,
  yDomainFor,
} from '../../../src/widgets/sequences/activationExplorerModel';

function renderAt(query = '', lang: 'ko' | 'en' = 'ko') {
  window.location.hash = `#/lessons/sequences${query ? `?${query}` : ''}`;
  return render(
    <LangContext value={lang}>
      <ActivationExplorer />
    </LangContext>,
  );
}

const fx = () => screen.getByTestId('act-fx').textContent;
const dfx = () => screen.getByTestId('act-dfx').textContent;
const seriesIds = () =>
  [...document.querySelectorAll('.line-chart path[data-series]')].map((p) =>
    p.getAttribute('data-series'),
  );
const chainRow = (n: number) => screen.getByTestId('act-chain').querySelector(`tr[data-n="${n}"]`)!;
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

describe('ActivationExplorer', () => {
  it('starts on the sigmoid at x = 1 with f and a dashed f′', () => {
    renderAt();
    expect(screen.getByRole('button', { name: '시그모이드' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByTestId('act-x')).toHaveTextContent('1.0');
    expect(fx()).toBe('0.731');
    expect(dfx()).toBe('0.197');
    expect(seriesIds()).toEqual(['f', 'df']);
    expect(document.querySelector('path[data-series="df"]')).toHaveClass('is-dashed');
  });

  it('reads σ′(0) = 0.250 and shows the chain shrinking: 0.25²⁰ ≈ 9.09 × 10⁻¹³', () => {
    renderAt('act.x=0');
    expect(fx()).toBe('0.500');
    expect(dfx()).toBe('0.250');
    expect(chainRow(20)).toHaveTextContent('9.09 × 10−13');
    expect(chainRow(5)).toHaveTextContent('9.77 × 10−4');
    expect(screen.getByTestId('act-verdict')).toHaveTextContent('기울기 소실');
  });

  it('the probe slider moves x: σ′(4) falls to 0.018', () => {
    renderAt();
    fireEvent.change(screen.getByRole('slider', { name: '확인할 점 x' }), {
      target: { value: '4' },
    });
    expect(dfx()).toBe('0.018');
    expect(hashParams().get('act.x')).toBe('4');
    expect(chainRow(50)).toHaveTextContent('× 10−88');
  });

  it('switching function updates the read-outs, the equation and the verdict', async () => {
    const user = userEvent.setup();
    renderAt('act.x=0');
    await user.click(screen.getByRole('button', { name: 'tanh' }));
    expect(fx()).toBe('0.000');
    expect(dfx()).toBe('1.000');
    expect(screen.getByTestId('act-verdict')).toHaveClass('is-keep');
    expect(document.querySelector('.equation .katex')).not.toBeNull();
    expect(document.querySelector('.equation')).toHaveAttribute(
      'aria-label',
      expect.stringContaining('tanh'),
    );

    await user.click(screen.getByRole('button', { name: 'ReLU' }));
    fireEvent.change(screen.getByRole('slider', { name: '확인할 점 x' }), {
      target: { value: '-2' },
    });
    expect(fx()).toBe('0.000');
    expect(dfx()).toBe('0.000');
    expect(screen.getByTestId('act-verdict')).toHaveClass('is-dead');
    expect(hashParams().get('act.fn')).toBe('relu');
  });

  it('ELU shows an α slider that changes the curve', async () => {
    const user = userEvent.setup();
    renderAt('act.x=-1');
    expect(screen.queryByRole('slider', { name: 'ELU의 α' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'ELU' }));
    expect(fx()).toBe('−0.632');
    fireEvent.change(screen.getByRole('slider', { name: 'ELU의 α' }), { target: { value: '2' } });
    expect(fx()).toBe('−1.264');
    expect(dfx()).toBe('0.736');
  });

  it('Maxout takes two lines, with presets that reproduce ReLU', async () => {
    const user = userEvent.setup();
    renderAt('act.fn=maxout&act.x=-2');
    expect(fx()).toBe('2.000'); // default lines x and −x: |x|
    expect(dfx()).toBe('−1.000');
    const presets = screen.getByRole('group', { name: 'Maxout 예시' });
    expect(within(presets).getByRole('button', { name: '|x|' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(within(presets).getByRole('button', { name: 'ReLU와 같게' }));
    expect(fx()).toBe('0.000');
    expect(within(presets).getByRole('button', { name: 'ReLU와 같게' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    fireEvent.change(screen.getByRole('slider', { name: '둘째 직선 w₂' }), {
      target: { value: '2' },
    });
    expect(dfx()).toBe('1.000'); // at x = −2: 1·x = −2 beats 2·x = −4
    expect(screen.getByTestId('act-verdict')).toHaveClass('is-keep');
  });

  it('the derivative can be hidden, and all derivatives compared', async () => {
    const user = userEvent.setup();
    renderAt();
    await user.click(screen.getByRole('checkbox', { name: '미분 f′(x)도 그리기' }));
    expect(seriesIds()).toEqual(['f']);
    expect(hashParams().get('act.derivative')).toBe('0');
    await user.click(screen.getByRole('checkbox', { name: '여섯 함수의 미분 겹쳐 보기' }));
    expect(seriesIds()).toEqual(ACTIVATION_IDS.map((id) => `d-${id}`));
  });

  it('pressing on the chart moves the probe', () => {
    renderAt();
    const target = document.querySelector('.line-chart .hover-target')!;
    // jsdom has no layout: the chart is 640 px wide with a 58 px left margin → 566 px for 12 units.
    fireEvent.pointerDown(target, { clientX: 283 });
    expect(screen.getByTestId('act-x')).toHaveTextContent('0.0');
    expect(dfx()).toBe('0.250');
  });

  it('garbage in the URL is clamped or reset without crashing', () => {
    renderAt('act.x=1e9&act.fn=zzz&act.alpha=-5&act.derivative=maybe&shapes.shape=zzz');
    expect(screen.getByTestId('act-x')).toHaveTextContent('6.0');
    expect(screen.getByRole('button', { name: '시그모이드' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(seriesIds()).toEqual(['f', 'df']);
    expect(hashParams().get('act.x')).toBe(String(ACT_SCHEMA.x.max));
    expect(hashParams().get('act.fn')).toBeNull();
  });

  it('speaks English inside an English page', async () => {
    const user = userEvent.setup();
    renderAt('act.x=0', 'en');
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      'Activation functions and their derivatives',
    );
    expect(screen.getByRole('button', { name: 'sigmoid' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('slider', { name: 'Probe point x' })).toBeInTheDocument();
    expect(screen.getByTestId('act-verdict')).toHaveTextContent('vanishing gradient');
    expect(screen.getByText(/Even at its best point/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'ELU' }));
    expect(screen.getByRole('slider', { name: 'ELU α' })).toBeInTheDocument();
  });
});

describe('activationExplorerModel', () => {
  it('every TeX constant compiles in KaTeX with its live values, including negative ones', () => {
    for (const id of ACTIVATION_IDS) {
      const params = { ...DEFAULT_ACTIVATION_PARAMS, alpha: 1.5 };
      for (const x of [-2.5, 0, 3]) {
        const tex = substitute(ACTIVATION_TEX[id], texValues(id, params, probe(id, params, x)));
        expect(() =>
          katex.renderToString(tex, {
            displayMode: true,
            throwOnError: true,
            trust: true,
            strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
          }),
        ).not.toThrow();
      }
    }
  });

  it('classifies a chain by the size of its factor', () => {
    expect(chainVerdict(0)).toBe('dead');
    expect(chainVerdict(0.25)).toBe('vanish');
    expect(chainVerdict(-1)).toBe('keep');
    expect(chainVerdict(1.5)).toBe('explode');
  });

  it('writes small and large numbers as mantissa × 10^exponent', () => {
    expect(scientific(9.094947e-13, 2)).toEqual({ mantissa: '9.1', exponent: -13 });
    expect(scientific(0.19661)).toEqual({ mantissa: '0.197', exponent: null });
    expect(scientific(1)).toEqual({ mantissa: '1', exponent: null });
    expect(scientific(0)).toEqual({ mantissa: '0', exponent: null });
    expect(scientific(1.1259e15)).toEqual({ mantissa: '1.13', exponent: 15 });
  });

  it('keeps y = 0 and y = 1 in view and pads the range', () => {
    const [lo, hi] = yDomainFor([[0.2, 0.4]]);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(1);
    const [lo2, hi2] = yDomainFor([[-3, 14]]);
    expect(lo2).toBeLessThan(-3);
    expect(hi2).toBeGreaterThan(14);
  });
});
