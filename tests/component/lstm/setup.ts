import { initBackend } from '../../../src/core/runtime';

/** The widgets start the runtime's backend first; in jsdom that is the cpu backend. */
export async function useCpuRuntime(): Promise<void> {
  await initBackend({ probe: { webgl2: false, renderer: null, wasm: false } });
}
