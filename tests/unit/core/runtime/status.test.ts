import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MEMORY_POLL_MS,
  backendStatus,
  memoryStats,
  onBackendChange,
  publishBackendStatus,
  refreshMemoryStats,
  registerMemoryReader,
  resetBackendStatus,
  type BackendStatus,
} from '../../../../src/core/runtime/status';

afterEach(() => {
  registerMemoryReader(null);
  resetBackendStatus();
  vi.useRealTimers();
});

describe('backend status store (no tfjs)', () => {
  it('starts idle, replaces the object on every change and notifies listeners', () => {
    const idle = backendStatus();
    expect(idle).toMatchObject({ phase: 'idle', backend: null, memory: null, failures: [] });
    const seen: BackendStatus[] = [];
    const stop = onBackendChange((s) => seen.push(s));
    publishBackendStatus({ phase: 'ready', backend: 'wasm', reason: 'software-webgl' });
    expect(backendStatus()).not.toBe(idle);
    expect(Object.isFrozen(backendStatus())).toBe(true);
    expect(seen).toEqual([backendStatus()]);
    expect(backendStatus()).toMatchObject({ phase: 'ready', backend: 'wasm' });
    stop();
    publishBackendStatus({ phase: 'failed' });
    expect(seen).toHaveLength(1);
  });

  it('reads tensor counts only once a runtime registered a reader', () => {
    expect(memoryStats()).toBeNull();
    refreshMemoryStats();
    expect(backendStatus().memory).toBeNull();
    registerMemoryReader(() => ({ numTensors: 4, numBytes: 64 }));
    expect(memoryStats()).toEqual({ numTensors: 4, numBytes: 64 });
    refreshMemoryStats();
    expect(backendStatus().memory).toEqual({ numTensors: 4, numBytes: 64 });
    const before = backendStatus();
    refreshMemoryStats(); // unchanged: same object, no notification
    expect(backendStatus()).toBe(before);
  });

  it('polls the tensor count every second while someone listens, and stops after', () => {
    vi.useFakeTimers();
    let count = 1;
    registerMemoryReader(() => ({ numTensors: count, numBytes: count * 4 }));
    const seen: number[] = [];
    const stop = onBackendChange((s) => seen.push(s.memory?.numTensors ?? -1));
    vi.advanceTimersByTime(MEMORY_POLL_MS);
    count = 2;
    vi.advanceTimersByTime(MEMORY_POLL_MS);
    vi.advanceTimersByTime(MEMORY_POLL_MS); // no change: no call
    expect(seen).toEqual([1, 2]);
    stop();
    count = 3;
    vi.advanceTimersByTime(5 * MEMORY_POLL_MS);
    expect(seen).toEqual([1, 2]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
