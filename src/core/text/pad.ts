// Keras's pad_sequences: every sequence to one length, padding and truncating at the front
// ('pre', the default) or the back ('post').
import { check, checkPositiveInt } from '../errors';

export type PadSide = 'pre' | 'post';

export interface PadOptions {
  /** The length of every row; default the longest sequence (at least 1). */
  maxlen?: number;
  /** Where padding goes (default 'pre', as Keras). */
  padding?: PadSide;
  /** Which end is cut from a longer sequence (default 'pre': keep the last maxlen ids). */
  truncating?: PadSide;
  /** The padding id (default 0). */
  value?: number;
}

/** A padded batch: row-major [rows, maxlen] int32. */
export interface PaddedSequences {
  data: Int32Array;
  rows: number;
  maxlen: number;
}

export function padSequences(
  sequences: readonly ArrayLike<number>[],
  options: PadOptions = {},
): PaddedSequences {
  const { padding = 'pre', truncating = 'pre', value = 0 } = options;
  check(padding === 'pre' || padding === 'post', 'Padding must be "pre" or "post".');
  check(truncating === 'pre' || truncating === 'post', 'Truncating must be "pre" or "post".');
  check(Number.isInteger(value), 'The padding value must be a whole number.');
  const maxlen =
    options.maxlen === undefined
      ? Math.max(1, ...sequences.map((s) => s.length))
      : checkPositiveInt(options.maxlen, 'The sequence length (maxlen)');
  const rows = sequences.length;
  const data = new Int32Array(rows * maxlen).fill(value);
  sequences.forEach((seq, r) => {
    const n = seq.length;
    const keep = Math.min(n, maxlen);
    const from = truncating === 'pre' ? n - keep : 0;
    const to = padding === 'pre' ? maxlen - keep : 0;
    for (let k = 0; k < keep; k++) data[r * maxlen + to + k] = seq[from + k]!;
  });
  return { data, rows, maxlen };
}

/** One padded row as a plain array (the widget's view of a single sentence). */
export function padSequence(sequence: ArrayLike<number>, options: PadOptions = {}): number[] {
  return Array.from(padSequences([sequence], options).data);
}
