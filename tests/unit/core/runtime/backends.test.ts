import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphicsProbe } from '../../../../src/core';
import {
  activeBackend,
  backendStatus,
  fallbackOrder,
  initBackend,
  memoryStats,
  onWebglContextLost,
  recoverFromContextLoss,
  webglContextLost,
} from '../../../../src/core/runtime';

// In Node there is no canvas: tfjs's webgl backend cannot start, which exercises the fallback.
const noGraphics: GraphicsProbe = { webgl2: false, renderer: null, wasm: false };
const gpu: GraphicsProbe = { webgl2: true, renderer: 'ANGLE (NVIDIA GeForce)', wasm: false };
const swiftShader: GraphicsProbe = { webgl2: true, renderer: 'SwiftShader', wasm: true };

beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // tfjs reports the failed webgl start
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('fallbackOrder', () => {
  it('goes webgl → wasm → cpu from the first choice, skipping what cannot run', () => {
    expect(fallbackOrder('webgl', swiftShader)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(fallbackOrder('wasm', swiftShader)).toEqual(['wasm', 'cpu']);
    expect(fallbackOrder('cpu', swiftShader)).toEqual(['cpu']);
    expect(fallbackOrder('webgl', gpu)).toEqual(['webgl', 'cpu']); // no WebAssembly
    expect(fallbackOrder('wasm', gpu)).toEqual(['wasm', 'cpu']); // asked for by name
    expect(fallbackOrder('webgl', swiftShader, new Set(['webgl']))).toEqual(['wasm', 'cpu']);
  });
});

describe('initBackend in Node', () => {
  it('starts cpu when there is neither WebGL nor WebAssembly, and publishes it', async () => {
    const result = await initBackend({ probe: noGraphics });
    expect(result).toEqual({ backend: 'cpu', reason: 'no-wasm', failures: [] });
    expect(tf.getBackend()).toBe('cpu');
    expect(activeBackend()).toBe(result);
    expect(backendStatus()).toMatchObject({
      phase: 'ready',
      backend: 'cpu',
      planned: { backend: 'cpu', reason: 'no-wasm' },
      fellBackFrom: null,
    });
    expect(memoryStats()).toEqual({
      numTensors: tf.memory().numTensors,
      numBytes: tf.memory().numBytes,
    });
  });

  it('falls back from a webgl that cannot start, saying so', async () => {
    const result = await initBackend({ probe: gpu });
    expect(result.backend).toBe('cpu');
    expect(result.reason).toBe('hardware-webgl');
    expect(result.fellBackFrom).toBe('webgl');
    expect(result.failures).toEqual([
      expect.objectContaining({ backend: 'webgl', kind: 'init-failed' }),
    ]);
    expect(backendStatus()).toMatchObject({ backend: 'cpu', fellBackFrom: 'webgl' });
  });

  it('serialises concurrent calls and answers a repeated request from the running backend', async () => {
    const [a, b] = await Promise.all([
      initBackend({ probe: noGraphics, override: 'cpu' }),
      initBackend({ probe: noGraphics, override: 'cpu' }),
    ]);
    expect(a.backend).toBe('cpu');
    expect(b).toBe(a);
  });

  it('after a context loss, moves on and never tries webgl again on this page', async () => {
    expect(webglContextLost()).toBe(false);
    const heard = vi.fn();
    const stop = onWebglContextLost(heard);
    const recovered = await recoverFromContextLoss();
    expect(recovered).toMatchObject({ backend: 'cpu', fellBackFrom: 'webgl' });
    expect(recovered.failures).toEqual([
      expect.objectContaining({ backend: 'webgl', kind: 'context-lost' }),
    ]);
    expect(await recoverFromContextLoss()).toBe(recovered); // one recovery for everyone
    expect(webglContextLost()).toBe(true);
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    const again = await initBackend({ probe: gpu, override: 'webgl' });
    expect(again.backend).toBe('cpu');
    expect(again.fellBackFrom).toBe('webgl');
    expect(again.failures[0]).toMatchObject({ backend: 'webgl', kind: 'context-lost' });
  });
});
