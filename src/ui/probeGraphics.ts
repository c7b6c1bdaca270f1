import type { GraphicsProbe } from '../core/backendChoice';

let cached: GraphicsProbe | null = null;

/** Asks the browser what WebGL really runs on; done once per page. */
export function probeGraphics(): GraphicsProbe {
  if (cached) return cached;
  let webgl2 = false;
  let renderer: string | null = null;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (gl) {
      webgl2 = true;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    webgl2 = false;
  }
  cached = { webgl2, renderer, wasm: typeof WebAssembly === 'object' };
  return cached;
}
