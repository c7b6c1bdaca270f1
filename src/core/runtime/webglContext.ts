// The WebGL context behind tfjs's webgl backend: find it, watch it for a context loss, and
// lose it on purpose (tests and the lab page). DOM types only; guarded so Node can import it.
import * as tf from '@tensorflow/tfjs';

type GL = WebGLRenderingContext | WebGL2RenderingContext;

interface WebglBackendLike {
  gpgpu?: { gl?: GL };
}

/** The GL context tfjs's webgl backend draws with, or null when webgl is not the backend. */
export function currentWebglContext(): GL | null {
  if (tf.getBackend() !== 'webgl') return null;
  try {
    return (tf.backend() as unknown as WebglBackendLike).gpgpu?.gl ?? null;
  } catch {
    return null;
  }
}

/**
 * Calls `onLost` once when `gl` loses its context ('webglcontextlost' on its canvas, which
 * works for a page canvas and an OffscreenCanvas alike); returns a function that stops
 * watching.
 */
export function watchContextLoss(gl: GL, onLost: (detail: string) => void): () => void {
  const canvas = gl.canvas as unknown as Partial<EventTarget> | null;
  if (!canvas || typeof canvas.addEventListener !== 'function') return () => {};
  let fired = false;
  const listener = () => {
    if (fired) return;
    fired = true;
    onLost("the WebGL canvas fired 'webglcontextlost'");
  };
  canvas.addEventListener('webglcontextlost', listener);
  return () => canvas.removeEventListener?.('webglcontextlost', listener);
}

/**
 * Loses tfjs's WebGL context on purpose through the WEBGL_lose_context extension, as a
 * driver reset or a GPU process crash would. Returns false when webgl is not running or the
 * extension is missing.
 */
export function forceWebglContextLoss(): boolean {
  const gl = currentWebglContext();
  const extension = gl?.getExtension('WEBGL_lose_context');
  if (!extension) return false;
  extension.loseContext();
  return true;
}
