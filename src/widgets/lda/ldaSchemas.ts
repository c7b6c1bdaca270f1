import { defineSchema, enumParam, intParam, numberParam } from '../../state/schema';

export const LDA_CORPORA = ['ko', 'en', 'custom'] as const;
export type LdaCorpusName = (typeof LDA_CORPORA)[number];
/** scikit-learn's learning_method: the whole corpus per λ update, or mini-batches. */
export const LDA_METHODS = ['batch', 'online'] as const;
export type LdaMethod = (typeof LDA_METHODS)[number];

/** The explorer's shareable settings (the custom corpus's text stays out of the URL). */
export const LDA_SCHEMA = defineSchema({
  corpus: enumParam(LDA_CORPORA, 'ko'),
  k: intParam({ min: 2, max: 12, default: 5 }),
  alpha: numberParam({ min: 0.01, max: 2, step: 0.01, default: 0.1 }),
  eta: numberParam({ min: 0.01, max: 1, step: 0.01, default: 0.05 }),
  seed: intParam({ min: 0, max: 9999, default: 0 }),
  iters: intParam({ min: 1, max: 100, default: 30 }),
  method: enumParam(LDA_METHODS, 'batch'),
  /** Online: κ of the step size (τ₀ + t)^(−κ); must lie in (0.5, 1] (sklearn's default 0.7). */
  decay: numberParam({ min: 0.51, max: 1, step: 0.01, default: 0.7 }),
  /** Online: τ₀ (sklearn's default 10.0). */
  offset: intParam({ min: 1, max: 100, default: 10 }),
  /** Online: documents per mini-batch (sklearn's default 128). */
  batchSize: intParam({ min: 4, max: 512, default: 128 }),
  minDf: intParam({ min: 1, max: 20, default: 2 }),
  maxDf: numberParam({ min: 0.05, max: 1, step: 0.05, default: 0.5 }),
  lambda: numberParam({ min: 0, max: 1, step: 0.1, default: 0.6 }),
  topic: intParam({ min: 0, max: 11, default: 0 }),
  doc: intParam({ min: 0, max: 4999, default: 0 }),
});

export const STORY_SCHEMA = defineSchema({
  seed: intParam({ min: 0, max: 999, default: 1 }),
  step: intParam({ min: 0, max: 40, default: 0 }),
});
