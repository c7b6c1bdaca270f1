/**
 * The LSTM vs GRU table's numbers (pure; unit-tested): parameter counts from the core's
 * `paramCount` (Keras and PyTorch) and multiply-adds per time step.
 */
import { paramCount } from '../../core';

export interface CompareRow {
  /** Keras: LSTM 4H(D+H+1); GRU reset_after=False 3H(D+H+1), reset_after=True 3H(D+H+2). */
  keras: number;
  /** Keras GRU with reset_after=False (LSTM: same as keras). */
  kerasV1: number;
  /** PyTorch: two bias vectors per gate, G·H(D+H+2). */
  pytorch: number;
  /** Multiply-adds of the matrix products per step: G·H(D+H). */
  matMacs: number;
  /** Element-wise multiplies per step (gates times states). */
  elementwise: number;
}

export function compareRows(D: number, H: number): { lstm: CompareRow; gru: CompareRow } {
  const lstm = { kind: 'lstm', units: H } as const;
  return {
    lstm: {
      keras: paramCount(lstm, D),
      kerasV1: paramCount(lstm, D),
      pytorch: paramCount(lstm, D, 'pytorch'),
      matMacs: 4 * H * (D + H),
      // f ⊙ c, i ⊙ c̃, o ⊙ tanh(c)
      elementwise: 3 * H,
    },
    gru: {
      keras: paramCount({ kind: 'gru', units: H, resetAfter: true }, D),
      kerasV1: paramCount({ kind: 'gru', units: H, resetAfter: false }, D),
      pytorch: paramCount({ kind: 'gru', units: H }, D, 'pytorch'),
      matMacs: 3 * H * (D + H),
      // r ⊙ h, and the two products of the interpolation
      elementwise: 3 * H,
    },
  };
}

/** The largest H whose GRU (PyTorch / Keras reset_after count) fits a parameter budget. */
export function gruHiddenForBudget(D: number, budget: number): number {
  // 3H² + 3H(D + 2) ≤ budget
  const b = 3 * (D + 2);
  return Math.max(1, Math.floor((-b + Math.sqrt(b * b + 12 * budget)) / 6));
}

/** 1234567 → "1,234,567". */
export function groupDigits(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
