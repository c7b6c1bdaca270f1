import { defineSchema, enumParam, intParam, numberParam } from '../../state/schema';
import { DATASET_IDS } from './training/datasets';
import { MODEL_KINDS } from './training/modelSpec';

/**
 * Defaults measured to reach ≥ 80 % validation accuracy on the shipped English subset in
 * Chromium (wasm, in a worker) on a CPU-only machine; see the lesson's e2e test.
 */
export const TRAINER_SCHEMA = defineSchema({
  data: enumParam(DATASET_IDS, 'imdb'),
  model: enumParam(MODEL_KINDS, 'lstm'),
  vocab: intParam({ min: 1000, max: 20000, step: 1000, default: 10000 }),
  len: intParam({ min: 20, max: 300, step: 10, default: 100 }),
  emb: intParam({ min: 8, max: 128, step: 8, default: 32 }),
  units: intParam({ min: 8, max: 128, step: 8, default: 32 }),
  epochs: intParam({ min: 1, max: 20, default: 4 }),
  lr: numberParam({ min: 0.0005, max: 0.02, step: 0.0005, default: 0.005 }),
  seed: intParam({ min: 0, max: 99, default: 0 }),
});

export const BATCH_SIZE = 32;
