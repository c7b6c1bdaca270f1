// A labelled data set → the int32 id matrix and float labels a model trains on, with a real
// held-out split: shuffled by a seed, the vocabulary built from the training part only.
import { check, checkPositiveInt } from '../errors';
import { createRng } from '../random';
import { padSequences, type PadSide } from './pad';
import { textToWords, type TextPipelineOptions } from './pipeline';
import { buildVocabulary, textsToSequences, type Vocabulary } from './vocabulary';

export interface PrepareOptions {
  pipeline?: TextPipelineOptions;
  /** Keras num_words (ids 0 … numWords − 1, <PAD> and <OOV> included). */
  numWords: number;
  maxlen: number;
  padding?: PadSide;
  truncating?: PadSide;
  /** Share held out for validation, at the end (as the core's `train` takes it). Default 0.2. */
  validationSplit?: number;
  /** Seed of the shuffle before the split. */
  seed?: number | string;
  /** Use at most this many samples (after shuffling). */
  limit?: number;
}

export interface PreparedText {
  vocabulary: Vocabulary;
  /** [samples, maxlen] row-major ids; the validation rows are the last `validationCount`. */
  xs: Int32Array;
  /** [samples, 1] labels as 0 / 1. */
  ys: Float32Array;
  samples: number;
  maxlen: number;
  trainCount: number;
  validationCount: number;
  /** For each row, its index in the input (so a misclassified row can show its text). */
  order: Int32Array;
  /** The words of each row before encoding (for display of misclassified reviews). */
  words: string[][];
  /** Share of word tokens in the training part that encode as <OOV>. */
  oovRate: number;
}

/** Indices 0 … n−1 in a seeded Fisher–Yates order. */
export function shuffledIndices(n: number, seed: number | string = 0): Int32Array {
  const rng = createRng(seed);
  const order = Int32Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    const t = order[k]!;
    order[k] = order[j]!;
    order[j] = t;
  }
  return order;
}

export function prepareTextData(
  texts: readonly string[],
  labels: ArrayLike<number>,
  options: PrepareOptions,
): PreparedText {
  check(texts.length === labels.length, 'There must be one label per text.');
  check(texts.length >= 2, 'Training needs at least two labelled texts.');
  checkPositiveInt(options.maxlen, 'The sequence length');
  const split = options.validationSplit ?? 0.2;
  check(split >= 0 && split < 1, 'The validation share must be at least 0 and below 1.');
  const order = shuffledIndices(texts.length, options.seed ?? 0);
  const n = Math.min(texts.length, options.limit ?? texts.length);
  const used = order.slice(0, n);
  // The same split the training service makes: the last ⌊n·split⌋… rows are held out.
  const trainCount = Math.floor(n * (1 - split));
  const words = Array.from(used, (k) => textToWords(texts[k]!, options.pipeline));
  const vocabulary = buildVocabulary(words.slice(0, trainCount), { numWords: options.numWords });
  const sequences = textsToSequences(vocabulary, words);
  let oov = 0;
  let total = 0;
  for (let r = 0; r < trainCount; r++) {
    for (const id of sequences[r]!) {
      total++;
      if (id === 1) oov++;
    }
  }
  const padded = padSequences(sequences, {
    maxlen: options.maxlen,
    padding: options.padding ?? 'pre',
    truncating: options.truncating ?? 'pre',
  });
  const ys = Float32Array.from(used, (k) => labels[k]!);
  return {
    vocabulary,
    xs: padded.data,
    ys,
    samples: n,
    maxlen: options.maxlen,
    trainCount,
    validationCount: n - trainCount,
    order: used,
    words,
    oovRate: total > 0 ? oov / total : 0,
  };
}

/** One text → its padded ids, with the same pipeline and vocabulary. */
export function encodeText(
  text: string,
  vocabulary: Vocabulary,
  options: {
    pipeline?: TextPipelineOptions;
    maxlen: number;
    padding?: PadSide;
    truncating?: PadSide;
  },
): { words: string[]; ids: number[]; padded: Int32Array } {
  const words = textToWords(text, options.pipeline);
  const ids = textsToSequences(vocabulary, [words])[0]!;
  const padded = padSequences([ids], {
    maxlen: options.maxlen,
    padding: options.padding ?? 'pre',
    truncating: options.truncating ?? 'pre',
  }).data;
  return { words, ids, padded };
}

/**
 * What a page needs from a prepared data set to train and read reviews: everything but the
 * per-row words, with the vocabulary cut to the ids the model uses (Keras's num_words). Sent
 * from a worker, a map of every word ever seen costs the page more to receive than the ids.
 */
export type PreparedEncoding = Omit<PreparedText, 'words'>;

export function encodingPart(prepared: PreparedText): PreparedEncoding {
  const { vocabulary } = prepared;
  const words = vocabulary.words.slice(0, vocabulary.size);
  return {
    vocabulary: {
      words,
      counts: vocabulary.counts.slice(0, vocabulary.size),
      index: new Map(words.map((word, id) => [word, id])),
      size: vocabulary.size,
      oovToken: vocabulary.oovToken,
    },
    xs: prepared.xs,
    ys: prepared.ys,
    samples: prepared.samples,
    maxlen: prepared.maxlen,
    trainCount: prepared.trainCount,
    validationCount: prepared.validationCount,
    order: prepared.order,
    oovRate: prepared.oovRate,
  };
}
