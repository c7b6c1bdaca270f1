import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmSegmentSum } from '../../../../src/core/runtime/wasmKernels';

// The Embedding lookup is tf.gather; its gradient is UnsortedSegmentSum, which tfjs's wasm
// backend lacks. The core registers a kernel for it when it loads wasm.
describe('wasm kernels the core adds', () => {
  let previous = '';
  beforeAll(async () => {
    previous = tf.getBackend();
    await import('@tensorflow/tfjs-backend-wasm');
    registerWasmSegmentSum();
    await tf.setBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend(previous || 'cpu');
  });

  it('train an Embedding lookup: the gradient of gather matches the hand sum', () => {
    const before = tf.memory().numTensors;
    const init = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
    const table = tf.variable(init);
    const ids = tf.tensor1d([2, 0, 2, 3], 'int32');
    const weights = tf.tensor2d([1, 10, 100, 1000, 2, 20, 3, 30], [4, 2]);
    const { value, grads } = tf.variableGrads(
      () => tf.sum(tf.mul(tf.gather(table, ids), weights)),
      [table],
    );
    // Row 0 gets [100, 1000]; row 2 gets [1, 10] + [2, 20]; row 3 [3, 30]; row 1 nothing.
    expect(Array.from(grads[table.name]!.dataSync())).toEqual([100, 1000, 0, 0, 3, 30, 3, 30]);
    tf.dispose([init, table, ids, weights, value, grads[table.name]!]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
