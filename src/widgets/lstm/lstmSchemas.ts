/**
 * The shareable settings of the LSTM lesson's widgets, one schema per widget (the URL holds
 * them under `id.key`). Edited weights and the trained model are not here: they are too big
 * for a link and live in module memory (weightsStore.ts, trainedStore.ts).
 */
import { defineSchema, enumParam, intParam, numberParam } from '../../state/schema';
import { PHASE_COUNT } from './lstmPhases';

/** The longest sequence a source may have ("hihello": 6 steps). */
export const MAX_STEPS = 6;
export const LSTM_SOURCES = ['course', 'trained'] as const;
export type LstmSourceKind = (typeof LSTM_SOURCES)[number];

/** The cell diagram: where in the walk (step·5 + phase) and which cell it shows. */
export const LSTM_CELL_SCHEMA = defineSchema({
  pos: intParam({ min: 0, max: MAX_STEPS * PHASE_COUNT - 1, default: 0 }),
  source: enumParam(LSTM_SOURCES, 'course'),
});

/** The second worked example: the seed of its random weights. */
export const LSTM_STEP_SCHEMA = defineSchema({
  seed: intParam({ min: 0, max: 99_999, default: 42 }),
});

/** Live training on "hihello". */
export const LSTM_TRAIN_SCHEMA = defineSchema({
  hidden: intParam({ min: 2, max: 12, default: 5 }),
  lr: numberParam({ min: 0.005, max: 0.3, step: 0.005, default: 0.05 }),
  epochs: intParam({ min: 10, max: 400, step: 10, default: 100 }),
  seed: intParam({ min: 0, max: 9_999, default: 1 }),
});

/** The id the cell widget uses unless the lesson gives another. */
export const DEFAULT_CELL_ID = 'lstm';
