// Predictions the lesson draws from a trained model: the word-by-word curve and the map of
// learned word vectors. Pure over the page model; every tensor is freed.
import { pca2d, padSequences, textToWords, tokenId, type PcaResult } from '../../../core/text';
import { embeddingTable, predictProbabilities } from './pageModel';
import type { TrainedModel } from './trainingStore';

export interface WordByWord {
  words: string[];
  ids: number[];
  /** P(positive) with no words (all padding), then after each prefix: length words + 1. */
  probabilities: number[];
  /** How much each word moved the prediction: p_k − p_{k−1}. */
  deltas: number[];
}

/** Feeds the growing prefixes ("재미있을", "재미있을 줄", …) and reads P(positive) after each. */
export function wordByWord(trained: TrainedModel, text: string, maxWords = 60): WordByWord {
  const words = textToWords(text, trained.pipeline).slice(0, maxWords);
  const ids = words.map((w) => tokenId(trained.vocabulary, w));
  const prefixes = Array.from({ length: ids.length + 1 }, (_, k) => ids.slice(0, k));
  const padded = padSequences(prefixes, { maxlen: trained.maxlen });
  const p = Array.from(predictProbabilities(trained.model, padded.data, trained.maxlen));
  return { words, ids, probabilities: p, deltas: p.slice(1).map((v, k) => v - p[k]!) };
}

export interface WordMap {
  words: string[];
  ids: number[];
  pca: PcaResult;
  /** The model's P(positive) for a review of just this word. */
  alone: number[];
}

/** PCA of the embedding rows of the `top` most frequent words (ids 2 …), plus extra ids. */
export function wordMap(trained: TrainedModel, top = 300, extra: number[] = []): WordMap {
  const table = embeddingTable(trained.model);
  const limit = Math.min(table.rows, trained.vocabulary.size);
  const ids = [
    ...new Set([
      ...Array.from({ length: Math.max(0, Math.min(top, limit - 2)) }, (_, k) => k + 2),
      ...extra.filter((i) => i > 1 && i < limit),
    ]),
  ];
  const data = new Float32Array(ids.length * table.cols);
  ids.forEach((id, r) =>
    data.set(table.data.subarray(id * table.cols, (id + 1) * table.cols), r * table.cols),
  );
  const pca = pca2d(data, Math.max(1, ids.length), table.cols);
  const single = padSequences(
    ids.map((id) => [id]),
    { maxlen: trained.maxlen },
  );
  const alone = Array.from(predictProbabilities(trained.model, single.data, trained.maxlen));
  return { words: ids.map((id) => trained.vocabulary.words[id]!), ids, pca, alone };
}
