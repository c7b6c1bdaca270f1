// Association-rule mining (Apriori) for the text-mining lessons. README.md documents it.

export {
  APRIORI_DEFAULTS,
  apriori,
  aprioriAsync,
  minCountFor,
  resolveAprioriOptions,
} from './apriori';
export { MiningLimitError } from './errors';
export { formatMeasure } from './format';
export {
  parseBaskets,
  sentencesToTransactions,
  simpleTokenize,
  type ParseBasketsOptions,
  type ParsedBaskets,
  type SentencesOptions,
  type TokenizeOptions,
  type Tokenizer,
} from './input';
export { CONFIDENCE_EPSILON, ruleMeasures, type RuleMeasures } from './rules';
export {
  GROCERY_NAMES,
  PLANTED_ASSOCIATIONS,
  syntheticBaskets,
  type PlantedAssociation,
  type SyntheticBaskets,
  type SyntheticBasketsOptions,
} from './synthetic';
export type {
  AprioriAsyncOptions,
  AprioriOptions,
  AprioriProgress,
  AprioriResult,
  AprioriTrace,
  AssociationRule,
  FrequentItemset,
  Item,
  LevelSummary,
  LocalizedMessage,
  ResolvedAprioriOptions,
  TraceCandidate,
  TraceCounted,
  TraceLevel,
  TracePruned,
} from './types';
export {
  seededSample,
  stopWordSet,
  stripParticle,
  textLines,
  textToTransactions,
  tokenizeForMining,
  tsvDocuments,
  type MiningTokenizeOptions,
  type StopWordLang,
  type TextFormat,
  type TextToTransactionsOptions,
  type TextTransactions,
} from './text';
