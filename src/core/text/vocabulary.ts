// A vocabulary with Keras Tokenizer semantics: word_index ranks every word by count, ids start
// at 1, the OOV token takes id 1, and only ids below num_words are used when encoding.
import { check, checkPositiveInt } from '../errors';

export const PAD_TOKEN = '<PAD>';
export const OOV_TOKEN = '<OOV>';
export const PAD_ID = 0;
export const OOV_ID = 1;

export interface Vocabulary {
  /** Every word seen, most frequent first; id = position (words[0] is <PAD>, words[1] <OOV>). */
  readonly words: readonly string[];
  /** How often each word occurred (0 for <PAD> and <OOV>), same order as `words`. */
  readonly counts: readonly number[];
  /** word → id, for every word seen (Keras's word_index plus <PAD>). */
  readonly index: ReadonlyMap<string, number>;
  /**
   * Ids below this are used when encoding (Keras's num_words): <PAD>, <OOV> and the
   * numWords − 2 most frequent words. Never more than words.length.
   */
  readonly size: number;
  /** The OOV token's text (ids ≥ size and unseen words encode as OOV_ID). */
  readonly oovToken: string;
}

export interface VocabularyOptions {
  /** Keras's num_words: ids 0 … numWords − 1 are kept. Default: every word. */
  numWords?: number;
  oovToken?: string;
}

/**
 * Builds the vocabulary from tokenised texts. Words are ranked by count, most frequent first;
 * ties keep the order of first appearance (as Keras: a stable sort of an insertion-ordered
 * count table), so the same texts always give the same ids.
 */
export function buildVocabulary(
  texts: Iterable<readonly string[]>,
  options: VocabularyOptions = {},
): Vocabulary {
  const oovToken = options.oovToken ?? OOV_TOKEN;
  check(oovToken !== PAD_TOKEN, 'The OOV token cannot be the padding token.');
  if (options.numWords !== undefined) {
    checkPositiveInt(options.numWords, 'The vocabulary size (num_words)');
    check(options.numWords >= 2, 'The vocabulary size must be at least 2 (<PAD> and <OOV>).');
  }
  const counts = new Map<string, number>();
  for (const tokens of texts) {
    for (const token of tokens) {
      if (token === PAD_TOKEN || token === oovToken) continue;
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }
  // Map iteration is insertion order; Array.prototype.sort is stable (ES2019).
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const words = [PAD_TOKEN, oovToken, ...ranked.map(([w]) => w)];
  const wordCounts = [0, 0, ...ranked.map(([, c]) => c)];
  const index = new Map(words.map((w, k) => [w, k]));
  const size = Math.min(words.length, options.numWords ?? words.length);
  return { words, counts: wordCounts, index, size, oovToken };
}

/** The id of one token: its rank if below `size`, else OOV_ID. */
export function tokenId(vocabulary: Vocabulary, token: string): number {
  const id = vocabulary.index.get(token);
  return id !== undefined && id < vocabulary.size ? id : OOV_ID;
}

/** Keras's texts_to_sequences (with an oov_token): every token becomes one id. */
export function textsToSequences(
  vocabulary: Vocabulary,
  texts: readonly (readonly string[])[],
): number[][] {
  return texts.map((tokens) => tokens.map((token) => tokenId(vocabulary, token)));
}

/** Ids back to words (<PAD>, <OOV> for ids 0 and 1). */
export function sequenceToWords(vocabulary: Vocabulary, ids: ArrayLike<number>): string[] {
  return Array.from(ids, (id) => vocabulary.words[id] ?? vocabulary.oovToken);
}

/** The vocabulary as plain JSON (words kept in use only), for export next to trained weights. */
export function vocabularyToJson(vocabulary: Vocabulary): {
  words: string[];
  oovToken: string;
} {
  return { words: vocabulary.words.slice(0, vocabulary.size), oovToken: vocabulary.oovToken };
}

/** A vocabulary from `vocabularyToJson`'s output (checked: <PAD> first, OOV second, no repeats). */
export function vocabularyFromJson(json: unknown): Vocabulary {
  check(
    typeof json === 'object' && json !== null && Array.isArray((json as { words?: unknown }).words),
    'A vocabulary must be an object with a "words" list.',
  );
  const { words, oovToken = OOV_TOKEN } = json as { words: unknown[]; oovToken?: unknown };
  check(typeof oovToken === 'string', 'The vocabulary\'s "oovToken" must be text.');
  check(
    words.length >= 2 && words[0] === PAD_TOKEN && words[1] === oovToken,
    () => `The vocabulary must start with "${PAD_TOKEN}" and "${oovToken}".`,
  );
  check(
    words.every((w) => typeof w === 'string' && w.length > 0),
    'Every word of the vocabulary must be non-empty text.',
  );
  const list = words as string[];
  const index = new Map<string, number>();
  list.forEach((w, k) => {
    check(!index.has(w), () => `The word "${w}" appears twice in the vocabulary.`);
    index.set(w, k);
  });
  return { words: list, counts: list.map(() => 0), index, size: list.length, oovToken };
}
