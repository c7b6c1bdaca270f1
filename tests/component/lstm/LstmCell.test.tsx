import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCell, nextCharacterTask, type LSTMCell } from '../../../src/core';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import LstmCell from '../../../src/widgets/lstm/LstmCell';
import { setTrained } from '../../../src/widgets/lstm/trainedStore';
import { resetCell } from '../../../src/widgets/lstm/weightsStore';
import { useCpuRuntime } from './setup';

beforeAll(useCpuRuntime);
beforeEach(() => {
  resetCell('lstm');
  setTrained(null);
});

async function renderAt(query = '', lang: Lang = 'ko') {
  window.location.hash = `#/lessons/lstm${query ? `?${query}` : ''}`;
  const view = render(
    <LangContext value={lang}>
      <LstmCell />
    </LangContext>,
  );
  await screen.findByRole('img', { name: /LSTM/ });
  return view;
}

const diagram = () => screen.getByRole('img', { name: /LSTM/ });
const row = (name: string) =>
  document.querySelector<HTMLElement>(`.lstm-equations li[data-eq="${name}"]`)!;
const numbers = (name: string) => row(name).querySelector<HTMLElement>('.lstm-eq-numbers')!;
const currentRows = () =>
  [...document.querySelectorAll<HTMLElement>('.lstm-equations li.is-current')].map(
    (li) => li.dataset.eq,
  );
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');
const caption = () => screen.getByTestId('lstm-caption');

describe('LstmCell: stepping', () => {
  it('starts at t = 1 in the forget phase with f1 = σ(0.1) ≈ 0.525 and i1 ≈ 0.550', async () => {
    await renderAt();
    expect(diagram()).toHaveAttribute('data-phase', 'forget');
    expect(diagram()).toHaveAttribute('data-step', '0');
    expect(currentRows()).toEqual(['f']);
    expect(numbers('f').textContent).toContain('0.525');
    expect(numbers('i').textContent).toContain('0.550');
    expect(caption()).toHaveTextContent('52%');
    // Only the forget gate is lit.
    expect(diagram().querySelector('[data-gate="f"]')).toHaveAttribute('data-state', 'active');
    expect(diagram().querySelector('[data-gate="o"]')).toHaveAttribute('data-state', 'dim');
    expect(screen.getByText(/1\/5단계 망각 게이트/)).toBeInTheDocument();
  });

  it('steps through the five phases, then into the next time step, and back', async () => {
    const user = userEvent.setup();
    await renderAt();
    const next = screen.getByRole('button', { name: '다음 단계' });
    const seen: [string | null, string[]][] = [];
    for (let k = 0; k < 5; k++) {
      seen.push([diagram().getAttribute('data-phase'), currentRows() as string[]]);
      await user.click(next);
    }
    expect(seen).toEqual([
      ['forget', ['f']],
      ['input', ['i', 'cand']],
      ['update', ['c']],
      ['output', ['o']],
      ['emit', ['h']],
    ]);
    // Now t = 2: the numbers are step 2's (f2 of the first unit is σ(0.2 + 0.5·h1 + 0.5·h1')).
    expect(diagram()).toHaveAttribute('data-step', '1');
    expect(diagram()).toHaveAttribute('data-phase', 'forget');
    expect(hashParams().get('lstm.pos')).toBe('5');
    expect(numbers('f').textContent).toContain('0.557');
    expect(numbers('f').textContent).not.toContain('0.525');
    expect(diagram()).toHaveAccessibleName(/t = 2 \(아침에\)/);
    await user.click(screen.getByRole('button', { name: '이전 단계' }));
    expect(diagram()).toHaveAttribute('data-phase', 'emit');
    expect(diagram()).toHaveAttribute('data-step', '0');
    expect(numbers('h').textContent).toContain('0.143');
  });

  it('steps with the keyboard inside the widget', async () => {
    await renderAt();
    const widget = diagram().closest('.widget')!;
    fireEvent.keyDown(widget, { key: 'ArrowRight' });
    fireEvent.keyDown(widget, { key: 'ArrowRight' });
    expect(diagram()).toHaveAttribute('data-phase', 'update');
    fireEvent.keyDown(widget, { key: 'ArrowLeft' });
    expect(diagram()).toHaveAttribute('data-phase', 'input');
    fireEvent.keyDown(widget, { key: 'Home' });
    expect(diagram()).toHaveAttribute('data-phase', 'forget');
  });

  it('jumps to a time step from the strip, keeping the phase', async () => {
    const user = userEvent.setup();
    await renderAt('lstm.pos=3');
    const strip = screen.getByTestId('lstm-strip');
    const cMap = within(strip).getByRole('toolbar', { name: /셀 상태 c/ });
    await user.click(within(cMap).getByRole('button', { name: /t = 3 \(책을\)/ }));
    expect(diagram()).toHaveAttribute('data-step', '2');
    expect(diagram()).toHaveAttribute('data-phase', 'output');
    expect(hashParams().get('lstm.pos')).toBe('13');
  });

  it('restores the position from the link and clamps a bad one with a notice', async () => {
    const { unmount } = await renderAt('lstm.pos=14');
    expect(diagram()).toHaveAttribute('data-phase', 'emit');
    expect(diagram()).toHaveAttribute('data-step', '2');
    unmount();
    // 99 is beyond the schema (clamped to 29 with a notice), and the course has 15 positions.
    await renderAt('lstm.pos=99');
    expect(diagram()).toHaveAttribute('data-step', '2');
    expect(diagram()).toHaveAttribute('data-phase', 'emit');
    expect(hashParams().get('lstm.pos')).toBe('29');
  });
});

describe('LstmCell: hover links equations and diagram', () => {
  it('hovering a term lights its wire, and hovering a wire lights its terms', async () => {
    const user = userEvent.setup();
    await renderAt();
    const term = row('h').querySelector('.term-tanhc')!;
    await user.hover(term);
    expect(diagram().querySelector('[data-wire="tanh-out"]')).toHaveClass('is-hovered');
    await user.unhover(term);
    expect(diagram().querySelector('[data-wire="tanh-out"]')).not.toHaveClass('is-hovered');

    await user.hover(diagram().querySelector('[data-gate="o"]')!);
    const lit = [...document.querySelectorAll('.lstm-equations .term.is-highlighted')];
    expect(lit.length).toBeGreaterThan(0);
    expect(lit.every((el) => el.classList.contains('term-o'))).toBe(true);
  });
});

describe('LstmCell: editing weights', () => {
  it('applies a valid weight at once and the equation numbers follow', async () => {
    const user = userEvent.setup();
    await renderAt();
    const field = screen.getByRole('textbox', { name: 'W_f 1행 1열' });
    expect(field).toHaveValue('0.1');
    await user.clear(field);
    await user.type(field, '0.7');
    // σ(0.7) = 0.668
    expect(numbers('f').textContent).toContain('0.668');
    expect(screen.getByText('편집됨')).toBeInTheDocument();
  });

  it('rejects garbage and non-finite input with a visible message, keeping the old value', async () => {
    const user = userEvent.setup();
    await renderAt();
    const field = screen.getByRole('textbox', { name: 'W_f 1행 1열' });
    await user.clear(field);
    await user.type(field, 'abc{Enter}');
    const error = screen.getByTestId('lstm-weight-error');
    expect(error).toHaveTextContent('“abc”은(는) 숫자가 아니라서 적용하지 않았습니다');
    expect(error).toHaveTextContent('0.1을(를) 그대로');
    expect(field).toHaveValue('0.1');
    expect(numbers('f').textContent).toContain('0.525');

    await user.clear(field);
    await user.type(field, '1e999{Enter}');
    expect(error).toHaveTextContent('1e999');
    await user.clear(field);
    await user.type(field, '50');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    // "5" on the way to "50" was valid and applied; the refused 50 leaves it there.
    expect(error).toHaveTextContent(
      '50은(는) 너무 큽니다. −10부터 10 사이만 받습니다. 5을(를) 그대로',
    );
    expect(field).toHaveValue('5');
    expect(numbers('f').textContent).toContain('0.993');
  });

  it('resets to the course’s numbers: f1 shows 0.525 again', async () => {
    const user = userEvent.setup();
    await renderAt();
    const field = screen.getByRole('textbox', { name: 'W_f 1행 1열' });
    await user.clear(field);
    await user.type(field, '-5');
    expect(numbers('f').textContent).toContain('0.007');
    await user.click(screen.getByRole('button', { name: '강의 숫자로 되돌리기' }));
    expect(numbers('f').textContent).toContain('0.525');
    expect(screen.getByRole('textbox', { name: 'W_f 1행 1열' })).toHaveValue('0.1');
    expect(screen.queryByText('편집됨')).toBeNull();
  });

  it('keeps edited weights through a language switch (the lesson remounts)', async () => {
    const user = userEvent.setup();
    const { unmount } = await renderAt();
    const field = screen.getByRole('textbox', { name: 'U_f 1행 1열' });
    await user.clear(field);
    await user.type(field, '2');
    unmount();
    await renderAt('', 'en');
    expect(screen.getByRole('textbox', { name: 'U_f row 1, column 1' })).toHaveValue('2');
    expect(screen.getByText('edited')).toBeInTheDocument();
  });
});

describe('LstmCell: English, sources and classroom', () => {
  it('renders in English with the glossed words under the time axis', async () => {
    await renderAt('', 'en');
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      'An LSTM cell, one phase at a time',
    );
    const strip = screen.getByTestId('lstm-strip');
    expect(within(strip).getAllByRole('button', { name: /in the morning/ })).toHaveLength(2);
    expect(within(strip).getAllByRole('button', { name: /a book/ })).toHaveLength(2);
    expect(caption()).toHaveTextContent('Right now it keeps 52%, 60% per unit.');
    expect(screen.getByRole('button', { name: 'Reset to the course’s numbers' })).toBeVisible();
    expect(diagram()).toHaveAccessibleName(/t = 1 \(I\)/);
  });

  it('explains that there is no trained model yet, then steps through one when there is', async () => {
    const user = userEvent.setup();
    await renderAt();
    await user.click(screen.getByRole('button', { name: '학습한 모델 (hihello)' }));
    expect(screen.getByTestId('lstm-source-note')).toHaveTextContent('아직 학습한 모델이 없습니다');
    expect(diagram().closest('.widget')).toHaveAttribute('data-source', 'course');

    const task = nextCharacterTask('hihello');
    const cell = createCell({ kind: 'lstm', inputSize: 5, units: 3 }, { seed: 3 }) as LSTMCell;
    act(() =>
      setTrained({
        cell,
        denseW: new Float32Array(15).map((_, k) => ((k * 7) % 5) - 2),
        denseB: new Float32Array(5),
        vocab: task.vocab,
        inputIds: task.inputIds,
        targetIds: task.targetIds,
        predictions: new Int32Array(6),
        correct: 0,
        epochs: 12,
        loss: 1,
        hidden: 3,
      }),
    );
    expect(diagram().closest('.widget')).toHaveAttribute('data-source', 'trained');
    expect(screen.getByTestId('lstm-source-note')).toHaveTextContent('12 에포크');
    expect(
      screen.getByTestId('lstm-strip').querySelectorAll('.heatmap-columns button'),
    ).toHaveLength(12);
    expect(diagram().querySelector('.lstm-prediction')).not.toBeNull();
    expect(screen.queryByRole('textbox', { name: 'W_f 1행 1열' })).toBeNull();
  });

  it('hides the editor, the strip and the numbers in classroom mode and steps from anywhere', async () => {
    await renderAt('classroom=1&hide=editor,strip,numbers');
    expect(screen.queryByTestId('lstm-strip')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'W_f 1행 1열' })).toBeNull();
    expect(document.querySelector('.lstm-eq-numbers')).toBeNull();
    expect(caption()).not.toHaveTextContent('52%');
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(diagram()).toHaveAttribute('data-phase', 'input');
  });
});
