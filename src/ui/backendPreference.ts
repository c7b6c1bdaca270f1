import type { BackendName } from '../core/backendChoice';
import { backendStatus } from '../core/runtime/status';
import { probeGraphics } from './probeGraphics';

const KEY = 'gatebook.backend';
const NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** The learner's own pick of tfjs backend, or null for "choose for me". */
export function getBackendOverride(): BackendName | null {
  try {
    const stored = window.localStorage.getItem(KEY);
    return NAMES.includes(stored as BackendName) ? (stored as BackendName) : null;
  } catch {
    return null;
  }
}

/**
 * Remembers the pick; when tensors already run on this page, switches at once (tfjs keeps
 * working tensors only on the backend that made them, so widgets re-run on their next step).
 */
export async function setBackendOverride(choice: BackendName | null): Promise<void> {
  try {
    if (choice) window.localStorage.setItem(KEY, choice);
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the pick still applies to this page.
  }
  if (backendStatus().phase === 'idle') return;
  const { initBackend } = await import('../core/runtime');
  await initBackend({ probe: probeGraphics(), override: choice });
}
