// Latent Dirichlet allocation (topic models) for the LDA lesson. README.md documents it.
export {
  buildDocTerm,
  defaultTokenize,
  docTermFromDense,
  selectDocs,
  stripKoreanParticle,
  totalCount,
  type DocTermMatrix,
  type DocTermOptions,
  type DocTermResult,
  type Tokenizer,
} from './docTerm';
export {
  classicalMds,
  completionPerplexity,
  jensenShannon,
  normalizeRows,
  relevance,
  relevantTerms,
  splitForCompletion,
  symmetricEigen,
  termDocuments,
  termFrequencies,
  tokenTopics,
  topicCoherence,
  topicDistances,
  topicPrevalence,
  topTerms,
  umassCoherence,
} from './evaluate';
export { sampleGamma, sampleGammaArray } from './gamma';
export {
  LDA_EPS,
  LdaModel,
  approxBound,
  dirichletExpectationRows,
  fitLda,
  perplexityFromBound,
  resolveLdaOptions,
  type LdaIterationState,
  type LdaOptions,
  type ResolvedLdaOptions,
} from './lda';
export {
  digamma,
  digammaTensor,
  dirichletExpectation,
  dirichletExpectation1d,
  lgamma,
} from './special';
export { stopWords, type StopWordLanguage } from './stopwords';
export {
  sampleCategorical,
  sampleDirichlet,
  syntheticLdaCorpus,
  type SyntheticLdaCorpus,
  type SyntheticLdaOptions,
} from './synthetic';
export {
  parseCorpusText,
  type CorpusFormat,
  type CorpusText,
  type CorpusTextOptions,
} from './corpusText';
export {
  LdaJobError,
  checkCorpus,
  corpusFromRequest,
  runLdaJob,
  type LdaCorpusInfo,
  type LdaFromWorker,
  type LdaIterationMessage,
  type LdaJobErrorCode,
  type LdaJobHooks,
  type LdaJobRequest,
  type LdaPost,
  type LdaToWorker,
} from './job';
export { createLdaWorker, trainLdaInWorker, type LdaWorkerRun } from './client';
