/** The shareable settings of the GRU lesson's widgets, one schema per widget (URL `id.key`). */
import { booleanParam, defineSchema, enumParam, intParam } from '../../state/schema';
import { EXAMPLE_INPUTS, GRU_PHASES } from './gruModel';
import { RACE_SIZINGS, RACE_TASKS } from './raceModel';

/** The cell: where in the walk (step·4 + phase), the example's seed and the convention. */
export const GRU_CELL_SCHEMA = defineSchema({
  pos: intParam({ min: 0, max: EXAMPLE_INPUTS.length * GRU_PHASES.length - 1, default: 0 }),
  seed: intParam({ min: 0, max: 9_999, default: 7 }),
  update: enumParam(['course', 'keras'] as const, 'course'),
  resetAfter: booleanParam(false),
});

/** The LSTM vs GRU table: input size D and hidden size H. */
export const GRU_COMPARE_SCHEMA = defineSchema({
  input: intParam({ min: 1, max: 512, default: 10 }),
  hidden: intParam({ min: 1, max: 512, default: 20 }),
});

/** The tensor-shape diagram of nn.GRU (the course's PyTorch example by default). */
export const GRU_SHAPES_SCHEMA = defineSchema({
  batch: intParam({ min: 1, max: 64, default: 5 }),
  length: intParam({ min: 1, max: 100, default: 3 }),
  features: intParam({ min: 1, max: 256, default: 10 }),
  hidden: intParam({ min: 1, max: 256, default: 20 }),
  layers: intParam({ min: 1, max: 4, default: 1 }),
  batchFirst: booleanParam(true),
  bidirectional: booleanParam(false),
});

export const DEFAULT_GRU_CELL_ID = 'gru';

/** The fair race: task, how the two are sized, LSTM hidden size, epochs, seed. */
export const GRU_RACE_SCHEMA = defineSchema({
  task: enumParam(RACE_TASKS, 'multiplication'),
  sizing: enumParam(RACE_SIZINGS, 'hidden'),
  hidden: intParam({ min: 2, max: 32, default: 8 }),
  epochs: intParam({ min: 1, max: 100, default: 10 }),
  seed: intParam({ min: 0, max: 9_999, default: 0 }),
});
