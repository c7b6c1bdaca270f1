/**
 * Widgets below the first screen are not built while the page loads: each mounts when it
 * comes near the viewport, or, failing that, in the browser's idle time once the learner
 * starts using the page (or has been reading it for a few seconds), one widget per idle
 * slot, top to bottom. The first screen gets the main thread to itself, and every widget is
 * still ready long before a learner scrolls to it.
 */

/** How far outside the viewport a widget starts to mount (one screen above and below). */
export const NEAR_VIEWPORT_MARGIN = '100% 0px';
/** Reading time after the load event before idle mounting starts without any input. */
const SETTLE_MS = 4000;
const INPUT_EVENTS = ['scroll', 'wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

type Job = () => void;
const queue: Job[] = [];
let pumping = false;
let settled: Promise<void> | null = null;

function pageSettled(): Promise<void> {
  settled ??= new Promise<void>((resolve) => {
    const done = () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, done, true);
      resolve();
    };
    for (const type of INPUT_EVENTS) {
      window.addEventListener(type, done, { capture: true, passive: true, once: true });
    }
    const wait = () => setTimeout(done, SETTLE_MS);
    if (document.readyState === 'complete') wait();
    else window.addEventListener('load', wait, { once: true });
  });
  return settled;
}

function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(run, { timeout: 2000 });
  } else {
    setTimeout(run, 50);
  }
}

function pump(): void {
  if (pumping || queue.length === 0) return;
  pumping = true;
  void pageSettled().then(() =>
    whenIdle(() => {
      pumping = false;
      queue.shift()?.();
      pump();
    }),
  );
}

/** Runs `job` in a later idle slot (in the order asked); returns a cancel function. */
export function mountWhenIdle(job: Job): () => void {
  queue.push(job);
  pump();
  return () => {
    const index = queue.indexOf(job);
    if (index >= 0) queue.splice(index, 1);
  };
}

/** Whether this environment can tell what is near the viewport (jsdom and old browsers cannot). */
export function canDefer(): boolean {
  return typeof window !== 'undefined' && typeof window.IntersectionObserver === 'function';
}
