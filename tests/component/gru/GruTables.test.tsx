import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import GruCompare from '../../../src/widgets/gru/GruCompare';
import GruShapes from '../../../src/widgets/gru/GruShapes';

function renderAt(query: string, ui: React.ReactNode, lang: Lang = 'ko') {
  window.location.hash = `#/lessons/gru${query ? `?${query}` : ''}`;
  return render(<LangContext value={lang}>{ui}</LangContext>);
}

const cell = (row: string, which: 'lstm' | 'gru' | 'gru-v1') =>
  Number(
    document
      .querySelector(`[data-testid="gru-compare"] tr[data-row="${row}"] td[data-${which}]`)!
      .getAttribute(`data-${which}`),
  );

describe('GruCompare', () => {
  for (const [D, H] of [
    [10, 20],
    [64, 128],
  ] as const) {
    it(`matches Keras's and PyTorch's formulas for D = ${D}, H = ${H}`, () => {
      renderAt(`gruCompare.input=${D}&gruCompare.hidden=${H}`, <GruCompare />);
      expect(cell('keras', 'gru-v1')).toBe(3 * H * (D + H + 1));
      expect(cell('keras', 'gru')).toBe(3 * H * (D + H + 2));
      expect(cell('keras', 'lstm')).toBe(4 * H * (D + H + 1));
      expect(cell('pytorch', 'lstm')).toBe(4 * H * (D + H + 2));
      expect(cell('pytorch', 'gru')).toBe(3 * H * (D + H + 2));
      expect(cell('macs', 'lstm')).toBe(4 * H * (D + H));
      expect(cell('macs', 'gru')).toBe(3 * H * (D + H));
      expect(screen.getByTestId('gru-compare')).toHaveTextContent(
        (3 * H * (D + H + 1)).toLocaleString('en-US'),
      );
      expect(screen.getByTestId('gru-compare-explain')).toHaveTextContent(
        `4H = ${(4 * H).toLocaleString('en-US')}`,
      );
    });
  }

  it('speaks English', () => {
    renderAt('', <GruCompare />, 'en');
    expect(screen.getByRole('heading', { name: 'LSTM and GRU side by side' })).toBeInTheDocument();
    expect(screen.getByText('one: hidden state h')).toBeInTheDocument();
  });
});

describe('GruShapes', () => {
  const shapes = () =>
    [...document.querySelectorAll('.gru-tensor .gru-shape-text')].map((e) => e.textContent);

  it("shows the course's PyTorch example by default", () => {
    renderAt('', <GruShapes />);
    expect(shapes()).toEqual(['(5, 3, 10)', '(1, 5, 20)', '(5, 3, 20)', '(1, 5, 20)']);
    expect(screen.getByTestId('gru-code')).toHaveTextContent('torch.Size([5, 3, 20])');
  });

  it('updates with batch_first off, two layers and both directions', () => {
    renderAt(
      'gruShapes.batchFirst=false&gruShapes.layers=2&gruShapes.bidirectional=true&gruShapes.batch=8',
      <GruShapes />,
    );
    expect(shapes()).toEqual(['(3, 8, 10)', '(4, 8, 20)', '(3, 8, 40)', '(4, 8, 20)']);
  });

  it('speaks English', () => {
    renderAt('', <GruShapes />, 'en');
    expect(screen.getByRole('heading', { name: 'Tensor shapes of nn.GRU' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /input x: shape \(5, 3, 10\)/ })).toBeInTheDocument();
  });
});
