import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/app/App';
import { documentStepTarget } from '../../../src/ui/StepControls';

function goTo(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('the lesson remote (keyboard map)', () => {
  it('opens with ?, traps focus, closes with Esc and gives focus back (ko)', async () => {
    const user = userEvent.setup();
    goTo('#/lessons/sequences');
    render(<App />);
    const opener = screen.getByTestId('keyboard-help-open');
    opener.focus();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: '수업 리모컨: 키보드 단축키' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveTextContent('이전 단계 / 다음 단계');
    const close = screen.getByRole('button', { name: '닫기' });
    expect(close).toHaveFocus();
    // Only one focusable control: Tab and Shift+Tab stay on it.
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(close).toHaveFocus();
    // The page behind is inert while the dialog is open.
    expect(document.querySelector('header')?.inert).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelector('header')?.inert).toBe(false);
    expect(opener).toHaveFocus();
  });

  it('opens from the header button in English and in classroom mode, where Esc closes only the dialog', async () => {
    const user = userEvent.setup();
    goTo('#/lessons/sequences?lang=en&classroom=1');
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Lesson remote: keyboard shortcuts' })).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(window.location.hash).toContain('classroom=1');
  });

  it('does not open while the learner types', async () => {
    const user = userEvent.setup();
    goTo('#/lessons/sequences');
    render(<App />);
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    input.remove();
  });
});

describe('classroom stepping picks one widget', () => {
  function page() {
    document.body.innerHTML = `
      <section class="widget" id="a"><button id="a-btn">x</button><div class="step-controls" id="a-steps"></div></section>
      <section class="widget" id="b"><button id="b-btn">x</button><div class="step-controls" id="b-steps"></div></section>
      <section class="widget" id="c"><button id="c-btn">x</button></section>`;
  }

  it('steps the focused widget, else the first stepper', () => {
    page();
    expect(documentStepTarget(document)?.id).toBe('a-steps');
    document.getElementById('b-btn')!.focus();
    expect(documentStepTarget(document)?.id).toBe('b-steps');
    // Focus in a widget without a stepper: back to the first one on screen (or on the page).
    document.getElementById('c-btn')!.focus();
    expect(documentStepTarget(document)?.id).toBe('a-steps');
    document.body.innerHTML = '';
  });

  it('prefers a stepper on screen over one scrolled away', () => {
    page();
    const boxes: Record<string, Partial<DOMRect>> = {
      a: { top: -900, bottom: -100, height: 800 },
      b: { top: 100, bottom: 600, height: 500 },
    };
    for (const [id, box] of Object.entries(boxes)) {
      document.getElementById(id)!.getBoundingClientRect = () => box as DOMRect;
    }
    expect(documentStepTarget(document)?.id).toBe('b-steps');
    document.body.innerHTML = '';
  });
});
