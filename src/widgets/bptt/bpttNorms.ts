/**
 * ‖∂L/∂h_t‖ over t for a SimpleRNN and an LSTM on the same seeded sequence, from the core's
 * `bptt` (the loss L = ½‖h_T − y‖² sits at the last step). Imports tfjs: load lazily.
 */
import { bptt, createCell, createRng, type SimpleRNNActivation } from '../../core';

export const BPTT_UNITS = 16;
export const BPTT_INPUTS = 2;

export interface NormSettings {
  steps: number;
  scale: number;
  act: SimpleRNNActivation;
  seed: number;
}

export interface NormResult {
  rnn: Float32Array;
  lstm: Float32Array;
  /** The core's learner-readable warning when something overflowed (English). */
  warning: string | null;
  ms: number;
}

export function seededSequence(steps: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: steps }, () =>
    Array.from({ length: BPTT_INPUTS }, () => rng.uniform(-1, 1)),
  );
}

export function gradientNorms(s: NormSettings): NormResult {
  const started = performance.now();
  const input = seededSequence(s.steps, s.seed);
  const target = new Float32Array(BPTT_UNITS).fill(0.5);
  const rnnCell = createCell(
    { kind: 'simpleRNN', inputSize: BPTT_INPUTS, units: BPTT_UNITS, activation: s.act },
    { seed: s.seed, recurrentScale: s.scale },
  );
  const lstmCell = createCell(
    { kind: 'lstm', inputSize: BPTT_INPUTS, units: BPTT_UNITS },
    { seed: s.seed, recurrentScale: s.scale, unitForgetBias: true },
  );
  const rnn = bptt(rnnCell, input, { loss: 'last', target });
  const lstm = bptt(lstmCell, input, { loss: 'last', target });
  return {
    rnn: rnn.hGradNorm,
    lstm: lstm.hGradNorm,
    warning: rnn.warning ?? lstm.warning,
    ms: performance.now() - started,
  };
}
