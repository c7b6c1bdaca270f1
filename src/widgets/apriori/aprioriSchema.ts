/** The shareable settings of the Apriori lesson's widgets (URL `id.key`). */
import { booleanParam, defineSchema, enumParam, intParam, numberParam } from '../../state/schema';

export const APRIORI_EXAMPLES = ['ko', 'en', 'reviews', 'grocery', 'custom'] as const;
export type AprioriExample = (typeof APRIORI_EXAMPLES)[number];

export const CUSTOM_FORMATS = ['sentences', 'baskets'] as const;
export const SORT_KEYS = [
  'rule',
  'support',
  'confidence',
  'lift',
  'leverage',
  'conviction',
  'count',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/**
 * The explorer: which data set, the two thresholds, where the lattice animation stands, how
 * sentences become items, the custom text's format, and the rules table's order.
 */
export const APRIORI_SCHEMA = defineSchema({
  example: enumParam(APRIORI_EXAMPLES, 'ko'),
  minSupport: numberParam({ min: 0.001, max: 1, step: 0.001, default: 0.03 }),
  minConfidence: numberParam({ min: 0, max: 1, step: 0.01, default: 0.5 }),
  step: intParam({ min: 0, max: 99, default: 0 }),
  stopWords: booleanParam(true),
  josa: booleanParam(true),
  format: enumParam(CUSTOM_FORMATS, 'baskets'),
  sort: enumParam(SORT_KEYS, 'lift'),
  desc: booleanParam(true),
});

/** A starting minimum support for each example (set when the learner picks it). */
export const SUGGESTED_SUPPORT: Record<AprioriExample, number> = {
  ko: 0.03,
  en: 0.03,
  reviews: 0.1,
  grocery: 0.02,
  custom: 0.05,
};

/** The contingency table of the measures widget: counts of the four cells. */
export const APRIORI_TABLE_SCHEMA = defineSchema({
  both: intParam({ min: 0, max: 60, default: 6 }),
  xOnly: intParam({ min: 0, max: 60, default: 2 }),
  yOnly: intParam({ min: 0, max: 60, default: 4 }),
  neither: intParam({ min: 0, max: 60, default: 8 }),
});

export const DEFAULT_APRIORI_ID = 'apriori';
