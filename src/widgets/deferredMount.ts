/**
 * Widgets (and lesson sections) below the first screen are not built while the page loads:
 * each mounts when it comes near the viewport, or, failing that, in the browser's idle time
 * once the learner starts using the page (a scroll, a key, a tap), one per idle slot, top to
 * bottom. The first screen gets the main thread to itself, and the rest is ready long before
 * a learner scrolls to it. A learner who only reads gets the rest after a fallback delay.
 */

/** How far outside the viewport a widget starts to mount (a quarter screen above and below; once
 * the learner scrolls, the idle queue builds the rest ahead of them anyway). */
export const NEAR_VIEWPORT_MARGIN = '25% 0px';
/** Without any input, idle mounting starts this long after the load event. */
const FALLBACK_MS = 10_000;
const INPUT_EVENTS = ['scroll', 'wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

type Job = () => void;
const queue: Job[] = [];
let pumping = false;

/** Resolves at the learner's first input (listened for from the moment this module loads). */
const started: Promise<void> =
  typeof window === 'undefined'
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const start = () => {
          for (const type of INPUT_EVENTS) window.removeEventListener(type, start, true);
          resolve();
        };
        for (const type of INPUT_EVENTS) {
          window.addEventListener(type, start, { capture: true, passive: true });
        }
        const fallback = () => setTimeout(start, FALLBACK_MS);
        if (document.readyState === 'complete') fallback();
        else window.addEventListener('load', fallback, { once: true });
      });

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
  void started.then(() =>
    whenIdle(() => {
      pumping = false;
      queue.shift()?.();
      pump();
    }),
  );
}

/** Runs `job` in an idle slot once the learner has started (in the order asked); returns a cancel. */
export function mountWhenIdle(job: Job): () => void {
  queue.push(job);
  pump();
  return () => {
    const index = queue.indexOf(job);
    if (index >= 0) queue.splice(index, 1);
  };
}

/**
 * Whether mounting waits: in a browser that can tell what is near the viewport (jsdom and old
 * browsers cannot, and build everything at once), and in the build-time render, whose HTML
 * must hold what the browser's first render holds: the first screen, the rest as placeholders.
 */
export function canDefer(): boolean {
  if (typeof window === 'undefined') return true;
  return typeof window.IntersectionObserver === 'function';
}
