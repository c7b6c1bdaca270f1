/** The shareable settings of the SimpleRNN lesson's widgets (one schema per widget). */
import { defineSchema, enumParam, intParam, numberParam, textParam } from '../../state/schema';
import { MAX_WORD, MIN_WORD, WORD_CHAR, hasTwoCharacters } from './wordCheck';

/** The cell and its unrolled form over "hihello": the step shown and the weights' seed. */
export const RNN_CELL_SCHEMA = defineSchema({
  t: intParam({ min: 0, max: 5, default: 0 }),
  seed: intParam({ min: 0, max: 9_999, default: 3 }),
  act: enumParam(['tanh', 'sigmoid', 'relu'] as const, 'tanh'),
});

/** Live next-character training: the typed word (checked as `checkWord` does) and settings. */
export const RNN_TRAIN_SCHEMA = defineSchema({
  word: textParam({
    default: 'hihello',
    minLength: MIN_WORD,
    maxLength: MAX_WORD,
    allowed: WORD_CHAR,
    valid: hasTwoCharacters,
  }),
  hidden: intParam({ min: 2, max: 16, default: 5 }),
  lr: numberParam({ min: 0.005, max: 0.3, step: 0.005, default: 0.1 }),
  epochs: intParam({ min: 10, max: 300, step: 10, default: 50 }),
  seed: intParam({ min: 0, max: 9_999, default: 0 }),
});

/** Sentences → ids → padded matrix → embedding rows. */
export const EMBED_SCHEMA = defineSchema({
  maxLen: intParam({ min: 2, max: 10, default: 5 }),
  padding: enumParam(['pre', 'post'] as const, 'pre'),
  truncating: enumParam(['pre', 'post'] as const, 'pre'),
  dim: intParam({ min: 2, max: 8, default: 4 }),
  row: intParam({ min: 0, max: 3, default: 0 }),
});
