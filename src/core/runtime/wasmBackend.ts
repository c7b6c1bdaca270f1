// The WebAssembly backend, loaded on first use, with its binaries served by our own build
// (Vite copies them into the assets folder): nothing is fetched from a CDN at run time.
import * as tf from '@tensorflow/tfjs';
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerWasmSegmentSum } from './wasmKernels';

type WasmModule = typeof import('@tensorflow/tfjs-backend-wasm');

export interface WasmDetails {
  simd: boolean;
  /** XNNPACK threads: 1 unless the page is cross-origin isolated (SharedArrayBuffer). */
  threads: number;
}

/** The URLs the three binaries are served from (for tests and the README). */
export const WASM_BINARY_URLS = {
  'tfjs-backend-wasm.wasm': plainWasmUrl,
  'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasmUrl,
} as const;

let loading: Promise<WasmModule> | null = null;

/**
 * Wasm threads need SharedArrayBuffer, which browsers only give cross-origin isolated pages
 * (COOP + COEP headers). Elsewhere the threaded binary would fail, so it is ruled out.
 */
export function wasmThreadsAllowed(): boolean {
  return typeof crossOriginIsolated === 'boolean' && crossOriginIsolated;
}

/**
 * Imports @tensorflow/tfjs-backend-wasm (which registers the 'wasm' backend) once and points
 * it at our copies of the binaries. SIMD is used where the browser has it; threads only when
 * the page is cross-origin isolated. Adds the kernels it lacks for training (./wasmKernels).
 */
export function loadWasmBackend(): Promise<WasmModule> {
  loading ??= (async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths({ ...WASM_BINARY_URLS });
    if (!wasmThreadsAllowed()) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    registerWasmSegmentSum();
    return wasm;
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** SIMD and thread count of the running wasm backend (call after it initialised). */
export async function wasmDetails(wasm: WasmModule): Promise<WasmDetails> {
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  let threads = 1;
  try {
    threads = wasm.getThreadsCount();
  } catch {
    threads = 1;
  }
  return { simd, threads };
}
