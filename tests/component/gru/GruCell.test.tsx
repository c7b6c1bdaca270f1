import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GRU_PRESETS, stepOf, traceCell, withGruConvention } from '../../../src/core';
import type { Lang } from '../../../src/i18n/lang';
import { LangContext } from '../../../src/i18n/useLang';
import { formatNumber } from '../../../src/ui/format';
import GruCell from '../../../src/widgets/gru/GruCell';
import { EXAMPLE_INPUTS, PRESET_CHOICES, exampleCell } from '../../../src/widgets/gru/gruModel';
import { resetGruCell } from '../../../src/widgets/gru/gruWeights';
import { useCpuRuntime } from '../lstm/setup';

beforeAll(useCpuRuntime);
beforeEach(() => resetGruCell('gru'));

async function renderAt(query = '', lang: Lang = 'ko') {
  window.location.hash = `#/lessons/gru${query ? `?${query}` : ''}`;
  const view = render(
    <LangContext value={lang}>
      <GruCell />
    </LangContext>,
  );
  await screen.findByRole('img', { name: /GRU/ });
  return view;
}

const diagram = () => screen.getByRole('img', { name: /GRU/ });
const shownH = () => screen.getByTestId('gru-h').querySelector('output')!.textContent;
const vector = (v: ArrayLike<number>) => `[${Array.from(v, (x) => formatNumber(x, 3)).join(', ')}]`;

/** The core's h at step t for the default example (seed 7) under a preset. */
function coreH(preset: keyof typeof GRU_PRESETS, t: number): string {
  const cell = withGruConvention(exampleCell(7), preset);
  const trace = traceCell(
    cell,
    EXAMPLE_INPUTS.map((r) => [...r]),
    { h0: [0, 0] },
  );
  return vector(stepOf(trace.h, trace, t));
}

describe('GruCell', () => {
  it('steps reset → update → candidate → interpolate, then on to t = 2', async () => {
    const user = userEvent.setup();
    await renderAt();
    const next = screen.getByRole('button', { name: '다음 단계' });
    const seen: string[] = [];
    for (let k = 0; k < 5; k++) {
      seen.push(`${diagram().getAttribute('data-step')}:${diagram().getAttribute('data-phase')}`);
      await user.click(next);
    }
    expect(seen).toEqual(['0:reset', '0:update', '0:candidate', '0:interpolate', '1:reset']);
    expect(document.querySelector('.lstm-equations li.is-current')).toHaveAttribute('data-eq', 'z');
  });

  it('shows h_t equal to the core trace for every preset, chosen by button or by axis', async () => {
    const user = userEvent.setup();
    await renderAt('gru.pos=11');
    expect(shownH()).toBe(coreH('course', 2));
    const presetButtons = screen.getByRole('group', { name: '이름 붙은 관례' });
    for (const name of PRESET_CHOICES) {
      await user.click(
        within(presetButtons).getByRole('button', {
          name: new RegExp(name === 'course' ? '강의' : name === 'cho2014' ? 'Cho' : 'PyTorch'),
        }),
      );
      expect(shownH()).toBe(coreH(name, 2));
      // Table of all three under the same weights.
      for (const other of PRESET_CHOICES) {
        expect(
          screen.getByTestId('gru-by-preset').querySelector(`tr[data-preset="${other}"] td`)!
            .textContent,
        ).toBe(coreH(other, 2));
      }
    }
    // The fourth combination, by the axes: course side, reset after.
    await user.click(screen.getByRole('button', { name: /\(1 − z\)가 h₋₁에/ }));
    const fourth = withGruConvention(exampleCell(7), { updateGate: 'course', resetAfter: true });
    const trace = traceCell(
      fourth,
      EXAMPLE_INPUTS.map((r) => [...r]),
      { h0: [0, 0] },
    );
    expect(shownH()).toBe(vector(stepOf(trace.h, trace, 2)));
    expect(document.querySelectorAll('.gru-changed').length).toBeGreaterThan(0);
  });

  it('marks the changed terms only away from the course form', async () => {
    await renderAt('gru.update=course&gru.resetAfter=false');
    expect(document.querySelectorAll('.lstm-equations .gru-changed')).toHaveLength(0);
  });

  it('flip demo shows two equal traces', async () => {
    await renderAt('gru.update=keras&gru.resetAfter=true');
    const flip = screen.getByTestId('gru-flip');
    const hs = (side: string) =>
      [...flip.querySelectorAll(`table[data-side="${side}"] td[data-h]`)].map(
        (td) => td.textContent,
      );
    expect(hs('original')).toEqual(hs('flipped'));
    expect(hs('original')[2]).toBe(coreH('pytorch', 2));
    expect(within(flip).getByRole('status')).toHaveTextContent('같습니다');
  });

  it('speaks English', async () => {
    await renderAt('gru.pos=3', 'en');
    expect(screen.getByRole('button', { name: 'Next step' })).toBeInTheDocument();
    expect(screen.getByTestId('gru-caption')).toHaveTextContent('Mix:');
    expect(screen.getByRole('heading', { name: 'Edit the weights' })).toBeInTheDocument();
  });

  it('edits a weight and resets it', async () => {
    const user = userEvent.setup();
    await renderAt('gru.pos=3');
    const before = shownH();
    const field = screen.getByRole('textbox', { name: 'W_h 1행 1열' });
    await user.clear(field);
    await user.type(field, '3{Enter}');
    expect(shownH()).not.toBe(before);
    await user.click(screen.getByRole('button', { name: '시드의 숫자로 되돌리기' }));
    expect(shownH()).toBe(before);
  });

  it('hides the editor and the numbers in classroom mode and steps from anywhere', async () => {
    await renderAt('classroom=1&hide=editor,numbers');
    expect(screen.queryByRole('textbox', { name: 'W_h 1행 1열' })).toBeNull();
    expect(document.querySelector('.lstm-eq-numbers')).toBeNull();
    expect(screen.queryByTestId('gru-by-preset')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(diagram()).toHaveAttribute('data-phase', 'update');
  });
});
