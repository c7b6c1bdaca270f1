// The pipeline widget's arithmetic, pure (tested): every stage of one sentence against a
// vocabulary built from the widget's small corpus.
import { createRng } from '../../core/random';
import {
  buildVocabulary,
  padSequence,
  textPipeline,
  textToWords,
  tokenId,
  type CleaningRuleId,
  type PadSide,
  type PipelineStages,
  type TextPipelineOptions,
  type Vocabulary,
} from '../../core/text';
import { PIPELINE_CORPUS } from './samples';

export interface PipelineSettings {
  cleaning: CleaningRuleId[];
  josa: boolean;
  truncate: number;
  stopwords: boolean;
  vocab: number;
  maxlen: number;
  padding: PadSide;
  truncating: PadSide;
  dim: number;
}

export interface PipelineView {
  stages: PipelineStages;
  vocabulary: Vocabulary;
  ids: number[];
  padded: number[];
  /** [maxlen][dim]: the embedding row of each padded position. */
  embedding: number[][];
}

export const EMBEDDING_SEED = 11;

/** A seeded uniform(−0.05, 0.05) table, as Keras initialises an Embedding. */
export function embeddingRow(id: number, dim: number): number[] {
  const rng = createRng(`${EMBEDDING_SEED}:${id}`);
  return Array.from({ length: dim }, () => Math.round(rng.uniform(-0.05, 0.05) * 1000) / 1000);
}

export function runPipeline(text: string, s: PipelineSettings): PipelineView {
  const options: TextPipelineOptions = {
    cleaning: s.cleaning,
    josa: s.josa,
    truncate: s.truncate,
    stopwords: s.stopwords,
  };
  const vocabulary = buildVocabulary(
    PIPELINE_CORPUS.map((line) => textToWords(line, options)),
    { numWords: s.vocab },
  );
  const stages = textPipeline(text, options);
  const ids = stages.words.map((w) => tokenId(vocabulary, w));
  const padded = padSequence(ids, {
    maxlen: s.maxlen,
    padding: s.padding,
    truncating: s.truncating,
  });
  return {
    stages,
    vocabulary,
    ids,
    padded,
    embedding: padded.map((id) => embeddingRow(id, s.dim)),
  };
}
