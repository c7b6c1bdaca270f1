import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bptt, createCell, traceCell, traceCellAsync } from '../../../src/core';
import { randomNested, useCpu } from './helpers';

beforeAll(useCpu);

describe('no tensors are left behind', () => {
  const x = randomNested([4, 2], 1) as number[][];

  it('1,000 trace runs (LSTM, GRU, SimpleRNN)', () => {
    const cells = [
      createCell({ kind: 'lstm', inputSize: 2, units: 3 }),
      createCell({ kind: 'gru', inputSize: 2, units: 3, convention: 'course' }),
      createCell({ kind: 'gru', inputSize: 2, units: 3, convention: 'pytorch' }),
      createCell({ kind: 'simpleRNN', inputSize: 2, units: 3 }),
    ];
    traceCell(cells[0]!, x); // warm-up
    const before = tf.memory().numTensors;
    for (let k = 0; k < 1000; k++) traceCell(cells[k % cells.length]!, x);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('async traces and BPTT runs, including ones that fail', async () => {
    const lstm = createCell({ kind: 'lstm', inputSize: 2, units: 3 });
    const gru = createCell({ kind: 'gru', inputSize: 2, units: 3, convention: 'keras-v1' });
    const before = tf.memory().numTensors;
    for (let k = 0; k < 20; k++) await traceCellAsync(lstm, x);
    for (let k = 0; k < 50; k++) {
      bptt(k % 2 ? lstm : gru, x, { loss: k % 3 ? 'last' : 'sum' });
    }
    bptt(lstm, x, { lossFn: (hs) => tf.sum(hs) as tf.Scalar });
    expect(() => bptt(lstm, x, { lossFn: (hs) => hs as unknown as tf.Scalar })).toThrow(/scalar/);
    expect(() =>
      bptt(lstm, x, {
        lossFn: () => {
          throw new Error('user bug');
        },
      }),
    ).toThrow(/user bug/);
    expect(() => traceCell(lstm, [[1, 2, 3]])).toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });
});
