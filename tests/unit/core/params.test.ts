import { describe, expect, it } from 'vitest';
import {
  CoreInputError,
  cellParamCount,
  createCell,
  layerParams,
  paramCount,
  summarizeModel,
  type LayerSpec,
} from '../../../src/core';

describe('parameter counts match Keras and PyTorch formulas', () => {
  const sizes: [number, number][] = [
    [1, 1],
    [2, 30],
    [30, 30],
    [10, 20],
    [128, 64],
    [300, 50],
  ];
  it.each(sizes)('D = %i, H = %i', (D, H) => {
    expect(paramCount({ kind: 'simpleRNN', units: H }, D)).toBe(H * (D + H + 1));
    expect(paramCount({ kind: 'simpleRNN', units: H }, D, 'pytorch')).toBe(H * (D + H + 2));
    expect(paramCount({ kind: 'lstm', units: H }, D)).toBe(4 * H * (D + H + 1));
    expect(paramCount({ kind: 'lstm', units: H }, D, 'pytorch')).toBe(4 * H * (D + H + 2));
    expect(paramCount({ kind: 'gru', units: H, resetAfter: false }, D)).toBe(3 * H * (D + H + 1));
    expect(paramCount({ kind: 'gru', units: H, resetAfter: true }, D)).toBe(3 * H * (D + H + 2));
    expect(paramCount({ kind: 'gru', units: H }, D)).toBe(3 * H * (D + H + 2)); // Keras default
    expect(paramCount({ kind: 'gru', units: H }, D, 'pytorch')).toBe(3 * H * (D + H + 2));
    expect(paramCount({ kind: 'bidirectional', layer: { kind: 'lstm', units: H } }, D)).toBe(
      8 * H * (D + H + 1),
    );
    expect(paramCount({ kind: 'dense', units: H }, D)).toBe(D * H + H);
    expect(paramCount({ kind: 'dense', units: H, useBias: false }, D)).toBe(D * H);
    expect(paramCount({ kind: 'embedding', inputDim: D, outputDim: H }, 0)).toBe(D * H);
    expect(layerParams({ kind: 'batchNormalization' }, D)).toEqual({
      total: 4 * D,
      trainable: 2 * D,
      nonTrainable: 2 * D,
    });
    expect(layerParams({ kind: 'batchNormalization' }, D, 'pytorch').total).toBe(2 * D);
    expect(paramCount({ kind: 'dropout', rate: 0.2 }, D)).toBe(0);
    // A cell's own count agrees with its layer's.
    expect(cellParamCount(createCell({ kind: 'lstm', inputSize: D, units: H }))).toBe(
      4 * H * (D + H + 1),
    );
    expect(
      cellParamCount(createCell({ kind: 'gru', inputSize: D, units: H, convention: 'keras' })),
    ).toBe(3 * H * (D + H + 2));
    expect(
      cellParamCount(createCell({ kind: 'gru', inputSize: D, units: H, convention: 'course' })),
    ).toBe(3 * H * (D + H + 1));
  });

  it('the course example nn.GRU(input_size=10, hidden_size=20) has 1,920 parameters', () => {
    expect(paramCount({ kind: 'gru', units: 20 }, 10, 'pytorch')).toBe(1920);
  });
});

describe('model summaries', () => {
  it('the multiplication-task stacks of §5 (Keras: 2,851 and 11,311)', () => {
    const rnn: LayerSpec[] = [
      { kind: 'simpleRNN', units: 30, returnSequences: true },
      { kind: 'simpleRNN', units: 30 },
      { kind: 'dense', units: 1 },
    ];
    const a = summarizeModel(rnn, [100, 2]);
    expect(a.rows.map((r) => [r.name, r.outputShape, r.total])).toEqual([
      ['simple_rnn', [null, 100, 30], 990],
      ['simple_rnn_1', [null, 30], 1830],
      ['dense', [null, 1], 31],
    ]);
    expect(a.total).toBe(2851);
    const lstm = summarizeModel(
      [
        { kind: 'lstm', units: 30, returnSequences: true },
        { kind: 'lstm', units: 30 },
        { kind: 'dense', units: 1 },
      ],
      [100, 2],
    );
    expect(lstm.rows.map((r) => r.total)).toEqual([3960, 7320, 31]);
    expect(lstm.total).toBe(11311);
  });

  it('the stacked Bi-LSTM model of §2', () => {
    const V = 20000;
    const E = 300;
    const K = 3;
    const layers: LayerSpec[] = [
      { kind: 'embedding', inputDim: V, outputDim: E },
      { kind: 'bidirectional', layer: { kind: 'lstm', units: 64, returnSequences: true } },
      { kind: 'batchNormalization' },
      { kind: 'bidirectional', layer: { kind: 'lstm', units: 32 } },
      { kind: 'dropout', rate: 0.2 },
      { kind: 'dense', units: 16, activation: 'relu' },
      { kind: 'dense', units: K, activation: 'softmax' },
    ];
    const s = summarizeModel(layers, [25]);
    expect(s.rows.map((r) => [r.name, r.outputShape, r.total])).toEqual([
      ['embedding', [null, 25, E], V * E],
      ['bidirectional', [null, 25, 128], 2 * 4 * 64 * (E + 64 + 1)],
      ['batch_normalization', [null, 25, 128], 512],
      ['bidirectional_1', [null, 64], 2 * 4 * 32 * (128 + 32 + 1)],
      ['dropout', [null, 64], 0],
      ['dense', [null, 16], 64 * 16 + 16],
      ['dense_1', [null, K], 16 * K + K],
    ]);
    expect(s.nonTrainable).toBe(256);
    expect(s.trainable).toBe(s.total - 256);
    expect(s.total).toBe(V * E + 2 * 4 * 64 * (E + 64 + 1) + 512 + 41216 + 1040 + 51);
  });

  it('IMDB and NSMC sentiment models', () => {
    expect(
      summarizeModel(
        [
          { kind: 'embedding', inputDim: 10000, outputDim: 128 },
          { kind: 'lstm', units: 64 },
          { kind: 'dense', units: 1, activation: 'sigmoid' },
        ],
        [200],
      ).total,
    ).toBe(1280000 + 4 * 64 * (128 + 64 + 1) + 65);
    expect(
      summarizeModel(
        [
          { kind: 'embedding', inputDim: 20000, outputDim: 300 },
          { kind: 'lstm', units: 50 },
          { kind: 'dense', units: 2, activation: 'softmax' },
        ],
        [null],
      ).total,
    ).toBe(6000000 + 4 * 50 * (300 + 50 + 1) + 102);
  });

  it('explains a recurrent layer fed a vector', () => {
    const bad = () =>
      summarizeModel(
        [
          { kind: 'lstm', units: 4 },
          { kind: 'lstm', units: 4 },
        ],
        [10, 2],
      );
    expect(bad).toThrow(CoreInputError);
    expect(bad).toThrow(/Set returnSequences/);
    expect(() => paramCount({ kind: 'lstm', units: 0 }, 3)).toThrow(/at least 1/);
    expect(() => paramCount({ kind: 'lstm', units: 513 }, 3)).toThrow(/at most 512/);
    expect(() => paramCount({ kind: 'gru', units: 4, resetAfter: false }, 3, 'pytorch')).toThrow(
      /reset gate after/,
    );
    expect(() => paramCount({ kind: 'conv' } as never, 3)).toThrow(CoreInputError);
  });
});
