import { beforeAll, describe, expect, it } from 'vitest';
import {
  CoreInputError,
  bptt,
  createCell,
  makeCell,
  traceCell,
  validateCell,
  type LSTMCell,
} from '../../../src/core';
import { useCpu } from './helpers';

beforeAll(useCpu);

const lstm = () => createCell({ kind: 'lstm', inputSize: 2, units: 3 }) as LSTMCell;

describe('bad input gets a CoreInputError a learner can read', () => {
  it.each([
    [
      'hidden size 0',
      () => createCell({ kind: 'lstm', inputSize: 2, units: 0 }),
      'LSTM hidden size (units) must be a whole number of at least 1, got 0.',
    ],
    [
      'hidden size 513',
      () => createCell({ kind: 'gru', inputSize: 2, units: 513 }),
      'GRU hidden size (units) must be at most 512, got 513.',
    ],
    [
      'a fractional input size',
      () => createCell({ kind: 'simpleRNN', inputSize: 1.5, units: 2 }),
      /input size must be a whole number/,
    ],
    [
      'an unknown activation',
      () => createCell({ kind: 'simpleRNN', inputSize: 1, units: 2, activation: 'elu' as never }),
      /"tanh", "sigmoid" or "relu"/,
    ],
    [
      'an unknown GRU preset',
      () => createCell({ kind: 'gru', inputSize: 1, units: 2, convention: 'tf2' as never }),
      /Unknown GRU preset "tf2"/,
    ],
    ['an empty sequence', () => traceCell(lstm(), []), /empty: give at least one time step/],
    ['an empty batch', () => traceCell(lstm(), { data: [], shape: [0, 3, 2] }), /empty batch/],
    [
      'steps of the wrong width',
      () => traceCell(lstm(), [[1, 2, 3]]),
      "Each time step of the input sequence must have 2 numbers (the cell's input size), got 3.",
    ],
    ['a ragged sequence', () => traceCell(lstm(), [[1, 2], [3]]), /ragged/],
    ['NaN in the data', () => traceCell(lstm(), [[1, NaN]]), /non-finite/],
    [
      'Infinity in the data',
      () => bptt(lstm(), { data: new Float32Array([1, Infinity]), shape: [1, 2] }),
      /non-finite/,
    ],
    ['text in the data', () => traceCell(lstm(), [['a', 'b']] as never), /only numbers/],
    [
      'a wrong h0',
      () => traceCell(lstm(), [[1, 2]], { h0: [1, 2] }),
      'The initial hidden state h0 must be [3] or [1, 3] (batch × units), got [2].',
    ],
    [
      'a wrong target',
      () => bptt(lstm(), [[1, 2]], { target: [1] }),
      /target of the last-step loss must be \[3\] or \[1, 3\]/,
    ],
    ['a wrong loss', () => bptt(lstm(), [[1, 2]], { loss: 'mean' as never }), /Unknown loss/],
    ['a missing input', () => traceCell(lstm(), undefined as never), /missing/],
  ])('%s', (_name, fn, message) => {
    expect(fn).toThrow(CoreInputError);
    expect(fn).toThrow(message);
  });

  it('a matrix editor that broke a cell is caught before running', () => {
    const cell = lstm();
    cell.gates.f.U = new Float32Array(4);
    expect(() => traceCell(cell, [[1, 2]])).toThrow(
      'LSTM gate f U must be a Float32Array of 9 numbers ([3, 3]), got 4.',
    );
    const nan = lstm();
    nan.gates.o.b[1] = NaN;
    expect(() => validateCell(nan)).toThrow(/gate o b has a non-finite value at index 1/);
    expect(() =>
      makeCell({ kind: 'lstm', inputSize: 1, units: 1 }, { f: { W: [[1]], U: [[1]] } }),
    ).toThrow(/missing gate "i"/);
  });

  it('is an Error with its own name', () => {
    try {
      createCell({ kind: 'lstm', inputSize: 2, units: 0 });
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(CoreInputError);
      expect((error as Error).name).toBe('CoreInputError');
    }
  });
});
