import { booleanParam, defineSchema, enumParam, intParam } from '../../state/schema';
import { SAMPLE_IDS } from './samples';

export const PIPELINE_SCHEMA = defineSchema({
  sample: enumParam([...SAMPLE_IDS, 'own'] as const, 'ko1'),
  html: booleanParam(true),
  url: booleanParam(true),
  keepChars: booleanParam(true),
  lowercase: booleanParam(true),
  spaces: booleanParam(true),
  josa: booleanParam(false),
  trunc: intParam({ min: 0, max: 10, default: 0 }),
  stop: booleanParam(false),
  vocab: intParam({ min: 4, max: 60, default: 24 }),
  maxlen: intParam({ min: 2, max: 16, default: 8 }),
  pad: enumParam(['pre', 'post'] as const, 'pre'),
  cut: enumParam(['pre', 'post'] as const, 'pre'),
  dim: intParam({ min: 2, max: 8, default: 4 }),
});
