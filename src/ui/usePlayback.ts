import { useCallback, useEffect, useEffectEvent, useState } from 'react';

/** Playback speeds offered to learners (multiples of the base interval's rate). */
export const PLAYBACK_SPEEDS = [0.5, 1, 2, 4] as const;

export interface PlaybackOptions {
  /** Number of steps; valid steps are 0 … count − 1. */
  count: number;
  /** The current step, owned by the caller (often the URL state). */
  step: number;
  /** Asked to move to a step, already clamped to 0 … count − 1. */
  onStep: (step: number) => void;
  initialSpeed?: number;
  /** Time between steps at speed 1. */
  intervalMs?: number;
}

export interface Playback {
  step: number;
  count: number;
  playing: boolean;
  speed: number;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  next: () => void;
  prev: () => void;
  /** Back to step 0; also stops playing (a reset). */
  first: () => void;
  setSpeed: (speed: number) => void;
  setStep: (step: number) => void;
}

export function clampStep(step: number, count: number): number {
  if (count <= 0 || !Number.isFinite(step)) return 0;
  return Math.min(count - 1, Math.max(0, Math.round(step)));
}

/**
 * Steps through a sequence, on request or on a timer. The step itself lives with the caller;
 * this hook only asks for changes through `onStep`. Playing stops at the last step.
 */
export function usePlayback({
  count,
  step,
  onStep,
  initialSpeed = 1,
  intervalMs = 900,
}: PlaybackOptions): Playback {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeedState] = useState(initialSpeed);
  const last = Math.max(0, count - 1);

  const goTo = useCallback(
    (target: number) => {
      const clamped = clampStep(target, count);
      if (clamped !== step) onStep(clamped);
    },
    [count, step, onStep],
  );

  const advance = useEffectEvent(() => {
    if (step >= last) {
      setPlaying(false);
      return;
    }
    onStep(step + 1);
    if (step + 1 >= last) setPlaying(false);
  });

  // One timeout per step: when the caller's step changes (by us or by anyone), the wait
  // starts again from there, so a click elsewhere never makes the next step come early.
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(advance, intervalMs / speed);
    return () => clearTimeout(timer);
  }, [playing, step, speed, intervalMs]);

  const play = useCallback(() => {
    if (count <= 1) return;
    if (step >= last) onStep(0);
    setPlaying(true);
  }, [count, step, last, onStep]);
  const pause = useCallback(() => setPlaying(false), []);
  const toggle = useCallback(() => (playing ? pause() : play()), [playing, pause, play]);
  const next = useCallback(() => goTo(step + 1), [goTo, step]);
  const prev = useCallback(() => goTo(step - 1), [goTo, step]);
  const first = useCallback(() => {
    setPlaying(false);
    goTo(0);
  }, [goTo]);
  const setSpeed = useCallback((value: number) => {
    if (Number.isFinite(value) && value > 0) setSpeedState(value);
  }, []);

  return {
    step: clampStep(step, count),
    count,
    playing,
    speed,
    play,
    pause,
    toggle,
    next,
    prev,
    first,
    setSpeed,
    setStep: goTo,
  };
}
