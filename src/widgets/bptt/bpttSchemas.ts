/** The shareable settings of the BPTT lesson's widgets (one schema per widget). */
import { defineSchema, enumParam, intParam, numberParam } from '../../state/schema';
import { GD_FUNCTIONS } from './gradientDescent';

export const GD_STEPS = 30;

/** Gradient descent on f(x): the function, start, learning rate and the step shown. */
export const GD_SCHEMA = defineSchema({
  fn: enumParam(GD_FUNCTIONS, 'quadratic'),
  x0: numberParam({ min: -2, max: 2, step: 0.05, default: 1.8 }),
  lr: numberParam({ min: 0.01, max: 1.2, step: 0.01, default: 0.1 }),
  k: intParam({ min: 0, max: GD_STEPS, default: 0 }),
  /** The start of the two-variable walk on x² + 4y² (dragged on its contour map). */
  sx: numberParam({ min: -3, max: 3, step: 0.05, default: 1.8 }),
  sy: numberParam({ min: -1.6, max: 1.6, step: 0.05, default: 1.2 }),
});

/** ‖∂L/∂h_t‖ over t: sequence length, recurrent scale, SimpleRNN activation, seed. */
export const NORMS_SCHEMA = defineSchema({
  steps: intParam({ min: 10, max: 200, step: 10, default: 50 }),
  scale: numberParam({ min: 0.1, max: 3, step: 0.05, default: 1 }),
  act: enumParam(['tanh', 'sigmoid', 'relu'] as const, 'tanh'),
  seed: intParam({ min: 0, max: 9_999, default: 1 }),
});

/** Clipping on a run that explodes without it. */
export const CLIP_SCHEMA = defineSchema({
  mode: enumParam(['none', 'per-tensor', 'global'] as const, 'per-tensor'),
  threshold: numberParam({ min: 0.1, max: 10, step: 0.1, default: 1 }),
  lr: numberParam({ min: 0.05, max: 1, step: 0.05, default: 0.5 }),
  epochs: intParam({ min: 1, max: 10, default: 5 }),
});

export interface NormPreset {
  id: 'vanishing' | 'exploding' | 'short';
  steps: number;
  scale: number;
  act: 'tanh' | 'sigmoid' | 'relu';
}

/** Settings that reproduce each effect on purpose (seed 1; see tests). */
export const NORM_PRESETS: readonly NormPreset[] = [
  { id: 'vanishing', steps: 100, scale: 0.5, act: 'tanh' },
  { id: 'exploding', steps: 60, scale: 1.5, act: 'relu' },
  { id: 'short', steps: 10, scale: 1, act: 'tanh' },
];
