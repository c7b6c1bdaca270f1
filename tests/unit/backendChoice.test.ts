import { describe, expect, it } from 'vitest';
import { chooseBackend, isSoftwareRenderer } from '../../src/core/backendChoice';

describe('backend choice', () => {
  it('uses WebGL on a real GPU', () => {
    const choice = chooseBackend({
      webgl2: true,
      renderer: 'ANGLE (NVIDIA, NVIDIA H100 ...)',
      wasm: true,
    });
    expect(choice).toEqual({ backend: 'webgl', reason: 'hardware-webgl' });
  });

  it('prefers wasm over software WebGL', () => {
    for (const renderer of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
    ]) {
      expect(isSoftwareRenderer(renderer)).toBe(true);
      expect(chooseBackend({ webgl2: true, renderer, wasm: true })).toEqual({
        backend: 'wasm',
        reason: 'software-webgl',
      });
    }
  });

  it('falls back to wasm, then cpu', () => {
    expect(chooseBackend({ webgl2: false, renderer: null, wasm: true }).backend).toBe('wasm');
    expect(chooseBackend({ webgl2: false, renderer: null, wasm: false })).toEqual({
      backend: 'cpu',
      reason: 'no-wasm',
    });
  });

  it('lets the learner override', () => {
    expect(chooseBackend({ webgl2: true, renderer: 'SwiftShader', wasm: true }, 'webgl')).toEqual({
      backend: 'webgl',
      reason: 'user-choice',
    });
  });
});
