import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LangContext } from '../../../src/i18n/useLang';
import { StepControls, type StepControlsProps } from '../../../src/ui/StepControls';
import { usePlayback } from '../../../src/ui/usePlayback';

type HarnessProps = Omit<StepControlsProps, 'playback'> & {
  count?: number;
  start?: number;
  onStep?: (step: number) => void;
};

/** A widget that keeps its own step, as the real widgets keep it in the URL. */
function Harness({ count = 6, start = 0, onStep, ...props }: HarnessProps) {
  const [step, setStep] = useState(start);
  const playback = usePlayback({
    count,
    step,
    onStep: (n) => {
      onStep?.(n);
      setStep(n);
    },
  });
  return (
    <div className="widget" data-testid="widget">
      <StepControls playback={playback} {...props} />
      <input aria-label="other input" />
    </div>
  );
}

const readout = () => screen.getByRole('status');

describe('usePlayback', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(count: number, initial = 0, intervalMs = 900) {
    let step = initial;
    const onStep = vi.fn((n: number) => {
      step = n;
    });
    const hook = renderHook(() => usePlayback({ count, step, onStep, intervalMs }));
    const rerender = () => hook.rerender();
    return {
      hook,
      onStep,
      rerender,
      get step() {
        return step;
      },
    };
  }

  it('clamps requested steps and skips no-op requests', () => {
    const { hook, onStep } = setup(5, 2);
    act(() => hook.result.current.setStep(99));
    expect(onStep).toHaveBeenLastCalledWith(4);
    act(() => hook.result.current.setStep(-3));
    expect(onStep).toHaveBeenLastCalledWith(0);
    onStep.mockClear();
    act(() => hook.result.current.setStep(2));
    expect(onStep).not.toHaveBeenCalled();
  });

  it('advances once per interval / speed and stops at the last step without wrapping', () => {
    const s = setup(3, 0, 1000);
    act(() => s.hook.result.current.setSpeed(2));
    act(() => s.hook.result.current.play());
    expect(s.hook.result.current.playing).toBe(true);
    act(() => vi.advanceTimersByTime(499));
    expect(s.onStep).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(s.onStep).toHaveBeenLastCalledWith(1);
    s.rerender();
    act(() => vi.advanceTimersByTime(500));
    expect(s.onStep).toHaveBeenLastCalledWith(2);
    s.rerender();
    expect(s.hook.result.current.playing).toBe(false);
    act(() => vi.advanceTimersByTime(5000));
    expect(s.onStep).toHaveBeenCalledTimes(2);
  });

  it('restarts from 0 when played at the last step', () => {
    const s = setup(4, 3);
    act(() => s.hook.result.current.play());
    expect(s.onStep).toHaveBeenLastCalledWith(0);
    expect(s.hook.result.current.playing).toBe(true);
  });

  it('clears its timer on pause and on unmount', () => {
    const s = setup(5, 0);
    act(() => s.hook.result.current.play());
    act(() => s.hook.result.current.pause());
    act(() => vi.advanceTimersByTime(5000));
    expect(s.onStep).not.toHaveBeenCalled();
    act(() => s.hook.result.current.play());
    s.hook.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('first() goes back to 0 and stops', () => {
    const s = setup(5, 3);
    act(() => s.hook.result.current.play());
    act(() => s.hook.result.current.first());
    expect(s.onStep).toHaveBeenLastCalledWith(0);
    expect(s.hook.result.current.playing).toBe(false);
  });

  it('ignores speeds that are not positive numbers', () => {
    const s = setup(5);
    act(() => s.hook.result.current.setSpeed(0));
    act(() => s.hook.result.current.setSpeed(NaN));
    expect(s.hook.result.current.speed).toBe(1);
  });
});

describe('StepControls', () => {
  it('labels every control in Korean by default', () => {
    render(<Harness label="시간 스텝" />);
    expect(screen.getByRole('group', { name: '시간 스텝' })).toBeInTheDocument();
    for (const name of ['처음으로', '이전 단계', '재생', '다음 단계']) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: '재생' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: '다음 단계' }).title).toContain('→');
    expect(screen.getByRole('button', { name: '처음으로' }).title).toContain('Home');
    expect(screen.getByRole('combobox', { name: '속도' })).toHaveValue('1');
    expect(readout()).toHaveTextContent('단계 1 / 6');
    expect(readout()).toHaveAttribute('aria-live', 'polite');
  });

  it('speaks English when the page does', () => {
    render(
      <LangContext.Provider value="en">
        <Harness />
      </LangContext.Provider>,
    );
    expect(screen.getByRole('button', { name: 'Next step' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Step controls' })).toBeInTheDocument();
    expect(readout()).toHaveTextContent('Step 1 of 6');
  });

  it('steps with the buttons and offers four speeds', async () => {
    const user = userEvent.setup();
    render(<Harness stepLabel={(i) => `t = ${i + 1}`} />);
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(readout()).toHaveTextContent('t = 3');
    await user.click(screen.getByRole('button', { name: '이전 단계' }));
    expect(readout()).toHaveTextContent('t = 2');
    await user.click(screen.getByRole('button', { name: '처음으로' }));
    expect(readout()).toHaveTextContent('t = 1');
    expect(screen.getByRole('button', { name: '이전 단계' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    const speed = screen.getByRole('combobox', { name: '속도' });
    expect(Array.from((speed as HTMLSelectElement).options, (o) => o.text)).toEqual([
      '0.5×',
      '1×',
      '2×',
      '4×',
    ]);
    await user.selectOptions(speed, '4');
    expect(speed).toHaveValue('4');
  });

  it('plays on its timer and marks the button pressed', () => {
    vi.useFakeTimers();
    try {
      render(<Harness count={3} />);
      const play = screen.getByRole('button', { name: '재생' });
      fireEvent.click(play);
      expect(play).toHaveAttribute('aria-pressed', 'true');
      expect(readout()).toHaveAttribute('aria-live', 'off');
      act(() => vi.advanceTimersByTime(900));
      expect(readout()).toHaveTextContent('단계 2 / 3');
      act(() => vi.advanceTimersByTime(900));
      expect(readout()).toHaveTextContent('단계 3 / 3');
      expect(play).toHaveAttribute('aria-pressed', 'false');
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers ←, →, Home and Space inside its widget, and prevents scrolling', () => {
    vi.useFakeTimers();
    try {
      render(<Harness />);
      const widget = screen.getByTestId('widget');
      fireEvent.keyDown(widget, { key: 'ArrowRight' });
      fireEvent.keyDown(widget, { key: 'ArrowRight' });
      expect(readout()).toHaveTextContent('단계 3 / 6');
      fireEvent.keyDown(widget, { key: 'ArrowLeft' });
      expect(readout()).toHaveTextContent('단계 2 / 6');
      fireEvent.keyDown(widget, { key: 'Home' });
      expect(readout()).toHaveTextContent('단계 1 / 6');
      const notScrolled = fireEvent.keyDown(widget, { key: ' ' });
      expect(notScrolled).toBe(false);
      expect(screen.getByRole('button', { name: '재생' })).toHaveAttribute('aria-pressed', 'true');
      fireEvent.keyDown(widget, { key: ' ' });
      expect(screen.getByRole('button', { name: '재생' })).toHaveAttribute('aria-pressed', 'false');
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves keys alone in fields, with modifiers, and outside its widget', () => {
    const onStep = vi.fn();
    render(
      <>
        <Harness onStep={onStep} />
        <button type="button">outside</button>
      </>,
    );
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'other input' }), { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getByRole('combobox', { name: '속도' }), { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getByTestId('widget'), { key: 'ArrowRight', ctrlKey: true });
    fireEvent.keyDown(screen.getByTestId('widget'), { key: 'ArrowRight', altKey: true });
    fireEvent.keyDown(screen.getByRole('button', { name: 'outside' }), { key: 'ArrowRight' });
    const unhandled = fireEvent.keyDown(screen.getByTestId('widget'), { key: 'a' });
    expect(unhandled).toBe(true);
    expect(onStep).not.toHaveBeenCalled();
  });

  it('lets a focused button handle Space itself', () => {
    render(<Harness />);
    const next = screen.getByRole('button', { name: '다음 단계' });
    const notHandled = fireEvent.keyDown(next, { key: ' ' });
    expect(notHandled).toBe(true);
    expect(screen.getByRole('button', { name: '재생' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('keeps two widgets on one page apart', () => {
    render(
      <>
        <Harness label="A" />
        <Harness label="B" />
      </>,
    );
    const [first, second] = screen.getAllByTestId('widget');
    fireEvent.keyDown(second!, { key: 'ArrowRight' });
    const [readA, readB] = screen.getAllByRole('status');
    expect(readA).toHaveTextContent('단계 1 / 6');
    expect(readB).toHaveTextContent('단계 2 / 6');
    expect(first).toBeDefined();
  });

  it('listens on the whole document in classroom mode, and stops listening on unmount', () => {
    const onStep = vi.fn();
    const { unmount } = render(<Harness keyboard="document" onStep={onStep} />);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(onStep).toHaveBeenCalledWith(1);
    unmount();
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(onStep).toHaveBeenCalledTimes(1);
  });
});
