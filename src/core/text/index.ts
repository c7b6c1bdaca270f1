// Text pipeline core (cleaning, tokens, josa, stop words, vocabulary, padding, PCA, data sets).
// README.md documents it. Import from 'src/core/text'.
export {
  CLEANING_RULES,
  CLEANING_RULE_IDS,
  DEFAULT_CLEANING,
  cleanText,
  cleanTextSteps,
  cleaningRule,
  type Bilingual,
  type CleaningRule,
  type CleaningRuleId,
  type CleaningStep,
} from './clean';
export {
  JOSA,
  finalConsonant,
  splitJosa,
  stripJosa,
  truncateWord,
  whitespaceTokens,
  type Josa,
  type JosaAfter,
  type JosaSplit,
} from './tokens';
export {
  NEGATIONS,
  isStopword,
  removeStopwords,
  stopwords,
  type StopwordLanguage,
  type StopwordOptions,
} from './stopwords';
export {
  OOV_ID,
  OOV_TOKEN,
  PAD_ID,
  PAD_TOKEN,
  buildVocabulary,
  sequenceToWords,
  textsToSequences,
  tokenId,
  vocabularyFromJson,
  vocabularyToJson,
  type Vocabulary,
  type VocabularyOptions,
} from './vocabulary';
export {
  padSequence,
  padSequences,
  type PadOptions,
  type PadSide,
  type PaddedSequences,
} from './pad';
export { pca2d, symmetricEigen, type PcaResult } from './pca';
export {
  textPipeline,
  textToWords,
  type PipelineStages,
  type TextPipelineOptions,
  type TokenStage,
} from './pipeline';
export {
  BAD_ROW_REASONS,
  MAX_DATASET_BYTES,
  MAX_DATASET_ROWS,
  parseDataset,
  parseLabel,
  type BadRow,
  type BadRowReason,
  type DatasetFormat,
  type DatasetParseOptions,
  type ParsedDataset,
} from './dataset';
export { handleParseRequest, handlePrepareRequest, joinTexts, splitJoined } from './parseHost';
export type {
  ParseReply,
  ParseRequest,
  ParseSource,
  PrepareReply,
  PrepareRequest,
} from './parseProtocol';
export {
  DatasetParseError,
  createParseWorker,
  parseInWorker,
  prepareInWorker,
  type DatasetParseRun,
  type PrepareRun,
} from './parseInWorker';
export {
  encodeText,
  encodingPart,
  prepareTextData,
  shuffledIndices,
  type PrepareOptions,
  type PreparedEncoding,
  type PreparedText,
} from './prepare';
