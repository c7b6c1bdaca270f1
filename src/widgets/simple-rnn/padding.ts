/**
 * The text pipeline of the SimpleRNN lesson in pure functions: sentences → tokens → ids
 * (a vocabulary with an <OOV> token) → one padded matrix → embedding rows. Keras's
 * Tokenizer / pad_sequences conventions: id 0 is padding, id 1 is <OOV>, words are numbered
 * by frequency (ties in first-seen order); padding and truncation default to 'pre'.
 */
import { createRng } from '../../core/random';

export const PAD_ID = 0;
export const OOV_ID = 1;
export const PAD_TOKEN = '<PAD>';
export const OOV_TOKEN = '<OOV>';

export type PadSide = 'pre' | 'post';

/** Lower-case words: letters, digits and Hangul; punctuation is dropped. */
export function tokenize(sentence: string): string[] {
  return sentence
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0);
}

/**
 * The vocabulary of the training sentences: index 0 <PAD>, 1 <OOV>, then words by frequency
 * (ties in first-seen order), at most `maxWords` entries in all (Keras's num_words counts the
 * padding index too).
 */
export function buildVocab(sentences: readonly string[], maxWords = Infinity): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (const w of tokenize(s)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const order = [...counts.keys()];
  const words = order
    .map((w, k) => ({ w, k, n: counts.get(w)! }))
    .sort((a, b) => b.n - a.n || a.k - b.k)
    .map((e) => e.w);
  return [PAD_TOKEN, OOV_TOKEN, ...words].slice(0, Math.max(2, maxWords));
}

/** Ids of a sentence's words; words outside the vocabulary become <OOV> (1). */
export function toIds(sentence: string, vocab: readonly string[]): number[] {
  const index = new Map(vocab.map((w, k) => [w, k] as const));
  return tokenize(sentence).map((w) => {
    const id = index.get(w);
    return id === undefined || id < 2 ? OOV_ID : id;
  });
}

/**
 * Keras's pad_sequences: every row becomes `maxLen` long. Short rows get zeros on the
 * `padding` side; long rows lose tokens on the `truncating` side.
 */
export function padSequences(
  rows: readonly (readonly number[])[],
  maxLen: number,
  padding: PadSide = 'pre',
  truncating: PadSide = 'pre',
): number[][] {
  return rows.map((row) => {
    let kept = row.slice();
    if (kept.length > maxLen) {
      kept = truncating === 'pre' ? kept.slice(kept.length - maxLen) : kept.slice(0, maxLen);
    }
    const fill = new Array<number>(maxLen - kept.length).fill(PAD_ID);
    return padding === 'pre' ? [...fill, ...kept] : [...kept, ...fill];
  });
}

/** A seeded embedding table [vocab, dim], uniform(−0.05, 0.05) like Keras's Embedding. */
export function embeddingTable(vocabSize: number, dim: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: vocabSize }, () =>
    Array.from({ length: dim }, () => rng.uniform(-0.05, 0.05)),
  );
}

/** Looks up one padded row: [maxLen][dim] (the embedding layer's output for that sentence). */
export function embedRow(
  ids: readonly number[],
  table: readonly (readonly number[])[],
): number[][] {
  return ids.map((id) => (table[id] ?? table[OOV_ID]!).slice());
}

/** Counts used to explain a padded batch: how many zeros were added and tokens cut. */
export function paddingStats(
  rows: readonly (readonly number[])[],
  maxLen: number,
): { padded: number; truncated: number } {
  let padded = 0;
  let truncated = 0;
  for (const row of rows) {
    if (row.length < maxLen) padded += maxLen - row.length;
    else truncated += row.length - maxLen;
  }
  return { padded, truncated };
}
