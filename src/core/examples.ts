import { createCell, makeCell, type LSTMCell } from './cells';
import { createRng } from './random';

/**
 * The course's first LSTM worked example (CURRICULUM §2), made dimensionally consistent: three
 * one-hot words, a 2-unit LSTM, h0 = c0 = 0. W matrices are [input, unit] (x·W, Keras's
 * layout), so a unit's weights are a column: the first forget-gate unit reads the inputs with
 * 0.1, 0.2, 0.3 and h₋₁ with 0.5, 0.5, b_f = 0, hence f₁ = σ(0.1) ≈ 0.52498 at x1 = [1, 0, 0];
 * the first input-gate unit's weight 0.2 on word 1 gives i₁ = σ(0.2) ≈ 0.5498 (≈ 0.55).
 */
export const COURSE_LSTM_EXAMPLE = {
  inputSize: 3,
  units: 2,
  words: ['저는', '아침에', '책을'],
  nextWord: '읽습니다',
  /** x1, x2, x3: one-hot words. */
  inputs: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  h0: [0, 0],
  c0: [0, 0],
  gates: {
    f: {
      W: [
        [0.1, 0.4],
        [0.2, 0.5],
        [0.3, 0.6],
      ],
      U: [
        [0.5, 0.3],
        [0.5, 0.3],
      ],
      b: [0, 0],
    },
    i: {
      W: [
        [0.2, 0.1],
        [0.3, 0.2],
        [0.4, 0.3],
      ],
      U: [
        [0.4, 0.2],
        [0.4, 0.2],
      ],
      b: [0, 0],
    },
    candidate: {
      W: [
        [0.5, -0.3],
        [0.1, 0.2],
        [-0.2, 0.4],
      ],
      U: [
        [0.3, 0.1],
        [0.2, 0.3],
      ],
      b: [0, 0],
    },
    o: {
      W: [
        [0.3, 0.2],
        [0.4, 0.1],
        [0.2, 0.5],
      ],
      U: [
        [0.2, 0.4],
        [0.3, 0.2],
      ],
      b: [0, 0],
    },
  },
  /** What step 1 gives for the first unit (σ(0.1), σ(0.2)). */
  expected: { f1: 0.52498, i1: 0.5498 },
} as const;

/** A fresh (editable) LSTMCell holding COURSE_LSTM_EXAMPLE's weights. */
export function courseLstmExampleCell(): LSTMCell {
  const { inputSize, units, gates } = COURSE_LSTM_EXAMPLE;
  return makeCell({ kind: 'lstm', inputSize, units }, gates) as LSTMCell;
}

/**
 * The course's second example: one step of a 3-unit LSTM with random weights (made
 * reproducible by a seed), x_t = [0.2, 0.5, 0.1], h_prev = [0.1, 0.2, 0.3],
 * c_prev = [0.4, 0.5, 0.6].
 */
export const COURSE_LSTM_STEP_EXAMPLE = {
  inputSize: 3,
  units: 3,
  seed: 42,
  x: [0.2, 0.5, 0.1],
  hPrev: [0.1, 0.2, 0.3],
  cPrev: [0.4, 0.5, 0.6],
} as const;

/**
 * The 3-unit cell of COURSE_LSTM_STEP_EXAMPLE: every W, U and b drawn from a seeded standard
 * normal (what the course's np.random.randn did), so biases are not zero.
 */
export function courseLstmStepExampleCell(seed: number = COURSE_LSTM_STEP_EXAMPLE.seed): LSTMCell {
  const cell = createCell({ kind: 'lstm', inputSize: 3, units: 3 }) as LSTMCell;
  const rng = createRng(seed);
  for (const gate of Object.values(cell.gates)) {
    for (const part of [gate.W, gate.U, gate.b])
      for (let k = 0; k < part.length; k++) part[k] = rng.normal();
  }
  return cell;
}
