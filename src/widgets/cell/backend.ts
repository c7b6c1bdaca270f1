import { useEffect, useState } from 'react';
import { getBackendOverride } from '../../ui/backendPreference';
import { probeGraphics } from '../../ui/probeGraphics';

let starting: Promise<void> | null = null;
let started = false;

/**
 * Starts the tensor runtime's backend for this machine (WebGL on a real GPU, else wasm, else
 * cpu: src/core/runtime) before the first tensor op, unless something on the page already
 * has, honouring the learner's pick in the header badge. Without this, tfjs would pick WebGL by itself, which on a software rasterizer is
 * several times slower for the tiny LSTMs of this lesson. Loads tfjs (lazily).
 */
export function ensureBackend(): Promise<void> {
  starting ??= (async () => {
    try {
      const runtime = await import('../../core/runtime');
      if (runtime.activeBackend()) return;
      await runtime.initBackend({ probe: probeGraphics(), override: getBackendOverride() });
    } catch (error) {
      // tfjs still falls back to its own default backend; the widgets keep working.
      console.warn('Could not start the chosen tfjs backend:', error);
    } finally {
      started = true;
    }
  })();
  return starting;
}

/** False until the backend is ready; widgets compute traces only after that. */
export function useBackendReady(): boolean {
  const [ready, setReady] = useState(started);
  useEffect(() => {
    if (started) return;
    let live = true;
    void ensureBackend().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
