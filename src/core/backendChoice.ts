/** What the page found out about the machine's graphics, gathered outside the core. */
export interface GraphicsProbe {
  webgl2: boolean;
  /** Unmasked renderer string, e.g. "ANGLE (NVIDIA …)" or "SwiftShader"; null when hidden. */
  renderer: string | null;
  wasm: boolean;
}

export type BackendName = 'webgl' | 'wasm' | 'cpu';

export type BackendReason =
  'hardware-webgl' | 'software-webgl' | 'no-webgl' | 'no-wasm' | 'user-choice';

export interface BackendChoice {
  backend: BackendName;
  reason: BackendReason;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer !== null && SOFTWARE_RENDERERS.test(renderer);
}

/**
 * WebGL only pays off on a real GPU: on a software rasterizer it is several times slower
 * than wasm and spends seconds compiling shaders, so there we prefer wasm, then cpu.
 */
export function chooseBackend(probe: GraphicsProbe, override?: BackendName | null): BackendChoice {
  if (override) return { backend: override, reason: 'user-choice' };
  if (probe.webgl2 && !isSoftwareRenderer(probe.renderer)) {
    return { backend: 'webgl', reason: 'hardware-webgl' };
  }
  const reason: BackendReason = probe.webgl2 ? 'software-webgl' : 'no-webgl';
  if (probe.wasm) return { backend: 'wasm', reason };
  return { backend: 'cpu', reason: 'no-wasm' };
}
