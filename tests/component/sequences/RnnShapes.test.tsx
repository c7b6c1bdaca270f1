import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LangContext } from '../../../src/i18n/useLang';
import { clearNotices } from '../../../src/state/notices';
import RnnShapes, { SHAPES_SCHEMA } from '../../../src/widgets/sequences/RnnShapes';

function renderAt(query = '', lang: 'ko' | 'en' = 'ko') {
  window.location.hash = `#/lessons/sequences${query ? `?${query}` : ''}`;
  return render(
    <LangContext value={lang}>
      <RnnShapes />
    </LangContext>,
  );
}

const diagram = () => screen.getByRole('img');
const nodes = (kind: string) => diagram().querySelectorAll(`.rnn-node-${kind}`);
const node = (id: string) => diagram().querySelector(`[data-node="${id}"]`)!;
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

describe('RnnShapes', () => {
  it('starts as a many-to-one network of length 4, stated in the SVG label', () => {
    renderAt();
    expect(screen.getByRole('button', { name: /다대일/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /다대다/ })).toHaveAttribute('aria-pressed', 'false');
    expect(diagram()).toHaveAttribute('aria-label', expect.stringContaining('다대일'));
    expect(diagram()).toHaveAttribute('aria-label', expect.stringContaining('4개'));
    expect(nodes('cell')).toHaveLength(4);
    expect(nodes('input')).toHaveLength(4);
    expect(nodes('output')).toHaveLength(1);
    expect(node('y4')).not.toBeNull();
    expect(screen.getByTestId('rnn-example')).toHaveTextContent('별로지만');
    expect(screen.getByTestId('rnn-example')).toHaveTextContent('긍정');
  });

  it('switching the shape changes the nodes, the label, the example and the URL', async () => {
    const user = userEvent.setup();
    renderAt();
    await user.click(screen.getByRole('button', { name: /다대다/ }));
    expect(nodes('output')).toHaveLength(4);
    expect(nodes('input')).toHaveLength(4);
    expect(diagram()).toHaveAttribute('aria-label', expect.stringContaining('다대다'));
    expect(hashParams().get('shapes.shape')).toBe('many-to-many');

    await user.click(screen.getByRole('button', { name: /일대다/ }));
    expect(nodes('input')).toHaveLength(1);
    expect(nodes('output')).toHaveLength(4);
    expect(screen.getByTestId('rnn-example')).toHaveTextContent('캡션');
    expect(screen.getByRole('button', { name: /일대다/ })).toHaveAttribute('aria-pressed', 'true');
  });

  it('the hidden-state arrows are labelled h1, h2, … and an initial state h0 enters the first cell', () => {
    renderAt('shapes.length=3');
    const labels = [...diagram().querySelectorAll('.rnn-edge-label')].map((l) => l.textContent);
    expect(labels).toEqual(['h1', 'h2']);
    expect(node('h0')).not.toBeNull();
  });

  it('the length slider unrolls more steps', () => {
    renderAt();
    fireEvent.change(screen.getByRole('slider', { name: '시퀀스 길이 T' }), {
      target: { value: '7' },
    });
    expect(nodes('cell')).toHaveLength(7);
    expect(diagram()).toHaveAttribute('data-length', '7');
    expect(diagram()).toHaveAttribute('aria-label', expect.stringContaining('7개'));
    expect(hashParams().get('shapes.length')).toBe('7');
  });

  it('steps forward with the controls and the keyboard, highlighting the current step', async () => {
    const user = userEvent.setup();
    renderAt();
    expect(node('cell1')).toHaveClass('is-current');
    expect(node('cell2')).toHaveClass('is-future');

    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(node('cell1')).toHaveClass('is-done');
    expect(node('cell2')).toHaveClass('is-current');
    expect(diagram().querySelector('[data-edge="x2->cell2"]')).toHaveClass('is-current');
    expect(diagram().querySelector('[data-edge="cell2->cell3"]')).toHaveClass('is-current');
    expect(hashParams().get('shapes.step')).toBe('1');
    expect(screen.getByTestId('rnn-step-summary')).toHaveTextContent('t = 2');

    const widget = screen.getByRole('region');
    act(() => {
      widget.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(node('cell3')).toHaveClass('is-current');

    // the last step of many-to-one produces the output and passes nothing on
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(node('cell4')).toHaveClass('is-current');
    expect(diagram().querySelector('[data-edge="cell4->y4"]')).toHaveClass('is-current');
    expect(screen.getByTestId('rnn-step-summary')).toHaveTextContent('출력 y4');
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(node('cell4')).toHaveClass('is-current');
  });

  it('shortening the sequence pulls the step back inside it', () => {
    renderAt('shapes.length=8&shapes.step=6');
    expect(node('cell7')).toHaveClass('is-current');
    fireEvent.change(screen.getByRole('slider'), { target: { value: '3' } });
    expect(node('cell3')).toHaveClass('is-current');
    expect(hashParams().get('shapes.step')).toBe('2');
  });

  it('one-to-one fixes the length at 1, disables the slider and says why', async () => {
    const user = userEvent.setup();
    renderAt('shapes.length=6&shapes.step=3');
    await user.click(screen.getByRole('button', { name: /일대일/ }));
    const slider = screen.getByRole('slider');
    expect(slider).toBeDisabled();
    expect(slider).toHaveValue('1');
    expect(screen.getByText(/길이가 1로 고정/)).toBeInTheDocument();
    expect(nodes('cell')).toHaveLength(1);
    expect(node('h0')).toBeNull();
    expect(node('cell1')).toHaveClass('is-current');
    // the chosen length is kept for the other shapes
    await user.click(screen.getByRole('button', { name: /다대다/ }));
    expect(screen.getByRole('slider')).not.toBeDisabled();
    expect(nodes('cell')).toHaveLength(6);
  });

  it('has a visually hidden description of the structure', () => {
    renderAt('shapes.shape=one-to-many&shapes.length=3');
    const id = diagram().getAttribute('aria-describedby')!;
    const description = document.getElementById(id)!;
    expect(description).toHaveTextContent('x1');
    expect(description).toHaveTextContent('y1, y2, y3');
  });

  it('garbage in the URL falls back to defaults and clamps without crashing', () => {
    clearNotices();
    renderAt('shapes.shape=zzz&shapes.length=1e9&shapes.step=-4&act.x=1e9');
    expect(screen.getByRole('button', { name: /다대일/ })).toHaveAttribute('aria-pressed', 'true');
    expect(nodes('cell')).toHaveLength(SHAPES_SCHEMA.length.max);
    expect(node('cell1')).toHaveClass('is-current');
    expect(hashParams().get('shapes.shape')).toBeNull(); // rewritten to the canonical link
    expect(hashParams().get('shapes.length')).toBe('10');
  });

  it('speaks English inside an English page', async () => {
    const user = userEvent.setup();
    renderAt('', 'en');
    expect(screen.getByRole('heading')).toHaveTextContent('The four shapes of RNN tasks');
    const group = screen.getByRole('group', { name: 'Task shape' });
    for (const name of ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many']) {
      expect(within(group).getByRole('button', { name })).toBeInTheDocument();
    }
    expect(diagram()).toHaveAttribute(
      'aria-label',
      'A many-to-one RNN unrolled over 4 time steps, now at t = 1',
    );
    expect(screen.getByRole('slider', { name: 'Sequence length T' })).toBeInTheDocument();
    expect(screen.getByTestId('rnn-example')).toHaveTextContent('positive');
    await user.click(within(group).getByRole('button', { name: 'one-to-one' }));
    expect(screen.getByText(/fixed at 1/)).toBeInTheDocument();
    expect(diagram().querySelector('.rnn-node-cell text')).toHaveTextContent('cell');
  });
});
